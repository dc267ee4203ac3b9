/**
 * Conv1D and 1-D pooling through the 2-D formulas (a sequence read as a map of one row)
 * against tfjs, on random sequences and weights: stride, same padding, dilation, max and
 * average windows that overhang the end.
 */
import { describe, expect, it } from 'vitest';
import { convAt, convParams, convWeights } from '../../src/lib/formula/convolution';
import { poolAt, poolParams } from '../../src/lib/formula/pooling';
import { sequenceAsMap, sequenceConvWeights, sequenceWindowParams } from '../../src/lib/formula/sequence';
import { readHwc } from '../../src/lib/tensor/layout';
import { createRng } from '../../src/lib/random';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { activationOf, expectClose, samplePositions, useExplainedNet } from './helpers';

const spec: NetworkSpec = {
  name: 'sequence',
  layers: [
    { id: 'in', type: 'Input', params: { shape: [23, 3] }, inputs: [] },
    {
      id: 'c_s2',
      type: 'Conv1D',
      params: {
        filters: 4,
        kernelSize: [4],
        strides: [2],
        padding: 'same',
        dilation: [1],
        activation: 'relu',
        useBias: true,
      },
      inputs: ['in'],
    },
    {
      id: 'c_dil',
      type: 'Conv1D',
      params: {
        filters: 5,
        kernelSize: [3],
        strides: [1],
        padding: 'valid',
        dilation: [2],
        activation: 'tanh',
        useBias: false,
      },
      inputs: ['c_s2'],
    },
    {
      id: 'max',
      type: 'MaxPooling1D',
      params: { poolSize: [2], strides: [1], padding: 'valid' },
      inputs: ['c_dil'],
    },
    {
      id: 'avg',
      type: 'AveragePooling1D',
      params: { poolSize: [3], strides: [2], padding: 'same' },
      inputs: ['max'],
    },
  ],
};

const net = useExplainedNet(spec, 71);

function layer(id: string) {
  const l = spec.layers.find((x) => x.id === id);
  if (!l) throw new Error(id);
  return {
    l,
    input: sequenceAsMap(activationOf(net, l.inputs[0] ?? '')),
    output: sequenceAsMap(activationOf(net, id)),
  };
}

describe('1-D windows as maps of one row', () => {
  it.each(['c_s2', 'c_dil'])('Conv1D %s matches the engine at random steps', (id) => {
    const { l, input, output } = layer(id);
    const params = convParams(sequenceWindowParams(l.params, 'kernelSize'));
    const weights = convWeights(sequenceConvWeights(net.explanation.weights.get(id) ?? []));
    expect(params.kernel[0]).toBe(1);
    for (const at of samplePositions(output.shape, createRng(id.length), 30)) {
      const r = convAt(input, weights, params, at);
      expectClose(r.value, readHwc(output, at.row, at.col, at.channel), `${id} ${JSON.stringify(at)}`);
    }
  });

  it.each([
    ['max', 'max'],
    ['avg', 'average'],
  ] as const)('%s pooling matches the engine at every step', (id, kind) => {
    const { l, input, output } = layer(id);
    const params = poolParams(sequenceWindowParams(l.params, 'poolSize'));
    const [, steps = 0, channels = 0] = output.shape;
    for (let col = 0; col < steps; col++)
      for (let channel = 0; channel < channels; channel++)
        expectClose(
          poolAt(input, params, kind, { row: 0, col, channel }).value,
          readHwc(output, 0, col, channel),
          `${id} (${col}, ${channel})`,
        );
  });

  it('turns 1-D params into one-row windows, strides defaulting as Keras does', () => {
    expect(sequenceWindowParams({ poolSize: [3] }, 'poolSize')).toEqual({
      poolSize: [1, 3],
      strides: [1, 3],
    });
    expect(sequenceWindowParams({ kernelSize: 5, strides: [2], dilation: [3] }, 'kernelSize')).toEqual({
      kernelSize: [1, 5],
      strides: [1, 2],
      dilation: [1, 3],
    });
    expect(() => sequenceAsMap({ data: new Float32Array(2), shape: [2] })).toThrow(/steps × channels/);
  });
});
