/**
 * Layers that move values without computing (Reshape, Permute, RepeatVector): for an output
 * element, the input element it is a copy of, with the index arithmetic a view writes out.
 * Shapes are one example's, without the batch axis; indices are row-major as tfjs stores them.
 */
import type { LayerParams } from '../spec/types';
import type { TensorData } from '../tensor/types';
import { coordsOf, indexOf } from './merge';

export type RearrangeKind = 'reshape' | 'permute' | 'repeatVector';

export interface RearrangeSource {
  /** The output element's coordinates and flat index. */
  outCoords: number[];
  outIndex: number;
  /** The input element it copies: coordinates and flat index. */
  inCoords: number[];
  inIndex: number;
}

/** Which layer type moves values how; null for any other type. */
export function rearrangeKindOf(type: string): RearrangeKind | null {
  if (type === 'Reshape') return 'reshape';
  if (type === 'Permute') return 'permute';
  if (type === 'RepeatVector') return 'repeatVector';
  return null;
}

/** Permute's `dims` as 0-based input axes, one per output axis; throws unless it is a permutation. */
export function permuteAxes(params: LayerParams, rank: number): number[] {
  const dims = Array.isArray(params.dims) ? params.dims.map(Number) : [];
  const axes = dims.map((d) => d - 1);
  const seen = new Set(axes);
  if (axes.length !== rank || seen.size !== rank || axes.some((a) => !(a >= 0 && a < rank)))
    throw new RangeError(`dims [${dims.join(', ')}] is not an order of the ${rank} axes`);
  return axes;
}

/** Where output element `outIndex` comes from. */
export function rearrangeSource(
  kind: RearrangeKind,
  params: LayerParams,
  inShape: readonly number[],
  outShape: readonly number[],
  outIndex: number,
): RearrangeSource {
  const size = outShape.reduce((a, b) => a * b, 1);
  if (!(outIndex >= 0 && outIndex < size)) throw new RangeError(`index ${outIndex} is outside 0…${size - 1}`);
  const outCoords = coordsOf(outShape, outIndex);
  let inCoords: number[];
  if (kind === 'reshape') {
    // Same values in the same order: the flat index is the link between the two shapes.
    inCoords = coordsOf(inShape, outIndex);
  } else if (kind === 'permute') {
    const axes = permuteAxes(params, inShape.length);
    inCoords = new Array<number>(inShape.length).fill(0);
    axes.forEach((inAxis, outAxis) => (inCoords[inAxis] = outCoords[outAxis] ?? 0));
  } else {
    // Step t of the repeated sequence is the whole vector again: only the feature matters.
    inCoords = [outCoords[1] ?? 0];
  }
  return { outCoords, outIndex, inCoords, inIndex: indexOf(inShape, inCoords) };
}

/** The whole output, element by element from its source (for the tests, and to check the engine's). */
export function rearrangeLayer(
  kind: RearrangeKind,
  params: LayerParams,
  input: TensorData,
  outShape: readonly number[],
): TensorData {
  const size = outShape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++)
    data[i] = input.data[rearrangeSource(kind, params, input.shape, outShape, i).inIndex] ?? NaN;
  return { data, shape: [...outShape] };
}

/** Row-major strides of a shape: how far the flat index moves for one step along each axis. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let axis = shape.length - 2; axis >= 0; axis--)
    strides[axis] = (strides[axis + 1] ?? 1) * (shape[axis + 1] ?? 1);
  return strides;
}
