/**
 * TimeDistributed, one step at a time, against tfjs: a Conv2D over the frames of a clip and a
 * Dense over the steps of a sequence, run through the wrapped layer's own formula on the
 * step's slice, with the wrapper's weights (the same for every step).
 */
import { describe, expect, it } from 'vitest';
import { stepOf, wrappedStep } from '../../src/lib/formula/timeDistributed';
import { convAt, convParams, convWeights } from '../../src/lib/formula/convolution';
import { denseUnitTerms } from '../../src/lib/formula/dense';
import { readHwc } from '../../src/lib/tensor/layout';
import { resolveNeuron } from '../../src/views/detail/resolveNeuron';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { activationOf, expectClose, useExplainedNet } from './helpers';

const spec: NetworkSpec = {
  name: 'clip',
  layers: [
    { id: 'in', type: 'Input', params: { shape: [4, 7, 6, 2] }, inputs: [] },
    {
      id: 'frames',
      type: 'TimeDistributed',
      params: {
        layer: 'Conv2D',
        'layer.filters': 3,
        'layer.kernelSize': [3, 2],
        'layer.strides': [2, 1],
        'layer.padding': 'same',
        'layer.dilation': [1, 1],
        'layer.activation': 'relu',
        'layer.useBias': true,
      },
      inputs: ['in'],
    },
    {
      id: 'pool',
      type: 'TimeDistributed',
      params: { layer: 'GlobalAveragePooling2D' },
      inputs: ['frames'],
    },
    {
      id: 'per_step',
      type: 'TimeDistributed',
      params: { layer: 'Dense', 'layer.units': 5, 'layer.activation': 'tanh', 'layer.useBias': true },
      inputs: ['pool'],
    },
  ],
};

const net = useExplainedNet(spec, 1616);

describe('TimeDistributed, step by step', () => {
  it('a wrapped Conv2D: every value of every frame is the Conv2D formula on that frame', () => {
    const output = activationOf(net, 'frames');
    expect(output.shape).toEqual([4, 4, 6, 3]);
    for (let step = 0; step < 4; step++) {
      const s = wrappedStep(spec, net.explanation, 'frames', step);
      expect(s.layer.type).toBe('Conv2D');
      expect(s.steps).toBe(4);
      const input = s.explanation.activations.get('in')!;
      const out = s.explanation.activations.get('frames')!;
      const params = convParams(s.layer.params);
      const weights = convWeights(s.explanation.weights.get('frames'));
      for (let row = 0; row < 4; row++)
        for (let col = 0; col < 6; col++)
          for (let channel = 0; channel < 3; channel++) {
            const engine = output.data[((step * 4 + row) * 6 + col) * 3 + channel] ?? Number.NaN;
            expect(readHwc(out, row, col, channel)).toBe(engine);
            expectClose(
              convAt(input, weights, params, { row, col, channel }).value,
              engine,
              `${step} ${row} ${col}`,
            );
          }
    }
  });

  it('a wrapped Dense: each step’s units are the dense sum over that step’s features', () => {
    const output = activationOf(net, 'per_step');
    const [kernel, bias] = ['kernel', 'bias'].map(
      (n) => net.explanation.weights.get('per_step')?.find((w) => w.name === n)?.value,
    );
    for (let step = 0; step < 4; step++) {
      const s = wrappedStep(spec, net.explanation, 'per_step', step);
      const x = s.explanation.activations.get('pool')!;
      expect(x.shape).toEqual([3]);
      for (let unit = 0; unit < 5; unit++)
        expectClose(
          Math.tanh(denseUnitTerms(x, kernel!, bias, unit).logit),
          output.data[step * 5 + unit] ?? Number.NaN,
          `step ${step} unit ${unit}`,
        );
    }
  });

  it('resolves to the wrapped layer’s own view, with the wrapper’s id and the step’s slices', () => {
    const s = wrappedStep(spec, net.explanation, 'frames', 2);
    const r = resolveNeuron(s.spec, s.explanation, { layerId: 'frames', channel: 1 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.neuron.kind).toBe('convolution');
    expect(r.neuron.inputIsNetworkInput).toBe(true);
    expect(r.neuron.input?.shape).toEqual([7, 6, 2]);
    expect(r.neuron.output?.shape).toEqual([4, 6, 3]);
  });

  it('slices a step and refuses one outside the sequence', () => {
    const t = { data: Float32Array.from({ length: 12 }, (_, i) => i), shape: [3, 2, 2] };
    expect([...stepOf(t, 1).data]).toEqual([4, 5, 6, 7]);
    expect(stepOf(t, 1).shape).toEqual([2, 2]);
    expect(() => stepOf(t, 3)).toThrow(/time step 3 is outside 0…2/);
    expect(() => wrappedStep(spec, net.explanation, 'nope', 0)).toThrow(/no layer nope/);
  });
});
