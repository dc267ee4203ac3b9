/**
 * The overview's map painter when new data comes (another image, or A or B − A in compare) on
 * a big net: it paints for REPAINT_MS in the task the data came in (at the next frame once a
 * repaint of the net took several) and the rest at the frames
 * after, never all at once; `settled` waits for the last map; data coming faster than it is
 * painted still reaches every column (the columns left waiting go first); a repaint replaces
 * the maps box by box (each cleared just before it is drawn) instead of clearing the canvas first. Canvases, the document and frames are
 * fakes driven by hand, with a clock that moves as maps are painted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MapPainter,
  REPAINT_MS,
  type ColumnTarget,
  type PaintFrame,
} from '../../src/views/overview/mapPainter';
import { requeue } from '../../src/lib/overview/repaintQueue';
import type { TensorData } from '../../src/lib/tensor/types';

/** The clock: every map drawn costs 1 ms. */
let clock = 0;
let frames: Map<number, FrameRequestCallback>;
let nextId = 1;
/** What was done to which canvas, in order: `draw L`, `clear L` (whole canvas), `clearBox L`. */
let log: string[];

function fakeContext(name: string): CanvasRenderingContext2D {
  return {
    clearRect: (_x: number, _y: number, w: number) =>
      log.push(w === 1000 ? `clear ${name}` : `clearBox ${name}`),
    putImageData: () => undefined,
    drawImage: () => {
      clock += 1;
      log.push(`draw ${name}`);
    },
    fillRect: () => undefined,
  } as unknown as CanvasRenderingContext2D;
}

function fakeCanvas(name: string, width = 1000): HTMLCanvasElement {
  const ctx = fakeContext(name);
  return { width, height: 1000, getContext: () => ctx } as unknown as HTMLCanvasElement;
}

beforeEach(() => {
  clock = 0;
  log = [];
  frames = new Map();
  globalThis.requestAnimationFrame = (cb) => {
    frames.set(nextId, cb);
    return nextId++;
  };
  globalThis.cancelAnimationFrame = (id) => void frames.delete(id);
  // Text alternatives wait for an idle moment (none comes here).
  (globalThis as { window?: unknown }).window = { requestIdleCallback: () => 0 };
  globalThis.requestIdleCallback = () => 0;
  // The painter's scratch canvases: native-size ImageData on a fake canvas.
  (globalThis as { document?: unknown }).document = {
    createElement: () => {
      const scratch = fakeCanvas('scratch', 4);
      const ctx = scratch.getContext('2d') as unknown as Record<string, unknown>;
      ctx.createImageData = (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) });
      return scratch;
    },
  };
});

afterEach(() => {
  delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
  delete (globalThis as { cancelAnimationFrame?: unknown }).cancelAnimationFrame;
  delete (globalThis as { document?: unknown }).document;
  delete (globalThis as { window?: unknown }).window;
  delete (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
});

function frame(): void {
  const waiting = [...frames.values()];
  frames.clear();
  for (const cb of waiting) cb(clock);
}

/** A column of `maps` 2×2 maps. */
function column(layerId: string, maps: number): ColumnTarget {
  return {
    layerId,
    canvas: fakeCanvas(layerId),
    scale: 1,
    grid: { rows: 2, cols: 2 },
    strip: false,
    slices: 1,
    boxes: Array.from({ length: maps }, (_, c) => ({ channel: c, x: 0, y: 10 * c, w: 8, h: 8 })),
  };
}

function data(ids: string[], maps: number): PaintFrame {
  const activations = new Map<string, TensorData>(
    ids.map((id) => [id, { data: new Float32Array(4 * maps).map((_, i) => i), shape: [2, 2, maps] }]),
  );
  const domains = new Map(
    ids.map((id) => [id, Array.from({ length: maps }, () => ({ lo: 0, hi: 1, scheme: 'grey' as const }))]),
  );
  return { activations, domains, label: () => '' };
}

const draws = (): string[] => log.filter((l) => l.startsWith('draw'));

describe('MapPainter repaint', () => {
  it('puts the columns left waiting first, then the others in order', () => {
    expect(requeue(['c', 'a'], ['a', 'b', 'c', 'd'])).toEqual(['c', 'a', 'b', 'd']);
    // A column no longer there is dropped.
    expect(requeue(['x', 'b'], ['a', 'b'])).toEqual(['b', 'a']);
    expect(requeue([], ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('paints a small net at once, as before', async () => {
    const p = new MapPainter(null, () => clock);
    for (const id of ['a', 'b']) p.registerColumn(column(id, 3));
    p.setFrame(data(['a', 'b'], 3));
    expect(draws()).toHaveLength(6);
    expect(p.waiting).toBe(false);
    expect(frames.size).toBe(0);
    await p.settled();
  });

  it('paints a big net for REPAINT_MS now and the rest at the next frames, then settles', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const p = new MapPainter(null, () => clock);
    const f = data(ids, 8);
    p.setFrame(f);
    for (const id of ids) p.registerColumn(column(id, 8));
    log = [];
    let settled = false;
    p.setFrame(data(ids, 8));
    void p.settled().then(() => (settled = true));
    // One map past the budget at most (the clock is read before each map).
    expect(draws().length).toBeGreaterThanOrEqual(REPAINT_MS);
    expect(draws().length).toBeLessThanOrEqual(REPAINT_MS + 2);
    expect(p.waiting).toBe(true);
    let count = 0;
    while (p.waiting && count++ < 10) {
      const before = draws().length;
      frame();
      expect(draws().length - before).toBeLessThanOrEqual(REPAINT_MS + 2);
    }
    await Promise.resolve();
    expect(settled).toBe(true);
    // Every map painted once, left to right; a repaint never clears a whole canvas, only each
    // box right before it is drawn again (so no box is left blank at a frame's end).
    expect(draws()).toEqual(ids.flatMap((id) => Array.from({ length: 8 }, () => `draw ${id}`)));
    expect(log.filter((l) => l.startsWith('clear '))).toEqual([]);
    expect(log.filter((l) => /^(draw|clearBox) /.test(l))).toEqual(
      ids.flatMap((id) => Array.from({ length: 8 }, () => [`clearBox ${id}`, `draw ${id}`]).flat()),
    );
    expect(frames.size).toBe(0);
  });

  it('starts the next repaint of a net whose last took several frames at the next frame, not in the data’s task; a small one paints at once again', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const p = new MapPainter(null, () => clock);
    const gone = ids.map((id) => p.registerColumn(column(id, 8)));
    // The first repaint of this big net: REPAINT_MS now, the rest at the frames after.
    p.setFrame(data(ids, 8));
    expect(draws().length).toBeGreaterThan(0);
    while (p.waiting) frame();
    // The next: nothing in the task the data came in, then REPAINT_MS a frame, every map once.
    log = [];
    p.setFrame(data(ids, 8));
    expect(draws()).toEqual([]);
    expect(p.waiting).toBe(true);
    let count = 0;
    while (p.waiting && count++ < 20) {
      const before = draws().length;
      frame();
      expect(draws().length - before).toBeGreaterThan(0);
      expect(draws().length - before).toBeLessThanOrEqual(REPAINT_MS + 2);
    }
    await p.settled();
    expect(draws()).toEqual(ids.flatMap((id) => Array.from({ length: 8 }, () => `draw ${id}`)));
    // Another net, small: its first repaint waits for a frame, fits in it, and the next is at once.
    for (const off of gone) off();
    for (const id of ['x', 'y']) p.registerColumn(column(id, 2));
    log = [];
    p.setFrame(data(['x', 'y'], 2));
    expect(draws()).toEqual([]);
    frame();
    expect(draws()).toHaveLength(4);
    expect(p.waiting).toBe(false);
    log = [];
    p.setFrame(data(['x', 'y'], 2));
    expect(draws()).toHaveLength(4);
    expect(frames.size).toBe(0);
  });

  it('reaches every column when new data comes before the last is painted', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const p = new MapPainter(null, () => clock);
    for (const id of ids) p.registerColumn(column(id, REPAINT_MS));
    // Columns of REPAINT_MS maps: the first data paints 'a' and a few of 'b', then new data comes every frame.
    p.setFrame(data(ids, REPAINT_MS));
    const painted = new Set<string>();
    for (let k = 0; k < 4; k++) {
      log = [];
      p.setFrame(data(ids, REPAINT_MS));
      for (const l of draws()) painted.add(l.slice(5));
    }
    expect([...painted].sort()).toEqual(ids);
  });

  it('leaves the queue to a column reveal while it defers, and clears a new canvas first', () => {
    const p = new MapPainter(null, () => clock);
    p.deferColumns(true);
    p.setFrame(data(['a', 'b'], 20));
    for (const id of ['a', 'b']) p.registerColumn(column(id, 20));
    expect(draws()).toEqual([]);
    frame();
    expect(draws()).toEqual([]);
    expect(p.paintQueued(5)).toBe(false);
    expect(log[0]).toBe('clear a');
    p.deferColumns(false);
    expect(p.waiting).toBe(false);
    expect(draws()).toHaveLength(40);
  });
});
