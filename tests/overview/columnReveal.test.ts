/**
 * The big net's column reveal (src/views/overview/columnReveal.svelte.ts), with frames driven by
 * hand: nothing of the new overview mounts in the task the net arrives in, the first frame after
 * only lays out and paints (no column is added and no map painted), the next makes what the whole
 * overview needs (ready) without a column, later frames add columns
 * until all are shown, and the reveal reports done only once the painter has nothing left to
 * paint, in slices of at most ~12 ms a frame.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ColumnReveal,
  chunkSize,
  smoothCost,
  type QueuedPainter,
} from '../../src/views/overview/columnReveal.svelte';

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
  it('mounts nothing with the net nor in the first frame, then adds columns each frame until all are shown', () => {
    const p = painter();
    let done = 0;
    const reveal = new ColumnReveal(
      () => p,
      () => done++,
    );
    reveal.start(60);
    // The task the net arrives in takes the old overview down and mounts no column.
    expect(reveal.shown).toBe(0);
    expect(reveal.busy).toBe(true);
    expect(p.deferred).toBe(true);
    expect(reveal.ready).toBe(false);
    frame();
    // The settling frame: the page lays out and paints what mounted with the net.
    expect(reveal.shown).toBe(0);
    expect(reveal.ready).toBe(false);
    expect(p.calls).toEqual([]);
    frame();
    // The overview's colour ranges, flow lane and legends, in a frame of their own.
    expect(reveal.ready).toBe(true);
    expect(reveal.shown).toBe(0);
    expect(p.calls).toEqual([]);
    frame();
    const first = reveal.shown;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(60);
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
    // No frame paints maps for longer than ~12 ms (20 made frames of ~28 ms of main-thread time).
    expect(Math.max(...p.calls)).toBeLessThanOrEqual(12);
  });

  it('sizes chunks from the measured cost of a column, never below one column', () => {
    expect(chunkSize(2, 10)).toBe(5);
    expect(chunkSize(100, 10)).toBe(1);
    // A cost measured as nothing does not mount the whole net at once.
    expect(chunkSize(0, 10)).toBe(20);
    // 12 ms of mounting for 4 columns: 3 ms each, averaged with the 5 ms before.
    expect(smoothCost(5, 12, 4)).toBe(4);
    // A chunk that mounted nothing leaves the estimate.
    expect(smoothCost(4, 50, 0)).toBe(4);
    expect(smoothCost(4, 0, 2)).toBe(2);
  });

  it('shows a small net whole at once, and a new start cancels the frame of the one before', () => {
    const p = painter();
    const reveal = new ColumnReveal(
      () => p,
      () => undefined,
    );
    reveal.start(10);
    expect(reveal.shown).toBe(Infinity);
    expect(reveal.ready).toBe(true);
    expect(frames.size).toBe(0);
    reveal.start(80);
    expect(frames.size).toBe(1);
    reveal.start(90);
    expect(frames.size).toBe(1);
    reveal.stop();
    expect(frames.size).toBe(0);
  });
});
