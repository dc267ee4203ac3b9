/**
 * What an ONNX tensor of the graph is on our side. ONNX activations are NCHW with a batch
 * axis; ours are NHWC without one, so each activation records how its ONNX axes map onto
 * the output of the spec layer that computes it:
 * - image: ONNX [N, C, H, W] ('nchw') or [N, H, W, C] ('nhwc'); ours [H, W, C].
 * - pooled: ONNX [N, C, 1, 1] (or [N, 1, 1, C]); ours [C] (a global pooling's output).
 * - vector: ONNX [N, F]; ours [F], same order.
 * - chwVector: ONNX [N, C·H·W] flattened from NCHW (channel-major); ours [H·W·C] flattened
 *   from NHWC. The values are the same, in another order: a Dense layer reading it takes
 *   its kernel rows reordered, so the results match.
 * The batch axis is taken as 1: CNN Studio explains one image at a time.
 */
import type { Const } from './onnxTensor';

export type Order = 'nchw' | 'nhwc';

export type Layout =
  | { kind: 'image'; order: Order }
  | { kind: 'pooled'; order: Order }
  | { kind: 'vector' }
  | { kind: 'chwVector'; c: number; h: number; w: number };

export interface Act {
  kind: 'act';
  /** Id of the spec layer whose output this is. */
  layer: string;
  /** The ONNX shape, batch axis (1) first. */
  shape: number[];
  layout: Layout;
}

export type Value = Act | { kind: 'const'; value: Const };

/** [channels, height, width] of an image or pooled activation, whatever its ONNX order. */
export function chw(act: Act): [number, number, number] {
  const [, a = 1, b = 1, c = 1] = act.shape;
  if (act.layout.kind === 'image' || act.layout.kind === 'pooled')
    return act.layout.order === 'nchw' ? [a, b, c] : [c, a, b];
  return [act.shape[1] ?? 1, 1, 1];
}

/** Our shape (no batch) of an activation. */
export function oursShape(act: Act): number[] {
  const [c, h, w] = chw(act);
  switch (act.layout.kind) {
    case 'image':
      return [h, w, c];
    case 'pooled':
      return [c];
    default:
      return [act.shape[1] ?? 0];
  }
}

/** The ONNX shape of an NCHW image activation [1, C, H, W] from ours [H, W, C]. */
export function nchwShape(ours: readonly number[]): number[] {
  const [h = 1, w = 1, c = 1] = ours;
  return [1, c, h, w];
}

/**
 * An ONNX tensor's values (batch 1) in our layout, for comparing an ONNX runtime's output
 * with the engine's: NCHW maps are transposed to HWC, CHW-ordered vectors reordered.
 */
export function toOursOrder(act: Act, onnx: Float32Array): Float32Array {
  const layout = act.layout;
  if (
    layout.kind === 'vector' ||
    layout.kind === 'pooled' ||
    (layout.kind === 'image' && layout.order === 'nhwc')
  )
    return onnx.slice();
  const [c, h, w] = layout.kind === 'chwVector' ? [layout.c, layout.h, layout.w] : chw(act);
  const out = new Float32Array(c * h * w);
  for (let ch = 0; ch < c; ch++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) out[(y * w + x) * c + ch] = onnx[(ch * h + y) * w + x] ?? 0;
  return out;
}

/**
 * For a flattened NCHW map: the ONNX (channel-major) position of each of our (HWC) positions,
 * so a Dense kernel row for ONNX feature `onnxIndex[i]` becomes our row i.
 */
export function chwIndexOf(layout: { c: number; h: number; w: number }): Int32Array {
  const { c, h, w } = layout;
  const index = new Int32Array(c * h * w);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let ch = 0; ch < c; ch++) index[(y * w + x) * c + ch] = (ch * h + y) * w + x;
  return index;
}

/** Number of values a shape holds. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
