import { defineMessages } from '../define';

export const appMessages = defineMessages({
  'app.title': { en: 'CNN Studio', zh: 'CNN Studio', same: true },
  'app.tagline': {
    en: 'See inside a convolutional neural network, layer by layer.',
    zh: '逐层看清卷积神经网络的内部。',
  },
  'app.language': { en: 'Language', zh: '语言' },
  'app.loadingModel': { en: 'Loading the model…', zh: '正在加载模型…' },
  'app.loadFailed': { en: 'The model could not be loaded: {reason}', zh: '无法加载模型：{reason}' },
  'app.engineFailed': {
    en: 'TensorFlow.js could not start: {reason}. Images are still explained; editing, training and saving the network need it.',
    zh: 'TensorFlow.js 无法启动：{reason}。图像仍会被解释；编辑、训练和保存网络需要它。',
  },
  'app.backend': { en: 'Backend: {name}', zh: '计算后端：{name}' },
  'app.model': { en: 'Model', zh: '模型' },
  'app.testAccuracy': {
    en: '{accuracy} accuracy on {count} CIFAR-10 test images',
    zh: '在 {count} 张 CIFAR-10 测试图像上准确率 {accuracy}',
  },
  'pipeline.layers': { en: 'Layers', zh: '网络层' },
  'pipeline.layer': { en: 'Layer', zh: '层' },
  'pipeline.type': { en: 'Type', zh: '类型' },
  'pipeline.outputShape': { en: 'Output shape', zh: '输出形状' },
  'pipeline.params': { en: 'Parameters', zh: '参数量' },
  'pipeline.macs': { en: 'Multiply-adds', zh: '乘加次数' },
  'pipeline.total': { en: 'Total', zh: '总计' },
  'pipeline.chooseImage': { en: 'Choose an image…', zh: '选择图像…' },
  'pipeline.prediction': { en: 'Prediction', zh: '预测' },
  'pipeline.noImage': { en: 'Pick an image to classify.', zh: '请选择一张要分类的图像。' },
  'pipeline.original': { en: 'Your image', zh: '你的图像' },
  'pipeline.modelInput': { en: 'What the model sees ({size}×{size})', zh: '模型看到的图像（{size}×{size}）' },
  'pipeline.topClass': { en: 'Top class: {name} ({p})', zh: '最可能的类别：{name}（{p}）' },
  'image.empty': { en: '{file}: the file is empty', zh: '{file}：文件是空的' },
  'image.undecodable': {
    en: '{file}: cannot be read as an image ({reason})',
    zh: '{file}：无法作为图像读取（{reason}）',
  },
  'image.unsupported': {
    en: '{file}: {format} images are not supported; use PNG, JPEG, WebP, BMP or GIF',
    zh: '{file}：不支持 {format} 图像；请使用 PNG、JPEG、WebP、BMP 或 GIF',
  },
  'image.animated': {
    en: '{file}: animated {format} images are not supported; use a still PNG, JPEG, WebP, BMP or GIF',
    zh: '{file}：不支持动态 {format} 图像；请使用静态的 PNG、JPEG、WebP、BMP 或 GIF',
  },
  'image.tooLarge': {
    en: '{file}: a {width}×{height} image needs {need} of memory to decode, more than the {budget} this page allows one image (about {max} megapixels); scale it down and try again',
    zh: '{file}：{width}×{height} 的图像解码需要 {need} 内存，超过本页面为一张图像留出的 {budget}（约 {max} 百万像素）；请先缩小后再试',
  },
  'image.noSize': {
    en: '{file}: its header gives a size of {width}×{height}, which no image has',
    zh: '{file}：文件头给出的尺寸为 {width}×{height}，这不是有效的图像尺寸',
  },
  'image.notImage': {
    en: '{file}: not an image file (its content is {kind})',
    zh: '{file}：不是图像文件（内容为 {kind}）',
  },
  'image.kept': { en: 'The current image is kept.', zh: '当前图像保持不变。' },
  'image.urlEmpty': { en: 'Type or paste the address of an image first', zh: '请先输入或粘贴一张图像的地址' },
  'image.urlInvalid': {
    en: '{url} is not a web address (it should start with https://)',
    zh: '{url} 不是网址（应以 https:// 开头）',
  },
  'image.urlScheme': {
    en: '{url}: only http:// and https:// links (or data: URLs) can be opened here',
    zh: '{url}：这里只能打开 http:// 和 https:// 链接（或 data: 网址）',
  },
  'image.urlBlocked': {
    en: '{url}: the image could not be read. The server at {host} does not let other sites read its images (it sends no cross-origin permission, CORS), or it could not be reached. Save the image and upload the file instead',
    zh: '{url}：无法读取该图像。{host} 上的服务器不允许其他网站读取它的图像（没有发送跨域许可，即 CORS），或者无法连接。请先保存图像，再上传该文件',
  },
  'image.urlHttp': { en: '{url}: the server answered {status}', zh: '{url}：服务器返回 {status}' },
  'image.urlTooBig': {
    en: '{url}: more than {max} MB, too large to open as an image here',
    zh: '{url}：超过 {max} MB，太大，无法在这里作为图像打开',
  },
});
