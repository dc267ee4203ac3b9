/**
 * Gemm and MatMul with constant weights → Dense. A MatMul whose only reader is an Add of a
 * constant vector (how Keras and older PyTorch exports write a linear layer) becomes one
 * Dense with that bias. A flattened NCHW map is read with the kernel rows reordered.
 */
import type { NodeContext } from './onnxBuilder';
import { chwIndexOf, type Act } from './onnxValues';
import { denseKernel } from './onnxWeights';
import type { Const } from './onnxTensor';

function vectorInput(ctx: NodeContext): Act {
  const a = ctx.act(0);
  if (a.layout.kind === 'image' || a.shape.length !== (a.layout.kind === 'pooled' ? 4 : 2))
    ctx.fail(
      `multiplies [${a.shape.join(', ')}]; CNN Studio reads a matrix product of a vector [N, K] (flatten the maps first)`,
      `相乘的是 [${a.shape.join(', ')}]；CNN Studio 只读取向量 [N, K] 的矩阵乘积（请先展平特征图）`,
    );
  return a;
}

function biasOf(ctx: NodeContext, c: Const | undefined, m: number, beta: number): Float32Array | undefined {
  if (!c) return undefined;
  if (c.data.length !== m && c.data.length !== 1)
    ctx.fail(
      `its bias C is ${c.dims.join('×')}; ${m} outputs need ${m} values (or one)`,
      `它的偏置 C 为 ${c.dims.join('×')}；${m} 个输出需要 ${m} 个值（或一个）`,
    );
  return Float32Array.from({ length: m }, (_, j) => beta * (c.data[c.data.length === 1 ? 0 : j] ?? 0));
}

function addDense(
  ctx: NodeContext,
  a: Act,
  w: Const,
  transposed: boolean,
  alpha: number,
  bias: Float32Array | undefined,
): Act {
  const [r = 0, s = 0] = w.dims;
  const [k, m] = transposed ? [s, r] : [r, s];
  const features = a.layout.kind === 'pooled' ? (a.shape[1] ?? 0) * (a.shape[3] ?? 1) : (a.shape[1] ?? 0);
  if (w.dims.length !== 2 || k !== features)
    ctx.fail(
      `its weights ${w.dims.join('×')} do not fit an input of ${features} features`,
      `它的权重 ${w.dims.join('×')} 不适合 ${features} 个特征的输入`,
    );
  const order = a.layout.kind === 'chwVector' ? chwIndexOf(a.layout) : undefined;
  const weights: Record<string, Float32Array> = {
    kernel: denseKernel(w.data as Float32Array, k, m, transposed, alpha, order),
  };
  if (bias) weights.bias = bias;
  const id = ctx.add(
    'Dense',
    { units: m, activation: 'linear', useBias: bias !== undefined },
    [a.layer],
    weights,
  );
  return { kind: 'act', layer: id, shape: [1, m], layout: { kind: 'vector' } };
}

export function gemmNode(ctx: NodeContext): void {
  const a = vectorInput(ctx);
  if (ctx.attrs.int('transA', 0) !== 0) ctx.fail('transA 1 is not supported', '不支持 transA 1');
  if (ctx.opset < 7) ctx.attrs.int('broadcast', 0);
  const w = ctx.constant(1, 'weights B') ?? ctx.fail('has no B', '没有 B');
  const transposed = ctx.attrs.int('transB', 0) === 1;
  const m = transposed ? (w.dims[0] ?? 0) : (w.dims[1] ?? 0);
  const bias = biasOf(ctx, ctx.constant(2, 'bias C'), m, ctx.attrs.float('beta', 1));
  ctx.output(0, addDense(ctx, a, w, transposed, ctx.attrs.float('alpha', 1), bias));
}

export function matMulNode(ctx: NodeContext): void {
  const a = vectorInput(ctx);
  const w = ctx.constant(1, 'weights B') ?? ctx.fail('has no B', '没有 B');
  const m = w.dims[1] ?? 0;
  const readers = ctx.readers(0);
  const add =
    readers.length === 1 && readers[0]?.opType === 'Add' && !ctx.b.graphOutputs.has(ctx.node.output[0] ?? '')
      ? readers[0]
      : undefined;
  const other = add?.input.find((n) => n !== ctx.node.output[0]);
  const biasValue = other ? ctx.b.values.get(other) : undefined;
  const foldable =
    add &&
    add.input.length === 2 &&
    biasValue?.kind === 'const' &&
    (biasValue.value.data.length === m || biasValue.value.data.length === 1);
  const bias = foldable && biasValue?.kind === 'const' ? biasOf(ctx, biasValue.value, m, 1) : undefined;
  const out = addDense(ctx, a, w, false, 1, bias);
  // With the bias folded in, the layer computes the Add's output, not the product alone.
  if (foldable && add) {
    ctx.b.absorbed.add(add);
    const name = add.output[0];
    if (name) ctx.b.values.set(name, out);
  } else ctx.output(0, out);
}
