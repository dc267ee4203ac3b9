/**
 * Embedding: every id in the input selects one row of the table; the output at (position,
 * feature) is table[id, feature]. tfjs casts the ids to int32 first, which drops the fraction.
 */
import type { TensorData } from '../tensor/types';

export interface EmbeddingLookup {
  /** The flat position in the input (which id). */
  position: number;
  feature: number;
  /** The input value as given, and the whole-number id tfjs reads from it. */
  raw: number;
  id: number;
  /** False when the id is not a row of the table (below 0 or at least the vocabulary size). */
  inTable: boolean;
  /** The selected row (empty when the id is outside the table). */
  row: Float32Array;
  value: number;
}

/** The lookup behind output element `outIndex` of an [..., dim] output. */
export function embeddingAt(ids: TensorData, table: TensorData, outIndex: number): EmbeddingLookup {
  const [vocabulary = 0, dim = 1] = table.shape;
  const position = Math.floor(outIndex / dim);
  const feature = outIndex % dim;
  if (!(position >= 0 && position < ids.data.length))
    throw new RangeError(`output ${outIndex} needs id ${position}, but there are ${ids.data.length}`);
  const raw = ids.data[position] ?? 0;
  const id = Math.trunc(raw);
  const inTable = id >= 0 && id < vocabulary;
  const row = inTable ? table.data.subarray(id * dim, (id + 1) * dim) : new Float32Array();
  return { position, feature, raw, id, inTable, row, value: inTable ? (row[feature] ?? NaN) : NaN };
}
