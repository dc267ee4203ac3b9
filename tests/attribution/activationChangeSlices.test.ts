/**
 * The change between two explanations worked out a slice at a time (compare side by side on a
 * 224-pixel net): the same numbers, to the bit, as all at once; the page is given its pauses;
 * a newer pair stops the work.
 */
import { describe, expect, it } from 'vitest';
import { activationChange, activationChangeInSlices } from '../../src/lib/attribution/activationChange';
import { floatArraysIn } from '../../src/lib/engine/worker/attributionProtocol';
import type { Explanation } from '../../src/lib/tensor/types';
import { createRng } from '../../src/lib/random';
import { channelStats } from '../../src/lib/colour/ranges';

function explanation(layers: [string, number[]][], seed: number): Explanation {
  const rng = createRng(seed);
  const activations = new Map(
    layers.map(([id, shape]) => {
      const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
      for (let i = 0; i < data.length; i++) data[i] = rng() * 4 - 1;
      return [id, { data, shape }] as const;
    }),
  );
  return { activations, probabilities: new Float32Array(), weights: new Map() };
}

// Large enough for several slices in a layer (and sums long enough for the order to matter).
const LAYERS: [string, number[]][] = [
  ['conv', [1, 56, 56, 64]],
  ['dense', [1, 10]],
  ['pool', [1, 28, 28, 64]],
];

/** A clock that moves 1 ms each time it is read: with a 1 ms budget, every slice spends it. */
function ticking(): () => number {
  let t = 0;
  return () => ++t;
}

describe('activation change a slice at a time', () => {
  it('gives exactly the all-at-once change, pausing between slices', async () => {
    const before = explanation(LAYERS, 1);
    const after = explanation([...LAYERS, ['only-after', [3]]], 2);
    let pauses = 0;
    const pause = async () => void pauses++;
    const sliced = await activationChangeInSlices(before, after, { pause, budgetMs: 1, now: ticking() });
    const whole = activationChange(before, after);
    expect(sliced.layers.map((l) => l.layerId)).toEqual(['conv', 'dense', 'pool']);
    for (const [i, l] of sliced.layers.entries()) {
      const w = whole.layers[i]!;
      expect(l.relative).toBe(w.relative);
      expect(l.channels).toEqual(w.channels);
      expect(l.difference.shape).toEqual(w.difference.shape);
      expect(
        Buffer.compare(Buffer.from(l.difference.data.buffer), Buffer.from(w.difference.data.buffer)),
      ).toBe(0);
    }
    // 200 704 + 50 176 values in slices of 65 536: several pauses within the conv layer alone.
    expect(pauses).toBeGreaterThan(3);
  });

  it('stops at the next pause once its signal aborts', async () => {
    const before = explanation(LAYERS, 3);
    const after = explanation(LAYERS, 4);
    const stop = new AbortController();
    let pauses = 0;
    const pause = async () => {
      if (++pauses === 2) stop.abort(new Error('newer pair'));
    };
    await expect(
      activationChangeInSlices(before, after, { pause, budgetMs: 0, now: ticking(), signal: stop.signal }),
    ).rejects.toThrow('newer pair');
    expect(pauses).toBe(2);
  });

  it("gives each channel's range of the difference, as the overview would find it in one pass", async () => {
    const before = explanation(LAYERS, 5);
    const after = explanation(LAYERS, 6);
    // Values the overview leaves out of a range, and a channel with no finite difference.
    const conv = after.activations.get('conv')!.data;
    conv[0] = Number.NaN;
    conv[65] = Number.POSITIVE_INFINITY;
    conv[130] = Number.NEGATIVE_INFINITY;
    const dense = before.activations.get('dense')!.data;
    const denseAfter = after.activations.get('dense')!.data;
    denseAfter[3] = Number.NaN;
    dense[3] = 1;
    const sliced = await activationChangeInSlices(before, after, {
      pause: async () => undefined,
      budgetMs: 1,
      now: ticking(),
    });
    for (const l of sliced.layers) {
      const channels = l.difference.shape[l.difference.shape.length - 1]!;
      const want = channelStats(l.difference.data, channels);
      expect(l.difference.stats?.min).toEqual(want.min);
      expect(l.difference.stats?.max).toEqual(want.max);
    }
    expect(sliced.layers[1]!.difference.stats!.min[3]).toBe(0);
    expect(activationChange(before, after).layers[0]!.difference.stats).toEqual(
      sliced.layers[0]!.difference.stats,
    );
  });

  it('makes the difference itself only when it is read, once, as after − before in float32', () => {
    const before = explanation(LAYERS, 7);
    const after = explanation(LAYERS, 8);
    const change = activationChange(before, after);
    for (const l of change.layers) {
      // Not made by the pass: a getter, until read.
      expect(Object.getOwnPropertyDescriptor(l.difference, 'data')?.get).toBeTypeOf('function');
      const a = before.activations.get(l.layerId)!.data;
      const b = after.activations.get(l.layerId)!.data;
      const want = new Float32Array(a.length);
      for (let i = 0; i < a.length; i++) want[i] = b[i]! - a[i]!;
      const got = l.difference.data;
      expect(Buffer.compare(Buffer.from(got.buffer), Buffer.from(want.buffer))).toBe(0);
      expect(l.difference.data).toBe(got);
    }
    // What the worker posts (FGSM's change): every difference's array found for the transfer
    // list, and a structured clone carries the values.
    const arrays = floatArraysIn(change);
    for (const l of change.layers) expect(arrays).toContain(l.difference.data);
    const cloned = structuredClone(change);
    expect([...cloned.layers[1]!.difference.data]).toEqual([...change.layers[1]!.difference.data]);
    expect(cloned.layers[0]!.difference.stats).toEqual(change.layers[0]!.difference.stats);
  });
});
