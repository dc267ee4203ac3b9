/**
 * MaxPool3D on wasm (our kernel over wasm's 2-D MaxPool) against the cpu backend: windows of
 * all-negative values (wasm's own kernel gave 1.18e-38 there), valid and same padding with odd
 * totals, strides along each axis, a batch of two, one slice deep windows.
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { createRng } from '../src/lib/random';

type Triple = [number, number, number];
const cases: {
  shape: number[];
  filter: Triple;
  strides: Triple;
  pad: 'valid' | 'same';
  negative: boolean;
}[] = [
  { shape: [1, 2, 2, 2, 1], filter: [2, 2, 2], strides: [1, 1, 1], pad: 'valid', negative: true },
  { shape: [1, 5, 7, 6, 3], filter: [2, 2, 2], strides: [1, 2, 2], pad: 'same', negative: true },
  { shape: [2, 5, 7, 6, 3], filter: [3, 2, 3], strides: [2, 1, 2], pad: 'same', negative: false },
  { shape: [1, 4, 6, 6, 2], filter: [2, 3, 2], strides: [2, 2, 2], pad: 'valid', negative: false },
  { shape: [1, 3, 5, 5, 4], filter: [1, 2, 2], strides: [1, 2, 2], pad: 'same', negative: true },
  { shape: [1, 6, 4, 4, 2], filter: [3, 1, 1], strides: [2, 1, 1], pad: 'valid', negative: true },
];

function pool(c: (typeof cases)[number], x: Float32Array): { values: Float32Array; shape: number[] } {
  return tf.tidy(() => {
    const r = tf.maxPool3d(
      tf.tensor5d(x, c.shape as [number, number, number, number, number]),
      c.filter,
      c.strides,
      c.pad,
    );
    return { values: r.dataSync() as Float32Array, shape: r.shape };
  });
}

describe('wasm MaxPool3D', () => {
  it.each(cases)('matches the cpu backend for %o', async (c) => {
    const rng = createRng(c.shape.reduce((a, b) => a + b, 0) + c.filter[0]);
    // All below zero: every window is all-negative, where wasm's own kernel went wrong.
    const x = Float32Array.from({ length: c.shape.reduce((a, b) => a * b, 1) }, () =>
      c.negative ? -0.01 - rng() : rng() * 2 - 1,
    );
    await initBackend({ order: ['cpu'] });
    const ref = pool(c, x);
    await initBackend({ order: ['wasm'] });
    const before = tf.memory().numTensors;
    const got = pool(c, x);
    expect(tf.memory().numTensors).toBe(before);
    expect(got.shape).toEqual(ref.shape);
    expect([...got.values]).toEqual([...ref.values]);
    if (c.negative) expect(Math.max(...got.values)).toBeLessThan(0);
  });
});
