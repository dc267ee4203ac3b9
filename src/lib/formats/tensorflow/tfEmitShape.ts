/**
 * Weightless layers as TensorFlow ops: pooling (MaxPool, AvgPool and the 3-D ones), global
 * pooling as Mean / Max over the spatial axes, Flatten and Reshape (Reshape with a constant
 * shape, or Squeeze when only axes of size 1 go), Pad, ConcatV2 and the merges.
 */
import { ints, num } from '../../layers/shared/params';
import { edges } from '../../layers/shared/edges2d';
import { FLOAT, INT32, around, paddingOf } from './tfEmit';
import type { Emitter } from './tfEmitTable';

export function pool(op: string, rank: number): Emitter {
  return (ctx) =>
    ctx.node(
      op,
      op,
      [ctx.input(0)],
      {
        T: FLOAT,
        ksize: { ints: around(ints(ctx.layer.params, 'poolSize')) },
        strides: { ints: around(ints(ctx.layer.params, 'strides')) },
        padding: { s: paddingOf(ctx) },
        data_format: { s: rank === 3 ? 'NDHWC' : 'NHWC' },
      },
      true,
    );
}

export function globalPool(op: 'Mean' | 'Max', rank: number): Emitter {
  return (ctx) => {
    const axes = ctx.int32(
      `${op}/reduction_indices`,
      Array.from({ length: rank }, (_, k) => k + 1),
    );
    return ctx.node(op, op, [ctx.input(0), axes], { T: FLOAT, Tidx: INT32, keep_dims: { b: false } }, true);
  };
}

export const flatten: Emitter = (ctx) => {
  const size = ctx.outputShape[0] ?? 0;
  return ctx.node(
    'Reshape',
    'Reshape',
    [ctx.input(0), ctx.int32('Reshape/shape', [-1, size])],
    { T: FLOAT, Tshape: INT32 },
    true,
  );
};

/** Reshape; dropping axes of size 1 only is written as Squeeze, as slim writes SpatialSqueeze. */
export const reshape: Emitter = (ctx) => {
  const input = ctx.inputShape(0);
  const target = ints(ctx.layer.params, 'targetShape');
  const dropped = input.flatMap((d, k) => (d === 1 ? [k + 1] : []));
  if (target.length < input.length && input.filter((d) => d !== 1).join(',') === target.join(','))
    return ctx.node(
      'Squeeze',
      'Squeeze',
      [ctx.input(0)],
      { T: FLOAT, squeeze_dims: { ints: dropped } },
      true,
    );
  return ctx.node(
    'Reshape',
    'Reshape',
    [ctx.input(0), ctx.int32('Reshape/shape', [-1, ...target])],
    { T: FLOAT, Tshape: INT32 },
    true,
  );
};

export const zeroPadding: Emitter = (ctx) => {
  const e = edges(ints(ctx.layer.params, 'padding'));
  const paddings = ctx.int32('Pad/paddings', [0, 0, e.top, e.bottom, e.left, e.right, 0, 0], [4, 2]);
  return ctx.node('Pad', 'Pad', [ctx.input(0), paddings], { T: FLOAT, Tpaddings: INT32 }, true);
};

export const concatenate: Emitter = (ctx) => {
  const n = ctx.layer.inputs.length;
  const axis = ctx.int32('concat/axis', [num(ctx.layer.params, 'axis')], []);
  const inputs = Array.from({ length: n }, (_, k) => ctx.input(k));
  return ctx.node('concat', 'ConcatV2', [...inputs, axis], { N: { i: n }, T: FLOAT, Tidx: INT32 }, true);
};

export function merge(op: string): Emitter {
  return (ctx) => {
    const inputs = ctx.layer.inputs.map((_, k) => ctx.input(k));
    if (op === 'Add' && inputs.length > 2)
      return ctx.node('AddN', 'AddN', inputs, { N: { i: inputs.length }, T: FLOAT }, true);
    if (inputs.length !== 2)
      ctx.fail(
        `TensorFlow's ${op} takes two inputs, not ${inputs.length}`,
        `TensorFlow 的 ${op} 只接受两个输入，而不是 ${inputs.length} 个`,
      );
    return ctx.node(op, op, inputs, { T: FLOAT }, true);
  };
}
