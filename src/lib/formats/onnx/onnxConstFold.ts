/**
 * Constant tensors of any rank computed while reading. PyTorch writes `F.pad(x, (l, r, t, b))`
 * at opset 11+ as shape arithmetic on the pads list: ConstantOfShape → Concat → Reshape to
 * [-1, 2] → Slice with step −1 (reverse the pairs) → Transpose → Reshape to [-1] → Cast, and a
 * Pad that reads the result. These fold here into the constant they compute.
 */
import type { NodeContext } from './onnxBuilder';
import { readTensor, type Const } from './onnxTensor';
import { sizeOf } from './onnxValues';

function strides(dims: readonly number[]): number[] {
  const s = dims.map(() => 1);
  for (let k = dims.length - 2; k >= 0; k--) s[k] = (s[k + 1] ?? 1) * (dims[k + 1] ?? 1);
  return s;
}

/** A tensor of the shape its input lists, every element the `value` attribute (0.0 when absent). */
export function constantOfShapeNode(ctx: NodeContext): void {
  const shape = ctx.constant(0, 'shape') ?? ctx.fail('has no shape', '没有 shape');
  const dims = Array.from(shape.data);
  if (dims.some((d) => !Number.isInteger(d) || d < 0))
    ctx.fail(
      `has shape [${dims.join(', ')}], which is not a list of sizes`,
      `的 shape [${dims.join(', ')}] 不是尺寸列表`,
    );
  const t = ctx.attrs.tensor('value');
  const fill = t
    ? readTensor(t, `${ctx.label.en}: value`, `${ctx.path}.attribute.value`)
    : { dims: [1], data: Float32Array.of(0), integer: false };
  if (fill.data.length !== 1)
    ctx.fail(
      `its value has ${fill.data.length} elements; ONNX needs one`,
      `其 value 有 ${fill.data.length} 个元素；ONNX 要求一个`,
    );
  const n = sizeOf(dims);
  const data = new (fill.integer ? Float64Array : Float32Array)(n).fill(fill.data[0] ?? 0);
  ctx.output(0, { kind: 'const', value: { dims, data, integer: fill.integer } });
}

/** Reshape of a constant (0 keeps the input's size on that axis unless allowzero, −1 takes what is left). */
export function reshapeConst(ctx: NodeContext, c: Const, shape: readonly number[], allowZero = false): void {
  const dims = shape.map((d, i) => (d === 0 && !allowZero ? (c.dims[i] ?? 0) : d));
  const known = sizeOf(dims.filter((d) => d !== -1));
  const total = c.data.length;
  const out = dims.map((d) => (d === -1 && known > 0 ? total / known : d));
  if (
    dims.filter((d) => d === -1).length > 1 ||
    sizeOf(out) !== total ||
    out.some((d) => !Number.isInteger(d))
  )
    ctx.fail(
      `reshapes a constant of [${c.dims.join(', ')}] to [${shape.join(', ')}]`,
      `把形状为 [${c.dims.join(', ')}] 的常量变形为 [${shape.join(', ')}]`,
    );
  ctx.output(0, { kind: 'const', value: { ...c, dims: out } });
}

/** Transpose of a constant (perm defaults to reversing the axes). */
export function transposeConst(ctx: NodeContext, c: Const, permAttr: number[] | null): void {
  const rank = c.dims.length;
  const perm = permAttr ?? c.dims.map((_, i) => rank - 1 - i);
  if (perm.length !== rank || [...perm].sort((a, b) => a - b).some((p, i) => p !== i))
    ctx.fail(
      `perm [${perm.join(', ')}] is not an order of the ${rank} axes of a constant`,
      `perm [${perm.join(', ')}] 不是常量 ${rank} 个轴的一种排列`,
    );
  const dims = perm.map((p) => c.dims[p] ?? 1);
  const inStrides = strides(c.dims);
  const outStrides = strides(dims);
  const out = new (c.integer ? Float64Array : Float32Array)(c.data.length);
  for (let o = 0; o < out.length; o++) {
    let from = 0;
    for (let k = 0; k < rank; k++)
      from += (Math.floor(o / (outStrides[k] ?? 1)) % (dims[k] ?? 1)) * (inStrides[perm[k] ?? 0] ?? 1);
    out[o] = c.data[from] ?? 0;
  }
  ctx.output(0, { kind: 'const', value: { dims, data: out, integer: c.integer } });
}

/** The positions one axis keeps for a Slice start/end/step, clamped as the ONNX spec says. */
function slicePositions(n: number, start: number, end: number, step: number): number[] {
  const s = start < 0 ? start + n : start;
  const e = end < 0 ? end + n : end;
  const picks: number[] = [];
  if (step > 0)
    for (let i = Math.min(Math.max(s, 0), n); i < Math.min(Math.max(e, 0), n); i += step) picks.push(i);
  else
    for (let i = Math.min(Math.max(s, -1), n - 1); i > Math.min(Math.max(e, -1), n - 1); i += step)
      picks.push(i);
  return picks;
}

/** Slice of a constant of any rank, steps negative too (PyTorch reverses the pads list so). */
export function sliceConstant(
  ctx: NodeContext,
  c: Const,
  starts: number[],
  ends: number[],
  axes: number[],
  steps: number[],
): void {
  const rank = c.dims.length;
  const keep = c.dims.map((n) => Array.from({ length: n }, (_, i) => i));
  axes.forEach((a, k) => {
    const axis = a < 0 ? a + rank : a;
    const step = steps[k] ?? 1;
    if (axis < 0 || axis >= rank || step === 0)
      ctx.fail(
        `slices axis ${a} with step ${step} of a rank-${rank} constant`,
        `以步长 ${step} 切片 ${rank} 维常量的轴 ${a}`,
      );
    keep[axis] = slicePositions(c.dims[axis] ?? 0, starts[k] ?? 0, ends[k] ?? 0, step);
  });
  const dims = keep.map((k) => k.length);
  const st = strides(c.dims);
  const out = new (c.integer ? Float64Array : Float32Array)(sizeOf(dims));
  const outStrides = strides(dims);
  for (let o = 0; o < out.length; o++) {
    let from = 0;
    for (let k = 0; k < rank; k++)
      from += (keep[k]?.[Math.floor(o / (outStrides[k] ?? 1)) % (dims[k] ?? 1)] ?? 0) * (st[k] ?? 1);
    out[o] = c.data[from] ?? 0;
  }
  ctx.output(0, { kind: 'const', value: { dims, data: out, integer: c.integer } });
}
