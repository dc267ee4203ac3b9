/**
 * How the arranging views draw a tensor of any rank as one grid of cells: a vector wrapped
 * into rows, a sequence [T, C] as T rows of C, maps [H, W, C] as the H × W plane of one
 * channel, and more axes [..., H, W, C] as the H × W plane of one channel of the block of the
 * leading axes that holds the value (the maps of a 4-D Reshape's output, not one long strip).
 * Maps flat (row-major) indices to cells and back.
 */
import type { TensorData } from '../tensor/types';

export interface TensorGrid {
  rows: number;
  cols: number;
  /** The channel drawn, for maps; −1 when the grid shows every value. */
  channel: number;
  /** For more than three axes: the block drawn, its index along the leading axes; −1 otherwise. */
  block: number;
  /** The values in grid order (cells past the end of a wrapped vector are 0). */
  plane: Float32Array;
  /** A long sequence [T, C] drawn with its steps across: row = feature, column = step. */
  transposed: boolean;
}

/** A sequence this many times longer than it is wide is drawn steps across, not as a thin column. */
const TRANSPOSE_RATIO = 3;

function isTransposed(shape: readonly number[]): boolean {
  return shape.length === 2 && (shape[0] ?? 1) > TRANSPOSE_RATIO * (shape[1] ?? 1);
}

/** Longest row a vector is drawn in before it wraps. */
const VECTOR_ROW = 16;

/** The grid that shows flat index `index` of a tensor of this shape. */
export function gridOf(tensor: TensorData, index: number): TensorGrid {
  const shape = tensor.shape;
  const n = tensor.data.length;
  if (shape.length >= 3) {
    const [h = 1, w = 1, c = 1] = shape.slice(-3);
    const channel = index % c;
    const block = Math.floor(index / (h * w * c));
    const start = block * h * w * c;
    const plane = Float32Array.from({ length: h * w }, (_, i) => tensor.data[start + i * c + channel] ?? NaN);
    return { rows: h, cols: w, channel, block: shape.length > 3 ? block : -1, plane, transposed: false };
  }
  if (isTransposed(shape)) {
    const [t = 1, c = 1] = shape;
    const plane = Float32Array.from(
      { length: t * c },
      (_, i) => tensor.data[(i % t) * c + Math.floor(i / t)] ?? 0,
    );
    return { rows: c, cols: t, channel: -1, block: -1, plane, transposed: true };
  }
  const cols = shape.length === 1 ? Math.min(n, VECTOR_ROW) : (shape.at(-1) ?? 1);
  const rows = Math.ceil(n / Math.max(1, cols));
  const plane = Float32Array.from({ length: rows * cols }, (_, i) => (i < n ? (tensor.data[i] ?? 0) : 0));
  return { rows, cols, channel: -1, block: -1, plane, transposed: false };
}

/** The cell of flat index `index` in its grid. */
export function cellOfIndex(shape: readonly number[], index: number): { row: number; col: number } {
  if (shape.length >= 3) {
    const [h = 1, w = 1, c = 1] = shape.slice(-3);
    const pixel = Math.floor((index % (h * w * c)) / c);
    return { row: Math.floor(pixel / w), col: pixel % w };
  }
  const n = shape.reduce((a, b) => a * b, 1);
  const cols = shape.length === 1 ? Math.min(n, VECTOR_ROW) : (shape.at(-1) ?? 1);
  if (isTransposed(shape)) return { row: index % cols, col: Math.floor(index / cols) };
  return { row: Math.floor(index / cols), col: index % cols };
}

/**
 * The flat index under a cell of the grid of `channel` (maps) in `block` (more than three axes);
 * null past the end of a vector.
 */
export function indexOfCell(
  shape: readonly number[],
  cell: { row: number; col: number },
  channel: number,
  block = 0,
): number | null {
  const n = shape.reduce((a, b) => a * b, 1);
  let index: number;
  if (shape.length >= 3) {
    const [h = 1, w = 1, c = 1] = shape.slice(-3);
    index = Math.max(0, block) * h * w * c + (cell.row * w + cell.col) * c + Math.max(0, channel);
  } else {
    const cols = shape.length === 1 ? Math.min(n, VECTOR_ROW) : (shape.at(-1) ?? 1);
    index = isTransposed(shape) ? cell.col * cols + cell.row : cell.row * cols + cell.col;
  }
  return index >= 0 && index < n ? index : null;
}

/**
 * The first value a view shows for `channel` of a tensor (its last axis): the one of largest
 * magnitude. After a ReLU the top-left corner is often 0, and a formula of zeros teaches nothing.
 * Falls back to the channel's first value when every value is 0 (or the channel is out of range).
 */
export function strongestInChannel(tensor: TensorData, channel: number): number {
  const channels = tensor.shape.at(-1) ?? 1;
  const c = Math.min(Math.max(0, channel), channels - 1);
  let best = c;
  let bestAbs = -1;
  for (let i = c; i < tensor.data.length; i += channels) {
    const a = Math.abs(tensor.data[i] ?? 0);
    if (a > bestAbs) [best, bestAbs] = [i, a];
  }
  return best;
}

/** The coordinates along the leading axes of block `block` of a tensor of more than three axes. */
export function blockCoords(shape: readonly number[], block: number): number[] {
  const lead = shape.slice(0, -3);
  const coords = new Array<number>(lead.length).fill(0);
  let rest = block;
  for (let a = lead.length - 1; a >= 0; a--) {
    const size = lead[a] ?? 1;
    coords[a] = rest % size;
    rest = Math.floor(rest / size);
  }
  return coords;
}
