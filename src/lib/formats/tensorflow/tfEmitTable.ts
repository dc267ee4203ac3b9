/**
 * One emitter per layer type: the TensorFlow ops that compute it, written in its name
 * scope the way tf.layers writes them (`conv1/Conv2D`, `conv1/BiasAdd`, `conv1/Relu`), so
 * that our importer groups them back into the same layer. What TensorFlow has no op for
 * is an error naming the layer.
 */
import { bool, ints, num, str } from '../../layers/shared/params';
import { FLOAT, INT32, around, paddingOf, type EmitContext } from './tfEmit';
import type { Attr } from './tfWriter';
import { batchNorm, dropout, lrn } from './tfEmitNorm';
import { activation, activationOp, elu, reluLayer, softmax, unary } from './tfEmitActivation';
import { concatenate, flatten, globalPool, merge, pool, reshape, zeroPadding } from './tfEmitShape';

export type Emitter = (ctx: EmitContext) => string;

/** A convolution's window attrs: strides, padding and dilations around batch and channels. */
function windowAttrs(ctx: EmitContext, dilation: number[], format: string): Record<string, Attr> {
  return {
    T: FLOAT,
    strides: { ints: around(ints(ctx.layer.params, 'strides')) },
    padding: { s: paddingOf(ctx) },
    dilations: { ints: around(dilation) },
    data_format: { s: format },
  };
}

/** The bias and activation a convolution or dense layer ends with. */
function biasAndActivation(ctx: EmitContext, x: string, units: number): string {
  const p = ctx.layer.params;
  let out = x;
  if (bool(p, 'useBias'))
    out = ctx.node('BiasAdd', 'BiasAdd', [out, ctx.weight('bias', [units], 'zeros')], {
      T: FLOAT,
      data_format: { s: 'NHWC' },
    });
  const act = str(p, 'activation');
  return act === 'linear'
    ? out
    : ctx.node(activationOp(ctx, act), activationOp(ctx, act), [out], { T: FLOAT });
}

const conv2d: Emitter = (ctx) => {
  const p = ctx.layer.params;
  const [kh = 1, kw = 1] = ints(p, 'kernelSize');
  const filters = num(p, 'filters');
  const channels = ctx.inputShape(0)[2] ?? 0;
  const groups = ctx.layer.type === 'GroupedConv2D' ? num(p, 'groups') : 1;
  const kernel = ctx.weight('kernel', [kh, kw, channels / groups, filters], 'glorot');
  const attrs = { ...windowAttrs(ctx, ints(p, 'dilation'), 'NHWC'), use_cudnn_on_gpu: { b: true } };
  if (groups === 1)
    return biasAndActivation(ctx, ctx.node('Conv2D', 'Conv2D', [ctx.input(0), kernel], attrs, true), filters);
  // As Caffe-to-TensorFlow ports write a grouped convolution: split input and kernel, convolve, join.
  const axis = ctx.int32('split/split_dim', [3], []);
  const split = { T: FLOAT, num_split: { i: groups } };
  const parts = ctx.node('split', 'Split', [axis, ctx.input(0)], split);
  const kernels = ctx.node('split_1', 'Split', [ctx.int32('split_1/split_dim', [3], []), kernel], split);
  const convs = Array.from({ length: groups }, (_, g) =>
    ctx.node(g === 0 ? 'Conv2D' : `Conv2D_${g}`, 'Conv2D', [`${parts}:${g}`, `${kernels}:${g}`], attrs),
  );
  const joined = ctx.node(
    'concat',
    'ConcatV2',
    [...convs, ctx.int32('concat/axis', [3], [])],
    { N: { i: groups }, T: FLOAT, Tidx: INT32 },
    true,
  );
  return biasAndActivation(ctx, joined, filters);
};

const depthwise: Emitter = (ctx) => {
  const p = ctx.layer.params;
  const multiplier = num(p, 'depthMultiplier');
  const channels = ctx.inputShape(0)[2] ?? 0;
  const kernel = ctx.weight('depthwise_kernel', [...ints(p, 'kernelSize'), channels, multiplier], 'glorot');
  const out = ctx.node(
    'depthwise',
    'DepthwiseConv2dNative',
    [ctx.input(0), kernel],
    windowAttrs(ctx, [1, 1], 'NHWC'),
    true,
  );
  return biasAndActivation(ctx, out, channels * multiplier);
};

const conv3d: Emitter = (ctx) => {
  const p = ctx.layer.params;
  const filters = num(p, 'filters');
  const kernel = ctx.weight(
    'kernel',
    [...ints(p, 'kernelSize'), ctx.inputShape(0)[3] ?? 0, filters],
    'glorot',
  );
  const out = ctx.node(
    'Conv3D',
    'Conv3D',
    [ctx.input(0), kernel],
    windowAttrs(ctx, ints(p, 'dilation'), 'NDHWC'),
    true,
  );
  return biasAndActivation(ctx, out, filters);
};

const dense: Emitter = (ctx) => {
  const input = ctx.inputShape(0);
  if (input.length !== 1)
    ctx.fail(
      `TensorFlow's MatMul needs a flat input, and this one is ${input.join('×')}; add a Flatten before it`,
      `TensorFlow 的 MatMul 需要展平的输入，而这里的输入是 ${input.join('×')}；请在它之前加一个 Flatten`,
    );
  const units = num(ctx.layer.params, 'units');
  const kernel = ctx.weight('kernel', [input[0] ?? 0, units], 'glorot');
  const out = ctx.node(
    'MatMul',
    'MatMul',
    [ctx.input(0), kernel],
    { T: FLOAT, transpose_a: { b: false }, transpose_b: { b: false } },
    true,
  );
  return biasAndActivation(ctx, out, units);
};

export const EMITTERS: Record<string, Emitter> = {
  Conv2D: conv2d,
  GroupedConv2D: conv2d,
  DepthwiseConv2D: depthwise,
  Conv3D: conv3d,
  Dense: dense,
  MaxPooling2D: pool('MaxPool', 2),
  AveragePooling2D: pool('AvgPool', 2),
  MaxPooling3D: pool('MaxPool3D', 3),
  AveragePooling3D: pool('AvgPool3D', 3),
  GlobalAveragePooling1D: globalPool('Mean', 1),
  GlobalAveragePooling2D: globalPool('Mean', 2),
  GlobalAveragePooling3D: globalPool('Mean', 3),
  GlobalMaxPooling1D: globalPool('Max', 1),
  GlobalMaxPooling2D: globalPool('Max', 2),
  GlobalMaxPooling3D: globalPool('Max', 3),
  Flatten: flatten,
  Reshape: reshape,
  ZeroPadding2D: zeroPadding,
  Concatenate: concatenate,
  Add: merge('Add'),
  Subtract: merge('Sub'),
  Multiply: merge('Mul'),
  Maximum: merge('Maximum'),
  Activation: activation,
  ReLU: reluLayer,
  ReLU6: unary('Relu6'),
  LeakyReLU: unary('LeakyRelu', (ctx) => ({ alpha: { f: num(ctx.layer.params, 'alpha') } })),
  ELU: elu,
  SELU: unary('Selu'),
  Sigmoid: unary('Sigmoid'),
  Tanh: unary('Tanh'),
  Softplus: unary('Softplus'),
  Softsign: unary('Softsign'),
  Softmax: softmax,
  LRN: lrn,
  BatchNormalization: batchNorm,
  Dropout: dropout,
};
