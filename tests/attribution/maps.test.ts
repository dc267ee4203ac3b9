/** The pure side of attribution: patch positions and occluded copies, pixel maps, folds, resizing, colour ranges, overlays. */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import {
  defaultOcclusion,
  fillOccluded,
  occlusionGrid,
  occlusionPixelMap,
} from '../../src/lib/attribution/occlusionGrid';
import {
  FAINT_HEAT,
  foldChannels,
  heatRange,
  isSigned,
  largestMagnitude,
  resizeBilinear,
} from '../../src/lib/attribution/heatMaps';
import { heatT, overlayPixels, perturbationPixels } from '../../src/lib/attribution/overlay';
import { activationChange, mostChanged } from '../../src/lib/attribution/activationChange';
import { schemeLut } from '../../src/lib/colour/lut';
import { createRng } from '../../src/lib/random';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('occlusion grid', () => {
  it('a 14×14 map on TinyVGG’s 64 pixels and on a 224-pixel net by default', () => {
    for (const side of [64, 224]) {
      const { size, stride } = defaultOcclusion(side);
      const g = occlusionGrid(side, side, size, stride);
      expect([g.rows, g.cols]).toEqual([14, 14]);
      // The last patch reaches the far edge.
      expect((g.rows - 1) * stride + size).toBe(side);
    }
  });

  it('fills each copy with the patch at its own position and leaves the rest of the image as it was', () => {
    const g = occlusionGrid(5, 6, 2, 3);
    expect([g.rows, g.cols]).toEqual([2, 2]);
    const image = Float32Array.from({ length: 5 * 6 * 2 }, (_, i) => i);
    const out = new Float32Array(3 * image.length);
    fillOccluded(image, 2, g, 1, 3, -1, out);
    for (let k = 0; k < 3; k++) {
      const pos = k + 1;
      const y0 = Math.floor(pos / 2) * 3;
      const x0 = (pos % 2) * 3;
      for (let y = 0; y < 5; y++)
        for (let x = 0; x < 6; x++)
          for (let c = 0; c < 2; c++) {
            const inside = y >= y0 && y < y0 + 2 && x >= x0 && x < x0 + 2;
            const i = (y * 6 + x) * 2 + c;
            expect(out[k * image.length + i]).toBe(inside ? -1 : image[i]);
          }
    }
  });

  it('the pixel map averages the drops of the patches covering each pixel; uncovered pixels are 0', () => {
    const g = occlusionGrid(5, 5, 3, 2); // positions 0 and 2 each way; column and row 4 covered once
    const drops = Float32Array.from([1, 2, 3, 4]);
    const m = occlusionPixelMap(drops, g);
    expect(m[0]).toBe(1);
    expect(m[2]).toBeCloseTo(1.5); // (0, 2): patches 0 and 1
    expect(m[2 * 5 + 2]).toBeCloseTo(2.5); // the centre: all four
    expect(m[4 * 5 + 4]).toBe(4);
    const wide = occlusionGrid(5, 5, 2, 2); // positions 0 and 2: row and column 4 uncovered
    expect(occlusionPixelMap(Float32Array.from([1, 1, 1, 1]), wide)[4]).toBe(0);
  });

  it('refuses sizes and strides that do not fit, naming them', () => {
    expect(() => occlusionGrid(8, 8, 0, 1)).toThrow('patch size must be a whole number from 1 to 8, not 0');
    expect(() => occlusionGrid(8, 8, 2.5, 1)).toThrow('not 2.5');
    expect(() => occlusionGrid(8, 8, 2, Number.NaN)).toThrow(
      'stride must be a whole number from 1 to 8, not NaN',
    );
  });
});

describe('heat maps', () => {
  it('folds channels as the largest magnitude or the signed sum', () => {
    const data = Float32Array.from([1, -3, 2, 0.5, 0.5, -2]);
    expect([...foldChannels(data, [1, 2, 3], 'maxAbs')]).toEqual([3, 2]);
    expect([...foldChannels(data, [1, 2, 3], 'sum')]).toEqual([0, -1]);
  });

  it('resizes as tf.image.resizeBilinear with half-pixel centres does', () => {
    const rng = createRng(3);
    for (const [h, w, oh, ow] of [
      [13, 13, 64, 64],
      [26, 20, 64, 50],
      [4, 4, 3, 5],
    ] as const) {
      const map = Float32Array.from({ length: h * w }, () => rng() * 2 - 1);
      const ours = resizeBilinear(map, h, w, oh, ow);
      const theirs = tf.tidy(() =>
        tf.image.resizeBilinear(tf.tensor4d(map, [1, h, w, 1]), [oh, ow], false, true).dataSync(),
      );
      ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i]!, 5));
    }
  });

  it('takes the colour range from a high quantile so one extreme pixel does not wash out the rest', () => {
    const map = Float32Array.from({ length: 1000 }, (_, i) => (i === 0 ? 1000 : i / 1000));
    const r = heatRange(map, false);
    expect(r.lo).toBe(0);
    expect(r.hi).toBeLessThan(1);
    expect(r.hi).toBeGreaterThan(0.95);
    expect(heatRange(Float32Array.from([-4, 1, 2]), true, 1)).toEqual({ lo: -4, hi: 4 });
    expect(heatRange(new Float32Array(4), false).hi).toBeGreaterThan(0);
    expect(isSigned(Float32Array.from([-1, 2]))).toBe(true);
    expect(isSigned(Float32Array.from([0, 2]))).toBe(false);
  });

  it('finds the quantile by selection exactly where a full sort of |values| puts it (ties, signs, odd and even sizes)', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (const n of [1, 2, 3, 10, 101, 1000, 50176]) {
      // Rounded values give many ties, the case a careless partition gets wrong.
      const map = Float32Array.from({ length: n }, () => Math.round(rand() * 50) / 10);
      const sorted = Float32Array.from(map, Math.abs).sort();
      for (const q of [0, 0.5, 0.9, 0.99, 1]) {
        const want = sorted[Math.min(n - 1, Math.floor(q * (n - 1)))]!;
        expect(heatRange(map, true, q).hi, `n ${n}, q ${q}`).toBe(want > 0 ? want : 1e-12);
      }
    }
  });

  it('overlays: a zero leaves the grey image, the top of the range shows the scale’s colour', () => {
    const image = Float32Array.from([1, 1, 1, 0, 0, 0]);
    const px = overlayPixels({
      image,
      channels: 3,
      width: 2,
      height: 1,
      map: Float32Array.from([0, 1]),
      range: { lo: 0, hi: 1 },
    });
    expect([...px.slice(0, 4)]).toEqual([242, 242, 242, 255]); // 255·(0.4 + 0.55)
    const lut = schemeLut('sequential');
    const top = [...lut.rgb.slice(255 * 3, 256 * 3)];
    [0, 1, 2].forEach((k) =>
      expect(Math.abs(px[4 + k]! - (0.1 * 102 + 0.9 * top[k]!))).toBeLessThanOrEqual(1),
    );
    expect(heatT(0, { lo: -2, hi: 2 })).toBe(0.5);
    const delta = perturbationPixels(Float32Array.from([0.1, -0.1, 0]), 3, 1, 1, 0.1);
    expect([...delta]).toEqual([255, 0, 128, 255]);
  });
});

describe('activation change', () => {
  it('per layer ‖a′ − a‖/‖a‖, per channel the mean |a′ − a|; the most changed first', () => {
    const t = (data: number[], shape: number[]) => ({ data: Float32Array.from(data), shape });
    const before = {
      activations: new Map([
        ['x', t([3, 0, 0, 4], [2, 2])],
        ['y', t([1, 1], [2])],
        ['z', t([1], [1])],
      ]),
      probabilities: new Float32Array(),
      weights: new Map(),
    };
    const after = {
      ...before,
      activations: new Map([
        ['x', t([3, 1, 0, 4], [2, 2])],
        ['y', t([1, 3], [2])],
        ['z', t([1, 2], [2])], // another shape: left out
      ]),
    };
    const change = activationChange(before, after);
    expect(change.layers.map((l) => l.layerId)).toEqual(['x', 'y']);
    const [x, y] = change.layers;
    expect(x!.relative).toBeCloseTo(1 / 5);
    expect([...x!.channels]).toEqual([0, 0.5]);
    expect([...x!.difference.data]).toEqual([0, 1, 0, 0]);
    expect(y!.relative).toBeCloseTo(2 / Math.SQRT2);
    expect(mostChanged(change, 1).map((l) => l.layerId)).toEqual(['y']);
  });
});

describe('largest magnitude and faint maps', () => {
  it('finds the largest |value| whatever its sign or place, 0 for an empty or all-NaN map', () => {
    expect(largestMagnitude(new Float32Array([0.5, -3, 2, 1e-9]))).toBe(3);
    expect(largestMagnitude(new Float32Array([1, 2, 7]))).toBe(7);
    expect(largestMagnitude(new Float32Array([-7, 2, 1]))).toBe(7);
    expect(largestMagnitude(new Float32Array(0))).toBe(0);
    expect(largestMagnitude(new Float32Array([NaN, NaN]))).toBe(0);
  });

  it('calls a map faint only when even its largest value is below float32 precision', () => {
    // A random MobileNetV2's Grad-CAM peaks near 5e-15; a trained TinyVGG's saliency near 1e-2.
    expect(largestMagnitude(new Float32Array([5.2e-15, -1e-16])) < FAINT_HEAT).toBe(true);
    expect(largestMagnitude(new Float32Array([1e-9, 0.013])) < FAINT_HEAT).toBe(false);
    // One pixel above the line is enough: the map does depend on the image there.
    const mostlyTiny = new Float32Array(1000).fill(1e-12);
    mostlyTiny[500] = 1e-3;
    expect(largestMagnitude(mostlyTiny) < FAINT_HEAT).toBe(false);
    expect(FAINT_HEAT).toBeCloseTo(1.1920929e-7, 12);
  });
});
