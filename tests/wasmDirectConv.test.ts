/**
 * The direct SIMD convolution on wasm (wasmDirectConv.ts) against the cpu backend: Conv2D and
 * FusedConv2D with a bias, output channels 1–12 (every partial last vector, 1–3 vectors), pixel
 * rows that leave 1, 2 or 3 pixels after the blocks, stride 2 and 3, valid and same padding,
 * odd sizes, batch 3; the input gradient, which runs through it, is in wasmConvGradients.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { setDirectConv } from '../src/lib/engine/wasmDirectConv';
import { directConvModule } from '../src/lib/engine/wasmDirectConvModule';
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

function conv(c: Case, x: Float32Array, f: Float32Array, bias: Float32Array | null): Float32Array {
  return tf.tidy(() => {
    const xt = tf.tensor4d(x, [3, c.h, c.w, c.ci]);
    const ft = tf.tensor4d(f, [c.k, c.k, c.ci, c.co]);
    const y = bias
      ? tf.fused.conv2d({ x: xt, filter: ft, strides: c.stride, pad: c.pad, bias: tf.tensor1d(bias) })
      : tf.conv2d(xt, ft, c.stride, c.pad);
    return y.dataSync() as Float32Array;
  });
}

const cases: Case[] = [
  { h: 12, w: 12, ci: 3, co: 10, k: 3, stride: 1, pad: 'valid' },
  { h: 11, w: 13, ci: 10, co: 10, k: 3, stride: 1, pad: 'valid' },
  { h: 9, w: 9, ci: 10, co: 10, k: 3, stride: 1, pad: 'same' },
  { h: 9, w: 7, ci: 5, co: 1, k: 3, stride: 1, pad: 'same' },
  { h: 10, w: 11, ci: 4, co: 2, k: 3, stride: 2, pad: 'same' },
  { h: 9, w: 14, ci: 2, co: 3, k: 3, stride: 2, pad: 'valid' },
  { h: 8, w: 9, ci: 1, co: 4, k: 5, stride: 1, pad: 'same' },
  { h: 7, w: 10, ci: 6, co: 7, k: 3, stride: 1, pad: 'same' },
  { h: 8, w: 11, ci: 3, co: 8, k: 2, stride: 1, pad: 'valid' },
  { h: 11, w: 16, ci: 3, co: 12, k: 4, stride: 3, pad: 'same' },
  { h: 6, w: 15, ci: 2, co: 11, k: 3, stride: 1, pad: 'valid' },
];

describe('direct SIMD convolution on wasm', () => {
  it('assembles valid SIMD modules', () => {
    for (const vecs of [1, 2, 3])
      for (const tail of [1, 2, 3, 4])
        expect(WebAssembly.validate(directConvModule({ vecs, tail, kwci: 30, xPix: 80 }))).toBe(true);
  });

  it.each(cases.flatMap((c) => [true, false].map((withBias) => ({ ...c, withBias }))))(
    'matches the cpu backend to 1e-5 relative for %o',
    async ({ withBias, ...c }) => {
      const rng = createRng(c.h * 1000 + c.w * 100 + c.ci * 10 + c.co);
      const x = Float32Array.from({ length: 3 * c.h * c.w * c.ci }, () => rng() * 2 - 1);
      const f = Float32Array.from({ length: c.k * c.k * c.ci * c.co }, () => rng() * 2 - 1);
      const bias = withBias ? Float32Array.from({ length: c.co }, () => rng() * 2 - 1) : null;
      await initBackend({ order: ['cpu'] });
      const ref = conv(c, x, f, bias);
      await initBackend({ order: ['wasm'] });
      const before = tf.memory().numTensors;
      const got = conv(c, x, f, bias);
      setDirectConv(false);
      const xnnpack = conv(c, x, f, bias);
      setDirectConv(true);
      expect(tf.memory().numTensors).toBe(before);
      expect(got.length).toBe(ref.length);
      const scale = Math.max(...ref.map(Math.abs));
      for (let i = 0; i < ref.length; i++) {
        expect(Math.abs(got[i]! - ref[i]!), `at ${i}`).toBeLessThanOrEqual(1e-5 * scale);
        expect(Math.abs(xnnpack[i]! - ref[i]!), `XNNPACK at ${i}`).toBeLessThanOrEqual(1e-5 * scale);
      }
    },
  );
});
