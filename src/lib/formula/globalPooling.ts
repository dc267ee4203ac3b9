/**
 * Global pooling: the whole of one channel becomes one number, its mean (average) or its
 * largest value (max). The input is one example without the batch axis, channels last: an
 * NHWC map [H, W, C] (GlobalAveragePooling2D, GlobalMaxPooling2D) or a sequence [T, C]
 * (the 1-D layers, read here as a 1 × T map). The output is [C].
 */
import type { TensorData } from '../tensor/types';
import { requireIndex } from '../tensor/layout';

export type GlobalPoolKind = 'max' | 'average';

export interface GlobalPoolResult {
  kind: GlobalPoolKind;
  channel: number;
  height: number;
  width: number;
  /** The channel's values, row-major height·width. */
  plane: Float32Array;
  /** H·W: how many values are pooled. */
  count: number;
  /** Σ of the values (what average divides by `count`). */
  sum: number;
  /** Max pooling: the first cell holding the largest value, in row-major order (as tfjs); null for average. */
  picked: { row: number; col: number } | null;
  value: number;
}

/** [height, width, channels] of a global pooling input, a sequence read as one row. */
export function globalPoolExtents(shape: readonly number[]): [number, number, number] {
  if (shape.length === 3) return [shape[0] ?? 0, shape[1] ?? 0, shape[2] ?? 0];
  if (shape.length === 2) return [1, shape[0] ?? 0, shape[1] ?? 0];
  throw new RangeError(
    `global pooling needs height × width × channels or steps × channels, got [${shape.join(', ')}]`,
  );
}

export function globalPoolAt(input: TensorData, kind: GlobalPoolKind, channel: number): GlobalPoolResult {
  const [height, width, channels] = globalPoolExtents(input.shape);
  if (input.data.length !== height * width * channels)
    throw new RangeError(
      `the input holds ${input.data.length} values, its shape says ${height * width * channels}`,
    );
  requireIndex(channel, channels, 'channel');
  const count = height * width;
  const plane = new Float32Array(count);
  let sum = 0;
  let best = Number.NEGATIVE_INFINITY;
  let pickedIndex = -1;
  for (let i = 0; i < count; i++) {
    const v = input.data[i * channels + channel] ?? 0;
    plane[i] = v;
    sum += v;
    // Strictly greater: ties keep the first cell; NaN never wins.
    if (v > best) {
      best = v;
      pickedIndex = i;
    }
  }
  if (pickedIndex < 0) pickedIndex = 0;
  return {
    kind,
    channel,
    height,
    width,
    plane,
    count,
    sum,
    picked: kind === 'max' ? { row: Math.floor(pickedIndex / width), col: pickedIndex % width } : null,
    value: kind === 'max' ? best : sum / count,
  };
}

/** Every channel's pooled value: the layer's output [C]. */
export function globalPoolLayer(input: TensorData, kind: GlobalPoolKind): Float32Array {
  const [, , channels] = globalPoolExtents(input.shape);
  return Float32Array.from({ length: channels }, (_, c) => globalPoolAt(input, kind, c).value);
}
