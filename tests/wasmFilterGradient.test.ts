import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { simdFilterGradient } from '../src/lib/engine/wasmFilterGradient';
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

/** The filter gradient of a conv's sum-of-squares loss on the current backend, via tf.grads. */
function filterGrad(c: Case, x: Float32Array, f: Float32Array): Float32Array {
  return tf.tidy(() => {
    const g = tf.grad((b: tf.Tensor) =>
      tf
        .conv2d(tf.tensor4d(x, [3, c.h, c.w, c.ci]), b as tf.Tensor4D, c.stride, c.pad)
        .square()
        .sum(),
    );
    return g(tf.tensor4d(f, [c.k, c.k, c.ci, c.co])).dataSync() as Float32Array;
  });
}

// Channel counts that exercise every block shape of the SIMD loop: input channels in blocks of
// ≤ 4 (5 = 4 + 1, 10 = 4 + 4 + 2), output channels in blocks of ≤ 12 with a partial last vector
// of 1, 2, 3 or 4 lanes (13 = 12 + 1); TinyVGG's 3→10 and 10→10; padding, strides, k > 3.
const cases: Case[] = [
  { h: 12, w: 12, ci: 3, co: 10, k: 3, stride: 1, pad: 'valid' },
  { h: 10, w: 11, ci: 10, co: 10, k: 3, stride: 1, pad: 'valid' },
  { h: 9, w: 7, ci: 5, co: 1, k: 3, stride: 1, pad: 'same' },
  { h: 8, w: 9, ci: 4, co: 2, k: 3, stride: 2, pad: 'same' },
  { h: 9, w: 9, ci: 2, co: 3, k: 3, stride: 2, pad: 'valid' },
  { h: 8, w: 8, ci: 1, co: 4, k: 5, stride: 1, pad: 'same' },
  { h: 7, w: 10, ci: 6, co: 13, k: 3, stride: 1, pad: 'same' },
  { h: 11, w: 11, ci: 3, co: 24, k: 4, stride: 3, pad: 'same' },
  { h: 8, w: 8, ci: 4, co: 6, k: 1, stride: 2, pad: 'same' },
];

describe('direct SIMD filter gradient on wasm', () => {
  it.each(cases)('matches the cpu backend to 1e-4 relative for %o', async (c) => {
    const rng = createRng(c.h * 1000 + c.ci * 100 + c.co);
    const x = Float32Array.from({ length: 3 * c.h * c.w * c.ci }, () => rng() * 2 - 1);
    const f = Float32Array.from({ length: c.k * c.k * c.ci * c.co }, () => rng() * 2 - 1);
    await initBackend({ order: ['cpu'] });
    const ref = filterGrad(c, x, f);
    await initBackend({ order: ['wasm'] });
    const before = tf.memory().numTensors;
    const got = filterGrad(c, x, f);
    expect(tf.memory().numTensors).toBe(before);
    expect(got.length).toBe(ref.length);
    const scale = Math.max(...ref.map(Math.abs));
    for (let i = 0; i < ref.length; i++)
      expect(Math.abs(got[i]! - ref[i]!)).toBeLessThanOrEqual(1e-4 * scale);
  });

  it('is the path the wasm backend takes, and frees what it made', async () => {
    await initBackend({ order: ['wasm'] });
    const x = tf.randomNormal([2, 9, 9, 3], 0, 1, 'float32', 1);
    const dy = tf.randomNormal([2, 7, 7, 10], 0, 1, 'float32', 2);
    const info = tf.backend_util.computeConv2DInfo([2, 9, 9, 3], [3, 3, 3, 10], 1, 1, 'valid');
    const before = tf.memory().numBytes;
    const out = simdFilterGradient(x, dy, info, tf.backend());
    expect(out?.shape).toEqual([3, 3, 3, 10]);
    tf.backend().disposeData(out!.dataId);
    expect(tf.memory().numBytes).toBe(before);
    tf.dispose([x, dy]);
  });
});
