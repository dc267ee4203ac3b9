/** GaussianDropout: multiplies by normal noise of mean 1 while training. */
import type { LayerDef } from './types';
import { trainingOnly } from './shared/forward';
import { num, rateParam } from './shared/params';
import { readFloat } from './shared/kerasConfig';

export const gaussianDropout: LayerDef = {
  type: 'GaussianDropout',
  category: 'Noise',
  description: {
    en: 'While training, multiplies every value by random noise with mean 1 and standard deviation √(rate / (1 − rate)), a smooth version of dropout that never zeroes values outright. When the net is used it passes values through. It has no weights.',
    zh: '训练时把每个值乘以均值为 1、标准差为 √(rate / (1 − rate)) 的随机噪声，这是 Dropout 的平滑版本，不会直接把值置零。使用网络时它原样传递数值。它没有权重。',
  },
  params: [
    rateParam({
      en: 'Dropout rate the noise imitates; the noise spread is √(rate / (1 − rate)).',
      zh: '噪声所模仿的丢弃率；噪声的标准差为 √(rate / (1 − rate))。',
    }),
  ],
  ...trainingOnly,
  formula: 'passThrough',
  keras: {
    className: 'GaussianDropout',
    toConfig: (p) => ({ rate: num(p, 'rate') }),
    fromConfig: (c) => ({ rate: readFloat(c, 'rate', { min: 0, max: 1 }) }),
  },
};
