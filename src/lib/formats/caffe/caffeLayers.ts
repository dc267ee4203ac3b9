/**
 * One converter per Caffe layer type: reads its `*_param` block and adds the layers of
 * ours that compute the same thing, sized as Caffe sizes it. This per-format table keeps
 * Caffe's vocabulary in one place instead of spreading it over the layer registry.
 */
import type { LayerSpec, Localized, Shape } from '../../spec/types';
import type { CaffeLayer } from './caffeNet';
import { bool, enumOf, field, int, sub, uint, uints } from './caffeNet';
import type { PMessage } from './prototxt';
import { caffeDeconvOut, caffeConvOut, caffePoolOut, planPadding, type Axis } from './caffeRules';

export interface ImportContext {
  layer: CaffeLayer;
  /** Our ids of the layer's bottoms (label blobs already left out). */
  inputs: string[];
  shapeOf(id: string): Shape;
  /** A layer added earlier, to fold a following layer into (BatchNorm + Scale). */
  layerOf(id: string): LayerSpec | undefined;
  /** Adds a layer (its id made unique) and returns the id. */
  add(spec: LayerSpec): string;
  note(text: Localized): void;
  fail(en: string, zh: string): never;
}

/** The id producing the layer's tops, null when it adds nothing, 'split' to alias its input. */
export type Converter = (ctx: ImportContext) => string | null | 'split';

function one(ctx: ImportContext): string {
  if (ctx.inputs.length !== 1)
    ctx.fail(
      `needs exactly one bottom, has ${ctx.inputs.length}`,
      `需要正好一个 bottom，实际有 ${ctx.inputs.length} 个`,
    );
  return ctx.inputs[0] ?? '';
}

function image(ctx: ImportContext, id: string): [number, number, number] {
  const s = ctx.shapeOf(id);
  if (s.length !== 3)
    ctx.fail(
      `needs an N×C×H×W input, got ${s.length + 1} axes`,
      `需要 N×C×H×W 的输入，实际有 ${s.length + 1} 个维度`,
    );
  return [s[0] ?? 0, s[1] ?? 0, s[2] ?? 0];
}

function param(ctx: ImportContext, name: string): PMessage {
  return sub(ctx.layer.msg, name) ?? ctx.fail(`missing ${name} { … }`, `缺少 ${name} { … }`);
}

/**
 * A [h, w] pair from `x_h` and `x_w` or from a repeated `x` (one value for both, or two),
 * never both ways at once and never one of `x_h`/`x_w` alone, as Caffe checks.
 */
function pair(ctx: ImportContext, p: PMessage, name: string, fallback: number | null): [number, number] {
  const listName = name === 'kernel' ? 'kernel_size' : name;
  const hasH = field(p, `${name}_h`) !== undefined;
  const hasW = field(p, `${name}_w`) !== undefined;
  const list = uints(p, listName);
  if (hasH !== hasW)
    ctx.fail(
      `give both ${name}_h and ${name}_w, or ${listName}`,
      `请同时给出 ${name}_h 和 ${name}_w，或者给出 ${listName}`,
    );
  if (hasH && list.length > 0)
    ctx.fail(
      `give either ${listName} or ${name}_h and ${name}_w, not both`,
      `${listName} 与 ${name}_h、${name}_w 只能给出一种`,
    );
  if (hasH) return [uint(p, `${name}_h`, 0), uint(p, `${name}_w`, 0)];
  if (list.length === 1) return [list[0] ?? 0, list[0] ?? 0];
  if (list.length === 2) return [list[0] ?? 0, list[1] ?? 0];
  if (list.length > 2)
    ctx.fail(
      `${name} has ${list.length} values; only 2-D layers are supported`,
      `${name} 有 ${list.length} 个值；只支持二维层`,
    );
  if (fallback === null)
    ctx.fail(
      `missing ${name === 'kernel' ? 'kernel_size' : name}`,
      `缺少 ${name === 'kernel' ? 'kernel_size' : name}`,
    );
  return [fallback ?? 0, fallback ?? 0];
}

function expectShape(ctx: ImportContext, id: string, want: number[]): string {
  const got = ctx.shapeOf(id);
  if (got.join('×') !== want.join('×'))
    ctx.fail(
      `Caffe gives ${want.join('×')} but the converted layers give ${got.join('×')}`,
      `Caffe 得到 ${want.join('×')}，但转换后的层得到 ${got.join('×')}`,
    );
  return id;
}

/** Adds explicit zero padding when Caffe's padding is not one of ours, and returns the layer's source. */
function padded(
  ctx: ImportContext,
  src: string,
  axes: [Axis, Axis],
): { src: string; padding: 'valid' | 'same' } {
  const plan =
    planPadding(axes) ??
    ctx.fail('its padding and rounding cannot be reproduced', '无法复现它的填充与取整方式');
  if (!('zeros' in plan)) return { src, padding: plan.padding };
  const [[t, b] = [0, 0], [l, r] = [0, 0]] = plan.zeros;
  const id = ctx.add({
    id: `${ctx.layer.name}_pad`,
    type: 'ZeroPadding2D',
    params: { padding: [t, b, l, r] },
    inputs: [src],
  });
  return { src: id, padding: 'valid' };
}

/** Kernel, stride and pad of a convolution, with Caffe's checks that kernel and stride are nonzero. */
function convWindow(
  ctx: ImportContext,
  p: PMessage,
): Record<'kh' | 'kw' | 'sh' | 'sw' | 'ph' | 'pw', number> {
  const [kh, kw] = pair(ctx, p, 'kernel', null);
  const [sh, sw] = pair(ctx, p, 'stride', 1);
  const [ph, pw] = pair(ctx, p, 'pad', 0);
  if (kh < 1 || kw < 1) ctx.fail('the kernel size must be at least 1', '卷积核大小至少为 1');
  if (sh < 1 || sw < 1) ctx.fail('the stride must be at least 1', '步长至少为 1');
  return { kh, kw, sh, sw, ph, pw };
}

const convolution: Converter = (ctx) => {
  const src = one(ctx);
  const [h, w, c] = image(ctx, src);
  const p = param(ctx, 'convolution_param');
  const filters = uint(p, 'num_output', 0);
  if (filters < 1) ctx.fail('num_output must be at least 1', 'num_output 至少为 1');
  const { kh, kw, sh, sw, ph, pw } = convWindow(ctx, p);
  const [dh, dw] = pair(ctx, p, 'dilation', 1);
  if (dh < 1 || dw < 1) ctx.fail('dilation must be at least 1', 'dilation 至少为 1');
  const group = uint(p, 'group', 1);
  // Caffe checks that the channels and the outputs both divide into the groups.
  if (group < 1) ctx.fail('group must be at least 1', 'group 至少为 1');
  const useBias = bool(p, 'bias_term', true);
  const out = [caffeConvOut(h, kh, sh, ph, dh), caffeConvOut(w, kw, sw, pw, dw)];
  const pad = padded(ctx, src, [
    { size: h, kernel: kh, stride: sh, pad: ph, dilation: dh, out: out[0] ?? 0 },
    { size: w, kernel: kw, stride: sw, pad: pw, dilation: dw, out: out[1] ?? 0 },
  ]);
  const window = { kernelSize: [kh, kw], strides: [sh, sw], padding: pad.padding };
  const base = { id: ctx.layer.name, inputs: [pad.src] };
  let id: string;
  if (group > 1 && group === c && filters % c === 0 && dh === 1 && dw === 1)
    id = ctx.add({
      ...base,
      type: 'DepthwiseConv2D',
      params: { ...window, depthMultiplier: filters / c, activation: 'linear', useBias },
    });
  else if (group > 1)
    id = ctx.add({
      ...base,
      type: 'GroupedConv2D',
      params: { filters, ...window, dilation: [dh, dw], groups: group, activation: 'linear', useBias },
    });
  else
    id = ctx.add({
      ...base,
      type: 'Conv2D',
      params: { filters, ...window, dilation: [dh, dw], activation: 'linear', useBias },
    });
  return expectShape(ctx, id, [...out, filters]);
};

const deconvolution: Converter = (ctx) => {
  const src = one(ctx);
  const [h, w] = image(ctx, src);
  const p = param(ctx, 'convolution_param');
  const filters = uint(p, 'num_output', 0);
  if (filters < 1) ctx.fail('num_output must be at least 1', 'num_output 至少为 1');
  const { kh, kw, sh, sw, ph, pw } = convWindow(ctx, p);
  if (uint(p, 'group', 1) !== 1) ctx.fail('grouped deconvolution is not supported', '不支持分组反卷积');
  if (pair(ctx, p, 'dilation', 1).some((d) => d !== 1))
    ctx.fail('dilated deconvolution is not supported', '不支持膨胀反卷积');
  const out = [caffeDeconvOut(h, kh, sh, ph), caffeDeconvOut(w, kw, sw, pw)];
  const valid = ph === 0 && pw === 0 && kh >= sh && kw >= sw;
  const same = kh - sh === 2 * ph && kw - sw === 2 * pw;
  if (!valid && !same)
    ctx.fail(
      'this kernel, stride and padding have no TensorFlow equivalent',
      '这种卷积核、步长与填充的组合在 TensorFlow 中没有对应',
    );
  const id = ctx.add({
    id: ctx.layer.name,
    type: 'Conv2DTranspose',
    params: {
      filters,
      kernelSize: [kh, kw],
      strides: [sh, sw],
      padding: valid ? 'valid' : 'same',
      activation: 'linear',
      useBias: bool(p, 'bias_term', true),
    },
    inputs: [src],
  });
  return expectShape(ctx, id, [...out, filters]);
};

/** Kernel, stride and pad of a pooling layer, with Caffe's checks (PoolingLayer::LayerSetUp). */
function poolWindow(
  ctx: ImportContext,
  p: PMessage,
): Record<'kh' | 'kw' | 'sh' | 'sw' | 'ph' | 'pw', number> {
  const { kh, kw, sh, sw, ph, pw } = convWindow(ctx, p);
  if (ph >= kh || pw >= kw)
    ctx.fail(
      `the padding (${ph}×${pw}) must be smaller than the kernel (${kh}×${kw})`,
      `填充（${ph}×${pw}）必须小于池化窗口（${kh}×${kw}）`,
    );
  return { kh, kw, sh, sw, ph, pw };
}

/** Global pooling takes the whole input; Caffe refuses a kernel size, a stride or a padding beside it. */
function globalWindow(
  ctx: ImportContext,
  p: PMessage,
  h: number,
  w: number,
): Record<'kh' | 'kw' | 'sh' | 'sw' | 'ph' | 'pw', number> {
  if (field(p, 'kernel_size') || field(p, 'kernel_h') || field(p, 'kernel_w'))
    ctx.fail(
      'global_pooling takes the whole input; a kernel size cannot be given as well',
      'global_pooling 作用于整个输入；不能同时给出卷积核大小',
    );
  const [sh, sw] = pair(ctx, p, 'stride', 1);
  const [ph, pw] = pair(ctx, p, 'pad', 0);
  if (sh !== 1 || sw !== 1 || ph !== 0 || pw !== 0)
    ctx.fail('global_pooling needs stride 1 and pad 0', 'global_pooling 要求 stride 为 1、pad 为 0');
  return { kh: h, kw: w, sh, sw, ph, pw };
}

const pooling: Converter = (ctx) => {
  const src = one(ctx);
  const [h, w, c] = image(ctx, src);
  const p = sub(ctx.layer.msg, 'pooling_param') ?? { fields: [], pos: ctx.layer.pos };
  const kind = enumOf(p, 'pool', ['MAX', 'AVE', 'STOCHASTIC'], 'MAX');
  if (kind === 'STOCHASTIC') ctx.fail('stochastic pooling is not supported', '不支持随机池化');
  const global = bool(p, 'global_pooling', false);
  const { kh, kw, sh, sw, ph, pw } = global ? globalWindow(ctx, p, h, w) : poolWindow(ctx, p);
  const ceil = enumOf(p, 'round_mode', ['CEIL', 'FLOOR'], 'CEIL') === 'CEIL';
  const out = [caffePoolOut(h, kh, sh, ph, ceil), caffePoolOut(w, kw, sw, pw, ceil)];
  // Caffe's average divides by the window clipped to the padded map, pad included: its pad is
  // real zeros, and a last window hanging past them is clipped as tfjs' 'same' clips (exact
  // when that adds nothing before). A max ignores its pad, as tfjs' 'same' does.
  const zeroPad = kind === 'AVE' && (ph > 0 || pw > 0);
  const from = zeroPad
    ? ctx.add({
        id: `${ctx.layer.name}_pad_in`,
        type: 'ZeroPadding2D',
        params: { padding: [ph, ph, pw, pw] },
        inputs: [src],
      })
    : src;
  const [py, px] = zeroPad ? [0, 0] : [ph, pw];
  const pad = padded(ctx, from, [
    { size: h + 2 * (ph - py), kernel: kh, stride: sh, pad: py, dilation: 1, out: out[0] ?? 0 },
    { size: w + 2 * (pw - px), kernel: kw, stride: sw, pad: px, dilation: 1, out: out[1] ?? 0 },
  ]);
  if (pad.src !== from)
    ctx.note({
      en: `${ctx.layer.name}: Caffe's border windows are reproduced with zero padding, which can change border values.`,
      zh: `${ctx.layer.name}：Caffe 的边界窗口用补零复现，边界处的值可能不同。`,
    });
  const type = kind === 'MAX' ? 'MaxPooling2D' : 'AveragePooling2D';
  const id = ctx.add({
    id: ctx.layer.name,
    type,
    params: { poolSize: [kh, kw], strides: [sh, sw], padding: pad.padding },
    inputs: [pad.src],
  });
  return expectShape(ctx, id, [...out, c]);
};

const innerProduct: Converter = (ctx) => {
  let src = one(ctx);
  const p = param(ctx, 'inner_product_param');
  const units = uint(p, 'num_output', 0);
  if (units < 1) ctx.fail('num_output must be at least 1', 'num_output 至少为 1');
  if (int(p, 'axis', 1) !== 1) ctx.fail('only axis: 1 is supported', '只支持 axis: 1');
  if (bool(p, 'transpose', false)) ctx.fail('transpose: true is not supported', '不支持 transpose: true');
  // Caffe flattens everything after the batch axis; our Dense acts on the last axis only.
  if (ctx.shapeOf(src).length > 1)
    src = ctx.add({ id: `${ctx.layer.name}_flatten`, type: 'Flatten', params: {}, inputs: [src] });
  return ctx.add({
    id: ctx.layer.name,
    type: 'Dense',
    params: { units, activation: 'linear', useBias: bool(p, 'bias_term', true) },
    inputs: [src],
  });
};

export { convolution, deconvolution, pooling, innerProduct, one, image, param };
