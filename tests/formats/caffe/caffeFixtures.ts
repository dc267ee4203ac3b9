/**
 * .caffemodel fixtures written with our own writer, each with the reference outputs of every
 * layer for a given input (computed by caffeReference.ts from the same Caffe-layout blobs).
 */
import { blob, f32, layer, net, str, sub, u, v1Layer, type BlobStyle, type Field } from './caffeModelWriter';
import * as ref from './caffeReference';

export interface Fixture {
  bytes: Uint8Array;
  /** The same net as a deploy prototxt (without weights). */
  prototxt: string;
  input: ref.Chw;
  /** Reference C×H×W output of each of our layer ids. */
  expected: Map<string, ref.Chw>;
}

const convParam = (n: number, o: { out: number; k: number; pad?: number; stride?: number; group?: number }) =>
  sub(n, [
    u(1, o.out),
    u(4, o.k),
    ...(o.pad ? [u(3, o.pad)] : []),
    ...(o.stride ? [u(6, o.stride)] : []),
    ...(o.group ? [u(5, o.group)] : []),
  ]);

/** conv (pad 1) → BatchNorm (factor 2) → Scale (bias) → ReLU → max pool → InnerProduct → Softmax. */
export function bnNet(style: BlobStyle = 'shape'): Fixture {
  const input = { c: 3, h: 6, w: 6, data: ref.seeded(108, 1) };
  const w1 = ref.seeded(4 * 3 * 9, 2, 0.5);
  const b1 = ref.seeded(4, 3, 0.2);
  const mean = [0.4, -0.2, 0.6, 0.0];
  const variance = [1.2, 0.6, 2.0, 0.8];
  const factor = 2;
  const gamma = [1.5, 0.5, -1.0, 2.0];
  const beta = [0.1, -0.3, 0.2, 0.0];
  const wf = ref.seeded(5 * 4 * 9, 4, 0.3);
  const bf = ref.seeded(5, 5, 0.1);
  const conv1 = ref.conv(input, w1, b1, { out: 4, k: 3, pad: 1 });
  const bn1 = ref.scale(ref.batchNorm(conv1, mean, variance, factor), gamma, beta);
  const relu1 = ref.relu(bn1);
  const pool1 = ref.maxPool(relu1, 2, 2);
  const fc = ref.innerProduct(pool1, wf, bf, 5);
  const prob = ref.softmax(fc);
  const bytes = net(
    'bn "net"',
    [
      layer({
        name: 'conv1',
        type: 'Convolution',
        bottom: ['data'],
        top: ['conv1'],
        blobs: [blob([4, 3, 3, 3], w1, style), blob([4], b1, style)],
        params: [convParam(106, { out: 4, k: 3, pad: 1 })],
      }),
      layer({
        name: 'bn1',
        type: 'BatchNorm',
        bottom: ['conv1'],
        top: ['conv1'],
        blobs: [blob([4], mean, style), blob([4], variance, style), blob([1], [factor], style)],
        params: [sub(139, [f32(3, 1e-5)])],
      }),
      layer({
        name: 'scale1',
        type: 'Scale',
        bottom: ['conv1'],
        top: ['conv1'],
        blobs: [blob([4], gamma, style), blob([4], beta, style)],
        params: [sub(142, [u(4, 1)])],
      }),
      layer({ name: 'relu1', type: 'ReLU', bottom: ['conv1'], top: ['conv1'] }),
      layer({
        name: 'pool1',
        type: 'Pooling',
        bottom: ['conv1'],
        top: ['pool1'],
        params: [sub(121, [u(1, 0), u(2, 2), u(3, 2)])],
      }),
      layer({
        name: 'fc',
        type: 'InnerProduct',
        bottom: ['pool1'],
        top: ['fc'],
        blobs: [blob([5, 36], wf, style), blob([5], bf, style)],
        params: [sub(117, [u(1, 5)])],
      }),
      layer({ name: 'prob', type: 'Softmax', bottom: ['fc'], top: ['prob'] }),
    ],
    { name: 'data', dims: [1, 3, 6, 6] },
  );
  const prototxt = `name: "bn net"
input: "data"
input_dim: 1 input_dim: 3 input_dim: 6 input_dim: 6
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1" convolution_param { num_output: 4 kernel_size: 3 pad: 1 } }
layer { name: "bn1" type: "BatchNorm" bottom: "conv1" top: "conv1" batch_norm_param { eps: 1e-5 } }
layer { name: "scale1" type: "Scale" bottom: "conv1" top: "conv1" scale_param { bias_term: true } }
layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" }
layer { name: "pool1" type: "Pooling" bottom: "conv1" top: "pool1" pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layer { name: "fc" type: "InnerProduct" bottom: "pool1" top: "fc" inner_product_param { num_output: 5 } }
layer { name: "prob" type: "Softmax" bottom: "fc" top: "prob" }
`;
  const expected = new Map([
    ['conv1', conv1],
    ['bn1', bn1],
    ['relu1', relu1],
    ['pool1', pool1],
    ['fc', fc],
    ['prob', prob],
  ]);
  return { bytes, prototxt, input, expected };
}

/** Depthwise (group = channels, multiplier 2) then a 2-group convolution, blobs in legacy or double form. */
export function groupedNet(style: BlobStyle = 'legacy'): Fixture {
  const input = { c: 4, h: 5, w: 5, data: ref.seeded(100, 11) };
  const wd = ref.seeded(8 * 1 * 9, 12, 0.5);
  const bd = ref.seeded(8, 13, 0.1);
  const wg = ref.seeded(6 * 4 * 9, 14, 0.4);
  const bg = ref.seeded(6, 15, 0.1);
  const dw = ref.conv(input, wd, bd, { out: 8, k: 3, pad: 1, group: 4 });
  const gc = ref.conv(dw, wg, bg, { out: 6, k: 3, group: 2 });
  const bytes = net(
    'grouped',
    [
      layer({
        name: 'dw',
        type: 'Convolution',
        bottom: ['data'],
        top: ['dw'],
        blobs: [blob([8, 1, 3, 3], wd, style), blob([8], bd, style)],
        params: [convParam(106, { out: 8, k: 3, pad: 1, group: 4 })],
      }),
      layer({
        name: 'gconv',
        type: 'Convolution',
        bottom: ['dw'],
        top: ['gconv'],
        blobs: [blob([6, 4, 3, 3], wg, style), blob([6], bg, style)],
        params: [convParam(106, { out: 6, k: 3, group: 2 })],
      }),
    ],
    { name: 'data', dims: [1, 4, 5, 5] },
  );
  const prototxt = `input: "data"
input_shape { dim: 1 dim: 4 dim: 5 dim: 5 }
layer { name: "dw" type: "Convolution" bottom: "data" top: "dw" convolution_param { num_output: 8 kernel_size: 3 pad: 1 group: 4 } }
layer { name: "gconv" type: "Convolution" bottom: "dw" top: "gconv" convolution_param { num_output: 6 kernel_size: 3 group: 2 } }
`;
  return {
    bytes,
    prototxt,
    input,
    expected: new Map([
      ['dw', dw],
      ['gconv', gc],
    ]),
  };
}

/** A V1 (`layers`, enum types) training net: TRAIN data layer with BGR means, conv, ReLU, pool, fc, loss. */
export function v1Net(): Fixture {
  const input = { c: 3, h: 4, w: 4, data: ref.seeded(48, 21, 100) };
  const wc = ref.seeded(2 * 3 * 4, 22, 0.01);
  const bc = ref.seeded(2, 23, 0.1);
  const wf = ref.seeded(3 * 2 * 4, 24, 0.5);
  const bf = ref.seeded(3, 25, 0.1);
  const conv = ref.conv(input, wc, bc, { out: 2, k: 2, stride: 1 });
  const relu = ref.relu(conv);
  const pool = ref.maxPool(relu, 2, 1);
  const fc = ref.innerProduct(pool, wf, bf, 3);
  const train: Field = sub(32, [u(1, 0)]);
  const transform: Field = sub(36, [u(3, 4), f32(5, 104), f32(5, 117), f32(5, 123), f32(1, 0.5)]);
  const bytes = net('v1', [
    v1Layer({ name: 'data', type: 5, top: ['data', 'label'], params: [train, transform] }),
    v1Layer({
      name: 'conv',
      type: 4,
      bottom: ['data'],
      top: ['conv'],
      blobs: [blob([2, 3, 2, 2], wc, 'unpacked'), blob([1, 1, 1, 2], bc, 'legacy')],
      params: [sub(10, [u(1, 2), u(4, 2)])],
    }),
    v1Layer({ name: 'relu', type: 18, bottom: ['conv'], top: ['conv'] }),
    v1Layer({
      name: 'pool',
      type: 17,
      bottom: ['conv'],
      top: ['pool'],
      params: [sub(19, [u(1, 0), u(2, 2), u(3, 1)])],
    }),
    v1Layer({
      name: 'fc',
      type: 14,
      bottom: ['pool'],
      top: ['fc'],
      blobs: [blob([1, 1, 3, 8], wf, 'legacy'), blob([3], bf, 'double')],
      params: [sub(17, [u(1, 3)])],
    }),
    v1Layer({ name: 'loss', type: 21, bottom: ['fc', 'label'], top: ['loss'] }),
  ]);
  const expected = new Map([
    ['conv', conv],
    ['relu', relu],
    ['pool', pool],
    ['fc', fc],
  ]);
  return { bytes, prototxt: '', input, expected };
}

/**
 * A 64×64 RGB classifier with three classes for the app: conv (8, stride 2) → BatchNorm →
 * Scale → ReLU → max pool → InnerProduct → Softmax, with its deploy prototxt.
 */
export function appNet(): { bytes: Uint8Array; prototxt: string } {
  const w1 = ref.seeded(8 * 3 * 9, 31, 0.5);
  const fcw = ref.seeded(3 * 8 * 16 * 16, 32, 0.05);
  const eight = (v: number) => Array.from({ length: 8 }, (_, i) => v + i * 0.05);
  const bytes = net('app net', [
    layer({
      name: 'data',
      type: 'Input',
      top: ['data'],
      params: [sub(143, [sub(1, [{ n: 1, bytes: Uint8Array.of(1, 3, 64, 64) }])])],
    }),
    layer({
      name: 'conv1',
      type: 'Convolution',
      bottom: ['data'],
      top: ['conv1'],
      blobs: [blob([8, 3, 3, 3], w1), blob([8], eight(0))],
      params: [convParam(106, { out: 8, k: 3, pad: 1, stride: 2 })],
    }),
    layer({
      name: 'bn1',
      type: 'BatchNorm',
      bottom: ['conv1'],
      top: ['conv1'],
      blobs: [blob([8], eight(0.1)), blob([8], eight(1)), blob([1], [1])],
    }),
    layer({
      name: 'scale1',
      type: 'Scale',
      bottom: ['conv1'],
      top: ['conv1'],
      blobs: [blob([8], eight(1)), blob([8], eight(-0.1))],
      params: [sub(142, [u(4, 1)])],
    }),
    layer({ name: 'relu1', type: 'ReLU', bottom: ['conv1'], top: ['conv1'] }),
    layer({
      name: 'pool1',
      type: 'Pooling',
      bottom: ['conv1'],
      top: ['pool1'],
      params: [sub(121, [u(1, 0), u(2, 2), u(3, 2)])],
    }),
    layer({
      name: 'fc',
      type: 'InnerProduct',
      bottom: ['pool1'],
      top: ['fc'],
      blobs: [blob([3, 2048], fcw), blob([3], [0.1, 0, -0.1])],
      params: [sub(117, [u(1, 3)])],
    }),
    layer({ name: 'prob', type: 'Softmax', bottom: ['fc'], top: ['prob'] }),
  ]);
  const prototxt = `name: "app net"
layer { name: "data" type: "Input" top: "data" input_param { shape { dim: 1 dim: 3 dim: 64 dim: 64 } } }
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1" convolution_param { num_output: 8 kernel_size: 3 pad: 1 stride: 2 } }
layer { name: "bn1" type: "BatchNorm" bottom: "conv1" top: "conv1" }
layer { name: "scale1" type: "Scale" bottom: "conv1" top: "conv1" scale_param { bias_term: true } }
layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" }
layer { name: "pool1" type: "Pooling" bottom: "conv1" top: "pool1" pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layer { name: "fc" type: "InnerProduct" bottom: "pool1" top: "fc" inner_product_param { num_output: 3 } }
layer { name: "prob" type: "Softmax" bottom: "fc" top: "prob" }
`;
  return { bytes, prototxt };
}

export { str };
