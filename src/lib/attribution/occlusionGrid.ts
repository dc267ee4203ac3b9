/**
 * Occlusion sensitivity without tensors: where the grey patch goes, the occluded copies of an
 * image, and the per-pixel map made from the drop at each position. Images are HWC.
 */

export interface OcclusionGrid {
  /** Input size. */
  height: number;
  width: number;
  size: number;
  stride: number;
  /** Patch positions down and across: ⌊(H − size) / stride⌋ + 1. */
  rows: number;
  cols: number;
}

export class OcclusionSettingsError extends RangeError {}

function whole(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi)
    throw new OcclusionSettingsError(
      `occlusion ${name} must be a whole number from ${lo} to ${hi}, not ${v}`,
    );
}

/** The patch positions for an H×W input; throws on a size or stride that does not fit. */
export function occlusionGrid(height: number, width: number, size: number, stride: number): OcclusionGrid {
  whole('patch size', size, 1, Math.min(height, width));
  whole('stride', stride, 1, Math.max(height, width));
  return {
    height,
    width,
    size,
    stride,
    rows: Math.floor((height - size) / stride) + 1,
    cols: Math.floor((width - size) / stride) + 1,
  };
}

/**
 * The patch sizes and strides offered for an input side: a patch of 3/16 of the side moved by
 * 1/16 gives a 14×14 map (64-pixel TinyVGG: 12 and 4; a 224-pixel net: 42 and 14).
 */
export function defaultOcclusion(side: number): { size: number; stride: number } {
  return { size: Math.max(1, Math.round((side * 3) / 16)), stride: Math.max(1, Math.round(side / 16)) };
}

/** Top-left corner of position `index` (row-major over the grid). */
export function patchAt(grid: OcclusionGrid, index: number): { y: number; x: number } {
  return { y: Math.floor(index / grid.cols) * grid.stride, x: (index % grid.cols) * grid.stride };
}

/**
 * Writes `count` occluded copies of `image`, for positions `start` … `start + count − 1`,
 * end to end into `out` (length count·H·W·C).
 */
export function fillOccluded(
  image: Float32Array,
  channels: number,
  grid: OcclusionGrid,
  start: number,
  count: number,
  fill: number,
  out: Float32Array,
): void {
  const { width, size } = grid;
  const one = grid.height * width * channels;
  for (let k = 0; k < count; k++) {
    const base = k * one;
    out.set(image, base);
    const { y, x } = patchAt(grid, start + k);
    for (let r = y; r < y + size; r++)
      out.fill(fill, base + (r * width + x) * channels, base + (r * width + x + size) * channels);
  }
}

/**
 * The drop at each input pixel: the mean of the drops of every patch that covers it (0 where
 * none does, past the last position when the stride does not divide H − size).
 */
export function occlusionPixelMap(drops: Float32Array, grid: OcclusionGrid): Float32Array {
  const { height, width, size, rows, cols } = grid;
  const sum = new Float32Array(height * width);
  const count = new Uint16Array(height * width);
  for (let i = 0; i < rows * cols; i++) {
    const { y, x } = patchAt(grid, i);
    const d = drops[i] ?? 0;
    // A position not measured yet (a preview's NaN) covers nothing.
    if (!Number.isFinite(d)) continue;
    for (let r = y; r < y + size; r++)
      for (let c = x; c < x + size; c++) {
        sum[r * width + c]! += d;
        count[r * width + c]!++;
      }
  }
  for (let p = 0; p < sum.length; p++) sum[p] = count[p] ? sum[p]! / count[p]! : 0;
  return sum;
}
