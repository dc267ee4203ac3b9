/**
 * Ops that pool or move values without weights: MaxPool / AvgPool (2-D and 3-D), Mean and
 * Max over the spatial axes (global pooling), Reshape / Squeeze / ExpandDims (Flatten when
 * all axes become one, Reshape otherwise), Pad (ZeroPadding2D) and ConcatV2 / Concat.
 * Axes and shapes come from constants or from shape arithmetic (tfValues.ts).
 */
import { joinGroups } from './tfConvOps';
import type { Converter, OpContext, Pending } from './tfBuild';
import { edgeParams, paddedInput, requireChannelsLast, spatial } from './tfWindow';

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const shown = (v: number[]) => `[${v.map((d) => (Number.isNaN(d) ? 'batch' : String(d))).join(', ')}]`;

export function pooling(type: string, rank: number): Converter {
  return (ctx) => {
    requireChannelsLast(ctx, rank);
    const x = ctx.data(0);
    // MaxPoolV2 takes its window and strides as inputs instead of attrs.
    const list = (key: string, k: number) =>
      ctx.node.op === 'MaxPoolV2' ? ctx.value(k).values.slice(1, rank + 1) : spatial(ctx, key, rank);
    const poolSize = list('ksize', 1);
    const strides = list('strides', 2);
    const { src, padding } = paddedInput(ctx, x, rank);
    ctx.add(type, { poolSize, strides, padding }, [src]);
  };
}

/** Data axes a reduction or squeeze names, as indices into the shape without the batch. */
function dataAxes(ctx: OpContext, axes: number[], rank: number): number[] {
  return axes.map((a) => {
    const withBatch = a < 0 ? a + rank + 1 : a;
    if (!Number.isInteger(withBatch) || withBatch < 1 || withBatch > rank)
      ctx.fail(
        `axis ${a} is ${withBatch === 0 ? 'the batch axis' : 'not an axis of the input'}`,
        `轴 ${a} ${withBatch === 0 ? '是批次维度' : '不是输入的维度'}`,
      );
    return withBatch - 1;
  });
}

/** Mean or Max over every spatial axis: global pooling (keep_dims adds a Reshape back to 1×1). */
export function globalPooling(kind: 'Average' | 'Max'): Converter {
  return (ctx) => {
    const x = ctx.data(0);
    const shape = ctx.shapeOf(x);
    const axes = new Set(dataAxes(ctx, ctx.value(1).values, shape.length));
    const spatialRank = shape.length - 1;
    const all = Array.from({ length: spatialRank }, (_, k) => k);
    if (spatialRank < 1 || spatialRank > 3 || axes.size !== spatialRank || !all.every((k) => axes.has(k)))
      ctx.fail(
        `reduces axes ${shown([...axes].map((a) => a + 1))} of a ${shape.join('×')} input; only the spatial axes together (global pooling) have a layer`,
        `对 ${shape.join('×')} 输入的轴 ${shown([...axes].map((a) => a + 1))} 求归约；只有同时归约所有空间维度（全局池化）才有对应的层`,
      );
    const keep = ctx.flag('keep_dims', false) || ctx.flag('keepdims', false);
    const pooled = ctx.add(`Global${kind}Pooling${spatialRank}D`, {}, [x], {}, keep ? '_pool' : '');
    if (keep) ctx.add('Reshape', { targetShape: [...all.map(() => 1), shape[spatialRank] ?? 1] }, [pooled]);
  };
}

/** A layer for a reshape of `x` to `target` (batch left out): none, Flatten or Reshape. */
function reshapeTo(ctx: OpContext, x: string, target: number[]): void {
  const input = ctx.shapeOf(x);
  if (target.join(',') === input.join(',')) return ctx.alias(x);
  if (target.length === 1 && input.length > 1) {
    ctx.add('Flatten', {}, [x]);
    return;
  }
  ctx.add('Reshape', { targetShape: target }, [x]);
}

export const reshape: Converter = (ctx) => {
  const x = ctx.data(0);
  const input = ctx.shapeOf(x);
  const wanted = ctx.value(1).values;
  const [batch, ...rest] = wanted;
  const unknown = rest.filter((d) => d === -1).length;
  const bad =
    batch === undefined ||
    !(Number.isNaN(batch) || batch === -1 || batch >= 1) ||
    rest.some((d) => !(d === -1 || (Number.isInteger(d) && d >= 1))) ||
    unknown + (batch === -1 ? 1 : 0) > 1;
  const known = size(rest.filter((d) => d !== -1));
  const fill = unknown === 1 ? size(input) / known : 1;
  const target = rest.map((d) => (d === -1 ? fill : d));
  if (bad || !Number.isInteger(fill) || size(target) !== size(input))
    ctx.fail(
      `cannot reshape a ${input.join('×')} input (per example) to ${shown(wanted)}; the first axis must stay the batch (-1)`,
      `无法把（每个样本）${input.join('×')} 的输入变形为 ${shown(wanted)}；第一个维度必须仍是批次（-1）`,
    );
  reshapeTo(ctx, x, target);
};

export const squeeze: Converter = (ctx) => {
  const x = ctx.data(0);
  const input = ctx.shapeOf(x);
  const listed = ctx.ints('squeeze_dims', ctx.ints('axis', []));
  const axes =
    listed.length > 0 ? dataAxes(ctx, listed, input.length) : input.flatMap((d, k) => (d === 1 ? [k] : []));
  const notOne = axes.find((a) => input[a] !== 1);
  if (notOne !== undefined)
    ctx.fail(
      `axis ${notOne + 1} has size ${input[notOne] ?? 0}; only axes of size 1 can be squeezed`,
      `轴 ${notOne + 1} 的大小为 ${input[notOne] ?? 0}；只能压缩大小为 1 的维度`,
    );
  const target = input.filter((_, k) => !axes.includes(k));
  if (target.join(',') === input.join(',')) return ctx.alias(x);
  ctx.add('Reshape', { targetShape: target }, [x]);
};

export const expandDims: Converter = (ctx) => {
  const x = ctx.data(0);
  const input = ctx.shapeOf(x);
  const axis = ctx.value(1).values[0] ?? 0;
  const at = axis < 0 ? axis + input.length + 2 : axis;
  if (!Number.isInteger(at) || at < 1 || at > input.length + 1)
    ctx.fail(`cannot insert an axis at ${axis}`, `无法在 ${axis} 处插入维度`);
  ctx.add('Reshape', { targetShape: [...input.slice(0, at - 1), 1, ...input.slice(at - 1)] }, [x]);
};

export const pad: Converter = (ctx) => {
  if (ctx.node.op === 'MirrorPad')
    ctx.fail(
      `mode ${ctx.text('mode', 'REFLECT')} pads with mirrored values; only zero padding has a layer (ZeroPadding2D)`,
      `模式 ${ctx.text('mode', 'REFLECT')} 用镜像值填充；只有补零才有对应的层（ZeroPadding2D）`,
    );
  const x = ctx.data(0);
  const shape = ctx.shapeOf(x);
  const p = ctx.value(1).values;
  const fill = ctx.node.op === 'PadV2' ? (ctx.value(2).values[0] ?? 0) : 0;
  const [n0, n1, t = 0, b = 0, l = 0, r = 0, c0, c1] = p;
  if (shape.length !== 3 || p.length !== 8 || n0 || n1 || c0 || c1 || fill !== 0 || p.some((v) => v < 0))
    ctx.fail(
      `pads a ${shape.join('×')} input by ${shown(p)}${fill ? ` with ${fill}` : ''}; only zeros around the height and width of an image (ZeroPadding2D) have a layer`,
      `用 ${shown(p)}${fill ? `（填充值 ${fill}）` : ''} 填充 ${shape.join('×')} 的输入；只有在图像高和宽四周补零（ZeroPadding2D）才有对应的层`,
    );
  ctx.add('ZeroPadding2D', { padding: edgeParams(t, b, l, r) }, [x]);
};

/** ConcatV2 (values…, axis) and the old Concat (axis, values…). */
export const concat: Converter = (ctx) => {
  const count = ctx.inputsOf(ctx.node).length;
  const old = ctx.node.op === 'Concat';
  const axisAt = old ? 0 : count - 1;
  const parts = Array.from({ length: count - 1 }, (_, k) => k + (old ? 1 : 0));
  const pending = parts.map((k) => ctx.pending(k)).filter((p): p is Pending => p !== null);
  if (pending.length > 0 && joinGroups(ctx, pending)) return;
  const inputs = parts.map((k) => ctx.data(k));
  const rank = ctx.shapeOf(inputs[0] ?? '').length;
  const axis = ctx.value(axisAt).values[0] ?? -1;
  const [data] = dataAxes(ctx, [axis], rank);
  if (inputs.length === 1) return ctx.alias(inputs[0] ?? '');
  ctx.add('Concatenate', { axis: axis === -1 || data === undefined ? axis : data + 1 }, inputs);
};
