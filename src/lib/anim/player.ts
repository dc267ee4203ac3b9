/**
 * A pure, cancellable step player for the formula animations: an index into a precomputed
 * list of steps (window positions, classes, …) that advances with elapsed time while playing.
 * It owns no timer: a component feeds it elapsed milliseconds from requestAnimationFrame, so
 * it is testable in Node and stops for good when disposed.
 */

export interface PlayerState {
  /** Current step, 0…count−1 (0 when there are no steps). */
  index: number;
  count: number;
  playing: boolean;
  stepsPerSecond: number;
  /** Fraction of the way to the next step, in [0, 1): for tweening; views that step ignore it. */
  progress: number;
}

export interface PlayerOptions {
  stepsPerSecond?: number;
  /** Start again from step 0 after the last one (default) or stop there. */
  loop?: boolean;
  /** Frames longer than this (a background tab, a debugger pause) count as this long. */
  maxFrameMs?: number;
}

export type PlayerListener = (state: PlayerState) => void;

export const SPEED_LIMITS = { min: 0.25, max: 60 } as const;

function clampSpeed(stepsPerSecond: number): number {
  if (!Number.isFinite(stepsPerSecond)) return SPEED_LIMITS.min;
  return Math.min(SPEED_LIMITS.max, Math.max(SPEED_LIMITS.min, stepsPerSecond));
}

function wrap(index: number, count: number): number {
  return ((index % count) + count) % count;
}

export class Player {
  private s: PlayerState;
  private readonly loop: boolean;
  private readonly maxFrameMs: number;
  private listeners = new Set<PlayerListener>();
  private disposed = false;

  constructor(count: number, options: PlayerOptions = {}) {
    this.loop = options.loop ?? true;
    this.maxFrameMs = options.maxFrameMs ?? 250;
    this.s = {
      index: 0,
      count: Math.max(0, Math.floor(count)),
      playing: false,
      stepsPerSecond: clampSpeed(options.stepsPerSecond ?? 2),
      progress: 0,
    };
  }

  get state(): Readonly<PlayerState> {
    return this.s;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Calls `listener` now and after every change; returns the unsubscribe function. */
  subscribe(listener: PlayerListener): () => void {
    if (this.disposed) return () => {};
    this.listeners.add(listener);
    listener(this.s);
    return () => this.listeners.delete(listener);
  }

  play(): void {
    // One step or none has nothing to animate; at the end of a non-looping run, start over.
    if (this.s.count < 2) return;
    const restart = !this.loop && this.s.index === this.s.count - 1;
    this.update({ playing: true, index: restart ? 0 : this.s.index, progress: 0 });
  }

  pause(): void {
    if (this.s.playing) this.update({ playing: false, progress: 0 });
  }

  toggle(): void {
    if (this.s.playing) this.pause();
    else this.play();
  }

  /** Moves by `delta` steps (wrapping around) and pauses: stepping is a manual act. */
  step(delta: number): void {
    if (this.s.count === 0 || !Number.isInteger(delta)) return;
    this.update({ index: wrap(this.s.index + delta, this.s.count), playing: false, progress: 0 });
  }

  /** Jumps to a step, e.g. the one under the mouse; keeps playing unless `pause` is set. */
  seek(index: number, pause = false): void {
    if (this.s.count === 0 || !Number.isInteger(index)) return;
    const clamped = Math.min(this.s.count - 1, Math.max(0, index));
    this.update({ index: clamped, progress: 0, playing: pause ? false : this.s.playing });
  }

  setSpeed(stepsPerSecond: number): void {
    this.update({ stepsPerSecond: clampSpeed(stepsPerSecond) });
  }

  /** New list of steps (another channel, other settings): keeps the index when it still exists. */
  setCount(count: number): void {
    const n = Math.max(0, Math.floor(count));
    const index = this.s.index < n ? this.s.index : 0;
    this.update({ count: n, index, progress: 0, playing: this.s.playing && n > 1 });
  }

  /** Advances by the time since the last frame; returns true when the step changed. */
  tick(elapsedMs: number): boolean {
    if (this.disposed || !this.s.playing || !(elapsedMs > 0)) return false;
    const advance = (Math.min(elapsedMs, this.maxFrameMs) * this.s.stepsPerSecond) / 1000 + this.s.progress;
    const whole = Math.floor(advance);
    let index = this.s.index + whole;
    let playing = true;
    let progress = advance - whole;
    if (index >= this.s.count) {
      if (this.loop) index = wrap(index, this.s.count);
      else {
        index = this.s.count - 1;
        playing = false;
        progress = 0;
      }
    }
    const changed = index !== this.s.index;
    this.update({ index, playing, progress });
    return changed;
  }

  /** Stops for good: no more ticks, no more notifications. */
  dispose(): void {
    this.s = { ...this.s, playing: false, progress: 0 };
    this.disposed = true;
    this.listeners.clear();
  }

  private update(patch: Partial<PlayerState>): void {
    if (this.disposed) return;
    this.s = { ...this.s, ...patch };
    for (const listener of this.listeners) listener(this.s);
  }
}
