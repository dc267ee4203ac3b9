/** Shapes the grid components share. */

export interface Cell {
  row: number;
  col: number;
}

/** A rectangle of cells: rows top…top+rows−1, columns left…left+cols−1. */
export interface CellBox {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** The real (non-padding) map: cells outside 0…height−1 × 0…width−1 are padding. */
export function isInside(cell: Cell, height: number, width: number): boolean {
  return cell.row >= 0 && cell.row < height && cell.col >= 0 && cell.col < width;
}

export function cellKey(cell: Cell): string {
  return `${cell.row},${cell.col}`;
}
