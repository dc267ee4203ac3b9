/** Permute: reorders the axes of each example (the batch axis stays first). */
import type { LayerDef } from './types';
import { ints } from './shared/params';
import { fmtShape } from './shared/windowMath';
import { readIntList } from './shared/kerasConfig';

export const permute: LayerDef = {
  type: 'Permute',
  category: 'Utility',
  description: {
    en: 'Reorders the axes of every example, like transposing a matrix: with dims 2, 1 a sequence of [steps, features] becomes [features, steps]. Values move, but none change. It has no weights.',
    zh: '重新排列每个样本的维度，就像矩阵转置：dims 为 2, 1 时，[步数, 特征] 的序列变成 [特征, 步数]。数值会移动位置，但不会改变。它没有权重。',
  },
  params: [
    {
      name: 'dims',
      kind: 'ints',
      default: [2, 1],
      min: 1,
      max: 5,
      lengths: [1, 2, 3, 4, 5],
      label: { en: 'Dims', zh: '维度顺序' },
      help: {
        en: 'For each output axis, which input axis it takes, counted from 1 (the batch axis is not listed).',
        zh: '每个输出维度取自哪个输入维度，从 1 开始计数（不列出批次维度）。',
      },
    },
  ],
  formula: 'permute',
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    const dims = ints(p, 'dims');
    const sorted = [...dims].sort((a, b) => a - b);
    if (dims.length !== input.length || sorted.some((d, i) => d !== i + 1))
      return {
        error: {
          en: `dims ${dims.join(', ')} must list each of the axes 1–${input.length} of ${fmtShape(input)} once`,
          zh: `dims ${dims.join(', ')} 必须把 ${fmtShape(input)} 的轴 1–${input.length} 各列出一次`,
        },
      };
    return { shape: dims.map((d) => input[d - 1] ?? 0) };
  },
  weights: () => [],
  countMacs: () => 0,
  keras: {
    className: 'Permute',
    toConfig: (p) => ({ dims: ints(p, 'dims') }),
    fromConfig: (c) => ({ dims: readIntList(c, 'dims', 1) }),
  },
};
