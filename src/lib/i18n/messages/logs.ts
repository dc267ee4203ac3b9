import { defineMessages } from '../define';

/** Training logs read from files (Caffe, Keras CSVLogger) and drawn as plot_training_log does. */
export const logsMessages = defineMessages({
  'logs.title': { en: 'Training logs', zh: '训练日志' },
  'logs.lede': {
    en: 'Drop Caffe training logs or Keras CSVLogger files to see test accuracy, test loss, training loss and the learning rate, several runs on one chart.',
    zh: '拖入 Caffe 训练日志或 Keras CSVLogger 文件，查看测试准确率、测试损失、训练损失和学习率，多次训练可以画在同一张图上。',
  },
  'logs.open': { en: 'Open logs…', zh: '打开日志…' },
  'logs.drop': { en: 'Drop training logs here', zh: '把训练日志拖到这里' },
  'logs.empty': {
    en: 'No logs yet. A Caffe log is the text `caffe train` prints (save it with 2>&1 | tee train.log); Keras writes one with the CSVLogger callback.',
    zh: '还没有日志。Caffe 日志就是 `caffe train` 打印的文本（可用 2>&1 | tee train.log 保存）；Keras 用 CSVLogger 回调写出日志。',
  },
  'logs.metric': { en: 'Chart', zh: '图表' },
  'logs.axis': { en: 'Against', zh: '横轴' },
  'logs.testAccuracy': { en: 'Test accuracy', zh: '测试准确率' },
  'logs.testLoss': { en: 'Test loss', zh: '测试损失' },
  'logs.trainLoss': { en: 'Training loss', zh: '训练损失' },
  'logs.learningRate': { en: 'Learning rate', zh: '学习率' },
  'logs.iterations': { en: 'Iterations', zh: '迭代次数' },
  'logs.epochs': { en: 'Epochs', zh: '轮数' },
  'logs.iterationsOrEpochs': {
    en: 'Iterations (Caffe) / epochs (Keras)',
    zh: '迭代次数（Caffe）/ 轮数（Keras）',
  },
  'logs.seconds': { en: 'Seconds', zh: '秒' },
  'logs.noSeconds': {
    en: '{files}: no timestamps, so not drawn against seconds.',
    zh: '{files}：没有时间戳，因此不按秒绘制。',
  },
  'logs.missing': { en: '{files}: no {metric} in this log.', zh: '{files}：该日志中没有{metric}。' },
  'logs.remove': { en: 'Remove {file}', zh: '移除 {file}' },
  'logs.clear': { en: 'Remove all', zh: '全部移除' },
  'logs.exportSvg': { en: 'SVG', zh: 'SVG', same: true },
  'logs.exportPng': { en: 'PNG', zh: 'PNG', same: true },
  'logs.exportHint': { en: 'Save the chart as {format}', zh: '把图表保存为 {format}' },
  'logs.steps': { en: 'Iterations / epochs', zh: '迭代次数 / 轮数' },
  'logs.caffeSpan': { en: 'Caffe · {count} iterations', zh: 'Caffe · {count} 次迭代' },
  'logs.kerasSpan': { en: 'Keras CSVLogger · {count} epochs', zh: 'Keras CSVLogger · {count} 轮' },
  'logs.secondsSpan': { en: '{count} s', zh: '{count} 秒' },
  'logs.failed': { en: '{file}: {reason}', zh: '{file}：{reason}', same: true },
  'logs.read': {
    en: 'Read {count} training log(s): {files}. They are drawn under Train › Training logs.',
    zh: '已读取 {count} 个训练日志：{files}。它们画在“训练 › 训练日志”中。',
  },
  'logs.show': { en: 'Show the chart', zh: '显示图表' },
  'logs.legend': { en: 'Logs', zh: '日志' },
});
