import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { createRng } from '../src/lib/random';

type Reduce = 'sum' | 'mean';
const cases: { shape: number[]; axis: number | number[]; keepDims: boolean; op: Reduce }[] = [
  { shape: [4, 5, 6, 3], axis: [0, 1, 2], keepDims: false, op: 'sum' },
  { shape: [4, 5, 6, 3], axis: [0, 1, 2], keepDims: true, op: 'mean' },
  { shape: [4, 5, 6, 3], axis: [2, 0, 1], keepDims: false, op: 'mean' },
  { shape: [7, 9], axis: 0, keepDims: false, op: 'sum' },
  { shape: [7, 9], axis: -2, keepDims: true, op: 'mean' },
  { shape: [3, 4, 5], axis: [0], keepDims: false, op: 'sum' },
  // Two pooling stages (1024 = 256 · 4 rows; 2·3·5·7·11 = 2310 = 210 · 11), a prime count too
  // large for one window of the first stage (521), and the smallest count, 2.
  { shape: [4, 16, 16, 5], axis: [0, 1, 2], keepDims: false, op: 'sum' },
  { shape: [4, 16, 16, 5], axis: [0, 1, 2], keepDims: false, op: 'mean' },
  { shape: [2310, 3], axis: 0, keepDims: true, op: 'sum' },
  { shape: [521, 4], axis: 0, keepDims: false, op: 'mean' },
  { shape: [2, 3, 4], axis: [0], keepDims: false, op: 'sum' },
  // Not leading axes: wasm's own kernel.
  { shape: [4, 5, 6, 3], axis: [1, 2], keepDims: false, op: 'mean' },
  { shape: [4, 5, 6, 3], axis: [0, 1, 2, 3], keepDims: false, op: 'sum' },
];

function reduce(c: (typeof cases)[number], x: Float32Array): { values: Float32Array; shape: number[] } {
  return tf.tidy(() => {
    const t = tf.tensor(x, c.shape);
    const r = c.op === 'sum' ? tf.sum(t, c.axis, c.keepDims) : tf.mean(t, c.axis, c.keepDims);
    return { values: r.dataSync() as Float32Array, shape: r.shape };
  });
}

describe('wasm sums and means over leading axes', () => {
  it.each(cases)('match the cpu backend for %o', async (c) => {
    const rng = createRng(c.shape.length * 31 + (c.keepDims ? 1 : 0));
    const x = Float32Array.from({ length: c.shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1);
    await initBackend({ order: ['cpu'] });
    const ref = reduce(c, x);
    await initBackend({ order: ['wasm'] });
    const before = tf.memory().numTensors;
    const got = reduce(c, x);
    expect(tf.memory().numTensors).toBe(before);
    expect(got.shape).toEqual(ref.shape);
    got.values.forEach((v, i) => expect(v).toBeCloseTo(ref.values[i]!, 4));
  });
});
