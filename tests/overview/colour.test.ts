/** The colour look-up tables, ranges and the single-pass painter behind every map. */
import { describe, expect, it } from 'vitest';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { makeLut, packRgba, parseColour, schemeLut, SCHEMES } from '../../src/lib/colour/lut';
import { channelStats, computeDomains, lutIndex, type RangeLayer } from '../../src/lib/colour/ranges';
import { paintValues } from '../../src/lib/colour/paint';
import { statsOf } from '../../src/lib/overview/rangeLayers';

const rgbAt = (name: Parameters<typeof schemeLut>[0], i: number): number[] => [
  ...schemeLut(name).rgb.subarray(i * 3, i * 3 + 3),
];

describe('colour look-up tables', () => {
  it('parses the colour strings d3 produces', () => {
    expect(parseColour('rgb(103, 0, 31)')).toEqual([103, 0, 31]);
    expect(parseColour('#ff8000')).toEqual([255, 128, 0]);
    expect(() => parseColour('red')).toThrow(/red/);
  });

  it('centres the diverging scale on a light neutral, blue below and red above', () => {
    const [r0, , b0] = rgbAt('diverging', 0);
    const [r1, , b1] = rgbAt('diverging', 255);
    const mid = rgbAt('diverging', 128);
    expect(b0).toBeGreaterThan(r0 ?? 0);
    expect(r1).toBeGreaterThan(b1 ?? 0);
    expect(Math.min(...mid)).toBeGreaterThan(225);
  });

  it('makes the sequential scale the positive half of the diverging one', () => {
    expect(rgbAt('sequential', 255)).toEqual(rgbAt('diverging', 255));
    const start = rgbAt('sequential', 0);
    const centre = SCHEMES.diverging(0.5);
    expect(start).toEqual(parseColour(centre));
  });

  it('computes d3’s RdBu ramp in numbers, byte for byte, for both halves, and says the same in CSS', () => {
    for (let i = 0; i < 256; i++) {
      expect(rgbAt('diverging', i), `diverging ${i}`).toEqual(parseColour(interpolateRdBu(1 - i / 255)));
      expect(rgbAt('sequential', i), `sequential ${i}`).toEqual(parseColour(interpolateRdBu(0.5 - i / 510)));
    }
    expect(parseColour(SCHEMES.diverging(0.2))).toEqual(parseColour(interpolateRdBu(0.8)));
    expect(rgbAt('red', 255)).toEqual([235, 40, 40]);
    expect(rgbAt('grey', 0)).toEqual([20, 20, 24]);
  });

  it('packs pixels in ImageData byte order', () => {
    const bytes = new Uint8Array(new Uint32Array([packRgba(1, 2, 3, 4)]).buffer);
    expect([...bytes]).toEqual([1, 2, 3, 4]);
    const lut = makeLut(() => 'rgb(10, 20, 30)');
    expect(new Uint8Array(lut.packed.buffer, 0, 4)).toEqual(new Uint8Array([10, 20, 30, 255]));
  });
});

describe('channel statistics', () => {
  it('finds each channel’s min and max in interleaved data, skipping NaN and infinities', () => {
    const data = new Float32Array([1, -2, 5, NaN, -3, Infinity, 0.5, 4]);
    const s = channelStats(data, 2);
    expect([...s.min]).toEqual([-3, -2]);
    expect([...s.max]).toEqual([5, 4]);
  });

  it('reports an all-NaN channel as [0, 0] instead of ±Infinity', () => {
    const s = channelStats(new Float32Array([NaN, 1, NaN, 2]), 2);
    expect([s.min[0], s.max[0]]).toEqual([0, 0]);
  });

  it('takes the ranges that came with the data (the net worker’s), folded for a layer drawn as one vector, else reads the data', () => {
    const data = new Float32Array([1, -2, 5, 7, -3, 0.5]);
    const sent = { min: Float32Array.of(-9, -8), max: Float32Array.of(9, 8) };
    // Given ranges are used as they are (deliberately not the data's, to tell them apart).
    expect(statsOf({ data, shape: [3, 2], stats: sent }, 2)).toBe(sent);
    const folded = statsOf({ data, shape: [3, 2], stats: sent }, 1);
    expect([folded.min[0], folded.max[0]]).toEqual([-9, 9]);
    const read = statsOf({ data, shape: [3, 2] }, 2);
    expect([...read.min, ...read.max]).toEqual([-3, -2, 5, 7]);
    // Stats of another channel count than asked for are not used.
    expect([...statsOf({ data, shape: [6], stats: sent }, 3).min]).toEqual([1, -3, 0.5]);
  });
});

function layer(
  id: string,
  block: number,
  min: number[],
  max: number[],
  signed = false,
  perNeuron = true,
): RangeLayer {
  return {
    id,
    block,
    signed,
    perNeuron,
    stats: { min: Float32Array.from(min), max: Float32Array.from(max) },
  };
}

describe('colour ranges', () => {
  const layers = [
    layer('conv_a', 1, [-1, -0.5], [2, 0.25], true),
    layer('relu_a', 1, [0, 0], [2, 0.25]),
    layer('conv_b', 2, [-8, -1], [4, 1], true),
    layer('flat', 2, [0], [4], false, false),
  ];

  it('gives every map its own range in neuron mode, symmetric for signed layers', () => {
    const d = computeDomains(layers, 'neuron');
    expect(d.get('conv_a')).toEqual([
      { lo: -2, hi: 2, scheme: 'diverging' },
      { lo: -0.5, hi: 0.5, scheme: 'diverging' },
    ]);
    expect(d.get('relu_a')?.[1]).toEqual({ lo: 0, hi: 0.25, scheme: 'sequential' });
    // A vector is one long neuron: it keeps the range of its whole layer.
    expect(d.get('flat')?.[0]).toEqual({ lo: 0, hi: 4, scheme: 'sequential' });
  });

  it('shares one range per layer, per block and for the whole network', () => {
    const byLayer = computeDomains(layers, 'layer');
    expect(byLayer.get('conv_a')?.[1]).toEqual({ lo: -2, hi: 2, scheme: 'diverging' });
    const byBlock = computeDomains(layers, 'block');
    expect(byBlock.get('relu_a')?.[0]).toEqual({ lo: 0, hi: 2, scheme: 'sequential' });
    expect(byBlock.get('flat')?.[0]).toEqual({ lo: 0, hi: 8, scheme: 'sequential' });
    const all = computeDomains(layers, 'network');
    expect(all.get('conv_a')?.[0]).toEqual({ lo: -8, hi: 8, scheme: 'diverging' });
    expect(all.get('relu_a')?.[0]).toEqual({ lo: 0, hi: 8, scheme: 'sequential' });
  });

  it('switches to a diverging scale when a layer thought non-negative holds negatives', () => {
    const d = computeDomains([layer('odd', 1, [-1], [3])], 'layer');
    expect(d.get('odd')?.[0]?.scheme).toBe('diverging');
  });

  it('keeps fixed ranges (the input image) whatever the mode', () => {
    const fixed = [{ lo: 0, hi: 1, scheme: 'red' as const }];
    const d = computeDomains([{ ...layer('input', 0, [0], [0.2]), fixed }], 'network');
    expect(d.get('input')).toBe(fixed);
  });

  it('never makes an empty range for an all-zero map', () => {
    const d = computeDomains([layer('dead', 1, [0], [0])], 'neuron').get('dead')?.[0];
    expect(d!.hi).toBeGreaterThan(d!.lo);
    expect(lutIndex(0, d!)).toBe(0);
  });
});

describe('painting', () => {
  it('paints one channel of HWC data through the table, clamping to the range', () => {
    // Two channels interleaved; paint channel 1: values -1, 0, 1, 5 (clamped), NaN.
    const data = new Float32Array([9, -1, 9, 0, 9, 1, 9, 5, 9, NaN]);
    const lut = schemeLut('diverging');
    const out = new Uint32Array(5);
    paintValues(data, 1, 2, 5, { lo: -1, hi: 1, scheme: 'diverging' }, lut, out);
    expect(out[0]).toBe(lut.packed[0]);
    expect(out[1]).toBe(lut.packed[128]);
    expect(out[2]).toBe(lut.packed[255]);
    expect(out[3]).toBe(lut.packed[255]);
    expect(out[4]).toBe(lut.packed[0]);
  });

  it('agrees with lutIndex everywhere in the range', () => {
    const domain = { lo: -0.7, hi: 2.1, scheme: 'diverging' as const };
    const values = Float32Array.from({ length: 200 }, (_, i) => -1 + i * 0.02);
    const out = new Uint32Array(values.length);
    const lut = schemeLut('diverging');
    paintValues(values, 0, 1, values.length, domain, lut, out);
    values.forEach((v, i) => expect(out[i]).toBe(lut.packed[lutIndex(v, domain)]));
  });
});
