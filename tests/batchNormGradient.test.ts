import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { createRng } from '../src/lib/random';

const SHAPE = [3, 4, 5, 6] as const;
const C = SHAPE[3];

/**
 * Batch norm in training mode as tfjs-layers computes it (statistics of the batch itself, so
 * the gradient also flows through the mean and variance), once through tf.batchNorm (the
 * FusedBatchNorm kernel and our gradient) and once spelled out in element-wise ops (the
 * reference: tfjs differentiates those itself).
 */
function grads(fused: boolean, x: Float32Array, gamma: Float32Array, beta: Float32Array): Float32Array[] {
  return tf.tidy(() => {
    const loss = (xt: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const { mean, variance } = tf.moments(xt, [0, 1, 2]);
      const y = fused
        ? tf.batchNorm(xt, mean, variance, b, g, 1e-3)
        : xt
            .sub(mean)
            .mul(tf.rsqrt(variance.add(1e-3)))
            .mul(g)
            .add(b);
      const weights = tf
        .range(1, y.size + 1)
        .reshape(y.shape)
        .div(y.size);
      return y.mul(y).mul(weights).sum();
    };
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => loss(a, b, c));
    return g([tf.tensor4d(x, [...SHAPE]), tf.tensor1d(gamma), tf.tensor1d(beta)]).map(
      (t) => t.dataSync() as Float32Array,
    );
  });
}

describe('batch norm gradient', () => {
  it.each(['cpu', 'wasm'] as const)('matches the element-wise reference on %s', async (backend) => {
    const rng = createRng(7);
    const x = Float32Array.from({ length: SHAPE.reduce((a, b) => a * b, 1) }, () => rng() * 4 - 1);
    const gamma = Float32Array.from({ length: C }, () => 0.5 + rng());
    const beta = Float32Array.from({ length: C }, () => rng() - 0.5);
    await initBackend({ order: [backend] });
    const ref = grads(false, x, gamma, beta);
    const before = tf.memory().numTensors;
    const got = grads(true, x, gamma, beta);
    expect(tf.memory().numTensors).toBe(before);
    got.forEach((g, k) => {
      expect(g.length).toBe(ref[k]!.length);
      expect(Math.max(...ref[k]!.map(Math.abs))).toBeGreaterThan(0.01);
      g.forEach((v, i) => expect(v).toBeCloseTo(ref[k]![i]!, 3));
    });
  });
});
