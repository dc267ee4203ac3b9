import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { createRng } from '../src/lib/random';

type Case = {
  h: number;
  w: number;
  ci: number;
  co: number;
  k: number;
  stride: number;
  pad: 'valid' | 'same';
};

/** Gradients of a conv's sum-of-squares loss w.r.t. its input and filter, as plain arrays. */
function grads(c: Case, x: Float32Array, f: Float32Array): { dx: Float32Array; df: Float32Array } {
  return tf.tidy(() => {
    const xt = tf.tensor4d(x, [2, c.h, c.w, c.ci]);
    const ft = tf.tensor4d(f, [c.k, c.k, c.ci, c.co]);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf
        .conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad)
        .square()
        .sum(),
    );
    const [dx, df] = g([xt, ft]);
    return { dx: dx!.dataSync() as Float32Array, df: df!.dataSync() as Float32Array };
  });
}

const cases: Case[] = [
  { h: 9, w: 7, ci: 3, co: 4, k: 3, stride: 1, pad: 'valid' },
  { h: 8, w: 8, ci: 2, co: 5, k: 3, stride: 1, pad: 'same' },
  { h: 10, w: 9, ci: 3, co: 2, k: 5, stride: 1, pad: 'same' },
  { h: 9, w: 9, ci: 2, co: 3, k: 3, stride: 2, pad: 'valid' },
  { h: 8, w: 10, ci: 3, co: 2, k: 3, stride: 2, pad: 'same' },
  { h: 11, w: 11, ci: 1, co: 3, k: 4, stride: 3, pad: 'same' },
  // 1×1 convolutions: the filter gradient as one matrix product (x or dy moved, by width).
  { h: 6, w: 5, ci: 3, co: 7, k: 1, stride: 1, pad: 'same' },
  { h: 6, w: 5, ci: 8, co: 2, k: 1, stride: 1, pad: 'valid' },
  // A strided 1×1 (ResNet's projection shortcut), and one whose spread dy must be cropped.
  { h: 8, w: 8, ci: 4, co: 6, k: 1, stride: 2, pad: 'same' },
  { h: 7, w: 7, ci: 2, co: 3, k: 1, stride: 2, pad: 'valid' },
];

describe('wasm convolution gradients', () => {
  it.each(cases)('match the cpu backend for %o', async (c) => {
    const rng = createRng(c.h * 100 + c.k * 10 + c.stride);
    const x = Float32Array.from({ length: 2 * c.h * c.w * c.ci }, () => rng() * 2 - 1);
    const f = Float32Array.from({ length: c.k * c.k * c.ci * c.co }, () => rng() * 2 - 1);
    await initBackend({ order: ['cpu'] });
    const ref = grads(c, x, f);
    await initBackend({ order: ['wasm'] });
    const before = tf.memory().numTensors;
    const got = grads(c, x, f);
    expect(tf.memory().numTensors).toBe(before);
    expect(got.df.length).toBe(ref.df.length);
    got.df.forEach((v, i) => expect(v).toBeCloseTo(ref.df[i]!, 3));
    got.dx.forEach((v, i) => expect(v).toBeCloseTo(ref.dx[i]!, 3));
  });
});
