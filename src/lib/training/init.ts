/**
 * Seeded weight initialisation, so "reset weights" gives the same starting point for the
 * same seed. Kernels are drawn by the chosen scheme with Keras' fan-in / fan-out convention
 * (every axis but the last two is the receptive field); biases start at zero; any other
 * weight (a normalisation's scale and statistics) keeps the value the layer was built with.
 */
import { createRng, type Rng } from '../random';

export type InitScheme = 'glorot' | 'he' | 'normal';

export const INIT_SCHEMES: readonly InitScheme[] = ['glorot', 'he', 'normal'];

/** Standard deviation of the plain "random normal" scheme, as Keras' RandomNormal default. */
export const NORMAL_STDDEV = 0.05;

export function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0]!, fanOut: shape[0]! };
  const field = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[shape.length - 2]! * field, fanOut: shape[shape.length - 1]! * field };
}

function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** What a weight of this name gets: drawn values, zeros, or `null` to keep it as built. */
export function initialValues(
  weightName: string,
  shape: readonly number[],
  scheme: InitScheme,
  rng: Rng,
): Float32Array | null {
  const size = shape.reduce((a, b) => a * b, 1);
  if (weightName === 'bias') return new Float32Array(size);
  if (!/kernel$/.test(weightName)) return null;
  const out = new Float32Array(size);
  const { fanIn, fanOut } = fans(shape);
  if (scheme === 'glorot') {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < size; i++) out[i] = (2 * rng() - 1) * limit;
  } else {
    const std = scheme === 'he' ? Math.sqrt(2 / fanIn) : NORMAL_STDDEV;
    for (let i = 0; i < size; i++) out[i] = normal(rng) * std;
  }
  return out;
}

export interface WeightInfo {
  /** `layer/weight`, as the engine names weights. */
  name: string;
  shape: readonly number[];
}

/**
 * Fresh values for every weight listed, in order, from one seed. Weights the scheme leaves
 * alone are missing from the result.
 */
export function initialiseWeights(
  weights: readonly WeightInfo[],
  scheme: InitScheme,
  seed: number,
): Map<string, Float32Array> {
  const rng = createRng(seed);
  const out = new Map<string, Float32Array>();
  for (const w of weights) {
    const values = initialValues(w.name.split('/').pop() ?? w.name, w.shape, scheme, rng);
    if (values) out.set(w.name, values);
  }
  return out;
}
