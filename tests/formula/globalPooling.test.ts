/**
 * Global average and max pooling, and Dense layers that are not the classifier (over a
 * vector in the middle of the net, and over a map, where Keras applies them at every
 * position: a 1×1 convolution), against tfjs on the modern-blocks net with random weights.
 */
import { describe, expect, it } from 'vitest';
import { globalPoolAt, globalPoolLayer, globalPoolExtents } from '../../src/lib/formula/globalPooling';
import { denseAsConvolution, denseUnitTerms } from '../../src/lib/formula/dense';
import { convAt } from '../../src/lib/formula/convolution';
import { activationFunction } from '../../src/lib/tensor/activations';
import { findWeight, readHwc } from '../../src/lib/tensor/layout';
import { createRng } from '../../src/lib/random';
import { activationOf, expectClose, samplePositions, useExplainedNet } from './helpers';
import { modernNetSpec } from '../fixtures/modernNet';

const net = useExplainedNet(modernNetSpec(), 47);

function inputOf(id: string) {
  const layer = net.spec.layers.find((l) => l.id === id);
  if (!layer) throw new Error(id);
  return { layer, input: activationOf(net, layer.inputs[0] ?? ''), output: activationOf(net, id) };
}

describe('global pooling', () => {
  it.each([
    ['gap', 'average'],
    ['gmp', 'max'],
    ['gap_seq', 'average'],
    ['gmp_seq', 'max'],
  ] as const)('%s (%s) equals the engine for every channel', (id, kind) => {
    const { input, output } = inputOf(id);
    expect(output.shape).toEqual([3]);
    for (let c = 0; c < 3; c++) {
      const r = globalPoolAt(input, kind, c);
      expectClose(r.value, output.data[c] ?? NaN, `${id}[${c}]`);
      expect(r.count).toBe(r.height * r.width);
      if (kind === 'average') expectClose(r.value, r.sum / r.count, 'mean');
      else {
        // The picked cell holds the value, and nothing in the map is larger.
        expect(r.plane[(r.picked?.row ?? 0) * r.width + (r.picked?.col ?? 0)]).toBe(r.value);
        expect(Math.max(...r.plane)).toBe(r.value);
      }
    }
    const all = globalPoolLayer(input, kind);
    all.forEach((v, c) => expectClose(v, output.data[c] ?? NaN, `${id} layer[${c}]`));
  });

  it('reads a sequence as one row and keeps the first of equal maxima', () => {
    expect(globalPoolExtents([20, 3])).toEqual([1, 20, 3]);
    expect(() => globalPoolExtents([2, 2, 2, 2])).toThrow(/height × width × channels/);
    const ties = { data: Float32Array.from([1, 5, 5, 0]), shape: [2, 2, 1] };
    expect(globalPoolAt(ties, 'max', 0).picked).toEqual({ row: 0, col: 1 });
    expect(globalPoolAt(ties, 'average', 0)).toMatchObject({ picked: null, value: 11 / 4, sum: 11 });
  });
});

describe('dense layers inside the net', () => {
  it('a hidden Dense over a vector equals the engine for every unit', () => {
    const { layer, input, output } = inputOf('hidden');
    const weights = net.explanation.weights.get(layer.id);
    const kernel = findWeight(weights, 'kernel');
    if (!kernel) throw new Error('no kernel');
    for (let k = 0; k < 7; k++) {
      const t = denseUnitTerms(input, kernel, findWeight(weights, 'bias'), k);
      expectClose(activationFunction('relu')(t.logit), output.data[k] ?? NaN, `hidden[${k}]`);
    }
  });

  it('a Dense over a map is a 1×1 convolution with the same weights', () => {
    const { layer, input, output } = inputOf('dense_map');
    const weights = net.explanation.weights.get(layer.id);
    const kernel = findWeight(weights, 'kernel');
    if (!kernel) throw new Error('no kernel');
    const conv = denseAsConvolution(input, kernel, findWeight(weights, 'bias'));
    if (!conv) throw new Error('not a map');
    expect(conv.kernel.shape).toEqual([1, 1, 4, 3]);
    const params = {
      kernel: [1, 1] as [number, number],
      strides: [1, 1] as [number, number],
      dilation: [1, 1] as [number, number],
      padding: 'valid' as const,
      activation: 'sigmoid',
    };
    for (const at of samplePositions(output.shape, createRng(9), 30)) {
      const r = convAt(conv.input, conv, params, at);
      expectClose(r.value, readHwc(output, at.row, at.col, at.channel), `dense_map ${JSON.stringify(at)}`);
    }
    // A [steps, C] input is read as a 1 × steps map; a vector is left to the dense view.
    const seq = { data: new Float32Array(20 * 4), shape: [20, 4] };
    expect(denseAsConvolution(seq, kernel, undefined)?.input.shape).toEqual([1, 20, 4]);
    expect(denseAsConvolution({ data: new Float32Array(4), shape: [4] }, kernel, undefined)).toBeNull();
    expect(() =>
      denseAsConvolution({ data: new Float32Array(10), shape: [2, 5] }, kernel, undefined),
    ).toThrow(/5 values per position/);
  });
});
