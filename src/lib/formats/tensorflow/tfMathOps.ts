/**
 * Element-wise ops: activations (folded into the convolution or dense layer they follow
 * when they sit in its name scope, as `conv1/Relu` after `conv1/Conv2D`; a layer of their
 * own otherwise), and arithmetic: two data tensors added, subtracted, multiplied or
 * maxed are merge layers; a data tensor with a constant is a bias, batch normalisation or
 * dropout, recognised by the pattern it is part of.
 */
import type { LayerParams } from '../../spec/types';
import { scopeOf, type Converter, type OpContext } from './tfBuild';
import { foldBias } from './tfConvOps';
import { completeAffine, completeDropout } from './tfNormOps';

interface Activation {
  /** The activation param of a layer it folds into; null when it never folds. */
  fold: string | null;
  type: string;
  params(ctx: OpContext): LayerParams;
}

const named = (name: string): Activation => ({
  fold: name,
  type: 'Activation',
  params: () => ({ activation: name }),
});

export const ACTIVATION_OPS: Record<string, Activation> = {
  Relu: named('relu'),
  Relu6: { fold: 'relu6', type: 'ReLU6', params: () => ({}) },
  Elu: named('elu'),
  Selu: named('selu'),
  Sigmoid: named('sigmoid'),
  Tanh: named('tanh'),
  Softplus: named('softplus'),
  Softsign: named('softsign'),
  Softmax: named('softmax'),
  LeakyRelu: { fold: null, type: 'LeakyReLU', params: (ctx) => ({ alpha: ctx.num('alpha', 0.2) }) },
};

export const activation: Converter = (ctx) => {
  const act = ACTIVATION_OPS[ctx.node.op];
  if (!act) return ctx.fail('is not an activation', '不是激活函数');
  const x = ctx.data(0);
  const layer = ctx.foldable(0);
  const scope = scopeOf(ctx.node.name);
  if (
    act.fold &&
    layer &&
    layer.spec.params.activation === 'linear' &&
    scope !== '' &&
    scope === scopeOf(layer.node.name)
  ) {
    layer.spec.params.activation = act.fold;
    ctx.fold(layer);
    return;
  }
  ctx.add(act.type, act.params(ctx), [x]);
};

/** Identity, Cast and the like: the same tensor under another name. */
export const passThrough: Converter = (ctx) => ctx.alias(ctx.data(0));

const MERGES: Record<string, string> = {
  Add: 'Add',
  AddV2: 'Add',
  AddN: 'Add',
  Sub: 'Subtract',
  Mul: 'Multiply',
  Maximum: 'Maximum',
};

/** Two (or, for AddN, more) data tensors combined element-wise: a merge layer. */
function merge(ctx: OpContext): void {
  const count = ctx.inputsOf(ctx.node).length;
  const inputs = Array.from({ length: count }, (_, k) => ctx.data(k));
  const type = MERGES[ctx.node.op];
  if (!type) ctx.fail('has no merge layer', '没有对应的合并层');
  ctx.add(type ?? 'Add', {}, inputs);
}

/** Which operand is data: 0, 1, 'both' or 'neither'. */
function dataSide(ctx: OpContext): 0 | 1 | 'both' | 'neither' {
  const a = ctx.isData(0);
  const b = ctx.isData(1);
  return a && b ? 'both' : a ? 0 : b ? 1 : 'neither';
}

export const add: Converter = (ctx) => {
  const side = ctx.node.op === 'AddN' ? 'both' : dataSide(ctx);
  if (side === 'both') return merge(ctx);
  if (side === 'neither') return ctx.fail('adds no data tensor', '没有对数据张量做加法');
  const scaled = ctx.pending(side);
  if (scaled?.kind === 'scale') return completeAffine(ctx, scaled, ctx.ref(1 - side));
  if (foldBias(ctx, side)) return;
  ctx.fail(
    `adds a constant to "${ctx.ref(side).node}", which is not a convolution or dense layer without a bias, nor x · scale of batch normalisation`,
    `给 “${ctx.ref(side).node}” 加上一个常量，而它既不是尚无偏置的卷积层或全连接层，也不是批归一化的 x · scale`,
  );
};

export const mul: Converter = (ctx) => {
  const side = dataSide(ctx);
  if (side === 'both') return merge(ctx);
  if (side === 'neither') return ctx.fail('multiplies no data tensor', '没有对数据张量做乘法');
  const other = ctx.ref(1 - side);
  const scaled = ctx.pending(side);
  if (ctx.isRandom(1 - side)) {
    const x = scaled?.kind === 'scale' ? scaled.x : ctx.data(side);
    return completeDropout(ctx, x, scaled?.kind === 'scale' ? scaled : null, other);
  }
  ctx.pend({ kind: 'scale', x: ctx.data(side), by: other, divide: ctx.node.op !== 'Mul', node: ctx.node });
};

/** x / c: dropout's 1 / keep_prob in TF1 graphs. */
export const divide: Converter = (ctx) => {
  if (!ctx.isData(0) || ctx.isData(1))
    ctx.fail('divides by a data tensor, which has no layer', '除以一个数据张量，没有对应的层');
  ctx.pend({ kind: 'scale', x: ctx.data(0), by: ctx.ref(1), divide: true, node: ctx.node });
};

export const sub: Converter = (ctx) =>
  dataSide(ctx) === 'both'
    ? merge(ctx)
    : ctx.fail('subtracts a constant, which has no layer', '减去一个常量，没有对应的层');

export const maximum: Converter = (ctx) =>
  dataSide(ctx) === 'both'
    ? merge(ctx)
    : ctx.fail('takes the maximum with a constant, which has no layer', '与常量取最大值，没有对应的层');
