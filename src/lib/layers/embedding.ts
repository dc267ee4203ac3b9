/** Embedding: looks up a learned vector for every integer id (a word, a category). */
import type { LayerDef } from './types';
import { bool, num } from './shared/params';
import { readBool, readInt } from './shared/kerasConfig';

export const embedding: LayerDef = {
  type: 'Embedding',
  category: 'Common',
  description: {
    en: 'Replaces every whole number in its input, such as the index of a word in a vocabulary, by a learned vector of fixed length read from a table with one row per possible number. Training moves words used in similar ways close together, so a sentence of word ids becomes a sequence of meaningful vectors for the layers after it.',
    zh: '把输入中的每个整数（例如词在词表中的序号）替换成一个定长的可学习向量，这些向量存放在一张每个可能整数占一行的表中。训练会让用法相近的词彼此靠近，于是由词序号组成的句子变成一串有意义的向量，供后面的层使用。',
  },
  params: [
    {
      name: 'inputDim',
      kind: 'int',
      default: 1000,
      min: 1,
      max: 10_000_000,
      label: { en: 'Vocabulary size', zh: '词表大小' },
      help: {
        en: 'How many different ids there are; inputs must lie in 0 … size − 1.',
        zh: '不同序号的个数；输入必须在 0 … 大小 − 1 之间。',
      },
    },
    {
      name: 'outputDim',
      kind: 'int',
      default: 32,
      min: 1,
      max: 100_000,
      label: { en: 'Vector length', zh: '向量长度' },
      help: { en: 'Length of the vector learned for each id.', zh: '为每个序号学习的向量长度。' },
    },
    {
      name: 'maskZero',
      kind: 'bool',
      default: false,
      label: { en: 'Zero is padding', zh: '0 表示填充' },
      help: {
        en: 'Treat id 0 as padding that recurrent layers after it skip.',
        zh: '把序号 0 视为填充，其后的循环层会跳过它。',
      },
    },
  ],
  formula: 'embedding',
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    if (input.length === 0)
      return {
        error: { en: 'needs an input with at least one axis of ids', zh: '需要至少一个维度的序号输入' },
      };
    return { shape: [...input, num(p, 'outputDim')] };
  },
  weights: (p) => [{ name: 'embeddings', shape: [num(p, 'inputDim'), num(p, 'outputDim')] }],
  countMacs: () => 0,
  keras: {
    className: 'Embedding',
    toConfig: (p) => ({
      input_dim: num(p, 'inputDim'),
      output_dim: num(p, 'outputDim'),
      mask_zero: bool(p, 'maskZero'),
    }),
    fromConfig: (c) => ({
      inputDim: readInt(c, 'input_dim', { min: 1 }),
      outputDim: readInt(c, 'output_dim', { min: 1 }),
      maskZero: readBool(c, 'mask_zero', false),
    }),
  },
};
