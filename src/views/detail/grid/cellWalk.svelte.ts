/**
 * A player that walks every cell of an output map row by row, for views where each output
 * cell has its own story (resampling, transposed convolution): the step it is at, and
 * seeking by hovering an output cell. Create it in a component's script; it stops its
 * player when the component goes. The host keys the component, so the cell count is fixed.
 */
import { onDestroy, untrack } from 'svelte';
import type { OutputStep } from '../../../lib/tensor/window';
import { PlayerHandle } from '../../shared/anim/playerHandle.svelte';
import type { Cell } from './types';

export class CellWalk {
  readonly player: PlayerHandle;
  readonly tween: boolean;
  /** The step as the player bar shows it (the output cell; top/left unused). */
  readonly step: OutputStep;
  readonly cell: Cell;
  /** The input cell under the pointer, if any. */
  hovered = $state<Cell | null>(null);

  constructor(
    private readonly size: () => { height: number; width: number },
    start?: () => Cell,
  ) {
    const count = untrack(() => size().height * size().width);
    this.player = new PlayerHandle(count, { autoplay: true });
    onDestroy(() => this.player.destroy());
    this.tween = !this.player.reducedMotion;
    const first = untrack(() => start?.());
    if (first) this.player.seek(first.row * untrack(() => size().width) + first.col, true);
    this.cell = $derived.by(() => {
      const width = Math.max(1, this.size().width);
      return { row: Math.floor(this.player.index / width), col: this.player.index % width };
    });
    this.step = $derived({ outRow: this.cell.row, outCol: this.cell.col, top: 0, left: 0 });
  }

  /** Hovering an output cell pauses there. */
  seek = (cell: Cell | null): void => {
    const { height, width } = this.size();
    if (cell && cell.row >= 0 && cell.row < height && cell.col >= 0 && cell.col < width)
      this.player.seek(cell.row * width + cell.col, true);
  };

  setHovered = (cell: Cell | null): void => {
    this.hovered = cell;
  };
}
