/**
 * ONNX window geometry (Conv, ConvTranspose, MaxPool, AveragePool: kernel_shape, strides,
 * dilations, pads, auto_pad, ceil_mode) onto ours. tfjs knows two paddings: 'valid' and
 * TensorFlow's 'same' (the odd pixel at the end). ONNX pads are explicit and may be
 * asymmetric, so each window is matched exactly: to 'valid', to 'same' where that pads the
 * same pixels, or to a ZeroPadding2D layer and 'valid', where zeros are what ONNX pads with
 * (convolutions, average pooling counting the pads, max pooling of values that are never
 * negative). Anything else is refused, never approximated.
 */
import type { NodeContext } from './onnxBuilder';

export interface Geometry {
  kernel: [number, number];
  strides: [number, number];
  dilations: [number, number];
  /** Padding before the first row and column. */
  begin: [number, number];
  /** Padding the last window reaches past the end (more than `pads` with ceil_mode). */
  end: [number, number];
  /** The end pads the file gives (before ceil_mode). */
  declaredEnd: [number, number];
  out: [number, number];
}

export type Padding =
  | { padding: 'valid' | 'same' }
  | { padding: 'valid'; zeros: { top: number; bottom: number; left: number; right: number } };

function pair(values: number[] | null, dflt: number, ctx: NodeContext, name: string): [number, number] {
  if (values === null) return [dflt, dflt];
  if (values.length !== 2 || values.some((v) => !Number.isInteger(v) || v < 1))
    ctx.fail(
      `attribute "${name}" is [${values.join(', ')}]; expected two positive sizes (height, width)`,
      `属性 “${name}” 为 [${values.join(', ')}]；应为两个正数（高、宽）`,
    );
  return [values[0] ?? dflt, values[1] ?? dflt];
}

/** Reads the window of a 2-D node over an input of `size` = [height, width]. */
export function readGeometry(
  ctx: NodeContext,
  kernel: number[],
  size: [number, number],
  ceil: boolean,
): Geometry {
  const k = pair(kernel, 1, ctx, 'kernel_shape');
  const strides = pair(ctx.attrs.ints('strides', null), 1, ctx, 'strides');
  const dilations = pair(ctx.attrs.ints('dilations', null), 1, ctx, 'dilations');
  const autoPad = ctx.attrs.string('auto_pad', 'NOTSET');
  const pads = ctx.attrs.ints('pads', null) ?? [0, 0, 0, 0];
  if (pads.length !== 4 || pads.some((p) => !Number.isInteger(p) || p < 0))
    ctx.fail(
      `attribute "pads" is [${pads.join(', ')}]; expected four sizes [top, left, bottom, right]`,
      `属性 “pads” 为 [${pads.join(', ')}]；应为四个尺寸 [上, 左, 下, 右]`,
    );
  const begin: [number, number] = [0, 0];
  const end: [number, number] = [0, 0];
  const declaredEnd: [number, number] = [0, 0];
  const out: [number, number] = [0, 0];
  for (const a of [0, 1] as const) {
    const reach = (k[a] - 1) * dilations[a] + 1;
    const s = strides[a];
    let pb = pads[a] ?? 0;
    let pe = pads[a + 2] ?? 0;
    if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
      const total = Math.max((Math.ceil(size[a] / s) - 1) * s + reach - size[a], 0);
      pb = autoPad === 'SAME_UPPER' ? Math.floor(total / 2) : Math.ceil(total / 2);
      pe = total - pb;
    } else if (autoPad === 'VALID') {
      pb = 0;
      pe = 0;
    } else if (autoPad !== 'NOTSET')
      ctx.fail(`auto_pad "${autoPad}" is not an ONNX padding`, `auto_pad “${autoPad}” 不是 ONNX 的填充方式`);
    const span = size[a] + pb + pe - reach;
    if (span < 0)
      ctx.fail(
        `the window (${reach} wide with dilation) is larger than the padded input (${size[a] + pb + pe})`,
        `窗口（含膨胀宽 ${reach}）大于填充后的输入（${size[a] + pb + pe}）`,
      );
    let n = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
    // As onnxruntime and PyTorch do: the last window must start inside the input or the front padding.
    if (ceil && (n - 1) * s >= size[a] + pb) n--;
    out[a] = n;
    begin[a] = pb;
    declaredEnd[a] = pe;
    end[a] = (n - 1) * s + reach - size[a] - pb;
  }
  return { kernel: k, strides, dilations, begin, end, declaredEnd, out };
}

/**
 * How to pad for a window with our layers. `exact.zeros`: padding with zeros gives what ONNX
 * computes (not for max pooling of values that can be negative, nor for average pooling
 * that leaves the pads out of its count); `exact.same`: 'same' does (it leaves padded
 * pixels out of a pooling window, as ONNX does unless it counts the pads).
 */
export function choosePadding(
  ctx: NodeContext,
  g: Geometry,
  size: [number, number],
  exact: { same: boolean; zeros: boolean },
): Padding {
  const axes = [0, 1] as const;
  const validOut = axes.map(
    (a) => Math.floor((size[a] - ((g.kernel[a] - 1) * g.dilations[a] + 1)) / g.strides[a]) + 1,
  );
  if (axes.every((a) => g.begin[a] === 0 && validOut[a] === g.out[a])) return { padding: 'valid' };
  const sameMatches = axes.every((a) => {
    const s = g.strides[a];
    const outSame = Math.ceil(size[a] / s);
    const total = Math.max((outSame - 1) * s + (g.kernel[a] - 1) * g.dilations[a] + 1 - size[a], 0);
    return g.out[a] === outSame && g.begin[a] === Math.floor(total / 2);
  });
  if (sameMatches && exact.same) return { padding: 'same' };
  if (!exact.zeros)
    return ctx.fail(
      `its padding (pads [${g.begin[0]}, ${g.begin[1]}, ${g.declaredEnd[0]}, ${g.declaredEnd[1]}]${g.end.some((e, a) => e > (g.declaredEnd[a] ?? 0)) ? ' with ceil_mode' : ''}) is neither "valid" nor TensorFlow's "same", and padding with zeros would change the result here`,
      `它的填充（pads [${g.begin[0]}, ${g.begin[1]}, ${g.declaredEnd[0]}, ${g.declaredEnd[1]}]）既不是 “valid” 也不是 TensorFlow 的 “same”，而在这里补零会改变结果`,
    );
  return {
    padding: 'valid',
    zeros: {
      top: g.begin[0],
      left: g.begin[1],
      bottom: Math.max(g.end[0], 0),
      right: Math.max(g.end[1], 0),
    },
  };
}
