/**
 * The merge layers at one output value, as tfjs computes them. Tensors are one example
 * without the batch axis, row-major (NHWC for maps). Element-wise merges (Add, Subtract,
 * Average, Maximum, Multiply) align shapes from the last axis: an axis of size 1 is
 * stretched and a shorter shape gets leading axes of size 1, so a [C] or [1, 1, C] vector
 * scales every cell of an [H, W, C] map. Concatenate joins its inputs along one axis.
 */
import type { TensorData } from '../tensor/types';

export type MergeOp = 'add' | 'subtract' | 'average' | 'maximum' | 'multiply';

const OPS: Record<string, MergeOp> = {
  Add: 'add',
  Subtract: 'subtract',
  Average: 'average',
  Maximum: 'maximum',
  Multiply: 'multiply',
};

/** The element-wise operation of a registry layer type, or null for any other layer. */
export function mergeOpOf(layerType: string): MergeOp | null {
  return OPS[layerType] ?? null;
}

const product = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/** Coordinates of a flat row-major index. */
export function coordsOf(shape: readonly number[], index: number): number[] {
  const coords = new Array<number>(shape.length).fill(0);
  let rest = index;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const n = shape[axis] ?? 1;
    coords[axis] = rest % n;
    rest = Math.floor(rest / n);
  }
  return coords;
}

/** Flat row-major index of coordinates. */
export function indexOf(shape: readonly number[], coords: readonly number[]): number {
  let index = 0;
  shape.forEach((n, axis) => {
    index = index * n + (coords[axis] ?? 0);
  });
  return index;
}

/**
 * Where an output value of a broadcast reads an input: the output's coordinates aligned
 * from the last axis, with 0 on every axis where the input has size 1.
 */
export function broadcastSourceIndex(
  outShape: readonly number[],
  inShape: readonly number[],
  outIndex: number,
): number {
  const out = coordsOf(outShape, outIndex);
  const lead = outShape.length - inShape.length;
  if (lead < 0) throw new RangeError(`input [${inShape.join(', ')}] has more axes than the output`);
  const coords = inShape.map((n, axis) => {
    if (n === 1) return 0;
    if (n !== outShape[axis + lead])
      throw new RangeError(`input [${inShape.join(', ')}] cannot stretch to [${outShape.join(', ')}]`);
    return out[axis + lead] ?? 0;
  });
  return indexOf(inShape, coords);
}

/** True when the input is stretched to the output (some axis of size 1 or a missing axis). */
export function isBroadcast(outShape: readonly number[], inShape: readonly number[]): boolean {
  return product(inShape) !== product(outShape);
}

export function combine(op: MergeOp, operands: readonly number[]): number {
  const [first = 0, ...rest] = operands;
  switch (op) {
    case 'add':
      return operands.reduce((a, b) => a + b, 0);
    case 'subtract':
      return first - (rest[0] ?? 0);
    case 'average':
      return operands.reduce((a, b) => a + b, 0) / operands.length;
    case 'maximum':
      return Math.max(...operands);
    case 'multiply':
      return operands.reduce((a, b) => a * b, 1);
  }
}

export interface MergeTerm {
  /** Which input (0-based, in the layer's input order). */
  input: number;
  /** Flat index read in that input. */
  index: number;
  value: number;
}

export interface MergeResult {
  op: MergeOp;
  /** Flat output index. */
  index: number;
  terms: MergeTerm[];
  /** Index into `terms` of the value Maximum keeps (the first largest), null for other ops. */
  picked: number | null;
  value: number;
}

/** One output value of an element-wise merge, term by term. */
export function mergeAt(
  op: MergeOp,
  inputs: readonly TensorData[],
  outShape: readonly number[],
  outIndex: number,
): MergeResult {
  if (op === 'subtract' && inputs.length !== 2) throw new RangeError('Subtract takes exactly two inputs');
  const terms = inputs.map((x, input) => {
    const index = broadcastSourceIndex(outShape, x.shape, outIndex);
    return { input, index, value: x.data[index] ?? NaN };
  });
  const value = combine(
    op,
    terms.map((t) => t.value),
  );
  let picked: number | null = null;
  if (op === 'maximum') picked = terms.findIndex((t) => t.value === value);
  return { op, index: outIndex, terms, picked, value };
}

/** The whole merged output, for maps and checks. */
export function mergeLayer(
  op: MergeOp,
  inputs: readonly TensorData[],
  outShape: readonly number[],
): TensorData {
  const size = product(outShape);
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = mergeAt(op, inputs, outShape, i).value;
  return { data, shape: [...outShape] };
}

/** The axis Concatenate joins along, counted without the batch axis (Keras' −1 is the last). */
export function concatAxis(axisParam: unknown, rank: number): number {
  const axis = typeof axisParam === 'number' ? axisParam : -1;
  const data = axis < 0 ? rank + axis : axis - 1;
  if (data < 0 || data >= rank) throw new RangeError(`axis ${axis} does not fit a rank-${rank} input`);
  return data;
}

export interface ConcatSegment {
  input: number;
  /** First output position along the axis that comes from this input. */
  start: number;
  size: number;
}

/** Which stretch of the joined axis each input fills, in input order. */
export function concatSegments(inputShapes: readonly (readonly number[])[], axis: number): ConcatSegment[] {
  let start = 0;
  return inputShapes.map((shape, input) => {
    const size = shape[axis] ?? 0;
    const segment = { input, start, size };
    start += size;
    return segment;
  });
}

export interface ConcatSource {
  input: number;
  /** Position along the axis inside that input. */
  offset: number;
  /** Flat index read in that input. */
  index: number;
  value: number;
}

/** The input value an output value of Concatenate is a copy of. */
export function concatSourceAt(
  inputs: readonly TensorData[],
  axis: number,
  outShape: readonly number[],
  outIndex: number,
): ConcatSource {
  const coords = coordsOf(outShape, outIndex);
  const at = coords[axis] ?? 0;
  const segment = concatSegments(
    inputs.map((x) => x.shape),
    axis,
  ).find((s) => at >= s.start && at < s.start + s.size);
  const x = segment ? inputs[segment.input] : undefined;
  if (!segment || !x) throw new RangeError(`position ${at} lies beyond the joined axis`);
  const offset = at - segment.start;
  const index = indexOf(
    x.shape,
    coords.map((c, a) => (a === axis ? offset : c)),
  );
  return { input: segment.input, offset, index, value: x.data[index] ?? NaN };
}
