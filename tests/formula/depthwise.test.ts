/**
 * Depthwise and separable convolution against tfjs on the modern-blocks net (random weights):
 * multiplier 1 and 2, stride 2 with a 3×2 kernel and no padding, same padding, dilation 2,
 * no bias; and the MobileNet cost comparison with each layer's own numbers.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/random';
import {
  depthwiseAt,
  depthwiseOutputPlane,
  depthwiseParams,
  depthwisePlan,
  depthwiseSource,
  depthwiseWeights,
} from '../../src/lib/formula/depthwise';
import {
  pointwiseWeight,
  separableAt,
  separableMaps,
  separableParams,
  separableWeights,
} from '../../src/lib/formula/separable';
import { channelPlane } from '../../src/lib/tensor/layout';
import { readHwc } from '../../src/lib/tensor/layout';
import { activationOf, expectClose, samplePositions, useExplainedNet } from './helpers';
import { modernNetSpec } from '../fixtures/modernNet';

const net = useExplainedNet(modernNetSpec(), 43);

function context(id: string) {
  const layer = net.spec.layers.find((l) => l.id === id);
  if (!layer) throw new Error(id);
  return {
    layer,
    input: activationOf(net, layer.inputs[0] ?? ''),
    weights: net.explanation.weights.get(id),
    output: activationOf(net, id),
  };
}

describe('depthwise convolution', () => {
  it.each(['dw', 'dw_x2'])('%s matches the engine at random positions of every channel', (id) => {
    const { layer, input, weights, output } = context(id);
    const params = depthwiseParams(layer.params);
    const w = depthwiseWeights(weights);
    const rng = createRng(id.length);
    const positions = samplePositions(output.shape, rng, 40);
    for (const at of positions) {
      const r = depthwiseAt(input, w, params, at);
      expectClose(r.value, readHwc(output, at.row, at.col, at.channel), `${id} ${JSON.stringify(at)}`);
      expectClose(r.preActivation, r.sum + r.bias, 'pre');
    }
    const channels = output.shape[2] ?? 0;
    for (let o = 0; o < channels; o++) {
      const plane = depthwiseOutputPlane(input, w, params, o);
      const engine = channelPlane(output, o);
      plane.forEach((v, i) => expectClose(v, engine[i] ?? NaN, `${id} plane ${o}[${i}]`));
    }
  });

  it('reads only input channel ⌊o / M⌋, with kernel o mod M', () => {
    const { layer, input, weights } = context('dw_x2');
    const w = depthwiseWeights(weights);
    expect(w.kernel.shape).toEqual([3, 2, 8, 2]);
    expect(depthwiseSource(13, 2)).toEqual({ inChannel: 6, multiplier: 1 });
    const r = depthwiseAt(input, w, depthwiseParams(layer.params), { row: 3, col: 4, channel: 13 });
    expect([r.inChannel, r.multiplier]).toEqual([6, 1]);
    // Stride 2, no padding: output (3, 4) reads rows 6…8 and columns 8…9.
    expect(r.cells.map((c) => [c.row, c.col])).toEqual([
      [6, 8],
      [6, 9],
      [7, 8],
      [7, 9],
      [8, 8],
      [8, 9],
    ]);
    r.cells.forEach((c) => expect(c.value).toBe(readHwc(input, c.row, c.col, 6)));
    expect(depthwisePlan(input, w, depthwiseParams(layer.params)).outputHeight).toBe(4);
  });

  it('refuses a kernel that does not fit the input', () => {
    const { layer, input, weights } = context('dw');
    const w = depthwiseWeights(weights);
    expect(() =>
      depthwiseAt(
        input,
        w,
        { ...depthwiseParams(layer.params), kernel: [5, 5] },
        { row: 0, col: 0, channel: 0 },
      ),
    ).toThrow(/does not match a 5×5 kernel/);
    expect(() => depthwiseWeights([])).toThrow(/depthwise_kernel/);
  });
});

describe('separable convolution', () => {
  it.each(['sep', 'sep_dil'])('%s matches the engine at random positions', (id) => {
    const { layer, input, weights, output } = context(id);
    const params = separableParams(layer.params);
    const w = separableWeights(weights);
    const rng = createRng(id.length + 5);
    for (const at of samplePositions(output.shape, rng, 40)) {
      const r = separableAt(input, w, params, at);
      expectClose(r.value, readHwc(output, at.row, at.col, at.channel), `${id} ${JSON.stringify(at)}`);
      // The pointwise step is the weighted sum of the depthwise results.
      const mixed = r.depthwise.reduce((s, d, j) => s + d.sum * pointwiseWeight(w, j, at.channel), 0);
      expectClose(r.total, mixed, 'mix');
    }
    for (let o = 0; o < (output.shape[2] ?? 0); o++) {
      const maps = separableMaps(input, w, params, o);
      const engine = channelPlane(output, o);
      maps.output.forEach((v, i) => expectClose(v, engine[i] ?? NaN, `${id} map ${o}[${i}]`));
    }
  });

  it('has one depthwise result per input channel and multiplier, in tfjs order', () => {
    const { layer, input, weights } = context('sep');
    const r = separableAt(input, separableWeights(weights), separableParams(layer.params), {
      row: 1,
      col: 2,
      channel: 4,
    });
    expect(r.depthwise).toHaveLength(32);
    expect(r.depthwise.slice(0, 4).map((d) => [d.inChannel, d.multiplier])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(r.bias).not.toBe(0);
    const dil = context('sep_dil');
    const d = separableAt(dil.input, separableWeights(dil.weights), separableParams(dil.layer.params), {
      row: 2,
      col: 2,
      channel: 0,
    });
    // Dilation 2: a 2×2 kernel reads every second cell; no bias.
    expect(d.depthwise[0]?.cells.map((c) => [c.row, c.col])).toEqual([
      [1, 1],
      [1, 3],
      [3, 1],
      [3, 3],
    ]);
    expect(d.bias).toBe(0);
  });
});
