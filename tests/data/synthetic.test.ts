import { describe, expect, it } from 'vitest';
import {
  generateShapes,
  LazyShapes,
  renderShape,
  SHAPE_CLASSES,
  shapeImageAt,
} from '../../src/lib/data/synthetic';
import { gatherFloats, imageSetSource } from '../../src/lib/data/imageSet';
import { boxSdf, diskSdf, triangleSdf } from '../../src/lib/data/synthetic/sdf';

describe('built-in shapes dataset', () => {
  it('gives the same images for the same seed and different ones for another seed', () => {
    const a = generateShapes({ seed: 7, perClass: 3 });
    const b = generateShapes({ seed: 7, perClass: 3 });
    const c = generateShapes({ seed: 8, perClass: 3 });
    expect(Buffer.from(a.pixels).equals(Buffer.from(b.pixels))).toBe(true);
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Buffer.from(a.pixels).equals(Buffer.from(c.pixels))).toBe(false);
  });

  it('has every class equally often, ten classes named in both languages', () => {
    const set = generateShapes({ seed: 1, perClass: 5 });
    expect(set.count).toBe(50);
    const counts = new Array<number>(10).fill(0);
    for (const l of set.labels) counts[l]!++;
    expect(counts).toEqual(new Array<number>(10).fill(5));
    expect(SHAPE_CLASSES.map((c) => c.id)).toEqual([
      'horizontal-stripes',
      'vertical-stripes',
      'diagonal-stripes',
      'circle',
      'square',
      'triangle',
      'cross',
      'checkerboard',
      'dots',
      'ring',
    ]);
    for (const c of SHAPE_CLASSES) {
      expect(c.name.en.length).toBeGreaterThan(0);
      expect(c.name.zh).not.toBe(c.name.en);
    }
    expect(set.classes).toEqual(SHAPE_CLASSES.map((c) => c.name));
  });

  it('draws images that use the range, are not flat, and differ from each other', () => {
    const set = generateShapes({ seed: 3, perClass: 2 });
    const x = gatherFloats(
      set,
      Array.from({ length: set.count }, (_, i) => i),
    );
    let min = Infinity;
    let max = -Infinity;
    for (const v of x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThanOrEqual(1);
    const per = 64 * 64 * 3;
    for (let i = 0; i < set.count; i++) {
      const img = x.subarray(i * per, (i + 1) * per);
      const mean = img.reduce((s, v) => s + v, 0) / per;
      const sd = Math.sqrt(img.reduce((s, v) => s + (v - mean) ** 2, 0) / per);
      // Figure and background differ, so every image has real contrast, not just noise.
      expect(sd).toBeGreaterThan(0.08);
    }
    expect(
      Buffer.from(set.pixels.subarray(0, per)).equals(Buffer.from(set.pixels.subarray(10 * per, 11 * per))),
    ).toBe(false);
  });

  it('draws stripes along the class direction: rows of horizontal stripes are flat, columns are not', () => {
    const variation = (px: Uint8Array, alongRows: boolean): number => {
      let sum = 0;
      for (let a = 8; a < 56; a++) {
        let prev = -1;
        for (let b = 8; b < 56; b++) {
          const [y, x] = alongRows ? [a, b] : [b, a];
          const v = px[(y * 64 + x) * 3]! + px[(y * 64 + x) * 3 + 1]! + px[(y * 64 + x) * 3 + 2]!;
          if (prev >= 0) sum += Math.abs(v - prev);
          prev = v;
        }
      }
      return sum;
    };
    for (let seed = 0; seed < 5; seed++) {
      const h = renderShape(0, seed);
      const v = renderShape(1, seed);
      expect(variation(h, true)).toBeLessThan(variation(h, false));
      expect(variation(v, false)).toBeLessThan(variation(v, true));
    }
  });

  it('draws any image alone exactly as in the full set, and at other sizes', () => {
    const set = generateShapes({ seed: 5, perClass: 2 });
    const per = 64 * 64 * 3;
    const alone = shapeImageAt(5, 13);
    expect(alone.label).toBe(3);
    expect(Buffer.from(alone.pixels).equals(Buffer.from(set.pixels.subarray(13 * per, 14 * per)))).toBe(true);
    expect(renderShape(4, 1, { size: 32, maxNoise: 0.05, spread: 0.3 }).length).toBe(32 * 32 * 3);
    expect(() => renderShape(10, 1)).toThrow(/no shape class 10/);
  });

  it('serves the same floats lazily as from memory', () => {
    const set = generateShapes({ seed: 9, perClass: 1 });
    const lazy = new LazyShapes(9, 10);
    const eager = imageSetSource(set);
    const a = new Float32Array(64 * 64 * 3);
    const b = new Float32Array(64 * 64 * 3);
    for (const i of [7, 2, 7]) {
      lazy.write(i, a, 0);
      eager.write(i, b, 0);
      expect(a).toEqual(b);
      expect(lazy.label(i)).toBe(eager.label(i));
    }
  });

  it('takes images drawn elsewhere and serves them as its own, ignoring ones it has or cannot hold', () => {
    const per = 16 * 16 * 3;
    const render = { size: 16, maxNoise: 0.05, spread: 0.3 };
    const lazy = new LazyShapes(4, 6, render);
    const own = lazy.bytes(1).slice();
    const given = new Uint8Array(3 * per);
    given.set(shapeImageAt(4, 3, render).pixels, 0);
    given.fill(9, per, 2 * per); // for index 1, already drawn: must be ignored
    lazy.accept([3, 1, 99], given);
    expect(Buffer.from(lazy.bytes(3)).equals(Buffer.from(shapeImageAt(4, 3, render).pixels))).toBe(true);
    expect(Buffer.from(lazy.bytes(1)).equals(Buffer.from(own))).toBe(true);
    // An accepted image is not drawn again: marked bytes stay as given.
    const marked = new Uint8Array(per).fill(7);
    lazy.accept([5], marked);
    expect(lazy.bytes(5)[0]).toBe(7);
  });

  it('has signed distances that are negative inside and positive outside', () => {
    expect(diskSdf(0, 0, 5)).toBe(-5);
    expect(diskSdf(8, 0, 5)).toBeCloseTo(3);
    expect(boxSdf(0, 0, 4, 2)).toBe(-2);
    expect(boxSdf(7, 0, 4, 2)).toBeCloseTo(3);
    expect(triangleSdf(0, 0, 10)).toBeLessThan(0);
    expect(triangleSdf(0, -9, 10)).toBeLessThan(0); // near the top vertex
    expect(triangleSdf(0, 9, 10)).toBeGreaterThan(0); // below the base (base at y = 5)
    expect(triangleSdf(0, 5, 10)).toBeCloseTo(0);
  });
});
