import { describe, expect, it } from 'vitest';
import {
  defaultLayers,
  differenceDomain,
  jointDomain,
  paintTiles,
  sameShape,
  spatialLayers,
  tileAt,
  tileGrid,
  tileOrigin,
  type MapLayer,
} from '../../src/lib/attribution/mapsSideBySide';
import { schemeLut } from '../../src/lib/colour/lut';
import { channelStats } from '../../src/lib/colour/ranges';
import type { TensorData } from '../../src/lib/tensor/types';

const t = (shape: number[], f: (i: number) => number = (i) => i): TensorData => {
  const n = shape.reduce((a, b) => a * b, 1);
  return { data: Float32Array.from({ length: n }, (_, i) => f(i)), shape };
};
const layer = (id: string, height: number, width: number, channels: number): MapLayer => ({
  id,
  height,
  width,
  channels,
});

describe('spatialLayers', () => {
  it('keeps layers of maps (more than one pixel), in order, leaving out the skipped input', () => {
    const acts = new Map<string, TensorData>([
      ['input', t([4, 4, 3])],
      ['conv', t([4, 4, 2])],
      ['gap', t([1, 1, 2])],
      ['flat', t([32])],
      ['pool', t([2, 2, 2])],
    ]);
    expect(spatialLayers(acts, new Set(['input']))).toEqual([layer('conv', 4, 4, 2), layer('pool', 2, 2, 2)]);
    expect(spatialLayers(acts).map((l) => l.id)).toEqual(['input', 'conv', 'pool']);
  });
});

describe('defaultLayers', () => {
  const a = [layer('c1', 8, 8, 4), layer('c2', 4, 4, 8), layer('c3', 2, 2, 8)];
  it('starts on the layer that changed most among those with maps of one shape on both sides', () => {
    // 'out' (no maps) and 'c3' (another shape in B) are passed over.
    const b = [layer('c1', 8, 8, 4), layer('c2', 4, 4, 8), layer('c3', 2, 2, 9)];
    expect(defaultLayers(a, b, ['out', 'c3', 'c1', 'c2'])).toEqual({ a: 'c1', b: 'c1' });
    expect(sameShape(a[2], b[2])).toBe(false);
  });
  it('else on the last layer both have with one shape', () => {
    const b = [layer('c1', 8, 8, 4), layer('c2', 4, 4, 8), layer('c3', 2, 2, 9)];
    expect(defaultLayers(a, b, [])).toEqual({ a: 'c2', b: 'c2' });
  });
  it('for nets of another shape: each net’s last layer of maps, or B’s when A has that id', () => {
    const other = [layer('stem', 32, 32, 16), layer('stage3', 8, 8, 64)];
    expect(defaultLayers(a, other, ['stage3'])).toEqual({ a: 'c3', b: 'stage3' });
    const sharesId = [layer('stem', 32, 32, 16), layer('c2', 16, 16, 3)];
    expect(defaultLayers(a, sharesId)).toEqual({ a: 'c2', b: 'c2' });
    expect(defaultLayers([], [])).toEqual({ a: null, b: null });
  });
});

describe('tileGrid', () => {
  it('lays TinyVGG’s 10 maps of 62×62 out 4 × 3 with a gap, and finds the channel under a pixel', () => {
    const g = tileGrid(layer('conv', 62, 62, 10));
    expect(g).toMatchObject({ shown: 10, cols: 4, rows: 3, gap: 3 });
    expect(g.pixelWidth).toBe(4 * 62 + 3 * 3);
    expect(g.pixelHeight).toBe(3 * 62 + 2 * 3);
    expect(tileOrigin(g, 5)).toEqual({ x: 65, y: 65 });
    expect(tileAt(g, 65, 65)).toBe(5);
    expect(tileAt(g, 65 + 61, 65 + 61)).toBe(5);
    expect(tileAt(g, 62, 10)).toBeNull(); // the gap
    expect(tileAt(g, 2 * 65 + 1, 2 * 65 + 1)).toBeNull(); // past channel 9
    expect(tileAt(g, 65 + 1, 2 * 65 + 1)).toBe(9);
    expect(tileAt(g, -1, 0)).toBeNull();
  });
  it('draws the first 64 of ResNet-18’s 512 maps of 7×7, and fewer of 64 maps of 112×112', () => {
    expect(tileGrid(layer('l4', 7, 7, 512))).toMatchObject({
      shown: 64,
      cols: 8,
      rows: 8,
      gap: 1,
      channels: 512,
    });
    const big = tileGrid(layer('conv1', 112, 112, 64));
    expect(big.shown).toBe(20);
    expect(big.shown * 112 * 112).toBeLessThanOrEqual(1 << 18);
    expect(tileGrid(layer('huge', 1000, 1000, 3)).shown).toBe(1);
  });
  it('gives every shown channel its own tile', () => {
    for (const l of [layer('a', 7, 7, 512), layer('b', 62, 62, 10), layer('c', 5, 9, 7)]) {
      const g = tileGrid(l);
      const seen = new Set<number>();
      for (let y = 0; y < g.pixelHeight; y++)
        for (let x = 0; x < g.pixelWidth; x++) {
          const c = tileAt(g, x, y);
          if (c !== null) seen.add(c);
        }
      expect(seen.size).toBe(g.shown);
    }
  });
});

describe('ranges', () => {
  it('shares one range between A and B over the drawn channels, from stats when the data has them', () => {
    const a = t([2, 2, 2], (i) => (i % 2 === 0 ? i : 100)); // channel 1 is 100 everywhere
    const b = t([2, 2, 2], (i) => (i % 2 === 0 ? -i * 2 : 0));
    expect(jointDomain([{ data: a, shown: 1 }])).toEqual({ lo: 0, hi: 6, scheme: 'sequential' });
    expect(
      jointDomain([
        { data: a, shown: 1 },
        { data: b, shown: 1 },
      ]),
    ).toEqual({ lo: -12, hi: 12, scheme: 'diverging' });
    expect(
      jointDomain([
        { data: a, shown: 2 },
        { data: b, shown: 2 },
      ]),
    ).toEqual({ lo: -100, hi: 100, scheme: 'diverging' });
    // Each layer's own drawn channels (nets of another shape draw different counts).
    expect(
      jointDomain([
        { data: a, shown: 2 },
        { data: b, shown: 1 },
      ]),
    ).toEqual({ lo: -100, hi: 100, scheme: 'diverging' });
    const withStats = { ...a, stats: channelStats(a.data, 2) };
    expect(jointDomain([{ data: withStats, shown: 1 }])).toEqual(jointDomain([{ data: a, shown: 1 }]));
    expect(jointDomain([{ data: t([2, 2, 1], () => 0), shown: 1 }]).hi).toBeGreaterThan(0);
  });
  it('centres B − A on 0 at its largest magnitude', () => {
    const a = t([2, 2, 2], () => 1);
    const b = t([2, 2, 2], (i) => (i === 2 ? 4 : i === 3 ? -50 : 1));
    expect(differenceDomain(a, b, 1)).toEqual({ lo: -3, hi: 3, scheme: 'diverging' });
    expect(differenceDomain(a, b, 2)).toEqual({ lo: -51, hi: 51, scheme: 'diverging' });
  });
});

describe('paintTiles', () => {
  const lut = schemeLut('diverging');
  it('puts value (y, x, c) at its tile’s pixel, and B − A at 0 in the middle colour', () => {
    const l = layer('l', 2, 3, 2);
    const g = tileGrid(l);
    const a = t([2, 3, 2], (i) => (i % 2 === 0 ? -1 : 1));
    const b = t([2, 3, 2], (i) => (i === 7 ? 2 : i % 2 === 0 ? -1 : 1)); // (y 1, x 0, c 1)
    const out = new Uint32Array(g.pixelWidth * g.pixelHeight).fill(7);
    const domain = { lo: -1, hi: 1, scheme: 'diverging' as const };
    paintTiles(g, a.data, null, domain, lut, out);
    const at = (c: number, x: number, y: number): number => {
      const o = tileOrigin(g, c);
      return out[(o.y + y) * g.pixelWidth + o.x + x]!;
    };
    expect(at(0, 2, 1)).toBe(lut.packed[0]);
    expect(at(1, 0, 0)).toBe(lut.packed[255]);
    expect(out[3]).toBe(7); // the gap between tile 0 and 1 is left alone
    paintTiles(g, b.data, a.data, domain, lut, out);
    expect(at(0, 0, 0)).toBe(lut.packed[128]);
    expect(at(1, 0, 1)).toBe(lut.packed[255]);
    expect(at(1, 1, 1)).toBe(lut.packed[128]);
  });
  it('paints every drawn channel of a 112×112×64 layer whole: B − A of equal maps is the neutral middle throughout', () => {
    const l = layer('conv1', 112, 112, 64);
    const g = tileGrid(l);
    const a = t([112, 112, 64], (i) => Math.sin(i));
    const out = new Uint32Array(g.pixelWidth * g.pixelHeight);
    const domain = differenceDomain(a, a, g.shown);
    paintTiles(g, a.data, a.data, domain, lut, out);
    let neutral = 0;
    for (const v of out) if (v === lut.packed[128]) neutral++;
    // Every pixel of every drawn tile, and nothing else (the gaps stay as they were).
    expect(neutral).toBe(g.shown * 112 * 112);
  });
});
