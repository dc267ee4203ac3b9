/**
 * Lookup over a precomputed list of output positions (the order a sliding window visits
 * them, row by row): step index ⇄ (row, col), so that hovering a cell can seek the player.
 */

export interface GridStep {
  outRow: number;
  outCol: number;
}

export class GridSteps<T extends GridStep> {
  private readonly byCell = new Map<number, number>();

  constructor(
    readonly steps: readonly T[],
    /** Output columns: the key of (row, col) is row·width + col. */
    readonly width: number,
  ) {
    steps.forEach((s, i) => this.byCell.set(s.outRow * width + s.outCol, i));
  }

  get count(): number {
    return this.steps.length;
  }

  at(index: number): T | undefined {
    return this.steps[index];
  }

  /** Step index of output (row, col), or −1 when no step makes it. */
  indexOf(row: number, col: number): number {
    if (col < 0 || col >= this.width) return -1;
    return this.byCell.get(row * this.width + col) ?? -1;
  }
}
