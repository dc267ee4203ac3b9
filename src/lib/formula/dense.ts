/**
 * Flatten and the dense classifier on top of it. Flatten lays an NHWC [H, W, C] map out in
 * row-major order, so flat index i = (row·W + col)·C + channel: channels vary fastest, then
 * columns, then rows. The dense kernel is [in, out] (tfjs layout), so class k's weights are
 * column k: kernel[i·out + k]. Reshaping that column to [H, W, C] shows, cell by cell, how
 * much each value of the last conv block counts for class k.
 */
import type { TensorData } from '../tensor/types';
import { requireIndex, type CellPosition } from '../tensor/layout';

function hwcExtents(shape: readonly number[]): [number, number, number] {
  const [height, width, channels] = shape;
  if (shape.length !== 3 || height === undefined || width === undefined || channels === undefined)
    throw new RangeError(`expected a height × width × channels shape, got [${shape.join(', ')}]`);
  return [height, width, channels];
}

/** Flat index of (row, col, channel) in the flatten output of an [H, W, C] map. */
export function flatIndexOf(shape: readonly number[], cell: CellPosition): number {
  const [height, width, channels] = hwcExtents(shape);
  requireIndex(cell.row, height, 'row');
  requireIndex(cell.col, width, 'column');
  requireIndex(cell.channel, channels, 'channel');
  return (cell.row * width + cell.col) * channels + cell.channel;
}

/** The (row, col, channel) that flat index `index` came from. */
export function cellOfFlatIndex(shape: readonly number[], index: number): CellPosition {
  const [height, width, channels] = hwcExtents(shape);
  requireIndex(index, height * width * channels, 'flat index');
  return {
    row: Math.floor(index / (width * channels)),
    col: Math.floor(index / channels) % width,
    channel: index % channels,
  };
}

/** [in, out] extents of a dense kernel. */
function denseExtents(kernel: TensorData): [number, number] {
  const [inputs, units] = kernel.shape;
  if (kernel.shape.length !== 2 || inputs === undefined || units === undefined)
    throw new RangeError(`dense kernel must be [in, out], got [${kernel.shape.join(', ')}]`);
  return [inputs, units];
}

/** Class `unit`'s weight column, reshaped to the [H, W, C] map that was flattened. */
export function classWeightMap(kernel: TensorData, unit: number, mapShape: readonly number[]): TensorData {
  const [inputs, units] = denseExtents(kernel);
  requireIndex(unit, units, 'class');
  const [height, width, channels] = hwcExtents(mapShape);
  if (height * width * channels !== inputs)
    throw new RangeError(
      `a ${height}×${width}×${channels} map flattens to ${height * width * channels} values, the kernel takes ${inputs}`,
    );
  const data = new Float32Array(inputs);
  for (let i = 0; i < inputs; i++) data[i] = kernel.data[i * units + unit] ?? 0;
  return { data, shape: [height, width, channels] };
}

export interface DenseUnitTerms {
  unit: number;
  /** Column `unit` of the kernel, in flat input order. */
  weights: Float32Array;
  /** input[i] · weights[i]; reshape with the flattened map's shape for a contribution map. */
  products: Float32Array;
  /** Σ products. */
  sum: number;
  bias: number;
  /** sum + bias: the value before the layer's activation (the logit for a softmax classifier). */
  logit: number;
}

function flatInput(input: TensorData | Float32Array): Float32Array {
  return input instanceof Float32Array ? input : input.data;
}

/** One output unit's weighted sum, term by term. */
export function denseUnitTerms(
  input: TensorData | Float32Array,
  kernel: TensorData,
  bias: TensorData | undefined,
  unit: number,
): DenseUnitTerms {
  const x = flatInput(input);
  const [inputs, units] = denseExtents(kernel);
  requireIndex(unit, units, 'unit');
  if (x.length !== inputs)
    throw new RangeError(`dense input has ${x.length} values, the kernel takes ${inputs}`);
  const weights = new Float32Array(inputs);
  const products = new Float32Array(inputs);
  let sum = 0;
  for (let i = 0; i < inputs; i++) {
    const w = kernel.data[i * units + unit] ?? 0;
    const product = (x[i] ?? 0) * w;
    weights[i] = w;
    products[i] = product;
    // Summed in double precision; the stored products are only for display.
    sum += product;
  }
  const biasValue = bias?.data[unit] ?? 0;
  return { unit, weights, products, sum, bias: biasValue, logit: sum + biasValue };
}

/** Every unit's weights·x + bias: the logits that softmax turns into probabilities. */
export function denseLogits(
  input: TensorData | Float32Array,
  kernel: TensorData,
  bias?: TensorData,
): number[] {
  const x = flatInput(input);
  const [inputs, units] = denseExtents(kernel);
  if (x.length !== inputs)
    throw new RangeError(`dense input has ${x.length} values, the kernel takes ${inputs}`);
  const logits = Array.from({ length: units }, (_, k) => bias?.data[k] ?? 0);
  for (let i = 0; i < inputs; i++) {
    const xi = x[i] ?? 0;
    if (xi === 0) continue;
    for (let k = 0; k < units; k++) logits[k] = (logits[k] ?? 0) + xi * (kernel.data[i * units + k] ?? 0);
  }
  return logits;
}

/**
 * A Dense layer over a map (Keras applies it along the last axis, at every position) is a
 * 1×1 convolution with the same weights: its [in, out] kernel, row-major, is already the
 * [1, 1, in, out] conv kernel. A [steps, C] input is read as a 1 × steps map. Returns null
 * for a vector input, which the dense view shows as it is.
 */
export function denseAsConvolution(
  input: TensorData,
  kernel: TensorData,
  bias: TensorData | undefined,
): { input: TensorData; kernel: TensorData; bias?: TensorData } | null {
  if (input.shape.length < 2 || input.shape.length > 3) return null;
  const [inputs, units] = denseExtents(kernel);
  const map = input.shape.length === 3 ? input : { data: input.data, shape: [1, ...input.shape] };
  if (map.shape[2] !== inputs)
    throw new RangeError(
      `dense input has ${map.shape[2] ?? 0} values per position, the kernel takes ${inputs}`,
    );
  const conv = { data: kernel.data, shape: [1, 1, inputs, units] };
  return bias ? { input: map, kernel: conv, bias } : { input: map, kernel: conv };
}
