/** AlphaDropout: dropout that keeps SELU activations at mean 0 and variance 1. */
import type { LayerDef } from './types';
import { trainingOnly } from './shared/forward';
import { num, rateParam } from './shared/params';
import { readFloat } from './shared/kerasConfig';

export const alphaDropout: LayerDef = {
  type: 'AlphaDropout',
  category: 'Noise',
  description: {
    en: "Dropout made for SELU networks: while training, dropped values are set to SELU's negative limit instead of zero, and the result is shifted and scaled so the mean and variance stay unchanged. That keeps the self-normalising property that ordinary dropout would break. It has no weights.",
    zh: '为 SELU 网络设计的 Dropout：训练时被丢弃的值设为 SELU 的负极限而不是零，再对结果做平移和缩放，使均值和方差保持不变。这样保留了普通 Dropout 会破坏的自归一化性质。它没有权重。',
  },
  params: [
    rateParam({ en: 'Fraction of values dropped while training.', zh: '训练时被丢弃的值的比例。' }, 0.1),
  ],
  ...trainingOnly,
  formula: 'passThrough',
  keras: {
    className: 'AlphaDropout',
    toConfig: (p) => ({ rate: num(p, 'rate') }),
    fromConfig: (c) => ({ rate: readFloat(c, 'rate', { min: 0, max: 1 }) }),
  },
};
