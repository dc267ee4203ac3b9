/** Sigmoid: 1 / (1 + e^−x), squashing every value into (0, 1). */
import { fixedActivation } from './shared/fixedActivation';

export const sigmoid = fixedActivation('Sigmoid', 'sigmoid', {
  en: 'Squashes every value into the range 0 to 1 with 1 / (1 + e^−x): large negative inputs give almost 0, large positive ones almost 1. It turns a score into a probability for yes/no questions and serves as the gates of LSTM and GRU; in deep stacks it slows learning because its slope is tiny away from 0.',
  zh: '用 1 / (1 + e^−x) 把每个值压缩到 0 到 1 之间：很大的负输入接近 0，很大的正输入接近 1。它把分数变成是/否问题的概率，也用作 LSTM 和 GRU 的门；在深层网络中，由于远离 0 处斜率很小，它会减慢学习。',
});
