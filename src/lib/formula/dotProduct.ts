/**
 * Keras' Dot of two inputs per example: along axis a of the first and b of the second, the
 * products summed. The output's axes are the first input's other axes, then the second's.
 * With `normalize`, each input is first scaled to length 1 along its axis (cosine similarity).
 */
import type { LayerParams } from '../spec/types';
import type { TensorData } from '../tensor/types';
import { coordsOf, indexOf } from './merge';

export interface DotTerm {
  /** Position along the summed axes. */
  k: number;
  /** Flat indices in the two inputs. */
  indexA: number;
  indexB: number;
  /** The values multiplied (after normalisation when it is on). */
  a: number;
  b: number;
  product: number;
}

export interface DotResult {
  /** 0-based axes of the two inputs' example shapes. */
  axes: [number, number];
  outCoords: number[];
  /** The first input's fixed coordinates (the summed axis left as −1), then the second's. */
  fixedA: number[];
  fixedB: number[];
  terms: DotTerm[];
  /** Lengths the vectors were divided by (1 when not normalised). */
  normA: number;
  normB: number;
  value: number;
}

/** Dot's `axes` as 0-based axes of each input; Keras counts the batch axis, −1 is the last. */
export function dotAxes(params: LayerParams, rankA: number, rankB: number): [number, number] {
  const raw = Array.isArray(params.axes) ? params.axes.map(Number) : [Number(params.axes ?? -1)];
  const [ra = -1, rb = ra] = raw;
  const a = ra < 0 ? rankA + ra : ra - 1;
  const b = rb < 0 ? rankB + rb : rb - 1;
  if (!(a >= 0 && a < rankA && b >= 0 && b < rankB))
    throw new RangeError(`axes ${raw.join(', ')} do not exist for inputs of ${rankA} and ${rankB} axes`);
  return [a, b];
}

export function dotAt(
  params: LayerParams,
  inputA: TensorData,
  inputB: TensorData,
  outIndex: number,
): DotResult {
  const [axisA, axisB] = dotAxes(params, inputA.shape.length, inputB.shape.length);
  const restA = inputA.shape.filter((_, i) => i !== axisA);
  const restB = inputB.shape.filter((_, i) => i !== axisB);
  const outShape = restA.length + restB.length === 0 ? [1] : [...restA, ...restB];
  const outCoords = coordsOf(outShape, outIndex);
  const pick = (rest: number[], offset: number, axis: number, rank: number): number[] => {
    const own = rest.length === 0 ? [] : outCoords.slice(offset, offset + rest.length);
    const c = new Array<number>(rank).fill(0);
    let j = 0;
    for (let i = 0; i < rank; i++) c[i] = i === axis ? -1 : (own[j++] ?? 0);
    return c;
  };
  const fixedA = pick(restA, 0, axisA, inputA.shape.length);
  const fixedB = pick(restB, restA.length, axisB, inputB.shape.length);
  const n = inputA.shape[axisA] ?? 0;
  if (n !== inputB.shape[axisB]) throw new RangeError(`the summed axes differ in size`);
  const at = (fixed: number[], axis: number, k: number) => fixed.map((c, i) => (i === axis ? k : c));
  const ks = Array.from({ length: n }, (_, k) => k);
  const idxA = ks.map((k) => indexOf(inputA.shape, at(fixedA, axisA, k)));
  const idxB = ks.map((k) => indexOf(inputB.shape, at(fixedB, axisB, k)));
  const normalize = params.normalize === true;
  // tfjs' l2Normalize: x / √max(Σx², 1e-12).
  const length = (data: Float32Array, idx: number[]) =>
    normalize
      ? Math.sqrt(
          Math.max(
            idx.reduce((s, i) => s + (data[i] ?? 0) ** 2, 0),
            1e-12,
          ),
        )
      : 1;
  const normA = length(inputA.data, idxA);
  const normB = length(inputB.data, idxB);
  const terms = ks.map((k) => {
    const a = (inputA.data[idxA[k] ?? 0] ?? 0) / normA;
    const b = (inputB.data[idxB[k] ?? 0] ?? 0) / normB;
    return { k, indexA: idxA[k] ?? 0, indexB: idxB[k] ?? 0, a, b, product: a * b };
  });
  const value = terms.reduce((s, t) => s + t.product, 0);
  return { axes: [axisA, axisB], outCoords, fixedA, fixedB, terms, normA, normB, value };
}
