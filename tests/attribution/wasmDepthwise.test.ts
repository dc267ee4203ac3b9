/** The wasm backend's depthwise input gradient (ours: 4.22 has none) against the cpu backend's. */
import { describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { createRng } from '../../src/lib/random';

interface Case {
  h: number;
  w: number;
  c: number;
  m: number;
  k: number;
  stride: number;
  pad: 'valid' | 'same';
}

/** ∂/∂x of the sum of squares of a depthwise convolution, as a plain array. */
function inputGradient(t: Case, x: Float32Array, f: Float32Array): Float32Array {
  return tf.tidy(() => {
    const loss = (a: tf.Tensor) =>
      tf
        .depthwiseConv2d(a as tf.Tensor4D, tf.tensor4d(f, [t.k, t.k, t.c, t.m]), t.stride, t.pad)
        .square()
        .sum();
    return (
      tf
        .grad(loss)(tf.tensor4d(x, [2, t.h, t.w, t.c]))
        .dataSync() as Float32Array
    ).slice();
  });
}

const cases: Case[] = [
  { h: 7, w: 6, c: 3, m: 1, k: 3, stride: 1, pad: 'valid' },
  { h: 8, w: 8, c: 2, m: 1, k: 3, stride: 1, pad: 'same' },
  { h: 9, w: 9, c: 3, m: 2, k: 3, stride: 2, pad: 'same' },
  { h: 10, w: 9, c: 2, m: 3, k: 5, stride: 2, pad: 'valid' },
  { h: 11, w: 11, c: 4, m: 1, k: 3, stride: 3, pad: 'same' },
  { h: 12, w: 12, c: 2, m: 1, k: 3, stride: 2, pad: 'same' },
];

describe('wasm depthwise input gradient', () => {
  it.each(cases)('matches the cpu backend for %o, and frees what it makes', async (t) => {
    const rng = createRng(t.h * 31 + t.m * 7 + t.stride);
    const x = Float32Array.from({ length: 2 * t.h * t.w * t.c }, () => rng() * 2 - 1);
    const f = Float32Array.from({ length: t.k * t.k * t.c * t.m }, () => rng() * 2 - 1);
    await initBackend({ order: ['cpu'] });
    const expected = inputGradient(t, x, f);
    await initBackend({ order: ['wasm'] });
    inputGradient(t, x, f);
    const before = tf.memory().numTensors;
    const buffers = tf.memory().numDataBuffers;
    const got = inputGradient(t, x, f);
    expect(tf.memory().numTensors).toBe(before);
    // The backend's own buffers too: the intermediate steps are freed, not only the tensors.
    expect(tf.memory().numDataBuffers).toBe(buffers);
    expect(got.length).toBe(expected.length);
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
  });
});
