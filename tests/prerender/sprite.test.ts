/** The prerender's map sprite: LUT indices that colour into exactly the pixels MapPainter paints. */
import { describe, expect, it } from 'vitest';
import { buildColumns } from '../../src/lib/overview/columns';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { paintIndices, paintValues } from '../../src/lib/colour/paint';
import { schemeLut } from '../../src/lib/colour/lut';
import type { Domain } from '../../src/lib/colour/ranges';
import { packMaps, paintSprite, paintedColumns } from '../../src/prerender/sprite';
import { colourMap } from '../../src/prerender/snapshotPaint';
import { createRng } from '../../src/lib/random';
import type { TensorData } from '../../src/lib/tensor/types';

const spec = tinyVggSpec();
const columns = buildColumns(spec, inferShapes(spec));

function randomValues(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(n).map(() => (rng() - 0.5) * 8);
  // The edges paintValues must survive: NaN, infinities, the domain's own ends.
  out.set([NaN, Infinity, -Infinity, -2, 2, 0], 0);
  return out;
}

describe('LUT indices', () => {
  it('pick, for every value, the entry paintValues paints (NaN, infinities and out-of-range included)', () => {
    for (const domain of [
      { lo: -2, hi: 2, scheme: 'diverging' },
      { lo: 0, hi: 1.5, scheme: 'sequential' },
    ] as Domain[]) {
      const data = randomValues(3000, 7);
      const lut = schemeLut(domain.scheme);
      const painted = new Uint32Array(1000);
      paintValues(data, 1, 3, 1000, domain, lut, painted);
      const idx = new Uint8Array(1000);
      paintIndices(data, 1, 3, 1000, domain, idx);
      expect(Array.from(idx, (i) => lut.packed[i])).toEqual(Array.from(painted));
    }
  });
});

describe('packing the maps', () => {
  it('gives every drawn column a row of its own, its channels side by side without overlap', () => {
    const { width, height, maps } = packMaps(columns, (c) => c.shape[c.shape.length - 1] ?? 1);
    const drawn = paintedColumns(columns);
    expect(new Set(maps.map((m) => m.layerId))).toEqual(new Set(drawn.map((c) => c.id)));
    const strip = drawn.find((c) => c.kind === 'strip');
    expect(maps.filter((m) => m.layerId === strip?.id)).toHaveLength(1);
    for (const a of maps) {
      expect(a.x + a.cols).toBeLessThanOrEqual(width);
      expect(a.y + a.rows).toBeLessThanOrEqual(height);
      for (const b of maps)
        if (a !== b)
          expect(
            a.x + a.cols <= b.x || b.x + b.cols <= a.x || a.y + a.rows <= b.y || b.y + b.rows <= a.y,
          ).toBe(true);
    }
  });
});

describe('the sprite', () => {
  const activations = new Map<string, TensorData>(
    paintedColumns(columns).map((c, i) => {
      const n = c.shape.reduce((a, b) => a * b, 1);
      return [c.id, { shape: c.shape, data: randomValues(n, 100 + i) }];
    }),
  );
  const domains = new Map(
    paintedColumns(columns).map((c) => [
      c.id,
      Array.from({ length: c.shape[c.shape.length - 1] ?? 1 }, (_, ch): Domain =>
        c.signed
          ? { lo: -1 - ch, hi: 1 + ch, scheme: 'diverging' }
          : { lo: 0, hi: 2 + ch, scheme: 'sequential' },
      ),
    ]),
  );

  it('colours every map into the pixels MapPainter paints into its scratch canvas', () => {
    const sprite = paintSprite(columns, activations, domains);
    const kinds = new Map(columns.map((c) => [c.id, c.kind]));
    expect(sprite.maps.length).toBeGreaterThan(50);
    // The sprite's grey levels as a canvas reads them back: RGBA, the grey in R, G and B.
    const sheet = { data: new Uint8ClampedArray(sprite.indices.length * 4), width: sprite.width };
    sprite.indices.forEach((g, i) => sheet.data.set([g, g, g, 255], i * 4));
    for (const m of sprite.maps) {
      const strip = kinds.get(m.layerId) === 'strip';
      const t = activations.get(m.layerId)!;
      const channels = strip ? 1 : t.shape[t.shape.length - 1]!;
      const domain = domains.get(m.layerId)![strip ? 0 : m.channel]!;
      // As paintColumn: the whole grid, cells past the data in the empty pixel.
      const size = m.cols * m.rows;
      const expected = new Uint32Array(size).fill(
        new Uint32Array(new Uint8ClampedArray([246, 247, 250, 255]).buffer)[0]!,
      );
      const count = Math.min(size, Math.floor(t.data.length / channels));
      paintValues(t.data, strip ? 0 : m.channel, channels, count, domain, schemeLut(domain.scheme), expected);
      const out = new Uint32Array(size);
      colourMap(sheet, m, schemeLut(m.scheme).packed, out);
      expect(out).toEqual(expected);
    }
  });

  it('leaves out a map without a domain instead of colouring it with a made-up one', () => {
    const first = paintedColumns(columns)[1]!;
    const partial = new Map(domains);
    partial.set(first.id, domains.get(first.id)!.slice(0, 3));
    const sprite = paintSprite(columns, activations, partial);
    expect(sprite.maps.filter((m) => m.layerId === first.id).map((m) => m.channel)).toEqual([0, 1, 2]);
  });
});
