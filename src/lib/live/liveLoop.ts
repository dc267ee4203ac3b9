/**
 * The live camera's loop, without the DOM: at each new camera frame, explain it — one frame at
 * a time, never a queue, so a slow network lowers the rate instead of lagging behind the
 * camera. Counts the updates of the last second for the rate the page shows. The camera, the
 * frame callback and the clock come in as functions, so the loop is tested in Node.
 */

export type LiveLoopState = 'stopped' | 'running' | 'paused';

export interface LiveLoopDeps {
  /** Calls `callback` once, at the next new camera frame; returns a function that cancels it. */
  nextFrame(callback: () => void): () => void;
  /**
   * Reads the current frame and explains it. Returns false when there was no frame to read yet
   * (the camera is still starting), which is not an update. Throws when explaining failed.
   */
  update(): boolean;
  /** Milliseconds, monotonic. */
  now(): number;
}

/** Updates within this window count towards the rate. */
const RATE_WINDOW_MS = 1000;

export class LiveLoop {
  state: LiveLoopState = 'stopped';
  /** Frames explained since the loop started. */
  updates = 0;
  /** Why the loop stopped by itself (an update threw), or null. */
  failure: unknown = null;
  private cancel: (() => void) | null = null;
  private readonly recent: number[] = [];

  constructor(
    private readonly deps: LiveLoopDeps,
    /** Told after every change of state and every update. */
    private readonly changed: () => void = () => {},
  ) {}

  start(): void {
    this.updates = 0;
    this.recent.length = 0;
    this.failure = null;
    this.run();
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.halt('paused');
  }

  resume(): void {
    if (this.state === 'paused') this.run();
  }

  stop(): void {
    this.halt('stopped');
  }

  /** Updates per second over the last second (fewer while the loop has run for less). */
  rate(): number {
    this.forget(this.deps.now());
    return this.recent.length;
  }

  private run(): void {
    this.state = 'running';
    this.schedule();
    this.changed();
  }

  private halt(state: LiveLoopState): void {
    this.cancel?.();
    this.cancel = null;
    this.state = state;
    this.changed();
  }

  private schedule(): void {
    this.cancel = this.deps.nextFrame(() => this.frame());
  }

  private frame(): void {
    this.cancel = null;
    if (this.state !== 'running') return;
    let updated: boolean;
    try {
      updated = this.deps.update();
    } catch (e) {
      this.failure = e;
      this.halt('stopped');
      return;
    }
    // `update` may have paused or stopped the loop (another image was chosen meanwhile).
    if (this.state !== 'running') return;
    if (updated) {
      const t = this.deps.now();
      this.updates++;
      this.recent.push(t);
      this.forget(t);
      this.changed();
    }
    this.schedule();
  }

  private forget(now: number): void {
    let drop = 0;
    while (drop < this.recent.length && this.recent[drop]! <= now - RATE_WINDOW_MS) drop++;
    if (drop) this.recent.splice(0, drop);
  }
}
