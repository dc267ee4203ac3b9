import { defineMessages } from '../define';

export const formatsMessages = defineMessages({
  'formats.pane': { en: 'Model as text', zh: '模型文本' },
  'formats.format': { en: 'Format', zh: '格式' },
  'formats.apply': { en: 'Apply', zh: '应用' },
  'formats.applyHint': {
    en: 'Use this text for the graph and the explainer ({shortcut})',
    zh: '用这段文本更新网络图和解释器（{shortcut}）',
  },
  'formats.revert': { en: 'Revert', zh: '还原' },
  'formats.revertHint': {
    en: 'Throw away the edits and show the current model',
    zh: '放弃修改，显示当前模型',
  },
  'formats.open': { en: 'Open file…', zh: '打开文件…' },
  'formats.openHint': {
    en: 'Open an ONNX .onnx (as PyTorch exports it, with its weights), a Caffe .prototxt or .caffemodel (pick its deploy .prototxt with it, or open it alone), a TensorFlow GraphDef .pbtxt, a Keras / TensorFlow.js model.json (pick its .bin weight files with it) or CNN Studio JSON; you can also drop files on the text. A labels.txt, classes.txt or synset_words.txt picked with the model names its classes; Caffe training logs and Keras CSVLogger files go to the training-log chart',
    zh: '打开 ONNX .onnx（PyTorch 导出的、含权重的文件）、Caffe .prototxt 或 .caffemodel（连同它的部署 .prototxt 一起选择，或单独打开）、TensorFlow GraphDef .pbtxt、Keras / TensorFlow.js model.json（连同它的 .bin 权重文件一起选择）或 CNN Studio JSON；也可以把文件拖到文本上。与模型一起选择的 labels.txt、classes.txt 或 synset_words.txt 会为其类别命名；Caffe 训练日志和 Keras CSVLogger 文件会画到训练日志图中',
  },
  'formats.download': { en: 'Download', zh: '下载' },
  'formats.downloadHint': { en: 'Save this text as {file}', zh: '把这段文本保存为 {file}' },
  'formats.downloadWeights': { en: 'With weights', zh: '含权重' },
  'formats.downloadWeightsHint': {
    en: 'Save model.json and its weights.bin ({size}), the files TensorFlow.js loads',
    zh: '保存 model.json 及其 weights.bin（{size}），即 TensorFlow.js 加载的文件',
  },
  'formats.downloadFrozenHint': {
    en: 'Save the GraphDef with the current weights as constants ({size}), as a frozen TensorFlow graph holds them',
    zh: '把当前权重作为常量写入 GraphDef 并保存（{size}），与冻结的 TensorFlow 图相同',
  },
  'formats.downloadOnnx': { en: 'ONNX', zh: 'ONNX', same: true },
  'formats.downloadOnnxHint': {
    en: 'Save the model with its weights ({size}) and class names as {file}, an ONNX file (opset 13) that onnxruntime and PyTorch tools read',
    zh: '把模型连同权重（{size}）和类别名称保存为 {file}，即 onnxruntime 和 PyTorch 工具都能读取的 ONNX 文件（opset 13）',
  },
  'formats.copyLink': { en: 'Copy link', zh: '复制链接' },
  'formats.copyLinkHint': {
    en: 'A link that opens this architecture with its class names (without its weights)',
    zh: '一个能打开此架构及其类别名称（不含权重）的链接',
  },
  'formats.linkCopied': {
    en: 'Link copied. It opens this architecture; the weights stay here.',
    zh: '链接已复制。它会打开此架构；权重不会随链接分享。',
  },
  'formats.linkManual': { en: 'Copy this link:', zh: '请复制此链接：' },
  'formats.readOnly': {
    en: 'PyTorch code is written from the model and cannot be read back; edit the model in another format.',
    zh: 'PyTorch 代码由模型生成，不能读回；请在其他格式中编辑模型。',
  },
  'formats.edited': {
    en: 'Edited: press {shortcut} or Apply to use it.',
    zh: '已修改：按 {shortcut} 或“应用”使其生效。',
  },
  'formats.applied': { en: 'Applied: {count} layers.', zh: '已应用：{count} 层。' },
  'formats.appliedWeights': {
    en: 'Opened {file} with its own weights: {count} layers.',
    zh: '已打开 {file} 并使用其自带的权重：{count} 层。',
  },
  'formats.opened': { en: 'Opened {file}: {count} layers.', zh: '已打开 {file}：{count} 层。' },
  'formats.freshWeights': {
    en: 'It carries no weights, so the explainer runs it with fresh random weights: its prediction means nothing until it is trained (or opened together with its weight files).',
    zh: '文件不含权重，因此解释器以新的随机权重运行它：在训练之前（或与其权重文件一起打开之前），它的预测没有意义。',
  },
  'formats.unchanged': { en: 'Nothing was changed.', zh: '没有做任何更改。' },
  'formats.errorAt': { en: 'Line {line}, column {column}', zh: '第 {line} 行第 {column} 列' },
  'formats.goToError': { en: 'Show the place in the text', zh: '在文本中显示出错位置' },
  'formats.notRunnable': {
    en: 'The graph shows it; the explainer keeps the last net it can run: {reason}',
    zh: '网络图已更新；解释器保留上一个能运行的网络：{reason}',
  },
  'formats.cannotWrite': {
    en: 'This model cannot be written as {format}: {reason}',
    zh: '无法把此模型写成 {format}：{reason}',
  },
  'formats.outOfDate': {
    en: 'The model changed since you started editing.',
    zh: '你开始编辑之后模型已改变。',
  },
  'formats.showCurrent': { en: 'Show the current model', zh: '显示当前模型' },
  'formats.drop': { en: 'Drop model files to open them', zh: '松开以打开模型文件' },
  'formats.noModelFile': {
    en: 'None of the files is a model: give an .onnx, a .caffemodel, a .prototxt, a .pbtxt, a model.json or CNN Studio .json file (weight .bin files go with a model.json).',
    zh: '这些文件中没有模型：请提供 .onnx、.caffemodel、.prototxt、.pbtxt、model.json 或 CNN Studio .json 文件（.bin 权重文件需与 model.json 一起提供）。',
  },
  'formats.fileTooLarge': {
    en: '{file} is {size}, more than the {budget} CNN Studio reads as a model description.',
    zh: '{file} 有 {size}，超过了 CNN Studio 作为模型描述文件读取的上限 {budget}。',
  },
  'formats.modelOverBudget': {
    en: '{file} is {size}; CNN Studio reads weight files up to {budget} (its memory budget for one model: the weights are held by the reader, the page and the engine at once). The current model is kept.',
    zh: '{file} 有 {size}；CNN Studio 读取的权重文件最大为 {budget}（单个模型的内存预算：读取器、页面和引擎会同时持有这些权重）。当前模型保持不变。',
  },
  'formats.reading': {
    en: 'Reading {file}: {loaded} of {total} ({percent} %)',
    zh: '正在读取 {file}：{loaded} / {total}（{percent}%）',
  },
  'formats.building': {
    en: 'Building {file} in TensorFlow.js…',
    zh: '正在用 TensorFlow.js 构建 {file}…',
  },
  'formats.decoding': { en: 'Decoding {file} ({size})…', zh: '正在解码 {file}（{size}）…' },
  'formats.fileNotRead': {
    en: '{file} could not be read (was it moved or deleted?). The current model is kept.',
    zh: '无法读取 {file}（文件是否已被移动或删除？）。当前模型保持不变。',
  },
  'formats.readerFailed': {
    en: 'Opening {file} failed: {reason}. The current model is kept.',
    zh: '打开 {file} 失败：{reason}。当前模型保持不变。',
  },
  'formats.fileUnreadable': { en: '{file} cannot be read as text.', zh: '无法把 {file} 作为文本读取。' },
  'formats.lines': { en: '{count} lines', zh: '{count} 行' },
  'formats.shareFailed': { en: 'The shared link could not be opened.', zh: '无法打开分享的链接。' },
  'formats.shareDefault': { en: 'The default model is shown instead.', zh: '改为显示默认模型。' },
  'formats.dismiss': { en: 'Dismiss', zh: '关闭' },
});
