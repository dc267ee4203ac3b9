/**
 * Normalisation and dropout as TensorFlow graphs hold them: FusedBatchNorm(V2/V3); the
 * arithmetic tf.nn.batch_normalization writes without fusing (x · scale + shift, with
 * scale = rsqrt(variance + ε) · γ and shift = β − mean · scale), grouped back into one
 * layer; LRN; and tf.nn.dropout's scale-and-mask (TF1's keep_prob or TF2's rate).
 */
import type { LayerParams } from '../../spec/types';
import type { TfNode } from './graphDef';
import type { Converter, OpContext, Pending } from './tfBuild';
import type { TfRef } from './tfGraph';
import type { Source } from './tfValues';
import { requireChannelsLast } from './tfWindow';

/** The shortest decimal that is the same float32: a Const's 0.0010000000474974513 is 0.001. */
export function float32Decimal(x: number): number {
  for (let p = 1; p <= 9; p++) {
    const v = Number(x.toPrecision(p));
    if (Math.fround(v) === Math.fround(x)) return v;
  }
  return x;
}

/** 1 − x for a hyperparameter, without the binary noise of the subtraction (1 − 0.8 = 0.2). */
const oneMinus = (x: number): number => Number((1 - x).toPrecision(7));

/** A constant scale or offset that does nothing (γ = 1, β = 0): the layer has none. */
function isConstant(s: Source, value: number): boolean {
  const v = s.kind === 'constant' ? s.values() : null;
  return v !== null && v.every((x) => x === value);
}

/** FusedBatchNorm with is_training true has empty mean and variance inputs: its moving averages are named. */
function movingAverage(ctx: OpContext, k: number, name: string): Source {
  const given = ctx.source(k, name);
  if (given.shape.some((d) => d > 0)) return given;
  const scope = ctx.node.name.slice(0, ctx.node.name.lastIndexOf('/'));
  const variable = ctx.graph.byName.get(`${scope}/${name}`);
  if (!variable)
    ctx.fail(
      `is_training is true and no variable "${scope}/${name}" holds the moving average`,
      `is_training 为 true，且没有变量 “${scope}/${name}” 保存滑动平均`,
    );
  return ctx.sourceOf({ node: (variable as TfNode).name, output: 0 }, name);
}

export const fusedBatchNorm: Converter = (ctx) => {
  requireChannelsLast(ctx, 2);
  const x = ctx.data(0);
  const gamma = ctx.source(1, 'scale');
  const beta = ctx.source(2, 'offset');
  const training = ctx.flag('is_training', true);
  const claims: Record<string, Source> = {};
  const scale = !isConstant(gamma, 1);
  const center = !isConstant(beta, 0);
  if (scale) claims.gamma = gamma;
  if (center) claims.beta = beta;
  claims.moving_mean = training ? movingAverage(ctx, 3, 'moving_mean') : ctx.source(3, 'mean');
  claims.moving_variance = training ? movingAverage(ctx, 4, 'moving_variance') : ctx.source(4, 'variance');
  const factor = ctx.num('exponential_avg_factor', 1);
  const params: LayerParams = { axis: -1, epsilon: ctx.num('epsilon', 0.0001), center, scale };
  if (factor < 1) params.momentum = oneMinus(factor);
  if (training)
    ctx.note({
      en: `${ctx.node.name}: batch normalisation is saved in training mode (is_training: true); the explainer uses its moving averages, as the net does after training.`,
      zh: `${ctx.node.name}：批归一化以训练模式保存（is_training: true）；解释器使用它的滑动平均，与训练后的网络一致。`,
    });
  ctx.add('BatchNormalization', params, [x], claims);
};

export const lrn: Converter = (ctx) => {
  const x = ctx.data(0);
  const params = {
    depthRadius: ctx.num('depth_radius', 5),
    bias: ctx.num('bias', 1),
    alpha: ctx.num('alpha', 1),
    beta: ctx.num('beta', 0.5),
  };
  ctx.add('LRN', params, [x]);
};

/** The value of a constant scalar, or null when the tensor is not one (a placeholder's keep_prob). */
function constScalar(ctx: OpContext, ref: TfRef | undefined): number | null {
  if (!ref || ctx.behind(ref).op !== 'Const') return null;
  const v = ctx.valueOf(ref).values;
  return v.length === 1 ? float32Decimal(v[0] ?? 0) : null;
}

/** The two operands of a binary node, the one behind which lies `op` first. */
function split(ctx: OpContext, node: TfNode, op: string): [TfNode, TfRef] | null {
  const [a, b] = ctx.inputsOf(node);
  if (!a || !b) return null;
  if (ctx.behind(a).op === op) return [ctx.behind(a), b];
  if (ctx.behind(b).op === op) return [ctx.behind(b), a];
  return null;
}

/**
 * The variables behind x · scale + shift when it is tf.nn.batch_normalization's arithmetic;
 * null when it is some other affine map.
 */
function batchNormArithmetic(
  ctx: OpContext,
  scale: TfRef,
  shift: TfRef,
): { params: LayerParams; claims: Record<string, Source> } | null {
  const scaleNode = ctx.behind(scale);
  const withGamma = scaleNode.op === 'Mul' ? split(ctx, scaleNode, 'Rsqrt') : null;
  const rsqrt = withGamma ? withGamma[0] : scaleNode;
  const [sumRef] = ctx.inputsOf(rsqrt);
  if (rsqrt.op !== 'Rsqrt' || !sumRef) return null;
  const sum = ctx.behind(sumRef);
  const [p, q] = ctx.inputsOf(sum);
  if ((sum.op !== 'Add' && sum.op !== 'AddV2') || !p || !q) return null;
  const epsP = constScalar(ctx, p);
  const epsilon = epsP ?? constScalar(ctx, q);
  if (epsilon === null) return null;
  const variance = epsP === null ? p : q;
  const shiftNode = ctx.behind(shift);
  const [s0, s1] = ctx.inputsOf(shiftNode);
  const product = shiftNode.op === 'Sub' ? s1 : shiftNode.op === 'Neg' ? s0 : undefined;
  const productNode = product ? ctx.behind(product) : null;
  const [m0, m1] = productNode ? ctx.inputsOf(productNode) : [];
  if (productNode?.op !== 'Mul' || !m0 || !m1) return null;
  const mean = ctx.behind(m0) === scaleNode ? m1 : ctx.behind(m1) === scaleNode ? m0 : null;
  if (!mean) return null;
  const claims: Record<string, Source> = {
    moving_mean: ctx.sourceOf(mean, 'moving mean'),
    moving_variance: ctx.sourceOf(variance, 'moving variance'),
  };
  if (withGamma) claims.gamma = ctx.sourceOf(withGamma[1], 'gamma');
  if (shiftNode.op === 'Sub' && s0) claims.beta = ctx.sourceOf(s0, 'beta');
  const params = { axis: -1, epsilon, center: 'beta' in claims, scale: 'gamma' in claims };
  return { params, claims };
}

/** x · scale + shift: a batch normalisation layer, or an error saying what was expected. */
export function completeAffine(
  ctx: OpContext,
  scaled: Extract<Pending, { kind: 'scale' }>,
  shift: TfRef,
): void {
  const bn = scaled.divide ? null : batchNormArithmetic(ctx, scaled.by, shift);
  if (!bn)
    ctx.fail(
      `adds a constant to "${scaled.node.name}" (x · scale); that is read as batch normalisation only when the scale is rsqrt(variance + ε) · γ and the shift β − mean · scale, as tf.nn.batch_normalization writes them`,
      `给 “${scaled.node.name}”（x · scale）加上一个常量；只有当 scale 为 rsqrt(variance + ε) · γ、shift 为 β − mean · scale（tf.nn.batch_normalization 的写法）时，才读作批归一化`,
    );
  ctx.add('BatchNormalization', bn?.params ?? {}, [scaled.x], bn?.claims ?? {});
}

/** The dropout rate from the mask (TF2: random ≥ rate; TF1: floor(keep_prob + random)) or the scale. */
function dropoutRate(
  ctx: OpContext,
  scaled: Extract<Pending, { kind: 'scale' }> | null,
  mask: TfRef,
): number | null {
  let m = ctx.behind(mask);
  if (m.op === 'Cast') m = ctx.behind(ctx.inputsOf(m)[0] ?? mask);
  const [a, b] = ctx.inputsOf(m);
  if (m.op === 'GreaterEqual') return constScalar(ctx, b);
  if (m.op === 'Floor' && a) {
    const sum = ctx.behind(a);
    const keep = split(ctx, sum, 'Const')?.[0];
    const value = keep ? constScalar(ctx, { node: keep.name, output: 0 }) : null;
    if (value !== null) return oneMinus(value);
  }
  if (!scaled) return null;
  const by = constScalar(ctx, scaled.by);
  if (by === null || by === 0) return null;
  return scaled.divide ? oneMinus(by) : oneMinus(1 / by);
}

/** x (scaled) · random mask: tf.nn.dropout. */
export function completeDropout(
  ctx: OpContext,
  x: string,
  scaled: Extract<Pending, { kind: 'scale' }> | null,
  mask: TfRef,
): void {
  const rate = dropoutRate(ctx, scaled, mask);
  if (rate === null)
    ctx.note({
      en: `${ctx.node.name}: the dropout rate is fed when the graph runs (keep_prob); the Dropout layer shows 0.5, change it in the layer's parameters if you trained with another.`,
      zh: `${ctx.node.name}：Dropout 比例在运行图时才输入（keep_prob）；Dropout 层显示为 0.5，如果训练时用的是其他值，请在该层参数中修改。`,
    });
  ctx.add('Dropout', { rate: rate ?? 0.5 }, [x]);
}
