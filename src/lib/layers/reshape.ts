/**
 * Reshape: the same values read out in a new shape. Keras allows one −1 entry to be worked
 * out, but tfjs then leaves that axis unknown in the model's shapes (so a Flatten after it
 * fails), so every size must be given.
 */
import type { LayerDef } from './types';
import { ints } from './shared/params';
import { fmtShape, product } from './shared/windowMath';
import { readIntList } from './shared/kerasConfig';

export const reshape: LayerDef = {
  type: 'Reshape',
  category: 'Utility',
  description: {
    en: 'Gives the values a new shape without changing them or their order, for example turning a vector of 784 values into a 28 × 28 × 1 image. The new shape must hold exactly as many values as the old one. Nothing is computed and nothing is learned.',
    zh: '在不改变数值及其顺序的情况下赋予新的形状，例如把 784 个值的向量变成 28 × 28 × 1 的图像。新形状包含的数值个数必须与原来完全相同。它不做计算，也不学习。',
  },
  params: [
    {
      name: 'targetShape',
      kind: 'ints',
      default: [1, 1, 1],
      min: 1,
      max: 1_000_000,
      lengths: [1, 2, 3, 4, 5],
      label: { en: 'Target shape', zh: '目标形状' },
      help: {
        en: 'New shape of one example, without the batch axis; it must hold as many values as the input. (Keras\' −1 for "work it out" is not offered: tfjs would leave that size unknown.)',
        zh: '单个样本的新形状，不含批次维度；其数值个数必须与输入相同。（不提供 Keras 中表示“自动推算”的 −1：tfjs 会让该维度大小未知。）',
      },
    },
  ],
  formula: 'reshape',
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    const target = ints(p, 'targetShape');
    const total = product(input);
    if (product(target) !== total)
      return {
        error: {
          en: `cannot arrange ${total} values (${fmtShape(input)}) as ${fmtShape(target)}`,
          zh: `无法把 ${total} 个值（${fmtShape(input)}）排成 ${fmtShape(target)}`,
        },
      };
    return { shape: [...target] };
  },
  weights: () => [],
  countMacs: () => 0,
  keras: {
    className: 'Reshape',
    toConfig: (p) => ({ target_shape: ints(p, 'targetShape') }),
    fromConfig: (c) => ({ targetShape: readIntList(c, 'target_shape', -1) }),
  },
};
