/**
 * Layer normalisation of one example: for each position, the mean and variance over the
 * normalised axis of this example only, then (x − μ)/√(σ² + ε)·γ + β with γ, β per feature
 * along that axis. The statistics are the same in training and in use (unlike batch norm).
 */
import type { LayerParams } from '../spec/types';
import type { LayerWeights, TensorData } from '../tensor/types';
import { findWeight } from '../tensor/layout';
import { coordsOf, indexOf } from './merge';

export interface LayerNormParams {
  /** 0-based axis of the example's shape that is normalised over. */
  axis: number;
  epsilon: number;
  gamma: Float32Array | null;
  beta: Float32Array | null;
}

export interface LayerNormTerms {
  /** Flat indices and values of the group normalised together (the picked value's own group). */
  indices: number[];
  values: number[];
  /** Position of the picked value in its group (its feature along the axis). */
  feature: number;
  x: number;
  mean: number;
  variance: number;
  std: number;
  normalized: number;
  gamma: number;
  beta: number;
  value: number;
}

export function layerNormParams(
  params: LayerParams,
  weights: readonly LayerWeights[],
  shape: readonly number[],
): LayerNormParams {
  const raw = Number(params.axis ?? -1);
  const rank = shape.length;
  // Keras counts the batch axis: 1 is the first axis of the example, −1 the last.
  const axis = raw < 0 ? rank + raw : raw - 1;
  if (!(axis >= 0 && axis < rank))
    throw new RangeError(`axis ${raw} does not exist for [${shape.join(', ')}]`);
  const features = shape[axis] ?? 1;
  const gamma = findWeight(weights, 'gamma')?.data ?? null;
  const beta = findWeight(weights, 'beta')?.data ?? null;
  for (const [name, w] of [
    ['gamma', gamma],
    ['beta', beta],
  ] as const)
    if (w && w.length !== features)
      throw new RangeError(`${name} has ${w.length} values for ${features} features`);
  return { axis, epsilon: Number(params.epsilon ?? 0.001), gamma, beta };
}

/** The computation of the value at flat index `i`, with its group's statistics. */
export function layerNormAt(input: TensorData, p: LayerNormParams, i: number): LayerNormTerms {
  const shape = input.shape;
  const coords = coordsOf(shape, i);
  const features = shape[p.axis] ?? 1;
  const indices = Array.from({ length: features }, (_, f) => {
    const c = [...coords];
    c[p.axis] = f;
    return indexOf(shape, c);
  });
  const values = indices.map((k) => input.data[k] ?? 0);
  const mean = values.reduce((a, b) => a + b, 0) / features;
  // The population variance, as tfjs' moments computes it.
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / features;
  const std = Math.sqrt(variance + p.epsilon);
  const feature = coords[p.axis] ?? 0;
  const x = input.data[i] ?? 0;
  const normalized = (x - mean) / std;
  const gamma = p.gamma ? (p.gamma[feature] ?? 1) : 1;
  const beta = p.beta ? (p.beta[feature] ?? 0) : 0;
  return {
    indices,
    values,
    feature,
    x,
    mean,
    variance,
    std,
    normalized,
    gamma,
    beta,
    value: normalized * gamma + beta,
  };
}
