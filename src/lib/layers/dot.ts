/**
 * Dot: sums the products of two inputs along one axis of each, as Keras' Dot does per
 * example. tfjs only implements inputs of up to two axes besides the batch axis.
 */
import type { LayerDef } from './types';
import { bool, ints } from './shared/params';
import { readBool, readTuple } from './shared/kerasConfig';
import { fmtShape, product } from './shared/windowMath';

export const dot: LayerDef = {
  type: 'Dot',
  category: 'Utility',
  description: {
    en: 'Multiplies two inputs value by value along a chosen axis of each and adds the products, per example. For two vectors this is their dot product, a similarity score; with normalisation on it is their cosine similarity. Attention layers compare queries with keys this way. It has no weights.',
    zh: '对每个样本，沿两个输入各自选定的维度逐元素相乘并求和。对两个向量而言这就是点积，即相似度分数；开启归一化后则是余弦相似度。注意力层就是这样比较查询和键的。它没有权重。',
  },
  params: [
    {
      name: 'axes',
      kind: 'ints',
      default: [1, 1],
      min: 1,
      max: 2,
      lengths: [2],
      label: { en: 'Axes', zh: '轴' },
      help: {
        en: 'The axis of the first and of the second input to multiply along, counted as in Keras (1 is the first axis after the batch). The two axes must have the same size.',
        zh: '第一个和第二个输入分别沿哪个维度相乘，按 Keras 的方式计数（1 是批次之后的第一个维度）。两个维度的大小必须相同。',
      },
    },
    {
      name: 'normalize',
      kind: 'bool',
      default: false,
      label: { en: 'Normalize', zh: '归一化' },
      help: {
        en: 'Scale both inputs to length 1 along the axes first, so the output is the cosine similarity.',
        zh: '先沿所选维度把两个输入缩放到长度 1，使输出成为余弦相似度。',
      },
    },
  ],
  formula: 'dot',
  arity: { min: 2, max: 2 },
  inferShape(p, [a = [], b = []]) {
    if (a.length > 2 || b.length > 2)
      return {
        error: {
          en: `tfjs' Dot takes inputs of at most 2 axes, got ${fmtShape(a)} and ${fmtShape(b)}`,
          zh: `tfjs 的 Dot 最多接受 2 个维度的输入，实际为 ${fmtShape(a)} 和 ${fmtShape(b)}`,
        },
      };
    const [axisA = 1, axisB = 1] = ints(p, 'axes');
    if (axisA > a.length || axisB > b.length)
      return {
        error: {
          en: `axes ${axisA}, ${axisB} do not exist for inputs ${fmtShape(a)} and ${fmtShape(b)}`,
          zh: `对输入 ${fmtShape(a)} 和 ${fmtShape(b)}，轴 ${axisA}、${axisB} 不存在`,
        },
      };
    if (a[axisA - 1] !== b[axisB - 1])
      return {
        error: {
          en: `axis ${axisA} of ${fmtShape(a)} and axis ${axisB} of ${fmtShape(b)} differ in size`,
          zh: `${fmtShape(a)} 的轴 ${axisA} 与 ${fmtShape(b)} 的轴 ${axisB} 大小不同`,
        },
      };
    const shape = [...a.filter((_, i) => i !== axisA - 1), ...b.filter((_, i) => i !== axisB - 1)];
    // Keras keeps a trailing axis of 1 when both inputs were vectors.
    return { shape: shape.length === 0 ? [1] : shape };
  },
  weights: () => [],
  countMacs: (p, [a = []], out) => product(out) * (a[(ints(p, 'axes')[0] ?? 1) - 1] ?? 0),
  keras: {
    className: 'Dot',
    toConfig: (p) => ({ axes: ints(p, 'axes'), normalize: bool(p, 'normalize') }),
    fromConfig: (c) => ({
      axes: readTuple(c, 'axes', 2, { min: -3 }),
      normalize: readBool(c, 'normalize', false),
    }),
  },
};
