/**
 * Our one-pass MaxPoolGrad on wasm against the cpu backend's: non-overlapping and overlapping
 * windows, valid and same padding, and ties (where the gradient goes to the first largest value).
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { createRng } from '../src/lib/random';
import { setSimdPoolGrad } from '../src/lib/engine/wasmMaxPoolGrad';
import { poolGradModule } from '../src/lib/engine/wasmPoolGradModule';

type Case = {
  h: number;
  w: number;
  c: number;
  size: number;
  stride: number;
  pad: 'valid' | 'same';
  ties: boolean;
};

/** The gradient of Σ maxPool(x) · weights w.r.t. x (weights make each window's share distinct). */
function poolGrad(c: Case, x: Float32Array, weights: Float32Array, outShape: number[]): Float32Array {
  return tf.tidy(() => {
    const xt = tf.tensor4d(x, [2, c.h, c.w, c.c]);
    const wt = tf.tensor(weights, outShape);
    const g = tf.grad((a: tf.Tensor) =>
      tf
        .maxPool(a as tf.Tensor4D, c.size, c.stride, c.pad)
        .mul(wt)
        .sum(),
    );
    return g(xt).dataSync() as Float32Array;
  });
}

const cases: Case[] = [
  { h: 8, w: 6, c: 3, size: 2, stride: 2, pad: 'valid', ties: false },
  // Odd sizes: valid drops the last row and column, same pads them (the general loops).
  { h: 7, w: 9, c: 3, size: 2, stride: 2, pad: 'valid', ties: false },
  { h: 9, w: 7, c: 4, size: 2, stride: 2, pad: 'same', ties: false },
  { h: 9, w: 9, c: 2, size: 3, stride: 2, pad: 'same', ties: false },
  { h: 7, w: 8, c: 5, size: 3, stride: 1, pad: 'valid', ties: false },
  // Rounded to a few levels, so windows hold equal maxima: the first in row-major order wins.
  { h: 8, w: 8, c: 3, size: 3, stride: 2, pad: 'same', ties: true },
  { h: 6, w: 6, c: 2, size: 2, stride: 2, pad: 'valid', ties: true },
  // The SIMD 2×2 loop: channel blocks of 4 and single tail channels (10 = 4 + 4 + 2, 7 = 4 + 3,
  // 1, 4), odd sizes (an uncovered last row / column), ties.
  { h: 12, w: 10, c: 10, size: 2, stride: 2, pad: 'valid', ties: false },
  { h: 9, w: 11, c: 7, size: 2, stride: 2, pad: 'valid', ties: false },
  { h: 6, w: 8, c: 1, size: 2, stride: 2, pad: 'valid', ties: true },
  { h: 7, w: 6, c: 4, size: 2, stride: 2, pad: 'valid', ties: true },
  { h: 8, w: 8, c: 10, size: 2, stride: 2, pad: 'valid', ties: true },
];

describe('wasm MaxPoolGrad', () => {
  it('assembles a valid SIMD module', () => {
    expect(WebAssembly.validate(poolGradModule())).toBe(true);
  });

  it.each(cases.flatMap((c) => [true, false].map((simd) => ({ ...c, simd }))))(
    'matches the cpu backend for %o',
    async ({ simd, ...c }) => {
      const rng = createRng(c.h * 31 + c.size * 7 + c.stride + (c.ties ? 1000 : 0));
      const x = Float32Array.from({ length: 2 * c.h * c.w * c.c }, () =>
        c.ties ? Math.round(rng() * 2) : rng() * 2 - 1,
      );
      await initBackend({ order: ['cpu'] });
      const outShape = tf.tidy(
        () => tf.maxPool(tf.zeros([2, c.h, c.w, c.c]) as tf.Tensor4D, c.size, c.stride, c.pad).shape,
      );
      const weights = Float32Array.from({ length: outShape.reduce((a, b) => a * b, 1) }, () => rng() + 0.5);
      const ref = poolGrad(c, x, weights, outShape);
      await initBackend({ order: ['wasm'] });
      setSimdPoolGrad(simd);
      const before = tf.memory().numTensors;
      const got = poolGrad(c, x, weights, outShape);
      setSimdPoolGrad(true);
      expect(tf.memory().numTensors).toBe(before);
      expect(got.length).toBe(ref.length);
      // Some windows' gradient lands on each input; a misrouted one moves a whole weight.
      expect(ref.some((v) => v !== 0)).toBe(true);
      got.forEach((v, i) => expect(v, `at ${i}`).toBeCloseTo(ref[i]!, 5));
    },
  );
});
