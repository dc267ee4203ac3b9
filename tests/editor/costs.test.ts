import { describe, expect, it } from 'vitest';
import { BYTES_PER_VALUE, change, compareNets, netCosts } from '../../src/lib/spec/costs';
import { depthwiseSeparable, separableCandidates } from '../../src/lib/editor/variants';
import { inferShapes, totals } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { chain, conv, input } from './helpers';

describe('net costs', () => {
  it('sums per-layer costs to the shape table totals, memory in float32 bytes', () => {
    const spec = tinyVggSpec();
    const c = netCosts(spec);
    const t = totals(inferShapes(spec));
    expect(c.total.params).toBe(t.params);
    expect(c.total.macs).toBe(t.macs);
    expect(c.total.memory).toBe(t.activations * BYTES_PER_VALUE);
    // conv_1_1: 3×3×3×10 + 10 weights; 62×62×10 outputs; each output takes 27 multiply-adds.
    const first = c.layers.find((l) => l.id === 'conv_1_1');
    expect(first).toEqual({
      id: 'conv_1_1',
      type: 'Conv2D',
      params: 280,
      macs: 62 * 62 * 10 * 27,
      memory: 62 * 62 * 10 * 4,
    });
    expect(c.unknown).toEqual([]);
  });

  it('lists layers with problems as unknown instead of counting them', () => {
    const spec = chain();
    spec.layers[2] = conv('c2', 'c1', 4, 40);
    expect(netCosts(spec).unknown).toEqual(['c2', 'flat', 'out']);
  });
});

describe('comparison of two variants', () => {
  it('gives change and ratio, and no ratio against zero', () => {
    expect(change(200, 50)).toEqual({ a: 200, b: 50, delta: -150, ratio: 0.25 });
    expect(change(0, 0).ratio).toBe(1);
    expect(change(0, 5).ratio).toBeNull();
  });

  it('a depthwise-separable conv costs 1/F + 1/k² of the multiply-adds of the full one', () => {
    const spec = { name: 'n', layers: [input('input', [32, 32, 16]), conv('c', 'input', 64, 3, 'same')] };
    expect(separableCandidates(spec)).toEqual(['c']);
    const r = depthwiseSeparable(spec, 'c');
    if (!r.ok) throw new Error(r.error.en);
    expect(r.spec.layers.map((l) => [l.id, l.type, l.inputs])).toEqual([
      ['input', 'Input', []],
      ['c_dw', 'DepthwiseConv2D', ['input']],
      ['c_pw', 'Conv2D', ['c_dw']],
    ]);
    const cmp = compareNets(spec, r.spec);
    // Full: 32·32·64·(3·3·16). Separable: 32·32·16·9 + 32·32·64·16.
    expect(cmp.macs.a).toBe(32 * 32 * 64 * 144);
    expect(cmp.macs.b).toBe(32 * 32 * 16 * 9 + 32 * 32 * 64 * 16);
    expect(cmp.macs.ratio).toBeCloseTo(1 / 64 + 1 / 9, 10);
    // Params: 3·3·16·64 + 64 → 3·3·16 (no bias) + 16·64 + 64.
    expect(cmp.params).toMatchObject({ a: 9280, b: 144 + 1088, delta: 144 + 1088 - 9280 });
    // The extra depthwise output map is the memory price.
    expect(cmp.memory.delta).toBe(32 * 32 * 16 * 4);
    expect(cmp.layers.map((l) => [l.id, l.a !== null, l.b !== null])).toEqual([
      ['c', true, false],
      ['c_dw', false, true],
      ['c_pw', false, true],
    ]);
    expect(cmp.complete).toBe(true);
  });

  it("rewires the converted conv's consumers in TinyVGG and keeps the net valid", () => {
    const spec = tinyVggSpec();
    expect(separableCandidates(spec)).toEqual(['conv_1_1', 'conv_1_2', 'conv_2_1', 'conv_2_2']);
    const r = depthwiseSeparable(spec, 'conv_1_2');
    if (!r.ok) throw new Error(r.error.en);
    expect(r.spec.layers.find((l) => l.id === 'relu_1_2')?.inputs).toEqual(['conv_1_2_pw']);
    const out = inferShapes(r.spec).layers.get('output');
    expect(out?.status === 'ok' && out.shape).toEqual([10]);
    expect(depthwiseSeparable(spec, 'relu_1_1').ok).toBe(false);
  });
});
