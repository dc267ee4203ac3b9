/**
 * Batch normalisation and dropout written as TensorFlow graphs hold them: FusedBatchNormV3
 * in inference mode for images (momentum kept as exponential_avg_factor = 1 − momentum),
 * tf.nn.batch_normalization's arithmetic for other shapes, and TF2's tf.nn.dropout
 * (x · 1/(1 − rate) · (random ≥ rate)).
 */
import { bool, num } from '../../layers/shared/params';
import { FLOAT, type EmitContext } from './tfEmit';

/** γ or β as a variable, or the constant TensorFlow feeds when the layer has none. */
function scaleOrShift(
  ctx: EmitContext,
  has: boolean,
  name: string,
  filler: number,
  channels: number,
): string {
  if (has) return ctx.weight(name, [channels], filler === 1 ? 'ones' : 'zeros');
  return ctx.node(name === 'gamma' ? 'Const' : 'Const_1', 'Const', [], {
    dtype: FLOAT,
    value: { tensor: { dtype: 'DT_FLOAT', shape: [channels], values: [filler] } },
  });
}

export function batchNorm(ctx: EmitContext): string {
  const p = ctx.layer.params;
  const input = ctx.inputShape(0);
  const axis = num(p, 'axis');
  if (axis !== -1 && axis !== input.length)
    ctx.fail(
      'TensorFlow graphs normalise along the channels (the last axis) only',
      'TensorFlow 图只沿通道（最后一个维度）归一化',
    );
  const channels = input[input.length - 1] ?? 0;
  const gamma = scaleOrShift(ctx, bool(p, 'scale'), 'gamma', 1, channels);
  const beta = scaleOrShift(ctx, bool(p, 'center'), 'beta', 0, channels);
  const mean = ctx.weight('moving_mean', [channels], 'zeros');
  const variance = ctx.weight('moving_variance', [channels], 'ones');
  const epsilon = num(p, 'epsilon');
  if (input.length === 3)
    return ctx.node(
      'FusedBatchNormV3',
      'FusedBatchNormV3',
      [ctx.input(0), gamma, beta, mean, variance],
      {
        T: FLOAT,
        U: FLOAT,
        epsilon: { f: epsilon },
        exponential_avg_factor: { f: Number((1 - num(p, 'momentum')).toPrecision(7)) },
        data_format: { s: 'NHWC' },
        is_training: { b: false },
      },
      true,
    );
  // tf.nn.batch_normalization: x · scale + (β − mean · scale), scale = rsqrt(variance + ε) · γ.
  const sum = ctx.node('batchnorm/add', 'Add', [variance, ctx.float('batchnorm/add/y', epsilon)], {
    T: FLOAT,
  });
  const rsqrt = ctx.node('batchnorm/Rsqrt', 'Rsqrt', [sum], { T: FLOAT });
  const scale = bool(p, 'scale') ? ctx.node('batchnorm/mul', 'Mul', [rsqrt, gamma], { T: FLOAT }) : rsqrt;
  const scaled = ctx.node('batchnorm/mul_1', 'Mul', [ctx.input(0), scale], { T: FLOAT });
  const meanScaled = ctx.node('batchnorm/mul_2', 'Mul', [mean, scale], { T: FLOAT });
  const shift = bool(p, 'center')
    ? ctx.node('batchnorm/sub', 'Sub', [beta, meanScaled], { T: FLOAT })
    : ctx.node('batchnorm/Neg', 'Neg', [meanScaled], { T: FLOAT });
  return ctx.node('batchnorm/add_1', 'Add', [scaled, shift], { T: FLOAT }, true);
}

export function lrn(ctx: EmitContext): string {
  const p = ctx.layer.params;
  return ctx.node(
    'LRN',
    'LRN',
    [ctx.input(0)],
    {
      T: FLOAT,
      depth_radius: { i: num(p, 'depthRadius') },
      bias: { f: num(p, 'bias') },
      alpha: { f: num(p, 'alpha') },
      beta: { f: num(p, 'beta') },
    },
    true,
  );
}

export function dropout(ctx: EmitContext): string {
  const rate = num(ctx.layer.params, 'rate');
  if (rate >= 1)
    ctx.fail('a dropout rate of 1 or more drops everything', 'Dropout 比例为 1 或更大时会丢弃一切');
  const x = ctx.input(0);
  const scaled = ctx.node('Mul', 'Mul', [x, ctx.float('Const', 1 / (1 - rate))], { T: FLOAT });
  const shape = ctx.node('Shape', 'Shape', [x], { T: FLOAT, out_type: { type: 'DT_INT32' } });
  const random = ctx.node('random_uniform/RandomUniform', 'RandomUniform', [shape], {
    T: { type: 'DT_INT32' },
    dtype: FLOAT,
    seed: { i: 0 },
    seed2: { i: 0 },
  });
  const keep = ctx.node('GreaterEqual', 'GreaterEqual', [random, ctx.float('rate', rate)], { T: FLOAT });
  const mask = ctx.node('Cast', 'Cast', [keep], {
    SrcT: { type: 'DT_BOOL' },
    DstT: FLOAT,
    Truncate: { b: false },
  });
  return ctx.node('Mul_1', 'Mul', [scaled, mask], { T: FLOAT }, true);
}
