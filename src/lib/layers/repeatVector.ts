/** RepeatVector: a [features] vector repeated n times into an [n, features] sequence. */
import type { LayerDef } from './types';
import { num } from './shared/params';
import { rankError } from './shared/windowMath';
import { readInt } from './shared/kerasConfig';

export const repeatVector: LayerDef = {
  type: 'RepeatVector',
  category: 'Utility',
  description: {
    en: 'Copies a vector n times to make a sequence of n identical steps. Sequence-to-sequence models use it to hand one summary vector from the encoder to every step of a recurrent decoder. It has no weights.',
    zh: '把一个向量复制 n 次，构成由 n 个相同步组成的序列。序列到序列模型用它把编码器得到的一个概括向量交给循环解码器的每一步。它没有权重。',
  },
  params: [
    {
      name: 'n',
      kind: 'int',
      default: 3,
      min: 1,
      max: 10000,
      label: { en: 'Repeats', zh: '重复次数' },
      help: { en: 'Number of steps in the output sequence.', zh: '输出序列的步数。' },
    },
  ],
  formula: 'repeatVector',
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    const bad = rankError(input, 1, { en: 'a vector', zh: '一个向量' });
    if (bad) return { error: bad };
    return { shape: [num(p, 'n'), input[0] ?? 0] };
  },
  weights: () => [],
  countMacs: () => 0,
  keras: {
    className: 'RepeatVector',
    toConfig: (p) => ({ n: num(p, 'n') }),
    fromConfig: (c) => ({ n: readInt(c, 'n', { min: 1 }) }),
  },
};
