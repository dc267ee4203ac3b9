/**
 * Layer types tfjs lacks, checked against hand-computed shapes and parameter counts (the
 * LocallyConnected numbers are the examples in the Keras 2 documentation).
 */
import { describe, expect, it } from 'vitest';
import { inferShapes, type LayerInfo } from '../../src/lib/spec/inferShapes';
import type { LayerParams, Shape } from '../../src/lib/spec/types';
import { getLayerDef } from '../../src/lib/layers/registry';
import { defaultParams } from '../../src/lib/layers/shared/params';
import { probeSpec } from './tfjsHarness';

function infer(type: string, inputs: Shape[], params: LayerParams = {}): LayerInfo {
  const def = getLayerDef(type);
  if (!def) throw new Error(`no ${type}`);
  const spec = probeSpec(type, { inputs, params: { ...defaultParams(def.params), ...params } });
  const info = inferShapes(spec).layers.get('probe');
  if (!info) throw new Error('no info');
  return info;
}

function ok(info: LayerInfo): { shape: Shape; params: number; macs: number } {
  if (info.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(info)}`);
  return { shape: info.shape, params: info.params, macs: info.macs };
}

describe('layer types without a tfjs layer', () => {
  it('UpSampling1D and UpSampling3D repeat values along their axes', () => {
    expect(ok(infer('UpSampling1D', [[5, 2]], { size: [3] }))).toEqual({
      shape: [15, 2],
      params: 0,
      macs: 0,
    });
    expect(ok(infer('UpSampling3D', [[2, 3, 4, 5]], { size: [2, 1, 3] })).shape).toEqual([4, 3, 12, 5]);
    expect(infer('UpSampling1D', [[5, 5, 2]]).status).toBe('error');
    expect(infer('UpSampling3D', [[5, 5, 2]]).status).toBe('error');
  });

  it('LocallyConnected1D: Keras docs, 10×32 input, 64 filters of length 3', () => {
    // output 8 steps; 8·(3·32·64) kernel + 8·64 bias
    expect(
      ok(infer('LocallyConnected1D', [[10, 32]], { filters: 64, kernelSize: [3], strides: [1] })),
    ).toEqual({
      shape: [8, 64],
      params: 8 * 3 * 32 * 64 + 8 * 64,
      macs: 8 * 64 * 3 * 32,
    });
    expect(
      ok(infer('LocallyConnected1D', [[10, 3]], { filters: 4, kernelSize: [3], strides: [2] })).params,
    ).toBe(4 * (3 * 3 * 4 + 4));
    expect(infer('LocallyConnected1D', [[2, 3]], { kernelSize: [3] }).status).toBe('error');
  });

  it('LocallyConnected2D: Keras docs, 32×32×3 input, 64 filters of 3×3', () => {
    const r = ok(
      infer('LocallyConnected2D', [[32, 32, 3]], { filters: 64, kernelSize: [3, 3], strides: [1, 1] }),
    );
    expect(r.shape).toEqual([30, 30, 64]);
    expect(r.params).toBe(30 * 30 * (3 * 3 * 3 * 64) + 30 * 30 * 64);
    const noBias = ok(infer('LocallyConnected2D', [[5, 5, 2]], { filters: 3, useBias: false }));
    expect(noBias.params).toBe(9 * 18 * 3);
  });

  it("GroupedConv2D: AlexNet's conv2, 256 filters of 5×5 over 2 groups of 48 channels", () => {
    const r = ok(
      infer('GroupedConv2D', [[27, 27, 96]], {
        filters: 256,
        kernelSize: [5, 5],
        padding: 'same',
        groups: 2,
      }),
    );
    expect(r.shape).toEqual([27, 27, 256]);
    expect(r.params).toBe(5 * 5 * 48 * 256 + 256);
    expect(r.macs).toBe(27 * 27 * 256 * 5 * 5 * 48);
    expect(infer('GroupedConv2D', [[8, 8, 3]], { filters: 4, groups: 2 }).status).toBe('error');
  });

  it('global 3-D pooling keeps one value per channel', () => {
    expect(ok(infer('GlobalMaxPooling3D', [[4, 5, 6, 7]])).shape).toEqual([7]);
    expect(ok(infer('GlobalAveragePooling3D', [[2, 2, 2, 3]])).shape).toEqual([3]);
    expect(infer('GlobalAveragePooling3D', [[4, 5, 7]]).status).toBe('error');
  });

  it('Subtract takes exactly two inputs that broadcast', () => {
    expect(
      ok(
        infer('Subtract', [
          [3, 4],
          [3, 4],
        ]),
      ).shape,
    ).toEqual([3, 4]);
    expect(
      ok(
        infer('Subtract', [
          [3, 4],
          [1, 4],
        ]),
      ).shape,
    ).toEqual([3, 4]);
    expect(
      infer('Subtract', [
        [3, 4],
        [3, 5],
      ]).status,
    ).toBe('error');
    expect(infer('Subtract', [[3], [3], [3]]).status).toBe('error');
  });

  it('ActivityRegularization, HardSwish and LRN keep the shape and have no weights', () => {
    expect(ok(infer('ActivityRegularization', [[7, 3]], { l1: 0.01, l2: 0 }))).toEqual({
      shape: [7, 3],
      params: 0,
      macs: 0,
    });
    expect(ok(infer('HardSwish', [[4, 4, 8]])).shape).toEqual([4, 4, 8]);
    expect(ok(infer('LRN', [[6, 6, 8]])).shape).toEqual([6, 6, 8]);
    expect(infer('LRN', [[8]]).status).toBe('error');
  });

  it.each(['SoftmaxCrossEntropy', 'BinaryCrossEntropy', 'MeanSquaredError', 'Hinge'])(
    '%s reduces a prediction (and a matching target) to one number',
    (type) => {
      expect(ok(infer(type, [[10]])).shape).toEqual([1]);
      expect(ok(infer(type, [[10], [10]])).shape).toEqual([1]);
      expect(infer(type, [[10], [9]]).status).toBe('error');
      expect(getLayerDef(type)?.category).toBe('Loss');
    },
  );
});

describe('hand-checked counts of tfjs layers', () => {
  it('SeparableConv2D = depthwise + pointwise + bias', () => {
    const r = ok(
      infer('SeparableConv2D', [[8, 8, 16]], { filters: 32, kernelSize: [3, 3], padding: 'same' }),
    );
    expect(r.params).toBe(3 * 3 * 16 + 16 * 32 + 32);
  });

  it('PReLU: one slope per value, per channel with shared axes, refused for missing axes', () => {
    expect(ok(infer('PReLU', [[8, 8, 3]])).params).toBe(192);
    expect(ok(infer('PReLU', [[8, 8, 3]], { sharedAxes: [1, 2] })).params).toBe(3);
    // tfjs would build a [1, 4, 1] slope here; Keras raises.
    expect(infer('PReLU', [[4, 4]], { sharedAxes: [1, 3] }).status).toBe('error');
  });

  it('LSTM and GRU counts follow tfjs (GRU without reset_after)', () => {
    expect(ok(infer('LSTM', [[20, 8]], { units: 16 })).params).toBe(4 * (16 * (8 + 16) + 16));
    expect(ok(infer('GRU', [[20, 8]], { units: 16 })).params).toBe(3 * (16 * (8 + 16) + 16));
  });

  it('Conv2D MACs are output values × window × input channels', () => {
    expect(ok(infer('Conv2D', [[5, 5, 3]], { filters: 4 })).macs).toBe(3 * 3 * 4 * (3 * 3 * 3));
  });
});
