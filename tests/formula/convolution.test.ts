import { describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { createRng, randomInt } from '../../src/lib/random';
import { convAt, convParams, convPlan, convWeights } from '../../src/lib/formula/convolution';
import {
  channelContributionMaps,
  convolveLayer,
  strongestChannel,
} from '../../src/lib/formula/convolutionMaps';
import {
  insideInput,
  outputCellsFedBy,
  outputPositions,
  outputsFedBy,
  planWindow,
  windowTaps,
} from '../../src/lib/tensor/window';
import { applyActivation } from '../../src/lib/tensor/activations';
import { readHwc } from '../../src/lib/tensor/layout';
import { windowOutputSize } from '../../src/lib/tensor/window';
import {
  activationOf,
  expectClose,
  layersOfType,
  samplePositions,
  type ExplainedNet,
  useFormulaNets,
} from './helpers';

const nets = useFormulaNets(10);
/** Every Conv2D of the three nets, in order. */
const CONV_IDS = [
  'conv_1_1',
  'conv_1_2',
  'conv_2_1',
  'conv_2_2',
  'conv_s2',
  'conv_tall',
  'conv_dil_same',
  'conv_dil_valid',
];

function convLayers() {
  return nets.flatMap((net) => layersOfType(net, 'Conv2D').map((layer) => ({ net, layer })));
}

function layerContext(net: ExplainedNet, id: string) {
  const layer = net.spec.layers.find((l) => l.id === id);
  if (!layer) throw new Error(id);
  const input = activationOf(net, layer.inputs[0] ?? '');
  const weights = convWeights(net.explanation.weights.get(id));
  const params = convParams(layer.params);
  return { input, weights, params, output: activationOf(net, id) };
}

describe('convolution at one position', () => {
  it('covers every conv of TinyVGG, the stride-2 net and the dilation net', () => {
    expect(convLayers().map(({ layer }) => layer.id)).toEqual(CONV_IDS);
  });

  it.each(CONV_IDS)('%s matches the engine at random positions', (id) => {
    const net = nets.find((n) => n.spec.layers.some((l) => l.id === id));
    if (!net) throw new Error(id);
    const { input, weights, params, output } = layerContext(net, id);
    const [kh, kw] = params.kernel;
    let paddingCells = 0;
    for (const at of samplePositions(output.shape, createRng(id.length * 31 + 7))) {
      const result = convAt(input, weights, params, at);
      expectClose(
        result.value,
        readHwc(output, at.row, at.col, at.channel),
        `${id} at ${JSON.stringify(at)}`,
      );
      expect(result.channels).toHaveLength(input.shape[2] ?? 0);
      for (const ch of result.channels) {
        expect(ch.cells).toHaveLength(kh * kw);
        expectClose(
          ch.sum,
          ch.products.reduce((a, b) => a + b, 0),
          'channel sum',
        );
        ch.cells.forEach((cell, i) => {
          expectClose(ch.products[i] ?? NaN, cell.value * (ch.kernel[i] ?? NaN), 'product');
          if (cell.source === 'padding') {
            paddingCells++;
            expect(cell.value).toBe(0);
          } else expect(cell.value).toBe(readHwc(input, cell.row, cell.col, ch.inChannel));
        });
      }
      expectClose(result.preActivation, result.total + result.bias, 'total + bias');
      if (params.activation !== 'softmax')
        expectClose(result.value, applyActivation(params.activation, result.preActivation), 'activation');
    }
    // The corners of a same-padded layer always reach into the padding.
    expect(paddingCells > 0).toBe(params.padding === 'same');
  });

  it('splits an odd same-padding total as tfjs: the extra zero goes bottom/right', () => {
    const plan = planWindow(5, 6, { kernel: [4, 2], strides: [2, 1], dilation: [1, 1], padding: 'same' });
    expect([
      plan.outputHeight,
      plan.outputWidth,
      plan.padTop,
      plan.padBottom,
      plan.padLeft,
      plan.padRight,
    ]).toEqual([3, 6, 1, 2, 0, 1]);
    const dilated = planWindow(13, 12, {
      kernel: [3, 3],
      strides: [1, 1],
      dilation: [2, 2],
      padding: 'same',
    });
    expect([dilated.padTop, dilated.padBottom, dilated.effectiveKernel[0]]).toEqual([2, 2, 5]);
    expect(() =>
      planWindow(3, 3, { kernel: [4, 4], strides: [1, 1], dilation: [1, 1], padding: 'valid' }),
    ).toThrow(RangeError);
  });
});

describe('cursor positions and the inverse map', () => {
  it.each(['conv_1_1', 'conv_s2', 'conv_tall', 'conv_dil_same', 'conv_dil_valid'])(
    '%s: positions fill the output, fed outputs match brute force',
    (id) => {
      const net = nets.find((n) => n.spec.layers.some((l) => l.id === id));
      if (!net) throw new Error(id);
      const { input, weights, params, output } = layerContext(net, id);
      const plan = convPlan(input, weights, params);
      const [h = 0, w = 0] = input.shape;
      expect([plan.outputHeight, plan.outputWidth]).toEqual(output.shape.slice(0, 2));
      expect(plan.outputHeight).toBe(
        windowOutputSize(h, params.kernel[0], params.strides[0], params.dilation[0], params.padding),
      );
      const steps = outputPositions(plan);
      expect(steps).toHaveLength(plan.outputHeight * plan.outputWidth);
      expect(steps[1]).toMatchObject({ outRow: 0, outCol: Math.min(1, plan.outputWidth - 1) });
      const rng = createRng(99);
      for (let trial = 0; trial < 20; trial++) {
        const row = randomInt(rng, 0, h - 1);
        const col = randomInt(rng, 0, w - 1);
        const brute = steps.flatMap((s) =>
          windowTaps(plan, s.outRow, s.outCol)
            .filter((t) => t.row === row && t.col === col)
            .map((t) => ({
              outRow: s.outRow,
              outCol: s.outCol,
              kernelRow: t.kernelRow,
              kernelCol: t.kernelCol,
            })),
        );
        expect(outputsFedBy(plan, row, col)).toEqual(brute);
        expect(outputCellsFedBy(plan, { row, col })).toEqual(
          brute.map((b) => ({ row: b.outRow, col: b.outCol })),
        );
      }
      // Hovering nothing, or the padding around the input, feeds no output.
      expect(outputCellsFedBy(plan, null)).toEqual([]);
      for (const pad of [
        { row: -1, col: 0 },
        { row: 0, col: w },
        { row: h, col: 0 },
      ]) {
        expect(insideInput(plan, pad)).toBe(false);
        expect(outputCellsFedBy(plan, pad)).toEqual([]);
      }
      expect(insideInput(plan, { row: h - 1, col: w - 1 })).toBe(true);
    },
  );
});

describe('per-channel maps (elastic view)', () => {
  it.each(['conv_1_2', 'conv_s2', 'conv_tall', 'conv_dil_same', 'conv_dil_valid'])(
    '%s: channel maps sum to the engine output',
    (id) => {
      const net = nets.find((n) => n.spec.layers.some((l) => l.id === id));
      if (!net) throw new Error(id);
      const { input, weights, params, output } = layerContext(net, id);
      const outChannels = output.shape[2] ?? 0;
      const whole = convolveLayer(input, weights, params);
      expect(whole.shape).toEqual(output.shape);
      whole.data.forEach((v, i) => expectClose(v, output.data[i] ?? NaN, `${id} full output [${i}]`));
      for (const outChannel of [0, outChannels - 1]) {
        const maps = channelContributionMaps(input, weights, params, outChannel);
        maps.output.forEach((v, p) =>
          expectClose(v, output.data[p * outChannels + outChannel] ?? NaN, `${id} map ${outChannel} [${p}]`),
        );
        maps.preActivation.forEach((v, p) => {
          const summed = maps.perInputChannel.reduce((a, plane) => a + (plane[p] ?? 0), 0);
          expectClose(v, summed + maps.bias, 'planes + bias');
        });
        // Each plane is exactly tf.conv2d of that one input channel with its kernel slice.
        const [h = 0, w = 0, inChannels = 0] = input.shape;
        for (let c = 0; c < inChannels; c++) {
          const reference = tf.tidy(() => {
            const x = tf.tensor4d(input.data, [1, h, w, inChannels]).slice([0, 0, 0, c], [1, h, w, 1]);
            const k = tf
              .tensor4d(weights.kernel.data, weights.kernel.shape as [number, number, number, number])
              .slice([0, 0, c, outChannel], [-1, -1, 1, 1]);
            return tf.conv2d(x, k, params.strides, params.padding, 'NHWC', params.dilation).dataSync();
          });
          maps.perInputChannel[c]?.forEach((v, p) => expectClose(v, reference[p] ?? NaN, `${id} plane ${c}`));
        }
      }
    },
  );

  it('uses the same padding cells as the pointwise view', () => {
    const net = nets[1];
    if (!net) throw new Error('stride net');
    const { input, weights, params } = layerContext(net, 'conv_tall');
    const at = { row: 2, col: 5, channel: 1 };
    const maps = channelContributionMaps(input, weights, params, at.channel);
    const point = convAt(input, weights, params, at);
    const p = at.row * maps.width + at.col;
    point.channels.forEach((ch) =>
      expectClose(ch.sum, maps.perInputChannel[ch.inChannel]?.[p] ?? NaN, 'plane vs point'),
    );
    // Bottom row, last column of a 5×6 input: the window covers rows 3–6 and columns 5–6, so rows
    // 5–6 (both columns) and column 6 of rows 3–4 are bottom/right padding: 4 + 2 cells.
    const padding = point.channels[0]?.cells.filter((cell) => cell.source === 'padding') ?? [];
    expect(padding.map((cell) => [cell.row, cell.col])).toEqual([
      [3, 6],
      [4, 6],
      [5, 5],
      [5, 6],
      [6, 5],
      [6, 6],
    ]);
  });
});

describe('strongestChannel', () => {
  it('picks the input channel whose plane adds the most, by absolute value, the first of equals', () => {
    const planes = [
      new Float32Array([0, 0, 0]),
      new Float32Array([0.5, -2, 0]),
      new Float32Array([1, 1, 0.4]),
    ];
    expect(strongestChannel(planes)).toBe(1);
    expect(strongestChannel([new Float32Array([1, -1]), new Float32Array([-1, 1])])).toBe(0);
    expect(strongestChannel([new Float32Array(4), new Float32Array(4)])).toBe(0);
    expect(strongestChannel([])).toBe(0);
  });

  it.each(CONV_IDS)('%s: is a channel no other outweighs, for the first and last output channel', (id) => {
    const net = nets.find((n) => n.spec.layers.some((l) => l.id === id));
    if (!net) throw new Error(id);
    const { input, weights, params, output } = layerContext(net, id);
    for (const outChannel of [0, (output.shape[2] ?? 1) - 1]) {
      const maps = channelContributionMaps(input, weights, params, outChannel);
      const mass = maps.perInputChannel.map((p) => p.reduce((a, v) => a + Math.abs(v), 0));
      expect(mass[strongestChannel(maps.perInputChannel)]).toBe(Math.max(...mass));
    }
  });
});
