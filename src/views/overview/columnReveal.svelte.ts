/**
 * Mounts a big net's overview a few columns per frame instead of all in one task: a net of
 * 150 layers would otherwise keep the page from answering for most of a second while its
 * maps, labels and canvases are made and painted. The task in which the net arrives only takes
 * the old overview down (its panels mount then too); the frame after lays out and paints that
 * page, the next makes what the whole overview needs (ready), and every frame after adds as many columns as fit in a time budget (measured on the
 * chunks before), so hovering and scrolling stay smooth. Each frame first paints the maps of the
 * chunk before (their layout is done by then), then mounts the next. A small net (TinyVGG) is
 * mounted whole, as before.
 */
import { flushSync } from 'svelte';

/**
 * Milliseconds of mounting (the chunk's scripts, timed) per frame; its style, layout and paint
 * follow in the same frame. A budget of 20 ms for the whole frame, measured as the time from
 * one frame to the next, made frames of 24–29 ms of main-thread time, which load pushed over 50.
 */
const BUDGET_MS = 8;
/** Nets with no more columns than this appear at once. */
const WHOLE = 24;

/** What the reveal asks of the map painter (MapPainter). */
export interface QueuedPainter {
  deferColumns(on: boolean): void;
  /** Paints queued maps for at most `budgetMs`; true when none is left. */
  paintQueued(budgetMs: number): boolean;
}

/** Milliseconds of map painting per frame before the next chunk mounts. */
const PAINT_MS = 6;
/** Milliseconds of map painting per frame once every column is mounted (was 20: frames of ~28 ms). */
const AFTER_MS = 12;

/**
 * How many columns the next frame mounts: as many as fit in `budgetMs` at `perColumnMs` each
 * (at least one, so the reveal always ends).
 */
export function chunkSize(perColumnMs: number, budgetMs = BUDGET_MS): number {
  return Math.max(1, Math.floor(budgetMs / Math.max(0.5, perColumnMs)));
}

/** What one column costs to mount, smoothed: `spentMs` mounting the last `count` columns. */
export function smoothCost(previousMs: number, spentMs: number, count: number): number {
  if (count <= 0) return previousMs;
  return 0.5 * previousMs + (0.5 * Math.max(0, spentMs)) / count;
}

export class ColumnReveal {
  /** Columns mounted so far; all of them (Infinity) once the reveal is over. */
  shown = $state(Infinity);
  /**
   * False from a big net's arrival until the frame before its first columns: what the whole
   * overview needs (colour ranges, the flow lane, the legends) is made in a frame of its own.
   */
  ready = $state(true);
  private frame = 0;
  /** Milliseconds a column costs to mount, timed on the chunks before. */
  private perColumnMs = 2;

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
      this.ready = true;
      return;
    }
    this.painter.deferColumns(true);
    this.finishing = false;
    // Nothing of the new net's overview mounts in the task the net arrives in: that task already
    // takes the old one down and mounts the panels that follow the new net.
    this.shown = 0;
    this.ready = false;
    // The first frame after the net arrives lays out and paints that page: it mounts nothing.
    let settled = false;
    const step = (): void => {
      if (!settled) {
        settled = true;
        this.frame = requestAnimationFrame(step);
        return;
      }
      if (!this.ready) {
        this.ready = true;
        flushSync();
        this.frame = requestAnimationFrame(step);
        return;
      }
      const painted = this.painter.paintQueued(this.revealing ? PAINT_MS : AFTER_MS);
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
      // What a column cost to mount in the chunks before, smoothed, sets this chunk's size.
      const count = chunkSize(this.perColumnMs);
      const next = this.shown + count;
      this.shown = next >= total ? Infinity : next;
      this.finishing = !this.revealing;
      const started = performance.now();
      flushSync();
      this.perColumnMs = smoothCost(this.perColumnMs, performance.now() - started, count);
      this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
  }
}
