/**
 * Conv3D and 3-D pooling formulas against tfjs on random volumes and weights: stride, same
 * padding with odd totals, dilation along one axis, a bias-free conv, softmax over channels,
 * max and average windows that overhang the end. Every output value of every layer is checked.
 */
import { describe, expect, it } from 'vitest';
import { conv3dAt, conv3dParams, pool3dAt } from '../../src/lib/formula/volumeConv';
import {
  planVolume,
  readVolume,
  volumeGeometry,
  volumeOutputPositions,
  volumeSlice,
  volumeTaps,
} from '../../src/lib/formula/volume';
import type { LayerParams, NetworkSpec } from '../../src/lib/spec/types';
import { activationOf, expectClose, useExplainedNet } from './helpers';

const conv3d = (id: string, input: string, params: LayerParams) => ({
  id,
  type: 'Conv3D',
  params: {
    filters: 3,
    strides: [1, 1, 1],
    dilation: [1, 1, 1],
    useBias: true,
    activation: 'linear',
    ...params,
  },
  inputs: [input],
});

const spec: NetworkSpec = {
  name: 'volume',
  layers: [
    { id: 'in', type: 'Input', params: { shape: [5, 7, 6, 2] }, inputs: [] },
    conv3d('c_same', 'in', {
      kernelSize: [2, 3, 2],
      strides: [2, 2, 1],
      padding: 'same',
      activation: 'relu',
    }),
    conv3d('c_dil', 'c_same', {
      kernelSize: [2, 2, 2],
      dilation: [1, 2, 1],
      padding: 'valid',
      activation: 'tanh',
      useBias: false,
      filters: 4,
    }),
    conv3d('c_soft', 'in', { kernelSize: [1, 2, 2], padding: 'valid', activation: 'softmax' }),
    {
      id: 'max',
      type: 'MaxPooling3D',
      params: { poolSize: [2, 2, 2], strides: [1, 2, 2], padding: 'same' },
      inputs: ['c_soft'],
    },
    {
      id: 'avg',
      type: 'AveragePooling3D',
      params: { poolSize: [2, 3, 2], strides: [2, 2, 2], padding: 'same' },
      inputs: ['max'],
    },
    {
      id: 'avg_valid',
      type: 'AveragePooling3D',
      params: { poolSize: [2, 2, 2], strides: [2, 2, 2], padding: 'valid' },
      inputs: ['c_soft'],
    },
    { id: 'flat', type: 'Flatten', params: {}, inputs: ['avg'] },
    {
      id: 'out',
      type: 'Dense',
      params: { units: 3, activation: 'softmax', useBias: true },
      inputs: ['flat'],
    },
  ],
};

const net = useExplainedNet(spec, 316);

function layerOf(id: string) {
  const l = spec.layers.find((x) => x.id === id);
  if (!l) throw new Error(id);
  return { l, input: activationOf(net, l.inputs[0] ?? ''), output: activationOf(net, id) };
}

function everyPosition(shape: readonly number[]) {
  const [d = 0, h = 0, w = 0, c = 0] = shape;
  return Array.from({ length: d * h * w * c }, (_, i) => ({
    depth: Math.floor(i / (h * w * c)),
    row: Math.floor(i / (w * c)) % h,
    col: Math.floor(i / c) % w,
    channel: i % c,
  }));
}

describe('Conv3D, written out, equals the engine', () => {
  it.each(['c_same', 'c_dil', 'c_soft'])('%s at every output value', (id) => {
    const { l, input, output } = layerOf(id);
    const params = conv3dParams(l.params);
    const weights = net.explanation.weights.get(id) ?? [];
    expect(output.shape).toHaveLength(4);
    for (const at of everyPosition(output.shape)) {
      const r = conv3dAt(input, weights, params, at);
      expectClose(r.value, readVolume(output, at), `${id} ${JSON.stringify(at)}`);
      // The groups are the kernel's depth slices × the input channels, and add up to the total.
      expect(r.groups).toHaveLength(params.kernel[0] * (input.shape[3] ?? 0));
      expectClose(r.groups.reduce((a, g) => a + g.sum, 0) + r.bias, r.preActivation, id);
    }
  });

  it('pads the odd total after, as tfjs: a same 2-deep window at stride 2 over 5 slices', () => {
    const plan = planVolume(
      [5, 7, 6],
      volumeGeometry({ kernelSize: [2, 3, 2], strides: [2, 2, 1], padding: 'same' }, 'kernelSize'),
    );
    expect(plan.output).toEqual([3, 4, 6]);
    expect(plan.padBefore).toEqual([0, 1, 0]);
    expect(plan.padAfter).toEqual([1, 1, 1]);
    const last = volumeTaps(plan, { depth: 2, row: 0, col: 5 });
    expect(last.filter((t) => t.source === 'padding').map((t) => t.depth)).toContain(5);
    expect(volumeOutputPositions(plan)).toHaveLength(3 * 4 * 6);
  });

  it('refuses a kernel that does not match the layer, naming the shapes', () => {
    const { l, input } = layerOf('c_same');
    const weights = net.explanation.weights.get('c_dil') ?? [];
    expect(() =>
      conv3dAt(input, weights, conv3dParams(l.params), { depth: 0, row: 0, col: 0, channel: 0 }),
    ).toThrow(/kernel \[2, 2, 2, 3, 4\] does not match a 2×3×2 kernel over 2 channels/);
  });
});

describe('3-D pooling, written out, equals the engine', () => {
  it.each([
    ['max', 'max'],
    ['avg', 'average'],
    ['avg_valid', 'average'],
  ] as const)('%s at every output value', (id, kind) => {
    const { l, input, output } = layerOf(id);
    const params = volumeGeometry(l.params, 'poolSize');
    for (const at of everyPosition(output.shape)) {
      const r = pool3dAt(input, params, kind, at);
      expectClose(r.value, readVolume(output, at), `${id} ${JSON.stringify(at)}`);
      if (kind === 'max') expect(r.cells[r.pickedIndex ?? -1]?.value).toBe(r.value);
      else expect(r.count).toBe(r.cells.filter((c) => c.value !== null).length);
    }
  });

  it('skips padding cells: an overhanging same window averages over its real cells only', () => {
    const { l, input } = layerOf('avg');
    const r = pool3dAt(input, volumeGeometry(l.params, 'poolSize'), 'average', {
      depth: 1,
      row: 1,
      col: 1,
      channel: 0,
    });
    expect(r.cells.some((c) => c.value === null)).toBe(true);
    expect(r.count).toBeLessThan(r.cells.length);
  });

  it('reads a depth slice of one channel in row order', () => {
    const t = { data: Float32Array.from({ length: 2 * 2 * 3 * 2 }, (_, i) => i), shape: [2, 2, 3, 2] };
    expect([...volumeSlice(t, 1, 1)]).toEqual([13, 15, 17, 19, 21, 23]);
  });
});
