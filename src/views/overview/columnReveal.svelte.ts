/**
 * Mounts a big net's overview a few columns per frame instead of all in one task: a net of
 * 150 layers would otherwise keep the page from answering for most of a second while its
 * maps, labels and canvases are made and painted. The first chunk appears at once; every
 * frame after adds as many columns as fit in a time budget (measured on the chunks before),
 * so hovering and scrolling stay smooth. Each frame first paints the maps of the chunk before
 * (their layout is done by then), then mounts the next. A small net (TinyVGG) is mounted whole,
 * as before.
 */
import { flushSync } from 'svelte';

/** Milliseconds from one frame to the next while columns mount (mounting, style, layout, paint). */
const BUDGET_MS = 20;
/** Nets with no more columns than this appear at once. */
const WHOLE = 24;
/** Columns mounted before the first frame of a bigger net. */
const FIRST = 3;

/** What the reveal asks of the map painter (MapPainter). */
export interface QueuedPainter {
  deferColumns(on: boolean): void;
  /** Paints queued maps for at most `budgetMs`; true when none is left. */
  paintQueued(budgetMs: number): boolean;
}

/**
 * Milliseconds of map painting per frame before the next chunk mounts; once all are mounted,
 * the maps still waiting get the whole budget.
 */
const PAINT_MS = 8;

export class ColumnReveal {
  /** Columns mounted so far; all of them (Infinity) once the reveal is over. */
  shown = $state(Infinity);
  private frame = 0;
  /** Milliseconds a column costs, from the frame-to-frame time of the chunks before. */
  private perColumnMs = 4;

  /** Set from the last chunk's mounting until its maps are painted (a frame later). */
  private finishing = false;

  constructor(
    private readonly painterOf: () => QueuedPainter,
    private readonly onDone: () => void,
  ) {}

  private get painter(): QueuedPainter {
    return this.painterOf();
  }

  /** True while columns are still to come. */
  get revealing(): boolean {
    return this.shown !== Infinity;
  }

  /** True until the last chunk's maps are painted. */
  get busy(): boolean {
    return this.revealing || this.finishing;
  }

  /** Starts over for a new net of `total` columns (called before it mounts). */
  start(total: number): void {
    cancelAnimationFrame(this.frame);
    if (total <= WHOLE) {
      this.finishing = false;
      this.painter.deferColumns(false);
      this.shown = Infinity;
      return;
    }
    this.painter.deferColumns(true);
    this.finishing = false;
    this.shown = FIRST;
    let last = { at: performance.now(), count: FIRST };
    // The first frame after the net mounts lays out and paints the new page (the overview's
    // frame, the first chunk, the panels that follow the new net): it mounts nothing more.
    let settled = false;
    const step = (now: number): void => {
      if (!settled) {
        settled = true;
        last = { at: now, count: 0 };
        this.frame = requestAnimationFrame(step);
        return;
      }
      const painted = this.painter.paintQueued(this.revealing ? PAINT_MS : BUDGET_MS);
      if (!this.revealing) {
        if (!painted) {
          this.frame = requestAnimationFrame(step);
          return;
        }
        this.finishing = false;
        this.painter.deferColumns(false);
        this.onDone();
        return;
      }
      // The time from the last chunk's frame to this one holds its mounting and its style,
      // layout and paint; what one column cost (beyond an idle frame), smoothed, sets this chunk's size.
      if (last.count > 0) {
        const cost = Math.max(0, now - last.at - 16) / last.count;
        this.perColumnMs = 0.5 * this.perColumnMs + 0.5 * cost;
      }
      const count = Math.max(1, Math.floor(BUDGET_MS / Math.max(0.5, this.perColumnMs)));
      const next = this.shown + count;
      this.shown = next >= total ? Infinity : next;
      this.finishing = !this.revealing;
      flushSync();
      last = { at: now, count };
      this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
  }
}
