/** Dropout: zeroes a random fraction of values while training; passes data through otherwise. */
import type { LayerDef } from './types';
import { trainingOnly } from './shared/forward';
import { num } from './shared/params';
import { readFloat } from './shared/kerasConfig';

export const dropout: LayerDef = {
  type: 'Dropout',
  category: 'Common',
  description: {
    en: 'While training, sets a random fraction of its inputs to zero and scales the rest up, so that no unit can rely on a few others; this fights overfitting. When the net is used it passes values through unchanged.',
    zh: '训练时随机把一部分输入置零，并放大其余部分，使任何单元都不能依赖少数其他单元，从而抑制过拟合。使用网络时它原样传递数值。',
  },
  params: [
    {
      name: 'rate',
      kind: 'float',
      default: 0.5,
      min: 0,
      max: 0.99,
      label: { en: 'Rate', zh: '丢弃率' },
      help: { en: 'Fraction of inputs set to zero while training.', zh: '训练时置零的输入比例。' },
    },
  ],
  ...trainingOnly,
  formula: 'passThrough',
  keras: {
    className: 'Dropout',
    toConfig: (p) => ({ rate: num(p, 'rate') }),
    fromConfig: (c) => ({ rate: readFloat(c, 'rate', { min: 0, max: 1 }) }),
  },
};
