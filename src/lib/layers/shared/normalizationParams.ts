/** What the normalisation layers share: parameter definitions, the axis check, the learned scale and shift. */
import type { LayerParams, Shape } from '../../spec/types';
import type { ParamDef, ShapeResult, WeightDef } from '../types';
import { axisError, bool, dataAxis, num } from './params';

export const epsilonParam: ParamDef = {
  name: 'epsilon',
  kind: 'float',
  default: 0.001,
  min: 1e-12,
  max: 1,
  label: { en: 'Epsilon', zh: 'Epsilon' },
  help: {
    en: 'Small number added to the variance before the square root, so nothing is divided by zero.',
    zh: '开平方前加到方差上的小数，避免除以零。',
  },
};

export const centerParam: ParamDef = {
  name: 'center',
  kind: 'bool',
  default: true,
  label: { en: 'Learn shift (beta)', zh: '学习平移（beta）' },
  help: {
    en: 'Add a learned offset per feature after normalising.',
    zh: '归一化后为每个特征加上一个可学习的偏移。',
  },
};

export const scaleParam: ParamDef = {
  name: 'scale',
  kind: 'bool',
  default: true,
  label: { en: 'Learn scale (gamma)', zh: '学习缩放（gamma）' },
  help: {
    en: 'Multiply by a learned factor per feature after normalising; can be off when a linear layer or ReLU follows.',
    zh: '归一化后为每个特征乘以一个可学习的系数；后面接线性层或 ReLU 时可以关闭。',
  },
};

/** The list every normalisation ends with: epsilon, then whether a shift and a scale are learned. */
export const normalizationTail: readonly ParamDef[] = [epsilonParam, centerParam, scaleParam];

/** The input's own shape when the `axis` param (Keras counting) names one of its axes. */
export function shapeAlongAxis(p: LayerParams, input: Shape): ShapeResult {
  const axis = num(p, 'axis');
  if (dataAxis(axis, input.length) === null) return { error: axisError(axis, input.length) };
  return { shape: [...input] };
}

/** How many features the `axis` param picks out of the input (each gets its own scale and shift). */
export function featuresAlongAxis(p: LayerParams, input: Shape): number {
  return input[dataAxis(num(p, 'axis'), input.length) ?? 0] ?? 0;
}

/** The learned scale (gamma) and shift (beta) over `features`, those that are switched on. */
export function scaleShiftWeights(p: LayerParams, features: number): WeightDef[] {
  const w: WeightDef[] = [];
  if (bool(p, 'scale')) w.push({ name: 'gamma', shape: [features] });
  if (bool(p, 'center')) w.push({ name: 'beta', shape: [features] });
  return w;
}
