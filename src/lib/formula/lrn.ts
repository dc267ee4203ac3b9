/**
 * Local response normalisation (AlexNet) for one value, as tfjs computes it
 * (`tf.localResponseNormalization`): the value divided by (bias + alpha · the sum of squares of
 * the channels within `depthRadius` of its own, at the same position)^beta. Caffe's `local_size`
 * n is 2 · radius + 1 and its alpha is divided by n; our importers convert, so here alpha is the
 * one that multiplies the sum.
 */
import type { LayerParams } from '../spec/types';
import type { TensorData } from '../tensor/types';

export interface LrnParams {
  depthRadius: number;
  bias: number;
  alpha: number;
  beta: number;
}

export function lrnParams(p: LayerParams): LrnParams {
  const n = (k: string, dflt: number) => (typeof p[k] === 'number' ? (p[k] as number) : dflt);
  return {
    depthRadius: n('depthRadius', 2),
    bias: n('bias', 2),
    alpha: n('alpha', 1e-4),
    beta: n('beta', 0.75),
  };
}

/** One channel of the window: its value at the position, and its square. */
export interface LrnTerm {
  channel: number;
  value: number;
  square: number;
}

export interface LrnResult {
  /** The value normalised. */
  x: number;
  /** The channels from c − radius to c + radius that exist, in order. */
  terms: LrnTerm[];
  sum: number;
  /** bias + alpha · sum. */
  base: number;
  /** base^beta. */
  divisor: number;
  value: number;
}

/** The output at (row, col, channel) of an H × W × C input. */
export function lrnAt(input: TensorData, p: LrnParams, row: number, col: number, channel: number): LrnResult {
  const [, width = 1, channels = 1] = input.shape;
  const at = (row * width + col) * channels;
  const terms: LrnTerm[] = [];
  let sum = 0;
  const last = Math.min(channels - 1, channel + p.depthRadius);
  for (let j = Math.max(0, channel - p.depthRadius); j <= last; j++) {
    const value = input.data[at + j] ?? 0;
    terms.push({ channel: j, value, square: value * value });
    sum += value * value;
  }
  const x = input.data[at + channel] ?? 0;
  const base = p.bias + p.alpha * sum;
  const divisor = base ** p.beta;
  return { x, terms, sum, base, divisor, value: x / divisor };
}

/** One channel of the layer's output, row by row. */
export function lrnChannel(input: TensorData, p: LrnParams, channel: number): Float32Array {
  const [height = 1, width = 1] = input.shape;
  return Float32Array.from(
    { length: height * width },
    (_, i) => lrnAt(input, p, Math.floor(i / width), i % width, channel).value,
  );
}
