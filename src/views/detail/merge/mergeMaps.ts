/**
 * Planes for the merge views: any activation seen as [H, W, C] (a vector of N values as
 * 1×1 maps of N channels), and one input's channel as the output sees it after stretching.
 */
import type { TensorData } from '../../../lib/tensor/types';
import { broadcastSourceIndex } from '../../../lib/formula/merge';

/** [H, W, C] view of an activation: rank 2 [L, C] as [1, L, C], rank 1 [N] as [1, 1, N]. */
export function asMaps(t: TensorData): TensorData {
  const s = t.shape;
  if (s.length === 3) return t;
  if (s.length === 2) return { data: t.data, shape: [1, s[0] ?? 1, s[1] ?? 1] };
  return { data: t.data, shape: [1, 1, t.data.length] };
}

/** Output channel `channel` of input `input` as the merge reads it: stretched axes repeat its values. */
export function stretchedPlane(
  input: TensorData,
  outShape: readonly number[],
  channel: number,
): Float32Array {
  const [height = 1, width = 1, channels = 1] = outShape;
  const plane = new Float32Array(height * width);
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      const out = (r * width + c) * channels + channel;
      plane[r * width + c] = input.data[broadcastSourceIndex(outShape, input.shape, out)] ?? NaN;
    }
  return plane;
}

/** The operation's symbol, as written between the maps. */
export const OP_SYMBOL = {
  add: '+',
  subtract: '−',
  average: '+',
  maximum: ',',
  multiply: '×',
} as const;

/** The join's symbol in the paths diagram. */
export const JOIN_SYMBOL = {
  add: '⊕',
  subtract: '⊖',
  average: 'x̄',
  maximum: 'max',
  multiply: '⊗',
} as const;
