/**
 * Element-wise nodes: activations (Relu, LeakyRelu, PRelu, Sigmoid, Tanh, Clip, HardSigmoid,
 * HardSwish, Elu, Softplus, Softsign), Softmax, Dropout, Identity, BatchNormalization, and the
 * merges Add / Sub / Mul / Sum (residuals, squeeze-and-excitation) between computed tensors.
 */
import { foldInputNorm } from './onnxInputNorm';
import type { LayerParams } from '../../spec/types';
import type { NodeContext } from './onnxBuilder';
import { chw, oursShape, sizeOf, type Act } from './onnxValues';
import { foldBinary } from './onnxConst';

/** The node's output is its input through a shape-keeping layer. */
function through(
  ctx: NodeContext,
  type: string,
  params: LayerParams = {},
  weights: Record<string, Float32Array> = {},
): void {
  const x = ctx.act(0);
  const id = ctx.add(type, params, [x.layer], weights);
  ctx.output(0, { ...x, layer: id });
}

export const reluNode = (ctx: NodeContext): void => through(ctx, 'ReLU', { maxValue: 0 });
export const sigmoidNode = (ctx: NodeContext): void => through(ctx, 'Sigmoid');
export const tanhNode = (ctx: NodeContext): void => through(ctx, 'Tanh');
export const softplusNode = (ctx: NodeContext): void => through(ctx, 'Softplus');
export const softsignNode = (ctx: NodeContext): void => through(ctx, 'Softsign');
export const hardSwishNode = (ctx: NodeContext): void => through(ctx, 'HardSwish');
export const leakyReluNode = (ctx: NodeContext): void =>
  through(ctx, 'LeakyReLU', { alpha: ctx.attrs.float('alpha', 0.01) });
export const eluNode = (ctx: NodeContext): void =>
  through(ctx, 'ELU', { alpha: ctx.attrs.float('alpha', 1) });

export function seluNode(ctx: NodeContext): void {
  const alpha = ctx.attrs.float('alpha', 1.6732632);
  const gamma = ctx.attrs.float('gamma', 1.050701);
  if (Math.abs(alpha - 1.6732632) > 1e-5 || Math.abs(gamma - 1.050701) > 1e-5)
    ctx.fail(
      `alpha ${alpha} and gamma ${gamma} differ from SELU's constants`,
      `alpha ${alpha} 与 gamma ${gamma} 不同于 SELU 的常数`,
    );
  through(ctx, 'SELU');
}

export function identityNode(ctx: NodeContext): void {
  const v = ctx.value(0);
  if (!v) return ctx.fail('has no input', '没有输入');
  ctx.output(0, v);
}

/**
 * HardSigmoid, clip(alpha·x + beta, 0, 1), with the node's alpha and beta (ONNX's defaults are
 * tfjs': 0.2 and 0.5). PyTorch's (alpha 1/6) where it is half of x · hardsigmoid(x), the way
 * opsets before 14 write hardswish, is HardSwish.
 */
export function hardSigmoidNode(ctx: NodeContext): void {
  const alpha = ctx.attrs.float('alpha', 0.2);
  const beta = ctx.attrs.float('beta', 0.5);
  if (!Number.isFinite(alpha) || !Number.isFinite(beta) || Math.abs(alpha) > 1000 || Math.abs(beta) > 1000)
    ctx.fail(
      `alpha ${alpha} and beta ${beta} must be finite numbers within ±1000`,
      `alpha ${alpha} 和 beta ${beta} 必须是 ±1000 以内的有限数`,
    );
  const readers = ctx.readers(0);
  const mul = readers.length === 1 && readers[0]?.opType === 'Mul' ? readers[0] : undefined;
  const x = ctx.node.input[0];
  const swish =
    mul &&
    mul.input.length === 2 &&
    mul.input.includes(x ?? '') &&
    mul.input.includes(ctx.node.output[0] ?? '');
  if (Math.abs(alpha - 1 / 6) < 1e-6 && Math.abs(beta - 0.5) < 1e-6 && swish && mul) {
    const input = ctx.act(0);
    const id = ctx.add('HardSwish', {}, [input.layer]);
    ctx.b.absorbed.add(mul);
    ctx.b.values.set(mul.output[0] ?? '', { ...input, layer: id });
    return;
  }
  // tfjs' own (0.2, 0.5) stays without params, as the layer's defaults; any other is written out.
  const tfjs = Math.abs(alpha - 0.2) < 1e-6 && Math.abs(beta - 0.5) < 1e-6;
  through(ctx, 'HardSigmoid', tfjs ? {} : { alpha, beta });
}

export function clipNode(ctx: NodeContext): void {
  const bound = (i: number, attr: string, dflt: number): number => {
    if (ctx.opset < 11) return ctx.attrs.float(attr, dflt);
    const c = ctx.constant(i, attr);
    return c ? (c.data[0] ?? dflt) : dflt;
  };
  const max = bound(2, 'max', Infinity);
  // PyTorch's F.relu6 at opset < 11 is Relu then Clip(max = 6) with no min: a lower bound at or
  // below 0 changes nothing after a ReLU, so that pair is a ReLU6.
  const x = ctx.value(0);
  const source = x?.kind === 'act' ? ctx.b.layers.find((l) => l.id === x.layer) : undefined;
  const nonNegative = source?.type === 'ReLU' || source?.type === 'ReLU6';
  const given = bound(1, 'min', -Infinity);
  const min = nonNegative && given < 0 ? 0 : given;
  if (min !== 0 || !(max > 0))
    ctx.fail(
      `clips to [${min}, ${max}]; CNN Studio reads clipping from 0 (a ReLU, or ReLU6 up to 6)`,
      `截断到 [${min}, ${max}]；CNN Studio 只读取从 0 开始的截断（ReLU，或上限为 6 的 ReLU6）`,
    );
  if (max === 6) through(ctx, 'ReLU6');
  else through(ctx, 'ReLU', { maxValue: Number.isFinite(max) && max < 3.4e38 ? max : 0 });
}

export function preluNode(ctx: NodeContext): void {
  const x = ctx.act(0);
  const slope = ctx.constant(1, 'slope');
  if (!slope) return ctx.fail('has no slope (input 2)', '没有斜率（第 2 个输入）');
  const ours = oursShape(x);
  // The slope broadcasts against the ONNX shape without its batch axis, aligned at the end.
  const onnxDims =
    x.layout.kind === 'image' ? (x.layout.order === 'nchw' ? [chw(x)[0], chw(x)[1], chw(x)[2]] : ours) : ours;
  const sd = slope.dims.length > onnxDims.length && slope.dims[0] === 1 ? slope.dims.slice(1) : slope.dims;
  const full = [...Array(onnxDims.length - Math.min(sd.length, onnxDims.length)).fill(1), ...sd];
  if (sd.length > onnxDims.length || full.some((d, i) => d !== 1 && d !== onnxDims[i]))
    ctx.fail(
      `its slope ${slope.dims.join('×')} does not broadcast to the input [${x.shape.join(', ')}]`,
      `它的斜率 ${slope.dims.join('×')} 不能广播到输入 [${x.shape.join(', ')}]`,
    );
  const nchw = x.layout.kind === 'image' && x.layout.order === 'nchw';
  // Our axis k (1-based, HWC) ← ONNX dims index.
  const ourFromOnnx = nchw ? [1, 2, 0] : onnxDims.map((_, i) => i);
  const alphaShape = ourFromOnnx.map((o) => full[o] ?? 1);
  const sharedAxes = alphaShape.flatMap((d, k) => (d === 1 && (ours[k] ?? 1) !== 1 ? [k + 1] : []));
  const alpha = new Float32Array(sizeOf(alphaShape));
  const [a0 = 1, a1 = 1, a2 = 1] = alphaShape;
  const src = slope.data;
  if (nchw) {
    // The slope is [C', H', W'] (each 1 or the full size); ours is [H', W', C'].
    const [, fh = 1, fw = 1] = full;
    for (let y = 0; y < a0; y++)
      for (let xx = 0; xx < a1; xx++)
        for (let c = 0; c < a2; c++) alpha[(y * a1 + xx) * a2 + c] = src[(c * fh + y) * fw + xx] ?? 0;
  } else alpha.set(src.subarray(0, alpha.length));
  const id = ctx.add('PReLU', { sharedAxes }, [x.layer], { alpha });
  ctx.output(0, { ...x, layer: id });
}

export function softmaxNode(ctx: NodeContext): void {
  const x = ctx.act(0);
  const rank = x.shape.length;
  const axis = ctx.attrs.int('axis', ctx.opset >= 13 ? -1 : 1);
  const a = axis < 0 ? axis + rank : axis;
  const flat = x.layout.kind !== 'image' && x.layout.kind !== 'pooled';
  const overVector =
    (flat && a === 1) || (x.layout.kind === 'pooled' && (a === 1 || (ctx.opset < 13 && a === 1)));
  const overChannels =
    x.layout.kind === 'image' && ctx.opset >= 13 && a === (x.layout.order === 'nchw' ? 1 : 3);
  if (!overVector && !overChannels && !(x.layout.kind === 'pooled' && ctx.opset < 13 && a === 1))
    ctx.fail(
      `softmax over axis ${axis} of [${x.shape.join(', ')}] is not supported; CNN Studio reads a softmax over the class scores or the channels`,
      `不支持在 [${x.shape.join(', ')}] 的轴 ${axis} 上做 softmax；CNN Studio 只读取对类别得分或通道的 softmax`,
    );
  through(ctx, 'Softmax', { axis: -1 });
}

export function dropoutNode(ctx: NodeContext): void {
  const ratio = ctx.opset >= 12 ? (ctx.constant(1, 'ratio')?.data[0] ?? 0.5) : ctx.attrs.float('ratio', 0.5);
  ctx.attrs.int('seed', 0);
  const training = ctx.opset >= 12 ? ctx.constant(2, 'training_mode')?.data[0] : 0;
  if (training)
    ctx.fail('runs in training mode (training_mode is true)', '运行在训练模式下（training_mode 为 true）');
  if (ctx.node.output[1] && ctx.readers(1).length > 0)
    ctx.fail('its mask output is used', '它的 mask 输出被使用了');
  through(ctx, 'Dropout', { rate: Math.min(ratio, 0.99) });
}

export function batchNormNode(ctx: NodeContext): void {
  const x = ctx.act(0);
  const names = ['scale', 'B', 'mean', 'var'];
  const [scale, bias, mean, variance] = names.map((n, i) => ctx.constant(i + 1, n));
  const [c] = x.layout.kind === 'vector' ? [x.shape[1] ?? 0] : chw(x);
  names.forEach((n, i) => {
    const v = [scale, bias, mean, variance][i];
    if (!v || v.data.length !== c)
      ctx.fail(
        `its ${n} has ${v?.data.length ?? 0} values; ${c} channels need ${c}`,
        `它的 ${n} 有 ${v?.data.length ?? 0} 个值；${c} 个通道需要 ${c} 个`,
      );
  });
  if (ctx.opset < 9 && ctx.attrs.int('spatial', 1) !== 1)
    ctx.fail('spatial 0 (statistics per position) is not supported', '不支持 spatial 0（按位置统计）');
  if (ctx.opset >= 14 && ctx.attrs.int('training_mode', 0) === 1)
    ctx.fail('runs in training mode (training_mode 1)', '运行在训练模式下（training_mode 为 1）');
  if (ctx.opset < 7) ctx.attrs.int('is_test', 1);
  if (ctx.node.output.slice(1).some((o, k) => o && ctx.readers(k + 1).length > 0))
    ctx.fail('its running statistics outputs are used', '它的运行统计量输出被使用了');
  const params = {
    axis: -1,
    epsilon: ctx.attrs.float('epsilon', 1e-5),
    momentum: ctx.attrs.float('momentum', 0.9),
    center: true,
    scale: true,
  };
  const f = (k: number) => ([scale, bias, mean, variance][k]?.data ?? new Float32Array()) as Float32Array;
  through(ctx, 'BatchNormalization', params, {
    gamma: f(0),
    beta: f(1),
    moving_mean: f(2),
    moving_variance: f(3),
  });
}

const MERGE: Record<string, string> = { Add: 'Add', Sum: 'Add', Sub: 'Subtract', Mul: 'Multiply' };

/** Add / Sub / Mul / Sum of computed tensors; of constants only, folded (shape arithmetic). */
/** Div: of constants (shape arithmetic), or the graph input by its per-channel std. */
export function divNode(ctx: NodeContext): void {
  if (ctx.node.input.every((_, i) => ctx.value(i)?.kind === 'const') || !foldInputNorm(ctx, ctx.b.inputNorm))
    foldBinary(ctx);
}

export function mergeNode(ctx: NodeContext): void {
  const values = ctx.node.input.map((_, i) => ctx.value(i));
  if (values.every((v) => v?.kind === 'const')) return foldBinary(ctx);
  if (foldInputNorm(ctx, ctx.b.inputNorm)) return;
  if (values.some((v) => v?.kind !== 'act'))
    ctx.fail(
      `one of its inputs is a constant; CNN Studio reads ${ctx.opType} between two computed tensors (residual connections, squeeze-and-excitation)`,
      `它的一个输入是常量；CNN Studio 只读取两个计算所得张量之间的 ${ctx.opType}（残差连接、挤压-激励）`,
    );
  const acts = values as Act[];
  const widest = acts.reduce((a, b) => (sizeOf(b.shape) > sizeOf(a.shape) ? b : a));
  for (const a of acts) {
    const sameFamily =
      a.layout.kind === widest.layout.kind ||
      (a.layout.kind === 'pooled' &&
        widest.layout.kind === 'image' &&
        a.layout.order === widest.layout.order);
    if (
      !sameFamily ||
      (a.layout.kind === 'image' && widest.layout.kind === 'image' && a.layout.order !== widest.layout.order)
    )
      ctx.fail(
        `cannot combine [${a.shape.join(', ')}] with [${widest.shape.join(', ')}] element by element here`,
        `无法在此逐元素合并 [${a.shape.join(', ')}] 与 [${widest.shape.join(', ')}]`,
      );
  }
  const type = MERGE[ctx.opType] ?? 'Add';
  const id = ctx.add(
    type,
    {},
    acts.map((a) => a.layer),
  );
  ctx.output(0, { ...widest, layer: id });
}
