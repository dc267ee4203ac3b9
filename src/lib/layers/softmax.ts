/**
 * Softmax as a layer: e^x / Σ e^x along one axis, turning scores into probabilities. tfjs
 * 4.22 computes it only along the last axis, so the axis must name that one.
 */
import type { LayerDef } from './types';
import { axisError, axisParam, dataAxis, num } from './shared/params';
import { elementwise } from './shared/fixedActivation';
import { softmaxLastAxis } from '../tensor/kernels';
import { readAxis } from './shared/kerasConfig';

export const softmax: LayerDef = {
  type: 'Softmax',
  ...elementwise,
  formula: 'softmax',
  // inferShape only lets the last axis through.
  forward: (_p, [x]) => softmaxLastAxis(x ?? { data: new Float32Array(), shape: [0] }),
  description: {
    en: 'Turns a row of scores into probabilities: every value is exponentiated and divided by the sum of the exponentials along one axis, so the outputs are positive and add up to 1, and the largest score gets the largest share. It is the usual last step of a classifier.',
    zh: '把一行分数变成概率：沿一个维度对每个值取指数，再除以指数之和，使输出为正且总和为 1，最大的分数得到最大的份额。它通常是分类器的最后一步。',
  },
  params: [
    axisParam(-1, {
      en: 'Axis along which the outputs add up to 1, counted as in Keras (−1 is the last). tfjs only supports the last axis.',
      zh: '输出之和为 1 所沿的维度，按 Keras 的方式计数（−1 是最后一个）。tfjs 只支持最后一个维度。',
    }),
  ],
  inferShape(p, [input = []]) {
    const axis = num(p, 'axis');
    const index = dataAxis(axis, input.length);
    if (index === null) return { error: axisError(axis, input.length) };
    if (index !== input.length - 1)
      return {
        error: {
          en: `tfjs computes softmax only along the last axis (−1 or ${input.length}), not axis ${axis}`,
          zh: `tfjs 只能沿最后一个维度（−1 或 ${input.length}）计算 softmax，而不是轴 ${axis}`,
        },
      };
    return { shape: [...input] };
  },
  keras: {
    className: 'Softmax',
    toConfig: (p) => ({ axis: num(p, 'axis') }),
    fromConfig: (c) => ({ axis: readAxis(c, 'axis', -1) }),
  },
};
