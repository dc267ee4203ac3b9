/**
 * Grouped convolution against tfjs. tfjs 4.22 has no grouped layer, so the reference is the
 * definition run with tfjs ops: split the input channels and the filters into the groups,
 * convolve each part with tf.conv2d, concatenate, add the bias, apply the activation.
 * Random inputs and kernels; 2, 3 and 4 groups; strides, same padding, dilation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { createRng, type Rng } from '../../src/lib/random';
import {
  channelSlice,
  groupOfFilter,
  groupedConvAt,
  groupedConvLayer,
} from '../../src/lib/formula/groupedConv';
import type { ConvLayerParams, ConvWeights } from '../../src/lib/formula/convolution';
import type { TensorData } from '../../src/lib/tensor/types';
import { readHwc } from '../../src/lib/tensor/layout';
import { groupedConvCases } from '../fixtures/groupedConvCases';
import { expectClose, samplePositions, tensorCount } from './helpers';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

function random(rng: Rng, shape: number[]): TensorData {
  const size = shape.reduce((a, b) => a * b, 1);
  return { data: Float32Array.from({ length: size }, () => rng() * 2 - 1), shape };
}

/** The grouped convolution by its definition, in tfjs. */
function tfjsGrouped(input: TensorData, w: ConvWeights, p: ConvLayerParams, groups: number): TensorData {
  return tf.tidy(() => {
    const [h = 0, wd = 0, c = 0] = input.shape;
    const [kh = 0, kw = 0, kc = 0, f = 0] = w.kernel.shape;
    const x = tf.tensor4d(input.data, [1, h, wd, c]);
    const k = tf.tensor4d(w.kernel.data, [kh, kw, kc, f]);
    const xs = tf.split(x, groups, 3);
    const ks = tf.split(k, groups, 3);
    const parts = xs.map((xi, g) =>
      tf.conv2d(xi as tf.Tensor4D, ks[g] as tf.Tensor4D, p.strides, p.padding, 'NHWC', p.dilation),
    );
    let y: tf.Tensor = tf.concat(parts, 3);
    if (w.bias) y = tf.add(y, tf.tensor(w.bias.data));
    y = p.activation === 'relu' ? tf.relu(y) : p.activation === 'softmax' ? tf.softmax(y) : y;
    return { data: y.dataSync() as Float32Array, shape: y.shape.slice(1) };
  });
}

const CASES = groupedConvCases('softmax');

describe('grouped convolution', () => {
  it.each(CASES)('$name matches the tfjs definition at every output', (c) => {
    const rng = createRng(c.groups * 101 + c.filters);
    const input = random(rng, c.input);
    const kernel = random(rng, [...c.params.kernel, (c.input[2] ?? 0) / c.groups, c.filters]);
    const weights: ConvWeights = c.bias ? { kernel, bias: random(rng, [c.filters]) } : { kernel };
    const before = tensorCount();
    const expected = tfjsGrouped(input, weights, c.params, c.groups);
    expect(tensorCount()).toBe(before);
    const whole = groupedConvLayer(input, weights, c.params, c.groups);
    expect(whole.shape).toEqual(expected.shape);
    whole.data.forEach((v, i) => expectClose(v, expected.data[i] ?? NaN, `${c.name} [${i}]`));
    for (const at of samplePositions(expected.shape, rng, 30)) {
      const r = groupedConvAt(input, weights, c.params, c.groups, at);
      expectClose(r.value, readHwc(expected, at.row, at.col, at.channel), `${c.name} ${JSON.stringify(at)}`);
      // Each filter reads exactly its group's share of the input channels, numbered as in the input.
      const g = groupOfFilter(at.channel, c.input[2] ?? 0, c.filters, c.groups);
      expect(r.channels.map((t) => t.inChannel)).toEqual(
        Array.from({ length: g.inputCount }, (_, k) => g.firstInput + k),
      );
    }
  });

  it('names the group, its input channels and its filters', () => {
    expect(groupOfFilter(5, 96, 256, 2)).toEqual({
      group: 0,
      groups: 2,
      firstInput: 0,
      inputCount: 48,
      firstFilter: 0,
      filterCount: 128,
    });
    expect(groupOfFilter(200, 96, 256, 2)).toMatchObject({ group: 1, firstInput: 48, firstFilter: 128 });
    expect(groupOfFilter(31, 128, 128, 32)).toMatchObject({ group: 7, firstInput: 28, inputCount: 4 });
    expect(() => groupOfFilter(0, 10, 4, 3)).toThrow(/do not split into 3 groups/);
    expect(() => groupOfFilter(4, 8, 4, 2)).toThrow(/filter 4/);
  });

  it('slices channels out of a map', () => {
    const map = { data: Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => i), shape: [2, 3, 4] };
    const slice = channelSlice(map, 2, 2);
    expect(slice.shape).toEqual([2, 3, 2]);
    expect([...slice.data.slice(0, 4)]).toEqual([2, 3, 6, 7]);
    expect(() => channelSlice(map, 3, 2)).toThrow(/outside/);
  });
});
