import { describe, expect, it } from 'vitest';
import { Raster } from '../../scripts/drawing/raster';
import { fbm, hex } from '../../scripts/drawing/paint';
import { roundRect, stroke } from '../../scripts/drawing/shapes';
import type { Point } from '../../scripts/drawing/raster';

const square = (x0: number, y0: number, x1: number, y1: number): Point[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/** The red channel of pixel (x, y) of an RGB image `size` wide. */
const red = (img: Float32Array, size: number, x: number, y: number): number => img[(y * size + x) * 3]!;

describe('the drawing rasteriser', () => {
  it('fills exactly the pixels a shape covers and averages the partly covered ones', () => {
    const r = new Raster(512);
    // 25 units = 16 pixels of 64 exactly; 75.5 units = sample 386.56 of 512: pixel 48 holds
    // samples 384–391, of which the columns centred at 384.5, 385.5 and 386.5 are inside.
    r.fill([square(25, 25, 75.5, 75)], [1, 0, 0]);
    const img = r.downsample(64);
    expect(red(img, 64, 15, 30)).toBe(0);
    expect(red(img, 64, 16, 30)).toBe(1);
    expect(red(img, 64, 47, 30)).toBe(1);
    expect(red(img, 64, 48, 30)).toBeCloseTo(3 / 8, 6);
    expect(red(img, 64, 49, 30)).toBe(0);
    expect(red(img, 64, 30, 47)).toBe(1);
    expect(red(img, 64, 30, 48)).toBe(0);
  });

  it('paints overlapping parts of one translucent shape once (no darker seams)', () => {
    const r = new Raster(100);
    r.fill([square(10, 10, 60, 60), square(40, 40, 90, 90)], [1, 1, 1], 0.5);
    const img = r.downsample(100);
    expect(red(img, 100, 20, 20)).toBeCloseTo(0.5, 6);
    expect(red(img, 100, 50, 50)).toBeCloseTo(0.5, 6);
    // The holes of a stroke's joints are covered too.
    const s = new Raster(100);
    s.fill(
      stroke(
        [
          [10, 50],
          [50, 50],
          [50, 90],
        ],
        6,
      ),
      [1, 1, 1],
      0.5,
    );
    expect(red(s.downsample(100), 100, 50, 50)).toBeCloseTo(0.5, 6);
  });

  it('frames the scene: a zoom of 2 about the centre doubles a shape around it, paints see scene units', () => {
    const r = new Raster(100);
    r.frame(2, 50, 50);
    let seen: [number, number] | null = null;
    r.fill([roundRect(40, 40, 20, 20, 0)], (x, y) => {
      if (!seen) seen = [x, y];
      return [1, 0, 0];
    });
    const img = r.downsample(100);
    expect(red(img, 100, 29, 50)).toBe(0);
    expect(red(img, 100, 31, 50)).toBe(1);
    expect(red(img, 100, 69, 50)).toBe(1);
    expect(red(img, 100, 71, 50)).toBe(0);
    // The first painted sample, at canvas (30.5, 30.5), is scene point (40.25, 40.25).
    expect(seen![0]).toBeCloseTo(40.25, 6);
    expect(seen![1]).toBeCloseTo(40.25, 6);
  });

  it('draws the same image twice from the same seed, and another from another seed', () => {
    const draw = (seed: number): Float32Array => {
      const r = new Raster(64);
      const n = fbm(seed, 10);
      r.fillAll((x, y) => [n(x, y), 0, 0]);
      r.fill([square(20, 20, 80, 80)], hex('#336699'), 0.5);
      return r.downsample(32);
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });

  it('refuses to average down to a size that does not divide the canvas', () => {
    expect(() => new Raster(100).downsample(64)).toThrow(/does not divide/);
  });
});
