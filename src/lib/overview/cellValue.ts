/**
 * The value under the pointer in a neuron's grid: a map cell (row, column), or a strip
 * index with, for a flatten of [H, W, C] maps, the map cell it was copied from.
 */
import type { TensorData } from '../tensor/types';
import type { OverviewColumn } from './columns';

export type CellValue =
  | { kind: 'cell'; row: number; col: number; value: number }
  | {
      kind: 'index';
      index: number;
      value: number;
      source?: { layer: string; row: number; col: number; channel: number };
    };

export function cellValue(
  column: OverviewColumn,
  tensor: TensorData,
  channel: number,
  cell: { row: number; col: number },
): CellValue | null {
  if (column.kind === 'maps') {
    const channels = column.shape[column.shape.length - 1] ?? 1;
    const value = tensor.data[(cell.row * column.grid.cols + cell.col) * channels + channel];
    return value === undefined ? null : { kind: 'cell', row: cell.row, col: cell.col, value };
  }
  if (column.kind !== 'strip') return null;
  const index = cell.row * column.grid.cols + cell.col;
  const value = tensor.data[index];
  if (value === undefined) return null;
  const src = column.inputShapes[0];
  if (!src || src.length !== 3 || src.reduce((a, b) => a * b, 1) !== tensor.data.length)
    return { kind: 'index', index, value };
  const [, w = 1, c = 1] = src;
  return {
    kind: 'index',
    index,
    value,
    source: {
      layer: column.inputs[0] ?? '',
      row: Math.floor(index / (w * c)),
      col: Math.floor(index / c) % w,
      channel: index % c,
    },
  };
}
