/**
 * Nodes computed while reading: Constant, and the shape arithmetic exporters write around
 * a Reshape (`x.view(x.size(0), -1)` becomes Shape → Gather → Unsqueeze → Concat → Reshape).
 * Shapes are those of one image (batch 1). Also the activation forms of Unsqueeze/Squeeze
 * that only move between a pooled [N, C, 1, 1] and a vector [N, C].
 */
import type { NodeContext } from './onnxBuilder';
import { readTensor, type Const } from './onnxTensor';
import { sizeOf, type Act } from './onnxValues';
import { sliceConstant } from './onnxConstFold';

function ints(values: readonly number[]): Const {
  return { dims: [values.length], data: Float64Array.from(values), integer: true };
}

function scalarOrList(ctx: NodeContext, i: number, attr: string): number[] | null {
  return ctx.opset >= 13 ? ctx.ints(i, attr) : ctx.attrs.ints(attr, null);
}

export function constantNode(ctx: NodeContext): void {
  const t = ctx.attrs.tensor('value');
  const f = ctx.attrs.has('value_float') ? ctx.attrs.float('value_float', 0) : null;
  const fs = ctx.attrs.floats('value_floats');
  const i = ctx.attrs.has('value_int') ? ctx.attrs.int('value_int', 0) : null;
  const is = ctx.attrs.ints('value_ints', null);
  let c: Const | null = null;
  if (t) c = readTensor(t, `${ctx.label.en}: value`, `${ctx.path}.attribute.value`);
  else if (f !== null) c = { dims: [], data: Float32Array.of(f), integer: false };
  else if (fs) c = { dims: [fs.length], data: Float32Array.from(fs), integer: false };
  else if (i !== null) c = { dims: [], data: Float64Array.of(i), integer: true };
  else if (is) c = ints(is);
  if (!c)
    return ctx.fail(
      'has no value CNN Studio reads (value, value_float(s) or value_int(s))',
      '没有 CNN Studio 能读取的值（value、value_float(s) 或 value_int(s)）',
    );
  ctx.output(0, { kind: 'const', value: c });
}

export function shapeNode(ctx: NodeContext): void {
  const v = ctx.value(0);
  if (!v) return ctx.fail('has no input', '没有输入');
  const dims = v.kind === 'act' ? v.shape : v.value.dims;
  const rank = dims.length;
  const clamp = (n: number) => Math.min(Math.max(n < 0 ? n + rank : n, 0), rank);
  const start = clamp(ctx.attrs.int('start', 0));
  const end = clamp(ctx.attrs.int('end', rank));
  ctx.output(0, { kind: 'const', value: ints(dims.slice(start, end)) });
}

function needConst(ctx: NodeContext, i: number, what: string): Const {
  return ctx.constant(i, what) ?? ctx.fail(`has no ${what}`, `没有 ${what}`);
}

/** Strides of a row-major shape. */
function strides(dims: readonly number[]): number[] {
  const s = dims.map(() => 1);
  for (let k = dims.length - 2; k >= 0; k--) s[k] = (s[k + 1] ?? 1) * (dims[k + 1] ?? 1);
  return s;
}

export function gatherNode(ctx: NodeContext): void {
  const data = needConst(ctx, 0, 'data');
  const index = needConst(ctx, 1, 'indices');
  const rank = data.dims.length;
  const axisAttr = ctx.attrs.int('axis', 0);
  const axis = axisAttr < 0 ? axisAttr + rank : axisAttr;
  const n = data.dims[axis] ?? 0;
  if (axis < 0 || axis >= rank)
    return ctx.fail(
      `axis ${axisAttr} is outside a rank-${rank} tensor`,
      `axis ${axisAttr} 超出 ${rank} 维张量`,
    );
  const st = strides(data.dims);
  const outer = sizeOf(data.dims.slice(0, axis));
  const inner = st[axis] ?? 1;
  const picks = Array.from(index.data, (v) => (v < 0 ? v + n : v));
  if (picks.some((p) => p < 0 || p >= n))
    ctx.fail(
      `an index in [${Array.from(index.data).join(', ')}] is outside 0…${n - 1}`,
      `索引 [${Array.from(index.data).join(', ')}] 中有值超出 0…${n - 1}`,
    );
  const out = new (data.integer ? Float64Array : Float32Array)(outer * picks.length * inner);
  let o = 0;
  for (let a = 0; a < outer; a++)
    for (const p of picks) for (let b = 0; b < inner; b++) out[o++] = data.data[(a * n + p) * inner + b] ?? 0;
  const dims = [...data.dims.slice(0, axis), ...index.dims, ...data.dims.slice(axis + 1)];
  ctx.output(0, { kind: 'const', value: { dims, data: out, integer: data.integer } });
}

export function unsqueezeNode(ctx: NodeContext): void {
  const v = ctx.value(0);
  const axes = scalarOrList(ctx, 1, 'axes') ?? [];
  if (!v) return ctx.fail('has no input', '没有输入');
  const rank = (v.kind === 'act' ? v.shape.length : v.value.dims.length) + axes.length;
  const norm = axes.map((a) => (a < 0 ? a + rank : a)).sort((a, b) => a - b);
  if (v.kind === 'act') {
    if (v.layout.kind === 'vector' && norm.join(',') === '2,3')
      return ctx.output(0, {
        ...v,
        shape: [1, v.shape[1] ?? 0, 1, 1],
        layout: { kind: 'pooled', order: 'nchw' },
      });
    return ctx.fail(
      `cannot add axes [${axes.join(', ')}] to [${v.shape.join(', ')}] here`,
      `无法在此给 [${v.shape.join(', ')}] 添加轴 [${axes.join(', ')}]`,
    );
  }
  const dims = [...v.value.dims];
  for (const a of norm) dims.splice(a, 0, 1);
  ctx.output(0, { kind: 'const', value: { ...v.value, dims } });
}

export function squeezeNode(ctx: NodeContext): void {
  const v = ctx.value(0);
  if (!v) return ctx.fail('has no input', '没有输入');
  const given = scalarOrList(ctx, 1, 'axes');
  const dims = v.kind === 'act' ? v.shape : v.value.dims;
  // Without axes every size-1 axis goes; the batch axis is not one of them (it is N, not 1).
  const axes = given
    ? given.map((a) => (a < 0 ? a + dims.length : a))
    : dims.flatMap((d, i) => (d === 1 && (i > 0 || v.kind === 'const') ? [i] : []));
  if (axes.some((a) => dims[a] !== 1))
    ctx.fail(
      `cannot remove axes [${axes.join(', ')}] of [${dims.join(', ')}]: not all have size 1`,
      `无法移除 [${dims.join(', ')}] 的轴 [${axes.join(', ')}]：它们的大小并不都是 1`,
    );
  if (v.kind === 'const') {
    ctx.output(0, { kind: 'const', value: { ...v.value, dims: dims.filter((_, i) => !axes.includes(i)) } });
    return;
  }
  const norm = [...axes].sort((a, b) => a - b).join(',');
  const spatial = v.layout.kind === 'pooled' ? (v.layout.order === 'nchw' ? '2,3' : '1,2') : '';
  if (
    v.layout.kind === 'image' &&
    v.shape[2] === 1 &&
    v.shape[3] === 1 &&
    v.layout.order === 'nchw' &&
    norm === '2,3'
  ) {
    const id = ctx.add('Flatten', {}, [v.layer]);
    return ctx.output(0, { kind: 'act', layer: id, shape: [1, v.shape[1] ?? 0], layout: { kind: 'vector' } });
  }
  if (norm !== spatial)
    ctx.fail(
      `cannot remove axes [${axes.join(', ')}] of [${dims.join(', ')}] here`,
      `无法在此移除 [${dims.join(', ')}] 的轴 [${axes.join(', ')}]`,
    );
  const act: Act = {
    ...v,
    shape: [1, v.shape[v.layout.kind === 'pooled' && v.layout.order === 'nhwc' ? 3 : 1] ?? 0],
    layout: { kind: 'vector' },
  };
  ctx.output(0, act);
}

export function castNode(ctx: NodeContext): void {
  const v = ctx.value(0);
  if (!v) return ctx.fail('has no input', '没有输入');
  const to = ctx.attrs.int('to', 1);
  const float = to === 1 || to === 10 || to === 11 || to === 16;
  if (v.kind === 'act') {
    if (!float) ctx.fail(`casts the image's values to type ${to}`, `把图像的值转换为类型 ${to}`);
    return ctx.output(0, v);
  }
  const data = float
    ? Float32Array.from(v.value.data)
    : Float64Array.from(v.value.data, (x) => Math.trunc(x));
  ctx.output(0, { kind: 'const', value: { dims: v.value.dims, data, integer: !float } });
}

/** Concat of constants only (shape lists). */
export function concatConsts(ctx: NodeContext, consts: Const[]): void {
  const rank = consts[0]?.dims.length ?? 1;
  const axisAttr = ctx.attrs.int('axis', 0);
  if (rank !== 1 || (axisAttr !== 0 && axisAttr !== -1))
    ctx.fail('joins constant tensors of more than one axis', '拼接了多于一维的常量张量');
  const data = consts.flatMap((c) => Array.from(c.data));
  const integer = consts.every((c) => c.integer);
  ctx.output(0, {
    kind: 'const',
    value: {
      dims: [data.length],
      data: integer ? Float64Array.from(data) : Float32Array.from(data),
      integer,
    },
  });
}

/** Slice of an NCHW map along height and width: Cropping2D. */
function cropNode(
  ctx: NodeContext,
  x: Act,
  starts: number[],
  ends: number[],
  axes: number[],
  steps: number[],
): void {
  const [, c = 0, h = 0, w = 0] = x.shape;
  const crop = { 2: [0, 0], 3: [0, 0] } as Record<number, [number, number]>;
  const ok = x.layout.kind === 'image' && x.layout.order === 'nchw' && steps.every((s) => s === 1);
  axes.forEach((a, k) => {
    const axis = a < 0 ? a + 4 : a;
    const n = axis === 2 ? h : w;
    const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + n : v, 0), n);
    const b = clamp(starts[k] ?? 0);
    const e = clamp(ends[k] ?? n);
    if (!ok || (axis !== 2 && axis !== 3) || e <= b)
      ctx.fail(
        `slices [${x.shape.join(', ')}] along axis ${a}; CNN Studio reads slices of a feature map's height and width`,
        `沿轴 ${a} 切片 [${x.shape.join(', ')}]；CNN Studio 只读取对特征图高和宽的切片`,
      );
    crop[axis] = [b, n - e];
  });
  const [t = 0, bottom = 0] = crop[2] ?? [];
  const [l = 0, r = 0] = crop[3] ?? [];
  const id = ctx.add('Cropping2D', { cropping: [t, bottom, l, r] }, [x.layer]);
  ctx.output(0, { ...x, layer: id, shape: [1, c, h - t - bottom, w - l - r] });
}

export function sliceConst(ctx: NodeContext): void {
  const v = ctx.value(0);
  const old = ctx.opset < 10;
  if (v?.kind === 'act') {
    const starts = (old ? ctx.attrs.ints('starts', null) : ctx.ints(1, 'starts')) ?? [];
    const ends = (old ? ctx.attrs.ints('ends', null) : ctx.ints(2, 'ends')) ?? [];
    const axes = (old ? ctx.attrs.ints('axes', null) : ctx.ints(3, 'axes')) ?? starts.map((_, i) => i);
    return cropNode(ctx, v, starts, ends, axes, (old ? null : ctx.ints(4, 'steps')) ?? axes.map(() => 1));
  }
  const data = needConst(ctx, 0, 'data');
  const starts = (old ? ctx.attrs.ints('starts', null) : ctx.ints(1, 'starts')) ?? [];
  const ends = (old ? ctx.attrs.ints('ends', null) : ctx.ints(2, 'ends')) ?? [];
  const axes = (old ? ctx.attrs.ints('axes', null) : ctx.ints(3, 'axes')) ?? starts.map((_, i) => i);
  const steps = (old ? null : ctx.ints(4, 'steps')) ?? axes.map(() => 1);
  sliceConstant(ctx, data, starts, ends, axes, steps);
}

/** Add / Sub / Mul / Div of constants, element by element (one side may be a single value). */
export function foldBinary(ctx: NodeContext): void {
  const a = needConst(ctx, 0, 'A');
  const b = needConst(ctx, 1, 'B');
  const n = Math.max(a.data.length, b.data.length);
  if ((a.data.length !== n && a.data.length !== 1) || (b.data.length !== n && b.data.length !== 1))
    ctx.fail(
      `combines constants of ${a.dims.join('×')} and ${b.dims.join('×')}`,
      `组合了 ${a.dims.join('×')} 与 ${b.dims.join('×')} 的常量`,
    );
  const op = ctx.opType;
  const integer = a.integer && b.integer;
  const out = new (integer ? Float64Array : Float32Array)(n);
  for (let i = 0; i < n; i++) {
    const x = a.data[a.data.length === 1 ? 0 : i] ?? 0;
    const y = b.data[b.data.length === 1 ? 0 : i] ?? 0;
    const r = op === 'Add' ? x + y : op === 'Sub' ? x - y : op === 'Mul' ? x * y : x / y;
    out[i] = integer && op === 'Div' ? Math.trunc(r) : r;
  }
  ctx.output(0, {
    kind: 'const',
    value: { dims: a.data.length >= b.data.length ? a.dims : b.dims, data: out, integer },
  });
}
