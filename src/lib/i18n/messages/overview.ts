import { defineMessages } from '../define';

/** Strings of the network overview (src/views/overview) and the image inputs (src/views/input). */
export const overviewMessages = defineMessages({
  'overview.title': { en: 'Network overview', zh: '网络总览' },
  'overview.region': { en: 'Activation maps of every layer', zh: '每一层的激活图' },
  'overview.help': {
    en: 'Hover a map to see its inputs and kernels; click it or press Enter for its formula. Arrow keys move between maps.',
    zh: '将指针悬停在特征图上可查看它的输入和卷积核；点击或按 Enter 查看公式。方向键在特征图之间移动。',
  },
  'overview.randomWeights': { en: 'random weights', zh: '随机权重' },
  'overview.stale': { en: 'not the edited net', zh: '不是编辑后的网络' },
  'overview.staleHelp': {
    en: 'The editor shows a network the explainer cannot run ({reason}), so this overview still shows the last one it could: {name}.',
    zh: '编辑器中的网络无法在解释器中运行（{reason}），因此这里仍显示上一个能运行的网络：{name}。',
  },
  'overview.backToPretrained': { en: 'Back to the pretrained {name}', zh: '回到预训练的 {name}' },
  'overview.backToPretrainedHelp': {
    en: 'Opens the model this page came with, with its trained weights and class names, as it was before any edit or training. Undo in the editor brings your network back.',
    zh: '重新打开本页自带的模型，恢复其训练好的权重和类别名称，回到任何编辑或训练之前的状态。在编辑器中撤销即可找回你的网络。',
  },
  'overview.backFailed': {
    en: 'The pretrained model could not be opened again: {reason}',
    zh: '无法重新打开预训练模型：{reason}',
  },
  'overview.randomWeightsHelp': {
    en: 'This demo network has never been trained: its weights are random, so its maps and prediction mean nothing. It is here to show that the views work for any conv net.',
    zh: '这个演示网络从未训练过：它的权重是随机的，因此特征图和预测都没有意义。它用来展示这些视图适用于任何卷积网络。',
  },
  'overview.partlyUntrained': { en: 'partly untrained', zh: '部分未训练' },
  'overview.partlyUntrainedHelp': {
    en: 'An edit changed the weight shapes of {layers}: those layers were re-initialised with random weights, so the maps after them and the prediction come from a partly untrained net. Train it in the training panel, or undo the edit.',
    zh: '一次编辑改变了 {layers} 的权重形状：这些层被重新初始化为随机权重，因此它们之后的特征图和预测来自部分未训练的网络。可以在训练面板中训练它，或撤销这次编辑。',
  },
  'overview.untrainedLayer': { en: 'untrained', zh: '未训练' },
  'overview.predictionUntrained': { en: 'from a partly untrained net', zh: '来自部分未训练的网络' },
  'overview.predictionRandom': { en: 'from random weights: means nothing', zh: '来自随机权重：没有意义' },
  'overview.accuracyStale': {
    en: 'The test accuracy of {accuracy} was measured for the pretrained net; {count} of its layers have been re-initialised since, so it no longer applies.',
    zh: '测试准确率 {accuracy} 是在预训练网络上测得的；此后它有 {count} 个层被重新初始化，因此这一数字不再适用。',
  },
  'overview.unknownNet': {
    en: 'There is no demo network "{name}"; the known ones are {names}.',
    zh: '没有名为“{name}”的演示网络；可用的有 {names}。',
  },
  'overview.noImage': {
    en: 'Give the network an image to see what every layer computes.',
    zh: '给网络一张图像，看看每一层计算出什么。',
  },

  'overview.range': { en: 'Colour range', zh: '颜色范围' },
  'overview.range.neuron': { en: 'Per map', zh: '每张图' },
  'overview.range.layer': { en: 'Per layer', zh: '每层' },
  'overview.range.block': { en: 'Per block', zh: '每个块' },
  'overview.range.network': { en: 'Whole network', zh: '整个网络' },
  'overview.range.neuronHelp': { en: 'each map uses its own range', zh: '每张图使用自己的范围' },
  'overview.details': { en: 'Layer details', zh: '层的详细信息' },
  'overview.legendSigned': { en: 'negative · 0 · positive', zh: '负 · 0 · 正' },
  'overview.legendPositive': { en: '0 · positive (ReLU, pooling)', zh: '0 · 正（ReLU、池化）' },
  'overview.legendInput': { en: 'pixel value 0–1', zh: '像素值 0–1' },

  'overview.block': { en: 'Block {n}', zh: '第 {n} 块' },
  'overview.blockInput': { en: 'Input', zh: '输入' },
  'overview.blockHead': { en: 'Classifier', zh: '分类器' },
  'overview.params': { en: '{n} params', zh: '{n} 个参数' },
  'overview.more': { en: '+{n} more', zh: '另外 {n} 个' },
  'overview.moreShort': { en: '+{n}', zh: '+{n}', same: true },
  'overview.fewer': { en: 'Show fewer', zh: '收起' },
  'overview.moreLabel': {
    en: 'Show all {total} channels of {layer}',
    zh: '显示 {layer} 的全部 {total} 个通道',
  },
  'overview.notDrawn': { en: 'not drawn', zh: '未绘制' },
  'overview.channelRGB0': { en: 'red', zh: '红' },
  'overview.channelRGB1': { en: 'green', zh: '绿' },
  'overview.channelRGB2': { en: 'blue', zh: '蓝' },

  'overview.neuronButton': {
    en: '{layer}, channel {channel}: open its detail',
    zh: '{layer}，通道 {channel}：打开详情',
  },
  'overview.mapLabel': {
    en: '{layer}, channel {channel}: values from {min} to {max}',
    zh: '{layer}，通道 {channel}：数值从 {min} 到 {max}',
  },
  'overview.unitLabel': { en: '{layer}, unit {channel}: {value}', zh: '{layer}，单元 {channel}：{value}' },
  'overview.stripLabel': {
    en: '{layer}: {count} values from {min} to {max}',
    zh: '{layer}：{count} 个数值，从 {min} 到 {max}',
  },

  'overview.tip.channel': { en: 'Channel {channel}', zh: '通道 {channel}' },
  'overview.tip.unit': { en: 'Unit {channel}', zh: '单元 {channel}' },
  'overview.tip.shape': { en: 'Map {shape}', zh: '图 {shape}' },
  'overview.tip.range': { en: 'Min {min} · max {max}', zh: '最小 {min} · 最大 {max}' },
  'overview.tip.cell': { en: 'Row {row}, column {col}: {value}', zh: '第 {row} 行，第 {col} 列：{value}' },
  'overview.tip.volumeCell': {
    en: 'Slice {depth}, row {row}, column {col}: {value}',
    zh: '第 {depth} 层切片，第 {row} 行，第 {col} 列：{value}',
  },
  'overview.tip.index': { en: 'Value {index}: {value}', zh: '第 {index} 个值：{value}' },
  'overview.tip.sourceVolume': {
    en: 'from {layer} slice {depth}, row {row}, column {col}, channel {channel}',
    zh: '来自 {layer} 第 {depth} 层切片，第 {row} 行，第 {col} 列，通道 {channel}',
  },
  'overview.tip.source': {
    en: 'from {layer} row {row}, column {col}, channel {channel}',
    zh: '来自 {layer} 第 {row} 行，第 {col} 列，通道 {channel}',
  },
  'overview.tip.kernel': {
    en: 'Kernels {size}, one per input channel',
    zh: '卷积核 {size}，每个输入通道一个',
  },
  'overview.tip.open': { en: 'Click or Enter: open', zh: '点击或 Enter：打开' },

  'overview.prediction': { en: 'Prediction', zh: '预测' },
  'overview.readAbout': { en: 'read about {type} in the article', zh: '在文章中阅读 {type} 的说明' },
  'overview.topClass': { en: '{name} ({p})', zh: '{name}（{p}）', same: true },

  'overview.summary': { en: 'Model summary', zh: '模型概要' },
  'overview.enlarged': { en: '{layer}, channel {channel}', zh: '{layer}，通道 {channel}' },
  'overview.enlargedHelp': {
    en: '{rows} × {cols} values, min {min}, max {max}',
    zh: '{rows} × {cols} 个数值，最小 {min}，最大 {max}',
  },

  'input.title': { en: 'Image', zh: '图像' },
  'input.examples': { en: 'Examples', zh: '示例' },
  'input.drawn.title': { en: 'Drawn by our code', zh: '由我们的代码绘制' },
  'input.drawnLabel': { en: '{name}, drawn by our code', zh: '{name}，由我们的代码绘制' },
  'input.patterns.title': {
    en: 'What the network thinks each class looks like',
    zh: '网络心目中每个类别的样子',
  },
  'input.patternLabel': { en: 'what the network thinks “{name}” looks like', zh: '网络心目中的“{name}”' },
  // Once another net (or other weights) is shown, the patterns are still the pretrained net's.
  'input.patterns.titleOf': {
    en: 'What the pretrained {net} thinks each class looks like',
    zh: '预训练的 {net} 心目中每个类别的样子',
  },
  'input.patternLabelOf': {
    en: 'what the pretrained {net} thinks “{name}” looks like',
    zh: '预训练的 {net} 心目中的“{name}”',
  },
  'input.about.drawn': {
    en: 'This {name} is not a photo: our code drew it from shapes, gradients, shading and noise. The network says {top} ({p}).',
    zh: '这张“{name}”不是照片：是我们的代码用形状、渐变、明暗和噪声画出来的。网络认为是“{top}”（{p}）。',
  },
  'input.about.wrong': { en: 'It gets this one wrong.', zh: '这一张它认错了。' },
  'input.about.random': {
    en: 'Its weights are random, so its answer means nothing yet.',
    zh: '它的权重是随机的，所以这个回答还没有意义。',
  },
  'input.about.unnamed': {
    en: 'Its classes have no names, so there is no telling whether that is right.',
    zh: '它的类别还没有名字，所以无法判断这个回答对不对。',
  },
  'input.about.notAClass': {
    en: '“{name}” is not one of its classes, so it cannot be right here.',
    zh: '“{name}”不是它的类别之一，所以这里它不可能答对。',
  },
  'input.about.pattern': {
    en: 'What the pretrained TinyVGG thinks “{name}” looks like: we started from noise and changed the pixels, step by step, until it was sure. Real photos look quite different.',
    zh: '预训练的 TinyVGG 心目中的“{name}”：从噪声开始，一步步修改像素，直到它确信为止。真实照片看起来很不一样。',
  },
  'input.about.next': {
    en: 'Next: a photo of your own (upload it, or drop or paste it anywhere).',
    zh: '下一步：用你自己的照片（上传，或在任意位置拖放 / 粘贴）。',
  },
  'input.examplesMissing': {
    en: 'No example images (run npm run examples).',
    zh: '没有示例图像（请运行 npm run examples）。',
  },
  'input.upload': { en: 'Your photo…', zh: '你的照片…' },
  'input.url.label': { en: 'Image address (URL)', zh: '图像地址（URL）' },
  'input.url.placeholder': { en: 'or paste an image link…', zh: '或粘贴图像链接…' },
  'input.url.open': { en: 'Open', zh: '打开' },
  'input.url.opening': { en: 'Opening…', zh: '正在打开…' },
  'input.camera': { en: 'Camera', zh: '摄像头' },
  'input.draw': { en: 'Draw', zh: '绘制' },
  'input.dropHint': {
    en: 'Drop or paste an image anywhere on the page to explain it.',
    zh: '在页面任意位置拖放或粘贴图像即可解释它。',
  },
  'input.dropHere': { en: 'Drop the image to explain it', zh: '松开以解释这张图像' },
  'input.original': { en: 'Your image', zh: '你的图像' },
  'input.modelSees': { en: 'Model input {size}×{size}', zh: '模型输入 {size}×{size}' },
  'input.fit': { en: 'Fit to square', zh: '适配为正方形' },
  'input.fit.crop': { en: 'Crop', zh: '裁剪' },
  'input.fit.letterbox': { en: 'Letterbox', zh: '留边' },
  'input.pasted': { en: 'pasted image', zh: '粘贴的图像' },
  'input.dropped': { en: 'dropped image', zh: '拖放的图像' },
  'input.drawing': { en: 'drawing', zh: '手绘' },
  'input.cameraImage': { en: 'camera photo', zh: '摄像头照片' },
  'input.close': { en: 'Close', zh: '关闭' },

  'input.camera.title': { en: 'Take a photo', zh: '拍照' },
  'input.camera.capture': { en: 'Capture', zh: '拍摄' },
  'input.camera.starting': { en: 'Starting the camera…', zh: '正在启动摄像头…' },
  'input.camera.denied': {
    en: 'Camera access was denied. Allow it in the browser’s site settings, or use another way to give an image.',
    zh: '摄像头访问被拒绝。请在浏览器的网站设置中允许，或用其他方式提供图像。',
  },
  'input.camera.unavailable': {
    en: 'No camera is available here ({reason}).',
    zh: '这里没有可用的摄像头（{reason}）。',
  },
  'input.camera.notFound': {
    en: 'No camera was found. Connect one, or use another way to give an image.',
    zh: '没有找到摄像头。请连接摄像头，或用其他方式提供图像。',
  },
  'input.camera.busy': {
    en: 'The camera could not be started: another app or tab may be using it. Close that and try again.',
    zh: '无法启动摄像头：可能有其他应用或标签页正在使用它。请关闭后重试。',
  },
  'input.camera.unsuitable': {
    en: 'The camera cannot give a picture of the size asked for.',
    zh: '摄像头无法提供所需尺寸的画面。',
  },
  'input.camera.aborted': {
    en: 'Starting the camera was interrupted. Close this dialog and try again.',
    zh: '摄像头启动被中断。请关闭此对话框后重试。',
  },
  'input.camera.noApi': {
    en: 'This browser cannot use a camera. Use another way to give an image.',
    zh: '此浏览器无法使用摄像头。请用其他方式提供图像。',
  },
  'input.camera.insecure': {
    en: 'The camera only works on https or localhost pages.',
    zh: '摄像头只能在 https 或 localhost 页面上使用。',
  },

  'input.live.follow': { en: 'Follow live', zh: '实时跟随' },
  'input.live.hint': {
    en: 'Capture explains one photo; Follow live keeps the overview and the prediction following the camera.',
    zh: '“拍摄”解释一张照片；“实时跟随”让总览和预测持续跟随摄像头画面。',
  },
  'input.live.label': { en: 'Live camera', zh: '实时摄像头' },
  'input.live.image': { en: 'live camera', zh: '实时摄像头' },
  'input.live.rate': { en: 'Live · {rate} updates/s', zh: '实时 · 每秒更新 {rate} 次' },
  'input.live.paused': { en: 'Paused', zh: '已暂停' },
  'input.live.pause': { en: 'Pause', zh: '暂停' },
  'input.live.resume': { en: 'Resume', zh: '继续' },
  'input.live.stop': { en: 'Stop camera', zh: '关闭摄像头' },
  'input.live.ended': {
    en: 'The camera stopped sending pictures (unplugged, or taken by another app). The last frame stays.',
    zh: '摄像头已停止传送画面（被拔出，或被其他应用占用）。最后一帧保留。',
  },
  'input.live.failed': {
    en: 'The live camera stopped: the network could not explain a frame ({reason}). The last frame stays.',
    zh: '实时摄像头已停止：网络无法解释这一帧（{reason}）。最后一帧保留。',
  },

  'input.paint.title': { en: 'Draw an image', zh: '绘制图像' },
  'input.paint.canvas': { en: 'Drawing canvas: drag to paint', zh: '绘图画布：拖动以绘画' },
  'input.paint.colour': { en: 'Colour', zh: '颜色' },
  'input.paint.brush': { en: 'Brush size', zh: '笔刷大小' },
  'input.paint.brushSize': { en: '{n} px brush', zh: '{n} 像素笔刷' },
  'input.paint.black': { en: 'Black', zh: '黑色' },
  'input.paint.white': { en: 'White', zh: '白色' },
  'input.paint.red': { en: 'Red', zh: '红色' },
  'input.paint.orange': { en: 'Orange', zh: '橙色' },
  'input.paint.yellow': { en: 'Yellow', zh: '黄色' },
  'input.paint.green': { en: 'Green', zh: '绿色' },
  'input.paint.blue': { en: 'Blue', zh: '蓝色' },
  'input.paint.sky': { en: 'Sky blue', zh: '天蓝色' },
  'input.paint.brown': { en: 'Brown', zh: '棕色' },
  'input.paint.grey': { en: 'Grey', zh: '灰色' },
  'input.paint.clear': { en: 'Clear', zh: '清除' },
  'input.paint.use': { en: 'Use this image', zh: '使用这张图像' },

  'input.noImageInClipboard': { en: 'The pasted content holds no image.', zh: '粘贴的内容中没有图像。' },
  'input.noFileDropped': {
    en: 'What was dropped is not a file; drop an image file.',
    zh: '拖放的不是文件；请拖放一个图像文件。',
  },
  'input.exampleFailed': {
    en: 'The example {file} could not be loaded ({reason}).',
    zh: '无法加载示例 {file}（{reason}）。',
  },
  'overview.flow.label': {
    en: 'How data flows between the layers: {n} connections jump over layers (shortcuts and branches), {joins} layers join paths.',
    zh: '数据在各层之间的流向：{n} 条连接跳过若干层（捷径与分支），{joins} 个层合并多条路径。',
  },
  'overview.flow.skip': {
    en: '{from} → {to}, past {n} columns',
    zh: '{from} → {to}，跨过 {n} 列',
  },
  'overview.flow.shortcut': { en: 'shortcut', zh: '捷径' },
  'overview.flow.join': {
    en: '{layer} ({type}) joins the paths that lead into it',
    zh: '{layer}（{type}）合并通向它的各条路径',
  },
});
