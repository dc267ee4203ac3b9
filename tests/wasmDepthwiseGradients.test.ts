import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { createRng } from '../src/lib/random';

interface Case {
  h: number;
  w: number;
  c: number;
  m: number;
  k: number;
  stride: number;
  pad: 'valid' | 'same';
}

/** Gradients of a depthwise conv's weighted-sum loss w.r.t. its input and filter. */
function grads(c: Case, x: Float32Array, f: Float32Array): { dx: Float32Array; df: Float32Array } {
  return tf.tidy(() => {
    const xt = tf.tensor4d(x, [2, c.h, c.w, c.c]);
    const ft = tf.tensor4d(f, [c.k, c.k, c.c, c.m]);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => {
      const y = tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad);
      // Position-dependent weights, so a gradient routed to the wrong place cannot cancel out.
      const weights = tf
        .range(1, y.size + 1)
        .reshape(y.shape)
        .div(y.size);
      return y.mul(y).mul(weights).sum();
    });
    const [dx, df] = g([xt, ft]);
    return { dx: dx!.dataSync() as Float32Array, df: df!.dataSync() as Float32Array };
  });
}

const cases: Case[] = [
  { h: 8, w: 8, c: 4, m: 1, k: 3, stride: 1, pad: 'same' },
  { h: 9, w: 7, c: 3, m: 1, k: 3, stride: 1, pad: 'valid' },
  { h: 8, w: 8, c: 5, m: 1, k: 3, stride: 2, pad: 'same' },
  { h: 9, w: 9, c: 2, m: 1, k: 3, stride: 2, pad: 'same' },
  { h: 9, w: 10, c: 3, m: 1, k: 3, stride: 2, pad: 'valid' },
  { h: 10, w: 10, c: 2, m: 1, k: 5, stride: 2, pad: 'same' },
  { h: 7, w: 7, c: 2, m: 1, k: 1, stride: 2, pad: 'valid' },
  { h: 8, w: 6, c: 3, m: 2, k: 3, stride: 1, pad: 'same' },
  { h: 9, w: 9, c: 2, m: 3, k: 3, stride: 2, pad: 'valid' },
];

describe('wasm depthwise convolution gradients', () => {
  it.each(cases)('match the cpu backend for %o', async (c) => {
    const rng = createRng(c.h * 1000 + c.k * 100 + c.stride * 10 + c.m);
    const x = Float32Array.from({ length: 2 * c.h * c.w * c.c }, () => rng() * 2 - 1);
    const f = Float32Array.from({ length: c.k * c.k * c.c * c.m }, () => rng() * 2 - 1);
    await initBackend({ order: ['cpu'] });
    const ref = grads(c, x, f);
    await initBackend({ order: ['wasm'] });
    const before = tf.memory().numTensors;
    const got = grads(c, x, f);
    expect(tf.memory().numTensors).toBe(before);
    expect(got.dx.length).toBe(ref.dx.length);
    expect(got.df.length).toBe(ref.df.length);
    // Some entries must be far from zero, or matching would prove nothing.
    expect(Math.max(...ref.df.map(Math.abs))).toBeGreaterThan(0.1);
    got.df.forEach((v, i) => expect(v).toBeCloseTo(ref.df[i]!, 3));
    got.dx.forEach((v, i) => expect(v).toBeCloseTo(ref.dx[i]!, 3));
  });
});
