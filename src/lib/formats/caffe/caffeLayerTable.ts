/**
 * The Caffe layer types CNN Studio reads, each mapped to a converter. Window layers live in
 * caffeLayers.ts; the element-wise, joining and loss layers are small enough to sit here.
 */
import type { Shape } from '../../spec/types';
import { bool, enumOf, float, int, ints, sub, uint } from './caffeNet';
import {
  convolution,
  deconvolution,
  image,
  innerProduct,
  one,
  param,
  pooling,
  type Converter,
  type ImportContext,
} from './caffeLayers';

function opt(ctx: ImportContext, name: string) {
  return sub(ctx.layer.msg, name) ?? { fields: [], pos: ctx.layer.pos };
}

const activation =
  (name: string): Converter =>
  (ctx) =>
    ctx.add({ id: ctx.layer.name, type: 'Activation', params: { activation: name }, inputs: [one(ctx)] });

/** A Caffe axis of an N×C×H×W (or N×C) blob as our axis, channels last. */
function ourAxis(ctx: ImportContext, caffeAxis: number, rank: number): number {
  const a = caffeAxis < 0 ? caffeAxis + rank + 1 : caffeAxis;
  if (a === 1) return -1;
  if (a >= 2 && a <= rank) return a - 1;
  return ctx.fail(`axis ${caffeAxis} cannot be used here`, `这里不能使用轴 ${caffeAxis}`);
}

const relu: Converter = (ctx) => {
  const slope = float(opt(ctx, 'relu_param'), 'negative_slope', 0);
  if (slope === 0) return activation('relu')(ctx);
  return ctx.add({ id: ctx.layer.name, type: 'LeakyReLU', params: { alpha: slope }, inputs: [one(ctx)] });
};

const softmax: Converter = (ctx) => {
  const src = one(ctx);
  if (ourAxis(ctx, int(opt(ctx, 'softmax_param'), 'axis', 1), ctx.shapeOf(src).length) !== -1)
    ctx.fail('only a softmax over the channels (axis: 1) is supported', '只支持沿通道（axis: 1）的 softmax');
  return activation('softmax')(ctx);
};

const lrn: Converter = (ctx) => {
  const p = opt(ctx, 'lrn_param');
  const size = uint(p, 'local_size', 5);
  if (size < 1 || size % 2 === 0) ctx.fail('local_size must be odd', 'local_size 必须是奇数');
  if (
    enumOf(p, 'norm_region', ['ACROSS_CHANNELS', 'WITHIN_CHANNEL'], 'ACROSS_CHANNELS') !== 'ACROSS_CHANNELS'
  )
    ctx.fail('only norm_region: ACROSS_CHANNELS is supported', '只支持 norm_region: ACROSS_CHANNELS');
  // Caffe divides alpha by the window size; TensorFlow's LRN does not.
  const params = {
    depthRadius: (size - 1) / 2,
    bias: float(p, 'k', 1),
    alpha: float(p, 'alpha', 1) / size,
    beta: float(p, 'beta', 0.75),
  };
  return ctx.add({ id: ctx.layer.name, type: 'LRN', params, inputs: [one(ctx)] });
};

const concat: Converter = (ctx) => {
  const p = opt(ctx, 'concat_param');
  const first = ctx.inputs[0];
  if (!first || ctx.inputs.length < 2) ctx.fail('needs at least two bottoms', '至少需要两个 bottom');
  const axis = ourAxis(ctx, int(p, 'axis', int(p, 'concat_dim', 1)), ctx.shapeOf(first ?? '').length);
  return ctx.add({ id: ctx.layer.name, type: 'Concatenate', params: { axis }, inputs: ctx.inputs });
};

const eltwise: Converter = (ctx) => {
  const p = opt(ctx, 'eltwise_param');
  const op = enumOf(p, 'operation', ['PROD', 'SUM', 'MAX'], 'SUM');
  const coeff = floats(p, 'coeff');
  let type = op === 'PROD' ? 'Multiply' : op === 'MAX' ? 'Maximum' : 'Add';
  if (coeff.length > 0 && op === 'SUM') {
    if (coeff.length === 2 && coeff[0] === 1 && coeff[1] === -1) type = 'Subtract';
    else if (!coeff.every((c) => c === 1))
      ctx.fail(
        'only coefficients of 1 (sum) or 1, −1 (difference) are supported',
        '只支持系数全为 1（求和）或 1、−1（求差）',
      );
  }
  return ctx.add({ id: ctx.layer.name, type, params: {}, inputs: ctx.inputs });
};

function floats(p: ReturnType<typeof opt>, name: string): number[] {
  return p.fields
    .filter((f) => f.name === name)
    .map((f) => (f.value.kind === 'number' ? f.value.value : NaN));
}

const reshape: Converter = (ctx) => {
  const src = one(ctx);
  const p = param(ctx, 'reshape_param');
  if (int(p, 'axis', 0) !== 0 || int(p, 'num_axes', -1) !== -1)
    ctx.fail('only axis: 0 and num_axes: -1 are supported', '只支持 axis: 0 与 num_axes: -1');
  const dims = ints(sub(p, 'shape') ?? ctx.fail('missing shape { dim: … }', '缺少 shape { dim: … }'), 'dim');
  const s: Shape = ctx.shapeOf(src);
  const nchw = s.length === 3 ? [1, s[2] ?? 0, s[0] ?? 0, s[1] ?? 0] : [1, ...s];
  const total = nchw.reduce((a, b) => a * b, 1);
  const copied = dims.map((d, k) => (d === 0 ? (nchw[k] ?? 0) : d));
  const known = copied.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const target = copied.map((d) => (d === -1 ? total / known : d));
  if (copied.filter((d) => d === -1).length > 1 || target.some((d) => !Number.isInteger(d) || d < 1))
    ctx.fail(
      `cannot reshape ${nchw.join('×')} to ${dims.join('×')}`,
      `无法把 ${nchw.join('×')} 变形为 ${dims.join('×')}`,
    );
  const [, c = 1, ...spatial] = target;
  const targetShape = target.length <= 2 ? target.slice(1) : [...spatial, c];
  return ctx.add({ id: ctx.layer.name, type: 'Reshape', params: { targetShape }, inputs: [src] });
};

const batchNorm: Converter = (ctx) => {
  const p = opt(ctx, 'batch_norm_param');
  const params = {
    axis: -1,
    momentum: float(p, 'moving_average_fraction', 0.999),
    epsilon: float(p, 'eps', 1e-5),
    center: false,
    scale: false,
  };
  return ctx.add({ id: ctx.layer.name, type: 'BatchNormalization', params, inputs: [one(ctx)] });
};

/** Scale / Bias right after BatchNorm are its learned gamma / beta, as Caffe splits them. */
const affine =
  (kind: 'Scale' | 'Bias'): Converter =>
  (ctx) => {
    const src = one(ctx);
    const bn = ctx.layerOf(src);
    if (
      !bn ||
      bn.type !== 'BatchNormalization' ||
      bn.params.scale === true ||
      (kind === 'Bias' && bn.params.center === true)
    )
      return ctx.fail(
        `${kind} is only supported right after a BatchNorm layer`,
        `${kind} 只支持紧跟在 BatchNorm 层之后`,
      );
    if (kind === 'Scale')
      bn.params = { ...bn.params, scale: true, center: bool(opt(ctx, 'scale_param'), 'bias_term', false) };
    else bn.params = { ...bn.params, center: true };
    return src;
  };

const crop: Converter = (ctx) => {
  const [src, ref] = ctx.inputs;
  if (!src || !ref || ctx.inputs.length !== 2)
    return ctx.fail(
      'needs two bottoms: the blob to crop and one of the wanted size',
      '需要两个 bottom：要裁剪的 blob 和目标大小的 blob',
    );
  const p = opt(ctx, 'crop_param');
  if (int(p, 'axis', 2) !== 2)
    ctx.fail('only axis: 2 (cropping height and width) is supported', '只支持 axis: 2（裁剪高和宽）');
  const offsets = ints(p, 'offset');
  const [offH = 0, offW = offH] = offsets;
  const [h, w] = image(ctx, src);
  const [rh, rw] = image(ctx, ref);
  const bottom = h - rh - offH;
  const right = w - rw - offW;
  if (bottom < 0 || right < 0)
    ctx.fail(
      `a ${rh}×${rw} crop at offset ${offH}, ${offW} does not fit in ${h}×${w}`,
      `偏移 ${offH}, ${offW} 处 ${rh}×${rw} 的裁剪放不进 ${h}×${w}`,
    );
  return ctx.add({
    id: ctx.layer.name,
    type: 'Cropping2D',
    params: { cropping: [offH, bottom, offW, right] },
    inputs: [src],
  });
};

const loss =
  (type: string, both = false): Converter =>
  (ctx) => {
    const first = ctx.inputs[0] ?? ctx.fail('needs a bottom', '需要一个 bottom');
    const second = ctx.inputs[1];
    const inputs =
      both && second && ctx.shapeOf(second).join() === ctx.shapeOf(first).join() ? [first, second] : [first];
    return ctx.add({ id: ctx.layer.name, type, params: {}, inputs });
  };

const skipped: Converter = (ctx) => {
  ctx.note({
    en: `Left out ${ctx.layer.type} layer "${ctx.layer.name}": it is not part of the network's computation.`,
    zh: `省略了 ${ctx.layer.type} 层 “${ctx.layer.name}”：它不属于网络的计算。`,
  });
  return null;
};

export const CONVERTERS: Record<string, Converter> = {
  Convolution: convolution,
  Deconvolution: deconvolution,
  Pooling: pooling,
  InnerProduct: innerProduct,
  ReLU: relu,
  Sigmoid: activation('sigmoid'),
  TanH: activation('tanh'),
  BNLL: activation('softplus'),
  ELU: (ctx) =>
    ctx.add({
      id: ctx.layer.name,
      type: 'ELU',
      params: { alpha: float(opt(ctx, 'elu_param'), 'alpha', 1) },
      inputs: [one(ctx)],
    }),
  PReLU: (ctx) => {
    const src = one(ctx);
    const rank = ctx.shapeOf(src).length;
    const shared = bool(opt(ctx, 'prelu_param'), 'channel_shared', false)
      ? [1, 2, 3].slice(0, rank)
      : [1, 2].slice(0, rank - 1);
    return ctx.add({ id: ctx.layer.name, type: 'PReLU', params: { sharedAxes: shared }, inputs: [src] });
  },
  Softmax: softmax,
  LRN: lrn,
  Concat: concat,
  Eltwise: eltwise,
  Dropout: (ctx) =>
    ctx.add({
      id: ctx.layer.name,
      type: 'Dropout',
      params: { rate: float(opt(ctx, 'dropout_param'), 'dropout_ratio', 0.5) },
      inputs: [one(ctx)],
    }),
  Flatten: (ctx) => {
    const p = opt(ctx, 'flatten_param');
    if (int(p, 'axis', 1) !== 1 || int(p, 'end_axis', -1) !== -1)
      ctx.fail('only axis: 1 and end_axis: -1 are supported', '只支持 axis: 1 与 end_axis: -1');
    return ctx.add({ id: ctx.layer.name, type: 'Flatten', params: {}, inputs: [one(ctx)] });
  },
  Reshape: reshape,
  BatchNorm: batchNorm,
  Scale: affine('Scale'),
  Bias: affine('Bias'),
  Crop: crop,
  SoftmaxWithLoss: loss('SoftmaxCrossEntropy'),
  SigmoidCrossEntropyLoss: loss('BinaryCrossEntropy'),
  EuclideanLoss: loss('MeanSquaredError', true),
  HingeLoss: loss('Hinge'),
  Accuracy: skipped,
  Silence: skipped,
  Split: () => 'split',
};
