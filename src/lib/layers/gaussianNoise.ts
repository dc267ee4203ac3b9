/** GaussianNoise: adds zero-mean normal noise while training, nothing afterwards. */
import type { LayerDef } from './types';
import { trainingOnly } from './shared/forward';
import { num } from './shared/params';
import { readFloat } from './shared/kerasConfig';

export const gaussianNoise: LayerDef = {
  type: 'GaussianNoise',
  category: 'Noise',
  description: {
    en: 'While training, adds random noise drawn from a normal distribution with mean 0 to every value; when the net is used it does nothing. Seeing slightly different inputs every time makes the net robust to small changes and acts against overfitting. It has no weights.',
    zh: '训练时给每个值加上从均值为 0 的正态分布中抽取的随机噪声；使用网络时它什么也不做。每次看到略有不同的输入，使网络对小的变化更稳健，并能抑制过拟合。它没有权重。',
  },
  params: [
    {
      name: 'stddev',
      kind: 'float',
      default: 0.1,
      min: 0,
      max: 100,
      label: { en: 'Standard deviation', zh: '标准差' },
      help: { en: 'Spread of the noise added to each value.', zh: '加到每个值上的噪声的离散程度。' },
    },
  ],
  ...trainingOnly,
  formula: 'passThrough',
  keras: {
    className: 'GaussianNoise',
    toConfig: (p) => ({ stddev: num(p, 'stddev') }),
    fromConfig: (c) => ({ stddev: readFloat(c, 'stddev', { min: 0 }) }),
  },
};
