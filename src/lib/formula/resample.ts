/**
 * Layers that change a map's size without weights, as tfjs computes them: UpSampling2D
 * (nearest or bilinear), ZeroPadding2D and Cropping2D. Maps are NHWC [H, W, C] without the
 * batch axis, and every channel is treated on its own, so each output cell is a weighted
 * sum of a few cells of the same channel ("taps"); a padding cell has no taps and is 0.
 *
 * UpSampling2D runs tf.image.resizeNearestNeighbor / resizeBilinear with alignCorners and
 * halfPixelCenters off: output row r looks at input row r · (inH / outH) (the cpu kernel's
 * product, kept as is so rounding matches); nearest takes its floor, bilinear blends the
 * floor and ceiling rows (the ceiling clamped to the last row) by the fractional part.
 */
import type { TensorData } from '../tensor/types';
import type { LayerParams } from '../spec/types';
import { hwcShape, readHwc, requireIndex, type CellPosition } from '../tensor/layout';
import { edges, type Edges } from '../layers/shared/edges2d';

export type ResampleKind = 'nearest' | 'bilinear' | 'pad' | 'crop';

export interface ResamplePlan {
  kind: ResampleKind;
  inputHeight: number;
  inputWidth: number;
  outputHeight: number;
  outputWidth: number;
  /** UpSampling2D's factors [rows, cols]; [1, 1] otherwise. */
  size: [number, number];
  /** Rows and columns added (pad) or removed (crop) on each side; zeros for upsampling. */
  edges: Edges;
}

export interface ResampleTap {
  row: number;
  col: number;
  /** How much of this input cell goes into the output (1 for a copy). */
  weight: number;
}

const NO_EDGES: Edges = { top: 0, bottom: 0, left: 0, right: 0 };

function intList(value: unknown, fallback: number[]): number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number') ? (value as number[]) : fallback;
}

/** The resampling a registry layer type does, or null for any other layer. */
export function resamplePlan(
  type: string,
  params: LayerParams,
  inputShape: readonly number[],
): ResamplePlan | null {
  const [inputHeight = 0, inputWidth = 0] = inputShape;
  const base = { inputHeight, inputWidth };
  if (type === 'UpSampling2D') {
    const [sh = 2, sw = 2] = intList(params.size, [2, 2]);
    return {
      ...base,
      kind: params.interpolation === 'bilinear' ? 'bilinear' : 'nearest',
      outputHeight: inputHeight * sh,
      outputWidth: inputWidth * sw,
      size: [sh, sw],
      edges: NO_EDGES,
    };
  }
  if (type === 'ZeroPadding2D' || type === 'Cropping2D') {
    const pad = type === 'ZeroPadding2D';
    const e = edges(intList(pad ? params.padding : params.cropping, [1, 1]));
    const sign = pad ? 1 : -1;
    return {
      ...base,
      kind: pad ? 'pad' : 'crop',
      outputHeight: inputHeight + sign * (e.top + e.bottom),
      outputWidth: inputWidth + sign * (e.left + e.right),
      size: [1, 1],
      edges: e,
    };
  }
  return null;
}

/** Bilinear taps along one axis: [floor, weight], [ceil, weight], merged when they coincide. */
function axisBlend(out: number, inSize: number, outSize: number): [number, number][] {
  const frac = (inSize / outSize) * out;
  const lo = Math.max(0, Math.floor(frac));
  const t = frac - lo;
  const hi = Math.min(inSize - 1, Math.ceil(frac));
  if (hi === lo || t === 0) return [[lo, 1]];
  return [
    [lo, 1 - t],
    [hi, t],
  ];
}

/** The input cells output (row, col) is made of, with their weights; none for a padding cell. */
export function resampleTaps(plan: ResamplePlan, row: number, col: number): ResampleTap[] {
  requireIndex(row, plan.outputHeight, 'output row');
  requireIndex(col, plan.outputWidth, 'output column');
  switch (plan.kind) {
    case 'nearest': {
      const r = Math.min(plan.inputHeight - 1, Math.floor((plan.inputHeight / plan.outputHeight) * row));
      const c = Math.min(plan.inputWidth - 1, Math.floor((plan.inputWidth / plan.outputWidth) * col));
      return [{ row: r, col: c, weight: 1 }];
    }
    case 'bilinear': {
      const rows = axisBlend(row, plan.inputHeight, plan.outputHeight);
      const cols = axisBlend(col, plan.inputWidth, plan.outputWidth);
      return rows.flatMap(([r, wr]) => cols.map(([c, wc]) => ({ row: r, col: c, weight: wr * wc })));
    }
    case 'pad': {
      const r = row - plan.edges.top;
      const c = col - plan.edges.left;
      const inside = r >= 0 && r < plan.inputHeight && c >= 0 && c < plan.inputWidth;
      return inside ? [{ row: r, col: c, weight: 1 }] : [];
    }
    case 'crop':
      return [{ row: row + plan.edges.top, col: col + plan.edges.left, weight: 1 }];
  }
}

export interface ResampleResult {
  at: CellPosition;
  taps: (ResampleTap & { value: number })[];
  value: number;
}

/** One output value: Σ weight · input over the taps (0 for a padding cell). */
export function resampleAt(plan: ResamplePlan, input: TensorData, at: CellPosition): ResampleResult {
  const [, , channels] = hwcShape(input, 'resampling input');
  requireIndex(at.channel, channels, 'channel');
  const taps = resampleTaps(plan, at.row, at.col).map((t) => ({
    ...t,
    value: readHwc(input, t.row, t.col, at.channel),
  }));
  const value = taps.reduce((sum, t) => sum + t.weight * t.value, 0);
  return { at, taps, value };
}

/** One channel of the output, row-major outH·outW. */
export function resamplePlane(plan: ResamplePlan, input: TensorData, channel: number): Float32Array {
  const out = new Float32Array(plan.outputHeight * plan.outputWidth);
  for (let r = 0; r < plan.outputHeight; r++)
    for (let c = 0; c < plan.outputWidth; c++)
      out[r * plan.outputWidth + c] = resampleAt(plan, input, { row: r, col: c, channel }).value;
  return out;
}

/** The output cells that read input (row, col), for marking what a hovered input cell feeds. */
export function outputsReading(plan: ResamplePlan, row: number, col: number): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  if (plan.kind === 'pad') {
    const r = row + plan.edges.top;
    const c = col + plan.edges.left;
    return r < plan.outputHeight && c < plan.outputWidth ? [{ row: r, col: c }] : [];
  }
  if (plan.kind === 'crop') {
    const r = row - plan.edges.top;
    const c = col - plan.edges.left;
    return r >= 0 && r < plan.outputHeight && c >= 0 && c < plan.outputWidth ? [{ row: r, col: c }] : [];
  }
  // Upsampling: only rows and columns near row·size can read it; scan that band.
  const [sh, sw] = plan.size;
  const rows = { lo: Math.max(0, (row - 1) * sh), hi: Math.min(plan.outputHeight - 1, (row + 1) * sh + sh) };
  const cols = { lo: Math.max(0, (col - 1) * sw), hi: Math.min(plan.outputWidth - 1, (col + 1) * sw + sw) };
  for (let r = rows.lo; r <= rows.hi; r++)
    for (let c = cols.lo; c <= cols.hi; c++)
      if (resampleTaps(plan, r, c).some((t) => t.row === row && t.col === col && t.weight > 0))
        out.push({ row: r, col: c });
  return out;
}
