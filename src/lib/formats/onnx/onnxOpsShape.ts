/** Flatten, Reshape, Transpose, Concat, Pad, Resize/Upsample: moving values, not computing them. */
import type { NodeProto } from './onnxSchema';
import type { NodeContext } from './onnxBuilder';
import { chw, sizeOf, type Act } from './onnxValues';
import { concatConsts } from './onnxConst';
import { reshapeConst, transposeConst } from './onnxConstFold';
import type { Const } from './onnxTensor';

/** Ops a flattened NCHW vector can pass through with its values in another order. */
const ORDER_FREE = new Set([
  'Relu',
  'LeakyRelu',
  'Sigmoid',
  'Tanh',
  'Dropout',
  'Identity',
  'Clip',
  'Elu',
  'Softplus',
  'Softsign',
]);

/**
 * True when every path from this output ends in a Gemm or MatMul with constant weights,
 * whose rows can be reordered instead of the values (a flattened NCHW map then needs no
 * Permute): a Dense after Flatten stays a Dense after Flatten, as in the file.
 */
function onlyDenseReads(ctx: NodeContext, output: string, seen = new Set<string>()): boolean {
  if (seen.has(output)) return true;
  seen.add(output);
  if (ctx.b.graphOutputs.has(output)) return false;
  const readers: readonly NodeProto[] = ctx.b.consumers.get(output) ?? [];
  if (readers.length === 0) return false;
  return readers.every((n) => {
    const op = n.opType ?? '';
    if (op === 'Gemm' || op === 'MatMul') return n.input[0] === output && ctx.b.isConstant(n.input[1] ?? '');
    return ORDER_FREE.has(op) && n.input[0] === output && onlyDenseReads(ctx, n.output[0] ?? '', seen);
  });
}

/** The node's input laid out as a vector [N, F], as ONNX flattens it. */
function flattened(ctx: NodeContext, x: Act): Act {
  if (x.layout.kind === 'vector' || x.layout.kind === 'chwVector') return x;
  if (x.layout.kind === 'pooled') return { ...x, shape: [1, sizeOf(x.shape)], layout: { kind: 'vector' } };
  const [c, h, w] = chw(x);
  const total = c * h * w;
  if (x.layout.order === 'nhwc' || c === 1 || h * w === 1) {
    const id = ctx.add('Flatten', {}, [x.layer]);
    return { kind: 'act', layer: id, shape: [1, total], layout: { kind: 'vector' } };
  }
  if (onlyDenseReads(ctx, ctx.node.output[0] ?? '')) {
    const id = ctx.add('Flatten', {}, [x.layer]);
    return { kind: 'act', layer: id, shape: [1, total], layout: { kind: 'chwVector', c, h, w } };
  }
  // Read by something else: put the channels first so the vector is in ONNX's order.
  const permuted = ctx.add('Permute', { dims: [3, 1, 2] }, [x.layer], {}, 'chw');
  const id = ctx.add('Flatten', {}, [permuted]);
  return { kind: 'act', layer: id, shape: [1, total], layout: { kind: 'vector' } };
}

export function flattenNode(ctx: NodeContext): void {
  const x = ctx.act(0);
  const axis = ctx.attrs.int('axis', 1);
  if (axis !== 1 && !(axis === -1 && x.shape.length === 2))
    ctx.fail(
      `flattens from axis ${axis}; CNN Studio reads Flatten from axis 1 (keeping the batch axis)`,
      `从轴 ${axis} 开始展平；CNN Studio 只读取从轴 1 开始的展平（保留批次轴）`,
    );
  ctx.output(0, flattened(ctx, x));
}

/** Reshape's target with 0 (copy) and −1 (the rest) worked out, batch 1. */
function target(ctx: NodeContext, x: Act, shape: Const): number[] {
  const allowZero = ctx.opset >= 14 && ctx.attrs.int('allowzero', 0) === 1;
  const dims = Array.from(shape.data, (d, i) => (d === 0 && !allowZero ? (x.shape[i] ?? 0) : d));
  const known = dims.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const unknown = dims.filter((d) => d === -1).length;
  const total = sizeOf(x.shape);
  if (
    unknown > 1 ||
    dims.some((d) => d < -1) ||
    (unknown === 1 ? known === 0 || total % known !== 0 : known !== total)
  )
    ctx.fail(
      `cannot reshape [${x.shape.join(', ')}] to [${Array.from(shape.data).join(', ')}]`,
      `无法把 [${x.shape.join(', ')}] 变形为 [${Array.from(shape.data).join(', ')}]`,
    );
  return dims.map((d) => (d === -1 ? total / known : d));
}

export function reshapeNode(ctx: NodeContext): void {
  const v = ctx.value(0);
  // Opset 14's allowzero = 1 makes a 0 in the shape a size of zero instead of "keep this axis".
  const allowZero = ctx.attrs.int('allowzero', 0) === 1;
  if (v?.kind === 'const')
    return reshapeConst(ctx, v.value, ctx.ints(1, 'shape') ?? ctx.attrs.ints('shape', []) ?? [], allowZero);
  const x = ctx.act(0);
  const shape = ctx.opset >= 5 ? ctx.constant(1, 'shape') : null;
  if (allowZero && shape?.data.includes(0))
    ctx.fail(
      `reshapes [${x.shape.join(', ')}] to a shape with a size of zero (allowzero = 1)`,
      `把 [${x.shape.join(', ')}] 变形为含大小为零的形状（allowzero = 1）`,
    );
  const dims = target(
    ctx,
    x,
    shape ?? { dims: [], data: Float64Array.from(ctx.attrs.ints('shape', []) ?? []), integer: true },
  );
  const same = dims.join(',') === x.shape.join(',');
  if (same) return ctx.output(0, x);
  if (dims[0] === 1 && dims.length === 2) return ctx.output(0, flattened(ctx, x));
  const flat = x.layout.kind === 'vector' || x.layout.kind === 'pooled';
  if (flat && dims.length === 4 && dims[0] === 1 && dims[2] === 1 && dims[3] === 1)
    return ctx.output(0, { ...x, shape: dims, layout: { kind: 'pooled', order: 'nchw' } });
  if (flat && dims.length === 4 && dims[0] === 1 && dims[1] === 1 && dims[2] === 1)
    return ctx.output(0, { ...x, shape: dims, layout: { kind: 'pooled', order: 'nhwc' } });
  ctx.fail(
    `reshapes [${x.shape.join(', ')}] to [${dims.join(', ')}]; CNN Studio reads reshapes that flatten a feature map or add 1×1 axes`,
    `把 [${x.shape.join(', ')}] 变形为 [${dims.join(', ')}]；CNN Studio 只读取展平特征图或添加 1×1 轴的变形`,
  );
}

export function transposeNode(ctx: NodeContext): void {
  const v = ctx.value(0);
  if (v?.kind === 'const') return transposeConst(ctx, v.value, ctx.attrs.ints('perm', null));
  const x = ctx.act(0);
  const perm = (ctx.attrs.ints('perm', null) ?? x.shape.map((_, i) => x.shape.length - 1 - i)).join(',');
  const image = x.layout.kind === 'image' || x.layout.kind === 'pooled';
  if (perm === x.shape.map((_, i) => i).join(',')) return ctx.output(0, x);
  const order = image ? (x.layout as { order: string }).order : '';
  const to =
    order === 'nchw' && perm === '0,2,3,1' ? 'nhwc' : order === 'nhwc' && perm === '0,3,1,2' ? 'nchw' : null;
  if (!to || (x.layout.kind !== 'image' && x.layout.kind !== 'pooled'))
    return ctx.fail(
      `transposes [${x.shape.join(', ')}] by [${perm}]; CNN Studio reads transposes between NCHW and NHWC`,
      `按 [${perm}] 转置 [${x.shape.join(', ')}]；CNN Studio 只读取 NCHW 与 NHWC 之间的转置`,
    );
  const p = perm.split(',').map(Number);
  ctx.output(0, { ...x, shape: p.map((i) => x.shape[i] ?? 1), layout: { kind: x.layout.kind, order: to } });
}

export function concatNode(ctx: NodeContext): void {
  const values = ctx.node.input.map((_, i) => ctx.value(i));
  if (values.every((v) => v?.kind === 'const'))
    return concatConsts(
      ctx,
      values.map((v) => (v as { value: Const }).value),
    );
  const acts = values.map((_, i) => ctx.act(i));
  const first = acts[0] as Act;
  const rank = first.shape.length;
  const attr = ctx.attrs.int('axis', 1);
  // torch.cat of a one-tensor list (DenseNet's first layer of each block) joins nothing.
  if (acts.length === 1) return ctx.output(0, first);
  const axis = attr < 0 ? attr + rank : attr;
  const channelAxis =
    first.layout.kind === 'image' || first.layout.kind === 'pooled'
      ? first.layout.order === 'nchw'
        ? 1
        : 3
      : 1;
  const layoutKey = (a: Act) => JSON.stringify(a.layout.kind === 'chwVector' ? { kind: 'chw' } : a.layout);
  if (
    axis !== channelAxis ||
    acts.some((a) => layoutKey(a) !== layoutKey(first) || a.layout.kind === 'chwVector')
  )
    ctx.fail(
      `joins along axis ${attr} of [${first.shape.join(', ')}]; CNN Studio reads joins along the channels (or features)`,
      `沿 [${first.shape.join(', ')}] 的轴 ${attr} 拼接；CNN Studio 只读取沿通道（或特征）的拼接`,
    );
  const id = ctx.add(
    'Concatenate',
    { axis: -1 },
    acts.map((a) => a.layer),
  );
  const joined = acts.reduce((s, a) => s + (a.shape[axis] ?? 0), 0);
  ctx.output(0, { ...first, layer: id, shape: first.shape.map((d, i) => (i === axis ? joined : d)) });
}

export function padNode(ctx: NodeContext): void {
  const x = ctx.act(0);
  const mode = ctx.attrs.string('mode', 'constant');
  const pads =
    (ctx.opset >= 11 ? ctx.ints(1, 'pads') : ctx.attrs.ints(ctx.opset >= 2 ? 'pads' : 'paddings', null)) ??
    [];
  const value =
    ctx.opset >= 11 ? (ctx.constant(2, 'constant_value')?.data[0] ?? 0) : ctx.attrs.float('value', 0);
  if (ctx.opset >= 18 && ctx.node.input[3])
    ctx.fail(
      'pads only some axes (axes input); CNN Studio reads pads for every axis',
      '只填充部分轴（axes 输入）；CNN Studio 只读取对所有轴的填充',
    );
  if (mode !== 'constant' || value !== 0)
    ctx.fail(
      `pads with ${mode === 'constant' ? `the value ${value}` : `mode "${mode}"`}; CNN Studio reads padding with zeros`,
      `使用${mode === 'constant' ? `值 ${value}` : `模式 “${mode}”`}填充；CNN Studio 只读取补零`,
    );
  if (x.layout.kind !== 'image' || x.layout.order !== 'nchw' || pads.length !== 8)
    return ctx.fail(
      `pads [${pads.join(', ')}] of [${x.shape.join(', ')}]; CNN Studio reads padding of NCHW feature maps`,
      `对 [${x.shape.join(', ')}] 的填充 [${pads.join(', ')}]；CNN Studio 只读取 NCHW 特征图的填充`,
    );
  const [n0, c0, top = 0, left = 0, n1, c1, bottom = 0, right = 0] = pads;
  if (n0 || c0 || n1 || c1 || [top, left, bottom, right].some((p) => p < 0))
    ctx.fail(
      `pads [${pads.join(', ')}] change the batch or channel axes, or crop`,
      `pads [${pads.join(', ')}] 改变了批次或通道轴，或是裁剪`,
    );
  const [c, h, w] = chw(x);
  const id = ctx.add('ZeroPadding2D', { padding: [top, bottom, left, right] }, [x.layer]);
  ctx.output(0, { ...x, layer: id, shape: [1, c, h + top + bottom, w + left + right] });
}
