/**
 * The value under the pointer in a neuron's grid: a map cell (row, column; for a volume,
 * whose depth slices are drawn stacked, the slice and the row within it), or a strip index
 * with, for a flatten of [H, W, C] maps or a [D, H, W, C] volume, the cell it was copied from.
 */
import type { TensorData } from '../tensor/types';
import type { OverviewColumn } from './columns';

export type CellValue =
  /** `depth` only for a volume; `row` is then the row within that slice. */
  | { kind: 'cell'; depth?: number; row: number; col: number; value: number }
  | {
      kind: 'index';
      index: number;
      value: number;
      source?: { layer: string; depth?: number; row: number; col: number; channel: number };
    };

/** Slices a column's grid stacks: a volume's depth, else 1. */
export function stackedSlices(column: Pick<OverviewColumn, 'kind' | 'shape'>): number {
  return column.kind === 'maps' && column.shape.length === 4 ? (column.shape[0] ?? 1) : 1;
}

/** A row of the stacked grid as (depth, row within the slice) for slices of `sliceRows` rows. */
export function unstackRow(stackedRow: number, sliceRows: number): { depth: number; row: number } {
  return { depth: Math.floor(stackedRow / sliceRows), row: stackedRow % sliceRows };
}

export function cellValue(
  column: OverviewColumn,
  tensor: TensorData,
  channel: number,
  cell: { row: number; col: number },
): CellValue | null {
  if (column.kind === 'maps') {
    const channels = column.shape[column.shape.length - 1] ?? 1;
    const value = tensor.data[(cell.row * column.grid.cols + cell.col) * channels + channel];
    if (value === undefined) return null;
    if (stackedSlices(column) === 1) return { kind: 'cell', row: cell.row, col: cell.col, value };
    return { kind: 'cell', ...unstackRow(cell.row, column.shape[1] ?? 1), col: cell.col, value };
  }
  if (column.kind !== 'strip') return null;
  const index = cell.row * column.grid.cols + cell.col;
  const value = tensor.data[index];
  if (value === undefined) return null;
  const src = column.inputShapes[0];
  if (!src || (src.length !== 3 && src.length !== 4) || src.reduce((a, b) => a * b, 1) !== tensor.data.length)
    return { kind: 'index', index, value };
  const [h = 1, w = 1, c = 1] = src.slice(-3);
  const row = Math.floor(index / (w * c));
  const from = {
    layer: column.inputs[0] ?? '',
    col: Math.floor(index / c) % w,
    channel: index % c,
  };
  return {
    kind: 'index',
    index,
    value,
    source: src.length === 4 ? { ...from, ...unstackRow(row, h) } : { ...from, row },
  };
}
