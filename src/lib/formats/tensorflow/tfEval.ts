/**
 * Working out small tensors without running the graph: the integer arithmetic TensorFlow
 * builds shapes with (Shape, StridedSlice, Pack, Prod, ConcatV2, …) over constants. An
 * unknown batch size is NaN and stays NaN through arithmetic. Only what shape code uses is
 * here; anything else answers null and the caller names the node.
 */
import type { TfNode } from './graphDef';
import { readTensor } from './tensorProto';

/** Ops that hand their input on unchanged. */
export const PASS_OPS = new Set([
  'Identity',
  'ReadVariableOp',
  'Snapshot',
  'StopGradient',
  'PreventGradient',
  'CheckNumerics',
  'IdentityN',
  'EnsureShape',
]);

export interface Value {
  shape: number[];
  values: number[];
}

/** Largest value worked out (a Fill of a huge shape is not a shape). */
const MAX_VALUES = 1 << 20;

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function intAttr(n: TfNode, key: string): number {
  const a = n.attrs.get(key)?.value;
  return a?.kind === 'i' ? a.value : 0;
}

function binary(op: string, a: number, b: number): number | null {
  switch (op) {
    case 'Mul':
      return a * b;
    case 'Add':
    case 'AddV2':
      return a + b;
    case 'Sub':
      return a - b;
    case 'FloorDiv':
      return Math.floor(a / b);
    case 'RealDiv':
    case 'Div':
      return a / b;
    case 'Maximum':
      return Math.max(a, b);
    case 'Minimum':
      return Math.min(a, b);
    default:
      return null;
  }
}

function broadcast(op: string, a: Value, b: Value): Value | null {
  const n = Math.max(a.values.length, b.values.length);
  if (a.values.length !== n && a.values.length !== 1) return null;
  if (b.values.length !== n && b.values.length !== 1) return null;
  const values: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = binary(
      op,
      a.values[a.values.length === 1 ? 0 : k] ?? 0,
      b.values[b.values.length === 1 ? 0 : k] ?? 0,
    );
    if (v === null) return null;
    values.push(v);
  }
  return { shape: a.values.length >= b.values.length ? a.shape : b.shape, values };
}

/** One axis of a 1-D strided slice, with TensorFlow's begin/end/shrink masks. */
function stridedSlice(n: TfNode, [input, begin, end, strides]: (Value | undefined)[]): Value | null {
  if (!input || !begin || !end || !strides || input.shape.length !== 1) return null;
  if (intAttr(n, 'ellipsis_mask') || intAttr(n, 'new_axis_mask') || begin.values.length !== 1) return null;
  const len = input.values.length;
  const step = strides.values[0] ?? 1;
  if (step === 0) return null;
  const clamp = (x: number) => Math.min(Math.max(x < 0 ? x + len : x, 0), len);
  let from = intAttr(n, 'begin_mask') & 1 ? (step > 0 ? 0 : len - 1) : clamp(begin.values[0] ?? 0);
  if (intAttr(n, 'shrink_axis_mask') & 1) {
    const at = (begin.values[0] ?? 0) < 0 ? (begin.values[0] ?? 0) + len : (begin.values[0] ?? 0);
    return at >= 0 && at < len ? { shape: [], values: [input.values[at] ?? 0] } : null;
  }
  const to = intAttr(n, 'end_mask') & 1 ? (step > 0 ? len : -1) : clamp(end.values[0] ?? len);
  if (step < 0) from = Math.min(from, len - 1);
  const values: number[] = [];
  for (let k = from; step > 0 ? k < to : k > to; k += step) values.push(input.values[k] ?? 0);
  return { shape: [values.length], values };
}

/**
 * The value of output `output` of node `n` from its inputs' values, or null when it cannot
 * be worked out. `dataShape`: for a Shape node over a layer's output, that shape (batch left out).
 */
export function evalOp(n: TfNode, args: Value[], dataShape: number[] | null, output: number): Value | null {
  const [a, b] = args;
  if (PASS_OPS.has(n.op) || n.op === 'Cast') return args[n.op === 'IdentityN' ? output : 0] ?? null;
  switch (n.op) {
    case 'Const': {
      const t = n.attrs.get('value')?.value;
      if (t?.kind !== 'tensor') return null;
      const tensor = readTensor(t.value, `constant "${n.name}"`);
      if (tensor.values.length > MAX_VALUES) return null;
      return { shape: tensor.shape, values: Array.from(tensor.values) };
    }
    case 'Shape': {
      const dims = dataShape ? [NaN, ...dataShape] : a?.shape;
      return dims ? { shape: [dims.length], values: dims } : null;
    }
    case 'Size':
      return dataShape ? { shape: [], values: [NaN] } : a ? { shape: [], values: [size(a.shape)] } : null;
    case 'StridedSlice':
      return stridedSlice(n, args);
    case 'Pack': {
      if (intAttr(n, 'axis') !== 0 || args.some((v) => v.values.length !== 1)) return null;
      return { shape: [args.length], values: args.map((v) => v.values[0] ?? 0) };
    }
    case 'ConcatV2': {
      const parts = args.slice(0, -1);
      if (parts.some((v) => v.shape.length !== 1)) return null;
      const values = parts.flatMap((v) => v.values);
      return { shape: [values.length], values };
    }
    case 'Prod':
    case 'Sum': {
      if (!a || a.shape.length > 1) return null;
      const r = n.op === 'Prod' ? a.values.reduce((x, y) => x * y, 1) : a.values.reduce((x, y) => x + y, 0);
      const keep = n.attrs.get('keep_dims')?.value;
      return { shape: keep?.kind === 'b' && keep.value ? [1] : [], values: [r] };
    }
    case 'Neg':
      return a ? { shape: a.shape, values: a.values.map((x) => -x) } : null;
    case 'Fill': {
      if (!a || !b || a.values.some((d) => !Number.isInteger(d) || d < 0) || size(a.values) > MAX_VALUES)
        return null;
      return { shape: a.values, values: new Array<number>(size(a.values)).fill(b.values[0] ?? 0) };
    }
    case 'Reshape':
    case 'Squeeze':
    case 'ExpandDims':
      // Only small shape tensors pass through here; their values keep their order.
      return a
        ? {
            shape:
              n.op === 'Reshape' && b
                ? b.values.map((d) => (d < 0 ? a.values.length : d))
                : [a.values.length],
            values: a.values,
          }
        : null;
    default:
      return a && b && args.length === 2 ? broadcast(n.op, a, b) : null;
  }
}
