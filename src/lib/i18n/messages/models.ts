import { defineMessages } from '../define';

/** Trained and untrained networks: the zoo's marks, its train button and the header's model menu. */
export const modelsMessages = defineMessages({
  'models.trainedTest': {
    en: 'trained on {dataset} · {accuracy} test accuracy',
    zh: '已在 {dataset} 上训练 · 测试准确率 {accuracy}',
  },
  'models.trainedTestSoFar': {
    en: 'trained on {dataset}: {accuracy} test accuracy after {epochs} of {budget} epochs (training continues)',
    zh: '已在 {dataset} 上训练：{epochs} / {budget} 轮后测试准确率 {accuracy}（训练仍在继续）',
  },
  'models.trainedSoFar': {
    en: 'training on {dataset}: epoch {epochs} of {budget} · {accuracy} validation accuracy so far',
    zh: '正在 {dataset} 上训练：第 {epochs} / {budget} 轮 · 目前验证准确率 {accuracy}',
  },
  'models.untrained': { en: 'untrained: random weights', zh: '未训练：随机权重' },
  'models.untrainedHelp': {
    en: 'No trained weights ship for this network: it opens with random weights, so its maps and predictions mean nothing until it is trained.',
    zh: '此网络没有随附的训练权重：打开时使用随机权重，因此在训练之前，它的特征图和预测都没有意义。',
  },
  'models.train': { en: 'Train in the browser', zh: '在浏览器中训练' },
  'models.trainHelp': {
    en: 'Open it with random weights and train it on the built-in shapes dataset in the training panel.',
    zh: '以随机权重打开它，并在训练面板中用内置的形状数据集训练它。',
  },
  'models.opening': { en: 'Opening…', zh: '正在打开…' },
  'models.menu': { en: 'Model', zh: '模型' },
  'models.menuHelp': {
    en: 'The networks with trained weights; the model zoo in the editor has more, untrained.',
    zh: '带有训练权重的网络；编辑器中的模型库还有更多未训练的网络。',
  },
  // Short: the marker must fit the header's menu beside the name (it is the current entry anyway).
  'models.menuCurrent': { en: '{name} (edited)', zh: '{name}（已编辑）' },
  'models.menuUntrained': { en: '{name} (untrained)', zh: '{name}（未训练）' },
  'models.menuPartly': { en: '{name} (partly untrained)', zh: '{name}（部分未训练）' },
  'models.menuInProgress': {
    en: '{name} (training, epoch {epochs}/{budget})',
    zh: '{name}（训练中，第 {epochs}/{budget} 轮）',
  },
});
