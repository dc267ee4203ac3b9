/** Masking: marks the steps of a sequence whose features all equal a value as padding. */
import type { LayerDef } from './types';
import { num } from './shared/params';
import { readFloat } from './shared/kerasConfig';

export const masking: LayerDef = {
  type: 'Masking',
  category: 'Utility',
  description: {
    en: 'Marks every step of a sequence whose features all equal the mask value as padding, so that the recurrent layers after it skip those steps. This lets sentences of different lengths share one batch, padded with zeros. The values themselves pass through unchanged.',
    zh: '把所有特征都等于掩码值的序列步标记为填充，使其后的循环层跳过这些步。这样不同长度的句子可以用 0 填充后放进同一个批次。数值本身原样通过。',
  },
  params: [
    {
      name: 'maskValue',
      kind: 'float',
      default: 0,
      min: -1e6,
      max: 1e6,
      label: { en: 'Mask value', zh: '掩码值' },
      help: {
        en: 'Steps whose features all equal this value are skipped.',
        zh: '所有特征都等于该值的步会被跳过。',
      },
    },
  ],
  formula: 'masking',
  arity: { min: 1, max: 1 },
  inferShape: (_p, [input = []]) => ({ shape: [...input] }),
  weights: () => [],
  countMacs: () => 0,
  keras: {
    className: 'Masking',
    toConfig: (p) => ({ mask_value: num(p, 'maskValue') }),
    fromConfig: (c) => ({ maskValue: readFloat(c, 'mask_value', { dflt: 0 }) }),
  },
};
