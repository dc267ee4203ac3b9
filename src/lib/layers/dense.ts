/** Dense: every output is a weighted sum of every input along the last axis, plus a bias. */
import type { LayerDef } from './types';
import { activationParam, bool, num, str, useBiasParam } from './shared/params';
import { activate, dense as denseForward } from '../tensor/kernels';
import { findWeight } from '../tensor/layout';
import { readActivation, readBool, readInt } from './shared/kerasConfig';

export const dense: LayerDef = {
  type: 'Dense',
  category: 'Common',
  description: {
    en: 'Connects every input value to every output unit: each unit multiplies all inputs by its own weights, adds them up with a bias and applies the activation. As the last layer of a classifier it turns features into one score per class.',
    zh: '把每个输入值连接到每个输出单元：每个单元用自己的权重乘以所有输入，加上偏置后求和，再应用激活函数。作为分类器的最后一层，它把特征变成每个类别的一个分数。',
  },
  params: [
    {
      name: 'units',
      kind: 'int',
      default: 10,
      min: 1,
      max: 100000,
      label: { en: 'Units', zh: '单元数' },
      help: { en: 'Number of outputs.', zh: '输出的个数。' },
    },
    activationParam,
    useBiasParam,
  ],
  formula: 'dense',
  forward(p, [x], weights) {
    const kernel = findWeight(weights, 'kernel');
    if (!x || !kernel) throw new RangeError('Dense needs an input and a kernel');
    return activate(denseForward(x, kernel, findWeight(weights, 'bias')), str(p, 'activation'));
  },
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    if (input.length === 0)
      return { error: { en: 'needs an input with at least one axis', zh: '输入至少需要一个维度' } };
    return { shape: [...input.slice(0, -1), num(p, 'units')] };
  },
  weights(p, [input = []]) {
    const units = num(p, 'units');
    const w = [{ name: 'kernel', shape: [input[input.length - 1] ?? 0, units] }];
    return bool(p, 'useBias') ? [...w, { name: 'bias', shape: [units] }] : w;
  },
  countMacs: (p, [input = []], out) => (input[input.length - 1] ?? 0) * out.reduce((a, b) => a * b, 1),
  keras: {
    className: 'Dense',
    toConfig: (p) => ({
      units: num(p, 'units'),
      activation: str(p, 'activation'),
      use_bias: bool(p, 'useBias'),
    }),
    fromConfig: (c) => ({
      units: readInt(c, 'units', { min: 1 }),
      activation: readActivation(c, 'activation', 'linear'),
      useBias: readBool(c, 'use_bias', true),
    }),
  },
};
