/**
 * The first forward pass's plain loops (2×2 max pooling, ReLU, per-channel statistics) against
 * straightforward references, including the values where a shortcut would differ: NaN, ±0,
 * ±Infinity, windows that overlap, odd sizes and padding (which the shortcut leaves to the
 * general loop).
 */
import { describe, expect, it } from 'vitest';
import { activate, pool2d } from '../../src/lib/tensor/kernels';
import { planWindow, type WindowGeometry } from '../../src/lib/tensor/window';
import { channelStats } from '../../src/lib/colour/ranges';
import { createRng, randomInt } from '../../src/lib/random';

/**
 * Max pooling as its definition: of each window's taps inside the input, in row order, the first
 * largest from −∞ (NaN never counts; of 0 and −0 the first seen stays, as in the general loop).
 */
function referenceMaxPool(
  data: Float32Array,
  h: number,
  w: number,
  c: number,
  g: WindowGeometry,
): Float32Array {
  const plan = planWindow(h, w, g);
  const out = new Float32Array(plan.outputHeight * plan.outputWidth * c);
  for (let oy = 0; oy < plan.outputHeight; oy++)
    for (let ox = 0; ox < plan.outputWidth; ox++)
      for (let ch = 0; ch < c; ch++) {
        let best = -Infinity;
        for (let ky = 0; ky < g.kernel[0]; ky++)
          for (let kx = 0; kx < g.kernel[1]; kx++) {
            const y = oy * g.strides[0] - plan.padTop + ky;
            const x = ox * g.strides[1] - plan.padLeft + kx;
            const v = y >= 0 && y < h && x >= 0 && x < w ? data[(y * w + x) * c + ch]! : NaN;
            if (v > best) best = v;
          }
        out[(oy * plan.outputWidth + ox) * c + ch] = best;
      }
  return out;
}

/** Random values with some NaN, ±Infinity, zeros and negative zeros mixed in. */
function awkward(rng: () => number, n: number): Float32Array {
  const specials = [NaN, Infinity, -Infinity, 0, -0];
  return Float32Array.from({ length: n }, () =>
    rng() < 0.15 ? specials[randomInt(rng, 0, specials.length - 1)]! : rng() * 4 - 2,
  );
}

describe('2×2 max pooling', () => {
  it('matches the definition for strides 1–3, odd sizes, same and valid padding, NaN and infinities', () => {
    const rng = createRng(7);
    let compared = 0;
    for (let trial = 0; trial < 80; trial++) {
      const [h, w, c] = [randomInt(rng, 2, 11), randomInt(rng, 2, 11), randomInt(rng, 1, 6)];
      const g: WindowGeometry = {
        kernel: [2, 2],
        strides: [randomInt(rng, 1, 3), randomInt(rng, 1, 3)],
        dilation: [1, 1],
        padding: rng() < 0.5 ? 'same' : 'valid',
      };
      const data = awkward(rng, h * w * c);
      const got = pool2d({ data, shape: [h, w, c] }, g, 'max');
      expect([...got.data]).toEqual([...referenceMaxPool(data, h, w, c, g)]);
      compared++;
    }
    expect(compared).toBe(80);
  });

  it('gives −Infinity for a window of NaN only, and keeps a NaN from hiding a real value', () => {
    const data = Float32Array.of(NaN, NaN, NaN, NaN, NaN, 3, NaN, -1);
    // Two channels of a 2×2 input: channel 0 is all NaN, channel 1 has 3 and −1 among NaN.
    const got = pool2d(
      { data, shape: [2, 2, 2] },
      { kernel: [2, 2], strides: [2, 2], dilation: [1, 1], padding: 'valid' },
      'max',
    );
    expect([...got.data]).toEqual([-Infinity, 3]);
    expect(got.shape).toEqual([1, 1, 2]);
  });
});

describe('ReLU', () => {
  it('is Math.max(x, 0) for every value, NaN, −0 and infinities included', () => {
    const data = awkward(createRng(3), 500);
    const got = activate({ data, shape: [500] }, 'relu').data;
    expect(got).not.toBe(data);
    for (let i = 0; i < data.length; i++)
      expect(Object.is(got[i], Math.fround(Math.max(data[i]!, 0)))).toBe(true);
  });
});

describe('per-channel statistics', () => {
  it('finds the finite ends of each channel, with infinities and NaN mixed in', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 40; trial++) {
      const c = randomInt(rng, 1, 7);
      const data = awkward(rng, c * randomInt(rng, 1, 40));
      const s = channelStats(data, c);
      for (let ch = 0; ch < c; ch++) {
        const finite = [...data].filter((_, i) => i % c === ch && Number.isFinite(_));
        const [lo, hi] = finite.length ? [Math.min(...finite), Math.max(...finite)] : [0, 0];
        expect([s.min[ch], s.max[ch]]).toEqual([lo, hi]);
      }
    }
  });

  it('reports a channel of infinities only as [0, 0]', () => {
    const s = channelStats(Float32Array.of(-Infinity, 1, Infinity, 2), 2);
    expect([s.min[0], s.max[0], s.min[1], s.max[1]]).toEqual([0, 0, 1, 2]);
  });
});
