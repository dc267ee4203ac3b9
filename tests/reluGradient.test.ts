/**
 * ReLU's one-pass gradient on wasm (reluGradient.ts) against the cpu backend's Step · Multiply:
 * bit for bit, on lengths with a tail past the last block of 4, with NaN, ±0, ±∞ among the inputs.
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { setFusedReluGradient } from '../src/lib/engine/reluGradient';
import { createRng } from '../src/lib/random';

const SPECIAL = [NaN, 0, -0, Infinity, -Infinity, 1e-45, -1e-45];

function draw(length: number, seed: number): { x: Float32Array; w: Float32Array } {
  const rng = createRng(seed);
  const x = Float32Array.from({ length }, (_, i) =>
    i % 11 === 3 ? SPECIAL[i % SPECIAL.length]! : rng() * 2 - 1,
  );
  const w = Float32Array.from({ length }, (_, i) =>
    i % 13 === 5 ? SPECIAL[i % SPECIAL.length]! : rng() * 2 - 1,
  );
  return { x, w };
}

/** d/dx Σ relu(x) · w, and the kernels its backward pass ran. */
async function reluGrad(x: Float32Array, w: Float32Array, shape: number[]) {
  let values: Float32Array = new Float32Array();
  const profile = await tf.profile(() => {
    values = tf.tidy(() => {
      const g = tf.grad((a: tf.Tensor) => tf.relu(a).mul(tf.tensor(w, shape)).sum());
      return g(tf.tensor(x, shape)).dataSync() as Float32Array;
    });
  });
  return { values, kernels: profile.kernelNames };
}

const same = (a: Float32Array, b: Float32Array) =>
  a.every((v, i) => Object.is(v, b[i]) || (Number.isNaN(v) && Number.isNaN(b[i]!)));

describe('one-pass ReLU gradient on wasm', () => {
  it.each([[[2, 5, 7, 3]], [[3, 4, 4, 10]], [[1, 3]], [[2, 62, 62, 10]]])(
    'equals the cpu backend bit for bit for shape %o',
    async (shape) => {
      const length = shape.reduce((a, b) => a * b, 1);
      const { x, w } = draw(length, length);
      await initBackend({ order: ['cpu'] });
      const ref = await reluGrad(x, w, shape);
      await initBackend({ order: ['wasm'] });
      const before = tf.memory().numTensors;
      const got = await reluGrad(x, w, shape);
      expect(tf.memory().numTensors).toBe(before);
      expect(got.kernels).toContain('StudioReluGrad');
      expect(got.kernels).not.toContain('Step');
      expect(got.values.length).toBe(length);
      expect(same(got.values, ref.values)).toBe(true);
      setFusedReluGradient(false);
      const composed = await reluGrad(x, w, shape);
      setFusedReluGradient(true);
      expect(composed.kernels).toContain('Step');
      expect(same(composed.values, got.values)).toBe(true);
      // Where x > 0 the gradient is w, elsewhere 0 (or NaN from a NaN): something was routed.
      expect(got.values.some((v, i) => x[i]! > 0 && v !== 0)).toBe(true);
    },
  );
});
