/**
 * Paces the page's updates while a run trains: the worker reports every step (~15 a second
 * for TinyVGG here), and each report redrew the progress line and both curves. The pacer
 * keeps the steps as they come and hands them over together, at most once per `intervalMs`,
 * so the page redraws a few times a second whatever the step rate. `flush()` hands over
 * what is waiting at once: before any other report (a validation, weights, the end), so the
 * page always sees the steps in order and never a validation before the step it follows.
 */
import type { StepRecord } from './log';

export interface PacerClock {
  now(): number;
  /** Calls `fn` once after `ms`; the returned function cancels that call. */
  later(fn: () => void, ms: number): () => void;
}

export const browserClock: PacerClock = {
  now: () => performance.now(),
  later: (fn, ms) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

/** Four to five redraws a second: the curves still move smoothly, a step's report is cheap. */
export const STEP_UPDATE_MS = 220;

export class StepPacer {
  private pending: StepRecord[] = [];
  private cancel: (() => void) | null = null;
  /** When steps were last handed over (-Infinity: never, so the first step shows at once). */
  private last = -Infinity;

  constructor(
    private readonly deliver: (steps: StepRecord[]) => void,
    private readonly clock: PacerClock = browserClock,
    private readonly intervalMs = STEP_UPDATE_MS,
  ) {}

  /** Steps waiting to be handed over. */
  get waiting(): number {
    return this.pending.length;
  }

  push(step: StepRecord): void {
    this.pending.push(step);
    if (this.cancel) return;
    const wait = this.last + this.intervalMs - this.clock.now();
    if (wait <= 0) this.flush();
    else this.cancel = this.clock.later(() => this.flush(), wait);
  }

  /** Hands over every waiting step now (nothing happens when none waits). */
  flush(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.pending.length === 0) return;
    const steps = this.pending;
    this.pending = [];
    this.last = this.clock.now();
    this.deliver(steps);
  }

  /** Drops what waits (a run cleared or abandoned). */
  clear(): void {
    this.cancel?.();
    this.cancel = null;
    this.pending = [];
    this.last = -Infinity;
  }
}

/**
 * Weight snapshots for the explainer: each one re-explains the image and repaints the maps
 * (~10 ms of the page's main thread for TinyVGG). Put in a task of their own, after the
 * message that brought them, so that work never adds to a step report's redraw in one long
 * task; and when snapshots come faster than the page takes them (a starved main thread),
 * only the newest is shown.
 */
export class LatestLater<T> {
  private value: { v: T } | null = null;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly deliver: (value: T) => void,
    private readonly clock: PacerClock = browserClock,
  ) {}

  get waiting(): boolean {
    return this.value !== null;
  }

  put(value: T): void {
    const idle = this.value === null;
    this.value = { v: value };
    if (idle) this.cancel = this.clock.later(() => this.take(), 0);
  }

  /** Hands the waiting value over now, if there is one. */
  take(): void {
    this.cancel?.();
    this.cancel = null;
    const value = this.value;
    this.value = null;
    if (value) this.deliver(value.v);
  }

  /** Forgets the waiting value (something newer was shown meanwhile). */
  drop(): void {
    this.cancel?.();
    this.cancel = null;
    this.value = null;
  }
}
