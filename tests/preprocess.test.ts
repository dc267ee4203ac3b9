import { describe, expect, it } from 'vitest';
import { preprocessImage, type RawImage } from '../src/lib/preprocess/preprocess';
import { augmentImage } from '../src/lib/data/augment';
import { createRng } from '../src/lib/random';

function raw(
  width: number,
  height: number,
  f: (x: number, y: number) => [number, number, number],
  channels: 3 | 4 = 3,
): RawImage {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = f(x, y);
      data.set(channels === 4 ? [...v, 255] : v, (y * width + x) * channels);
    }
  return { width, height, data, channels };
}

const pixel = (out: Float32Array, size: number, x: number, y: number) =>
  Array.from(out.subarray((y * size + x) * 3, (y * size + x) * 3 + 3));

describe('preprocessImage', () => {
  it('keeps a constant image constant at any scale, in [0, 1]', () => {
    for (const [w, h, size] of [
      [32, 32, 64],
      [500, 300, 64],
      [7, 3, 16],
    ] as const) {
      const out = preprocessImage(
        raw(w, h, () => [51, 102, 255]),
        { size, fit: 'crop' },
      );
      expect(out.length).toBe(size * size * 3);
      for (let i = 0; i < size * size; i++) {
        expect(out[i * 3]).toBeCloseTo(0.2, 5);
        expect(out[i * 3 + 1]).toBeCloseTo(0.4, 5);
        expect(out[i * 3 + 2]).toBeCloseTo(1, 5);
      }
    }
  });

  it('upscales 2× by interpolating between pixel centres', () => {
    const out = preprocessImage(
      raw(2, 1, (x) => (x === 0 ? [0, 0, 0] : [255, 255, 255])),
      { size: 4, fit: 'letterbox' },
    );
    // A 2×1 image letterboxed into 4×4 fills a 4×2 band; across it: 0, 0.25, 0.75, 1.
    const row = [0, 1, 2, 3].map((x) => pixel(out, 4, x, 1)[0]!);
    expect(row.map((v) => +v.toFixed(3))).toEqual([0, 0.25, 0.75, 1]);
  });

  it('downscales by averaging every covered pixel (no aliasing of fine stripes)', () => {
    const out = preprocessImage(
      raw(64, 64, (x) => (x % 2 === 0 ? [0, 0, 0] : [255, 255, 255])),
      { size: 8, fit: 'crop' },
    );
    for (let i = 0; i < 64; i++) expect(out[i * 3]).toBeCloseTo(0.5, 5);
  });

  it('centre-crops a wide image and letterboxes it with its mean colour', () => {
    const img = raw(30, 10, (x) => (x < 10 ? [255, 0, 0] : x < 20 ? [0, 255, 0] : [0, 0, 255]));
    const crop = preprocessImage(img, { size: 10, fit: 'crop' });
    expect(pixel(crop, 10, 0, 0)).toEqual([0, 1, 0]);
    expect(pixel(crop, 10, 9, 9)).toEqual([0, 1, 0]);
    const box = preprocessImage(img, { size: 30, fit: 'letterbox' });
    expect(pixel(box, 30, 15, 0).map((v) => +v.toFixed(4))).toEqual([0.3333, 0.3333, 0.3333]);
    expect(pixel(box, 30, 0, 15)).toEqual([1, 0, 0]);
    expect(pixel(box, 30, 29, 15)).toEqual([0, 0, 1]);
  });

  it('passes an image already the input size through as value / 255 per channel, whichever the fit', () => {
    const size = 5;
    for (const channels of [3, 4] as const) {
      const data = Uint8Array.from({ length: size * size * channels }, (_, i) => (i * 37 + 11) % 256);
      for (const fit of ['crop', 'letterbox'] as const) {
        const out = preprocessImage({ width: size, height: size, channels, data }, { size, fit });
        expect(out).toHaveLength(size * size * 3);
        for (let p = 0; p < size * size; p++)
          for (let c = 0; c < 3; c++) expect(out[p * 3 + c]).toBe(Math.fround(data[p * channels + c]! / 255));
      }
    }
  });

  it('ignores alpha in RGBA input and refuses short buffers', () => {
    const rgba = preprocessImage(
      raw(4, 4, () => [10, 20, 30], 4),
      { size: 4, fit: 'crop' },
    );
    expect(pixel(rgba, 4, 2, 2).map((v) => Math.round(v * 255))).toEqual([10, 20, 30]);
    expect(() =>
      preprocessImage(
        { width: 4, height: 4, channels: 3, data: new Uint8Array(5) },
        { size: 4, fit: 'crop' },
      ),
    ).toThrow(/shorter/);
  });
});

describe('augmentImage', () => {
  it('is deterministic for a seed and only moves pixels around', () => {
    const src = Float32Array.from({ length: 8 * 8 * 3 }, (_, i) => i / 192);
    const a = augmentImage(src, 8, { flip: true, cropPad: 2 }, createRng(5));
    const b = augmentImage(src, 8, { flip: true, cropPad: 2 }, createRng(5));
    expect(Array.from(a)).toEqual(Array.from(b));
    const values = new Set(Array.from(src));
    for (const v of a) expect(values.has(v)).toBe(true);
  });

  it('with flip and no shift mirrors or keeps each row', () => {
    const src = Float32Array.from({ length: 4 * 4 * 3 }, (_, i) => i);
    const rng = createRng(1);
    for (let t = 0; t < 10; t++) {
      const out = augmentImage(src, 4, { flip: true, cropPad: 0 }, rng);
      const first = out[0];
      expect(first === 0 || first === 9).toBe(true);
    }
  });
});
