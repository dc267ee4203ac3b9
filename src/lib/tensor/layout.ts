/**
 * Shared tensor-layout helpers for the formula views. Every tensor here is one example in
 * tfjs' NHWC order without the batch axis: an activation is [H, W, C] stored row-major, so
 * the value at (row, col, channel) sits at (row·W + col)·C + channel. Conv kernels are
 * [kh, kw, inC, outC] and dense kernels [in, out], both row-major as tfjs stores them.
 */
import type { LayerWeights, TensorData } from './types';

/** A place in an [H, W, C] map. */
export interface CellPosition {
  row: number;
  col: number;
  channel: number;
}

/** The [H, W, C] extents of an activation; throws when it is not three-dimensional. */
export function hwcShape(tensor: TensorData, what = 'activation'): [number, number, number] {
  const [height, width, channels] = tensor.shape;
  if (tensor.shape.length !== 3 || height === undefined || width === undefined || channels === undefined)
    throw new RangeError(`${what} must be height × width × channels, got [${tensor.shape.join(', ')}]`);
  if (tensor.data.length !== height * width * channels)
    throw new RangeError(
      `${what} holds ${tensor.data.length} values, its shape says ${height * width * channels}`,
    );
  return [height, width, channels];
}

/** Row-major NHWC offset of (row, col, channel) in a [H, W, C] array. */
export function hwcIndex(shape: readonly number[], row: number, col: number, channel: number): number {
  const width = shape[1] ?? 0;
  const channels = shape[2] ?? 0;
  return (row * width + col) * channels + channel;
}

/** The value at (row, col, channel); callers check the bounds, so a miss is a bug and throws. */
export function readHwc(tensor: TensorData, row: number, col: number, channel: number): number {
  const value = tensor.data[hwcIndex(tensor.shape, row, col, channel)];
  if (value === undefined)
    throw new RangeError(`(${row}, ${col}, ${channel}) is outside [${tensor.shape.join(', ')}]`);
  return value;
}

/** One channel of an [H, W, C] map as its own H·W plane, row-major. */
export function channelPlane(tensor: TensorData, channel: number): Float32Array {
  const [height, width, channels] = hwcShape(tensor);
  requireIndex(channel, channels, 'channel');
  const plane = new Float32Array(height * width);
  for (let i = 0; i < height * width; i++) plane[i] = tensor.data[i * channels + channel] ?? 0;
  return plane;
}

/** The named weight (`kernel`, `bias`) of one layer out of an Explanation's weight list. */
export function findWeight(
  weights: readonly LayerWeights[] | undefined,
  name: string,
): TensorData | undefined {
  return weights?.find((w) => w.name === name)?.value;
}

/** Throws unless `index` is a whole number in [0, size). */
export function requireIndex(index: number, size: number, what: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= size)
    throw new RangeError(`${what} ${index} is outside 0…${size - 1}`);
}

/** Reads a numeric pair param ([h, w]) the way the layer registry stores it. */
export function pairParam(value: unknown, fallback: [number, number]): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number')
    return [value[0], value[1]];
  return fallback;
}
