/**
 * The one cell a view is about, chosen by hovering a map or with the arrow keys: the shared
 * state of the views that explain a layer cell by cell (merges, resampling, pass-through).
 * Create it in a component's script; hand `onkeydown` to `<svelte:window>`.
 */
import type { Cell } from './types';

export class CellPick {
  private chosen = $state<Cell | null>(null);
  /** The cell shown: the chosen one, or the start cell. */
  readonly cell: Cell;

  /** `size` and `start` are read again whenever they change. */
  constructor(
    private readonly size: () => { height: number; width: number },
    start: () => Cell,
  ) {
    this.cell = $derived.by(() => {
      const { height, width } = this.size();
      const c = this.chosen;
      return c && c.row < height && c.col < width ? c : start();
    });
  }

  pick = (cell: Cell | null): void => {
    const { height, width } = this.size();
    if (cell && cell.row >= 0 && cell.row < height && cell.col >= 0 && cell.col < width) this.chosen = cell;
  };

  /** Arrow keys move the cell, so the view works without a mouse; typing in a field is left alone. */
  onkeydown = (e: KeyboardEvent): void => {
    const tag = e.target instanceof HTMLElement ? e.target.tagName : '';
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const { height, width } = this.size();
    this.pick({
      row: Math.min(height - 1, Math.max(0, this.cell.row + m[0])),
      col: Math.min(width - 1, Math.max(0, this.cell.col + m[1])),
    });
  };
}

/** The cell holding the largest |value| of a row-major plane: a start cell where something shows. */
export function strongestCell(plane: ArrayLike<number>, width: number): Cell {
  let best = 0;
  for (let i = 1; i < plane.length; i++) if (Math.abs(plane[i] ?? 0) > Math.abs(plane[best] ?? 0)) best = i;
  return { row: Math.floor(best / Math.max(1, width)), col: best % Math.max(1, width) };
}
