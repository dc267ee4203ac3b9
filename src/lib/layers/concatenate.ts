/**
 * Concatenate: joins its inputs along one axis; every other axis must match. tfjs 4.22 runs
 * every negative axis as −1 (its backend's concatenate maps axis < 0 to the last axis) while
 * reporting shapes for the axis asked for, so only −1 and positive axes are accepted.
 */
import type { LayerDef } from './types';
import { axisError, axisParam, dataAxis, num } from './shared/params';
import { fmtShape } from './shared/windowMath';
import { readInt } from './shared/kerasConfig';

export const concatenate: LayerDef = {
  type: 'Concatenate',
  category: 'Utility',
  description: {
    en: 'Lays its inputs side by side along one axis, by default the channels, so a later layer sees all of them at once. Inception modules join the outputs of their parallel branches this way, and U-Net joins encoder and decoder maps. It has no weights.',
    zh: '沿一个维度（默认是通道）把各个输入并排拼接，使后面的层能同时看到它们。Inception 模块这样合并其并行分支的输出，U-Net 这样合并编码器和解码器的特征图。它没有权重。',
  },
  params: [
    axisParam(-1, {
      en: 'Axis to join along, counted as in Keras: 1 is the first axis after the batch, −1 the last (channels). Other negative axes are refused because tfjs runs them as −1.',
      zh: '拼接所沿的维度，按 Keras 的方式计数：1 是批次之后的第一个维度，−1 是最后一个（通道）。其他负数轴不被接受，因为 tfjs 会按 −1 执行。',
    }),
  ],
  formula: 'concatenate',
  // DenseNet joins every earlier map of a block: 25 inputs in DenseNet-121, 49 in DenseNet-201.
  arity: { min: 2, max: 64 },
  inferShape(p, inputs) {
    const first = inputs[0] ?? [];
    const axisValue = num(p, 'axis');
    const axis = dataAxis(axisValue, first.length);
    if (axis === null) return { error: axisError(axisValue, first.length) };
    if (axisValue < -1)
      return {
        error: {
          en: `tfjs joins along the last axis for every negative axis; write axis ${axis + 1} instead of ${axisValue}`,
          zh: `对任何负数轴，tfjs 都沿最后一个维度拼接；请把 ${axisValue} 写成 ${axis + 1}`,
        },
      };
    const others = (s: number[]) => s.filter((_, i) => i !== axis).join('×');
    const mismatch = inputs.some((s) => s.length !== first.length || others(s) !== others(first));
    if (mismatch)
      return {
        error: {
          en: `inputs ${inputs.map(fmtShape).join(', ')} must match on every axis except axis ${axisValue}`,
          zh: `输入 ${inputs.map(fmtShape).join('、')} 除轴 ${axisValue} 外的每个维度都必须相同`,
        },
      };
    const joined = inputs.reduce((sum, s) => sum + (s[axis] ?? 0), 0);
    return { shape: first.map((n, i) => (i === axis ? joined : n)) };
  },
  weights: () => [],
  countMacs: () => 0,
  keras: {
    className: 'Concatenate',
    toConfig: (p) => ({ axis: num(p, 'axis') }),
    fromConfig: (c) => ({ axis: readInt(c, 'axis', { dflt: -1 }) }),
  },
};
