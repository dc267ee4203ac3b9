/**
 * MaxPool3D's gradient (our kernel, src/lib/engine/maxPool3dGrad) on wasm and on cpu against a
 * plain reference written here: each window's dy goes to the input position of its largest
 * value, summed where windows overlap. All-negative windows are where wasm's own forward kernel
 * started its maximum at FLT_MIN (1.18e-38); wasm's own gradient kernel lost almost all of dy
 * there and misrouted it for mixed signs, and the cpu backend's own kernel misrouted it for
 * windows higher than wide or wider than high ([3, 2, 3] and [2, 3, 2] below).
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { createRng } from '../src/lib/random';

type Triple = [number, number, number];
interface Case {
  shape: [number, number, number, number, number];
  filter: Triple;
  strides: Triple;
  pad: 'valid' | 'same';
  negative: boolean;
}
const cases: Case[] = [
  { shape: [1, 2, 2, 2, 1], filter: [2, 2, 2], strides: [1, 1, 1], pad: 'valid', negative: true },
  { shape: [1, 5, 7, 6, 3], filter: [2, 2, 2], strides: [1, 2, 2], pad: 'same', negative: true },
  { shape: [2, 5, 7, 6, 3], filter: [3, 2, 3], strides: [2, 1, 2], pad: 'same', negative: false },
  { shape: [1, 4, 6, 6, 2], filter: [2, 3, 2], strides: [2, 2, 2], pad: 'valid', negative: true },
  { shape: [1, 3, 5, 5, 4], filter: [1, 2, 2], strides: [1, 2, 2], pad: 'same', negative: false },
  { shape: [1, 6, 4, 4, 2], filter: [3, 1, 1], strides: [2, 1, 1], pad: 'valid', negative: true },
];

/** dL/dx for L = Σ dy ⊙ maxPool3d(x), with a fixed dy that differs from cell to cell. */
function gradient(c: Case, x: Float32Array): Float32Array {
  return tf.tidy(() => {
    const input = tf.tensor5d(x, c.shape);
    const f = (t: tf.Tensor) => {
      const y = tf.maxPool3d(t as tf.Tensor5D, c.filter, c.strides, c.pad);
      const dy = tf.linspace(0.5, 1.5, y.size).reshape(y.shape);
      return tf.sum(tf.mul(y, dy));
    };
    return tf.grad(f)(input).dataSync() as Float32Array;
  });
}

/** Σ dy of each window added at its maximum, by the definition (no library code). */
function reference(c: Case, x: Float32Array, dy: Float32Array, out: number[]): Float32Array {
  const [n, D, H, W, C] = c.shape;
  const [, OD = 1, OH = 1, OW = 1] = out;
  const before = (size: number, o: number, f: number, s: number) =>
    c.pad === 'same' ? Math.floor(Math.max(0, (o - 1) * s + f - size) / 2) : 0;
  const [pd, ph, pw] = [
    before(D, OD, c.filter[0], c.strides[0]),
    before(H, OH, c.filter[1], c.strides[1]),
    before(W, OW, c.filter[2], c.strides[2]),
  ];
  const at = (b: number, z: number, h: number, w: number, ch: number) =>
    (((b * D + z) * H + h) * W + w) * C + ch;
  const dx = new Float32Array(x.length);
  let k = 0;
  for (let b = 0; b < n; b++)
    for (let od = 0; od < OD; od++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++)
          for (let ch = 0; ch < C; ch++, k++) {
            let best = -Infinity;
            let where = -1;
            for (let z = od * c.strides[0] - pd; z < od * c.strides[0] - pd + c.filter[0]; z++)
              for (let h = oh * c.strides[1] - ph; h < oh * c.strides[1] - ph + c.filter[1]; h++)
                for (let w = ow * c.strides[2] - pw; w < ow * c.strides[2] - pw + c.filter[2]; w++) {
                  if (z < 0 || z >= D || h < 0 || h >= H || w < 0 || w >= W) continue;
                  const i = at(b, z, h, w, ch);
                  if (x[i]! >= best) [best, where] = [x[i]!, i];
                }
            dx[where] = dx[where]! + dy[k]!;
          }
  return dx;
}

/** The pooled shape and the dy `gradient` uses. */
function dyOf(c: Case): { dy: Float32Array; shape: number[] } {
  return tf.tidy(() => {
    const y = tf.maxPool3d(tf.zeros(c.shape) as tf.Tensor5D, c.filter, c.strides, c.pad);
    return { dy: tf.linspace(0.5, 1.5, y.size).dataSync() as Float32Array, shape: y.shape };
  });
}

describe('MaxPool3D gradient', () => {
  it.each(cases)('routes every window’s dy to its maximum on wasm and cpu for %o', async (c) => {
    const rng = createRng(c.shape.reduce((a, b) => a + b, 0) * 7 + c.filter[1]);
    const x = Float32Array.from({ length: c.shape.reduce((a, b) => a * b, 1) }, () =>
      c.negative ? -0.01 - rng() : rng() * 2 - 1,
    );
    await initBackend({ order: ['cpu'] });
    const cpu = gradient(c, x);
    const { dy, shape } = dyOf(c);
    const ref = reference(c, x, dy, shape);
    await initBackend({ order: ['wasm'] });
    const before = tf.memory().numTensors;
    const got = gradient(c, x);
    expect(tf.memory().numTensors).toBe(before);
    // Every window's dy lands somewhere: the gradient adds up to Σ dy.
    const total = (a: Float32Array) => a.reduce((s, v) => s + v, 0);
    expect(total(got)).toBeCloseTo(total(dy), 3);
    got.forEach((v, i) => expect(v, `dx[${i}]`).toBeCloseTo(ref[i]!, 5));
    cpu.forEach((v, i) => expect(v, `cpu dx[${i}]`).toBeCloseTo(ref[i]!, 5));
  });
});
