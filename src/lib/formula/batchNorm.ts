/**
 * One BatchNormalization output value, as tfjs computes it once training is over: each
 * feature f along the layer's axis has its own moving mean μ_f and variance σ²_f, learned
 * scale γ_f and shift β_f, and
 *   y = (x − μ_f) / √(σ²_f + ε) · γ_f + β_f
 * with γ = 1 when `scale` is off and β = 0 when `center` is off. Activations are one example
 * without the batch axis, row-major (NHWC for maps), so for the usual axis −1 the feature is
 * the channel, the fastest-varying index.
 */
import type { LayerWeights, TensorData } from '../tensor/types';
import type { LayerParams } from '../spec/types';
import { findWeight, requireIndex } from '../tensor/layout';

export interface BatchNormStats {
  /** The data axis (0-based, without the batch axis) that has its own statistics. */
  axis: number;
  /** How many features that axis has. */
  features: number;
  mean: Float32Array;
  variance: Float32Array;
  /** Null when the layer learns no scale (`scale: false`): γ is 1. */
  gamma: Float32Array | null;
  /** Null when the layer learns no shift (`center: false`): β is 0. */
  beta: Float32Array | null;
  epsilon: number;
}

export interface BatchNormTerms {
  feature: number;
  x: number;
  mean: number;
  variance: number;
  epsilon: number;
  /** √(σ² + ε). */
  std: number;
  /** (x − μ) / √(σ² + ε): x in standard units of the moving statistics. */
  normalized: number;
  /** γ, or 1 without scale. */
  gamma: number;
  /** β, or 0 without shift. */
  beta: number;
  hasGamma: boolean;
  hasBeta: boolean;
  /** The layer's output. */
  value: number;
}

/** The 0-based data axis the Keras `axis` param names for an input of `rank` axes. */
export function batchNormAxis(params: LayerParams, rank: number): number {
  const axis = typeof params.axis === 'number' ? params.axis : -1;
  const withBatch = axis < 0 ? axis + rank + 1 : axis;
  if (!Number.isInteger(withBatch) || withBatch < 1 || withBatch > rank)
    throw new RangeError(`axis ${axis} does not exist for an input with ${rank} axes`);
  return withBatch - 1;
}

function vector(weights: readonly LayerWeights[] | undefined, name: string, features: number): Float32Array {
  const w = findWeight(weights, name);
  if (!w) throw new RangeError(`the layer has no ${name} weights`);
  if (w.data.length !== features)
    throw new RangeError(`${name} has ${w.data.length} values for ${features} features`);
  return w.data;
}

/**
 * True when the layer normalises along the last axis (the channels of a map). tfjs 4.22's cpu
 * and wasm kernels read the statistics as if they always lay along the last axis (the mean of
 * feature i % features for flat index i), so for any other axis the engine's numbers are not
 * the formula's; the view explains only this case.
 */
export function normalizesLastAxis(params: LayerParams, inputShape: readonly number[]): boolean {
  return batchNormAxis(params, inputShape.length) === inputShape.length - 1;
}

/** The layer's statistics over an input of this shape; γ and β only when the layer has them. */
export function batchNormStats(
  params: LayerParams,
  weights: readonly LayerWeights[] | undefined,
  inputShape: readonly number[],
): BatchNormStats {
  const axis = batchNormAxis(params, inputShape.length);
  const features = inputShape[axis] ?? 0;
  return {
    axis,
    features,
    mean: vector(weights, 'moving_mean', features),
    variance: vector(weights, 'moving_variance', features),
    gamma: params.scale === false ? null : vector(weights, 'gamma', features),
    beta: params.center === false ? null : vector(weights, 'beta', features),
    epsilon: typeof params.epsilon === 'number' ? params.epsilon : 1e-3,
  };
}

/** Which feature the value at `flatIndex` of an input of `shape` belongs to. */
export function featureAt(shape: readonly number[], axis: number, flatIndex: number): number {
  let inner = 1;
  for (let a = axis + 1; a < shape.length; a++) inner *= shape[a] ?? 1;
  return Math.floor(flatIndex / inner) % (shape[axis] ?? 1);
}

/** The formula for one value x of feature f. */
export function batchNormTerms(stats: BatchNormStats, feature: number, x: number): BatchNormTerms {
  requireIndex(feature, stats.features, 'feature');
  const mean = stats.mean[feature] ?? 0;
  const variance = stats.variance[feature] ?? 0;
  const std = Math.sqrt(variance + stats.epsilon);
  const normalized = (x - mean) / std;
  const gamma = stats.gamma ? (stats.gamma[feature] ?? 1) : 1;
  const beta = stats.beta ? (stats.beta[feature] ?? 0) : 0;
  return {
    feature,
    x,
    mean,
    variance,
    epsilon: stats.epsilon,
    std,
    normalized,
    gamma,
    beta,
    hasGamma: stats.gamma !== null,
    hasBeta: stats.beta !== null,
    value: normalized * gamma + beta,
  };
}

/** The terms for the input value at `flatIndex` (row-major, as tfjs stores it). */
export function batchNormAt(input: TensorData, stats: BatchNormStats, flatIndex: number): BatchNormTerms {
  requireIndex(flatIndex, input.data.length, 'input index');
  const x = input.data[flatIndex] ?? 0;
  return batchNormTerms(stats, featureAt(input.shape, stats.axis, flatIndex), x);
}

/** The whole layer output, same shape as the input. */
export function batchNormLayer(input: TensorData, stats: BatchNormStats): TensorData {
  const data = new Float32Array(input.data.length);
  for (let i = 0; i < data.length; i++) data[i] = batchNormAt(input, stats, i).value;
  return { data, shape: [...input.shape] };
}

/** y = a·x + b for feature f: what the layer does to every value of that feature at inference. */
export function batchNormAffine(
  stats: BatchNormStats,
  feature: number,
): { slope: number; intercept: number } {
  const t = batchNormTerms(stats, feature, 0);
  const slope = t.gamma / t.std;
  return { slope, intercept: t.beta - t.mean * slope };
}

/** Mean and (biased) variance of the given values: the statistics a batch of one would have. */
export function sampleStats(values: ArrayLike<number>): { mean: number; variance: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, variance: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] ?? 0;
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += ((values[i] ?? 0) - mean) ** 2;
  return { mean, variance: sq / n };
}
