/** MeanSquaredError: the mean of (prediction − target)², the usual regression loss. */
import { lossLayer } from './shared/loss';

export const meanSquaredError = lossLayer(
  'MeanSquaredError',
  {
    en: 'The usual loss for predicting numbers: the mean of the squared differences between prediction and target. Squaring punishes large errors much more than small ones, and its gradient is simply twice the error.',
    zh: '预测数值时常用的损失：预测值与目标之差的平方的平均值。平方使大的误差比小的误差受到重得多的惩罚，其梯度就是误差的两倍。',
  },
  'meanSquaredError',
);
