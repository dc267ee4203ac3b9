/**
 * The big net's column reveal (src/views/overview/columnReveal.svelte.ts), with frames driven by
 * hand: the first frame after the net mounts only lays out and paints (no column is added and
 * no map painted), later frames add columns until all are shown, and the reveal reports done
 * only once the painter has nothing left to paint.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ColumnReveal, type QueuedPainter } from '../../src/views/overview/columnReveal.svelte';

let frames: Map<number, FrameRequestCallback>;
let clock = 0;
let nextId = 1;

beforeEach(() => {
  frames = new Map();
  clock = 0;
  globalThis.requestAnimationFrame = (cb) => {
    frames.set(nextId, cb);
    return nextId++;
  };
  globalThis.cancelAnimationFrame = (id) => void frames.delete(id);
});

afterEach(() => {
  delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
  delete (globalThis as { cancelAnimationFrame?: unknown }).cancelAnimationFrame;
});

/** Runs the frame callbacks waiting now, `ms` after the last frame. */
function frame(ms = 20): void {
  clock += ms;
  const waiting = [...frames.values()];
  frames.clear();
  for (const cb of waiting) cb(clock);
}

function painter(): QueuedPainter & { calls: number[]; left: number; deferred: boolean } {
  const p = {
    calls: [] as number[],
    left: 0,
    deferred: false,
    deferColumns(on: boolean) {
      p.deferred = on;
    },
    paintQueued(budget: number) {
      p.calls.push(budget);
      p.left = Math.max(0, p.left - 1);
      return p.left === 0;
    },
  };
  return p;
}

describe('ColumnReveal', () => {
  it('mounts nothing more in the first frame, then adds columns each frame until all are shown', () => {
    const p = painter();
    let done = 0;
    const reveal = new ColumnReveal(
      () => p,
      () => done++,
    );
    reveal.start(60);
    const first = reveal.shown;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(60);
    expect(p.deferred).toBe(true);
    frame();
    // The settling frame: the page lays out and paints what mounted with the net.
    expect(reveal.shown).toBe(first);
    expect(p.calls).toEqual([]);
    frame();
    expect(reveal.shown).toBeGreaterThan(first);
    expect(p.calls.length).toBe(1);
    let guard = 0;
    while (reveal.revealing && guard++ < 200) frame();
    expect(reveal.shown).toBe(Infinity);
    expect(done).toBe(0);
    // Maps still queued after the last chunk: painted in later frames before the reveal is done.
    p.left = 3;
    while (reveal.busy && guard++ < 400) frame();
    expect(done).toBe(1);
    expect(p.deferred).toBe(false);
    expect(frames.size).toBe(0);
  });

  it('shows a small net whole at once, and a new start cancels the frame of the one before', () => {
    const p = painter();
    const reveal = new ColumnReveal(
      () => p,
      () => undefined,
    );
    reveal.start(10);
    expect(reveal.shown).toBe(Infinity);
    expect(frames.size).toBe(0);
    reveal.start(80);
    expect(frames.size).toBe(1);
    reveal.start(90);
    expect(frames.size).toBe(1);
    reveal.stop();
    expect(frames.size).toBe(0);
  });
});
