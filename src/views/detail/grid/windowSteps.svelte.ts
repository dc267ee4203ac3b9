/**
 * The shared state of a sliding-window view (convolution, pooling): one player step per
 * output position, the step it is at, the input cell under the pointer and the outputs
 * that cell feeds, and seeking by hovering an output cell. Create it in a component's
 * script (it stops its player when the component goes).
 */
import { onDestroy, untrack } from 'svelte';
import { GridSteps } from '../../../lib/anim/gridSteps';
import {
  insideInput,
  outputCellsFedBy,
  outputPositions,
  type OutputStep,
  type WindowPlan,
} from '../../../lib/tensor/window';
import { PlayerHandle } from '../../shared/anim/playerHandle.svelte';
import type { Cell } from './types';

const ORIGIN: OutputStep = { outRow: 0, outCol: 0, top: 0, left: 0 };

export class WindowSteps {
  readonly player: PlayerHandle;
  /** Cells slide between steps unless the user asked for less motion. */
  readonly tween: boolean;
  /** The input cell under the pointer. */
  hovered = $state<Cell | null>(null);
  readonly steps: OutputStep[];
  /** The step the player is at. */
  readonly step: OutputStep;
  /** The output cell being computed. */
  readonly current: Cell;
  /** The hovered input cell, to mark, when it is inside the input (not padding). */
  readonly hoveredMarks: Cell[];
  /** The outputs the hovered input cell feeds. */
  readonly fed: Cell[];
  private readonly grid: GridSteps<OutputStep>;

  /** `plan` is read again whenever it changes; the step count is fixed for the view's life (the host keys it). */
  constructor(plan: () => WindowPlan) {
    this.steps = $derived(outputPositions(plan()));
    this.grid = $derived(new GridSteps(this.steps, plan().outputWidth));
    this.player = new PlayerHandle(
      untrack(() => this.steps.length),
      { autoplay: true },
    );
    onDestroy(() => this.player.destroy());
    this.tween = !this.player.reducedMotion;
    this.step = $derived(this.steps[this.player.index] ?? this.steps[0] ?? ORIGIN);
    this.current = $derived({ row: this.step.outRow, col: this.step.outCol });
    this.hoveredMarks = $derived(insideInput(plan(), this.hovered) && this.hovered ? [this.hovered] : []);
    this.fed = $derived(outputCellsFedBy(plan(), this.hovered));
  }

  /** Hovering an output cell pauses there. */
  seekOutput = (cell: Cell | null): void => {
    if (!cell) return;
    const index = this.grid.indexOf(cell.row, cell.col);
    if (index >= 0) this.player.seek(index, true);
  };

  setHovered = (cell: Cell | null): void => {
    this.hovered = cell;
  };
}
