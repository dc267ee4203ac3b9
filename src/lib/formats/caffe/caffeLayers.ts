/**
 * One converter per Caffe layer type: reads its `*_param` block and adds the layers of
 * ours that compute the same thing, sized as Caffe sizes it. This per-format table keeps
 * Caffe's vocabulary in one place instead of spreading it over the layer registry.
 */
import type { LayerSpec, Localized, Shape } from '../../spec/types';
import type { CaffeLayer } from './caffeNet';
import { bool, enumOf, int, ints, sub } from './caffeNet';
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

/** A [h, w] pair from `x_h`/`x_w` or a repeated `x` (one value for both, or two). */
function pair(ctx: ImportContext, p: PMessage, name: string, fallback: number | null): [number, number] {
  const h = int(p, `${name}_h`, -1);
  const w = int(p, `${name}_w`, -1);
  if (h >= 0 && w >= 0) return [h, w];
  const list = ints(p, name === 'kernel' ? 'kernel_size' : name);
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

const convolution: Converter = (ctx) => {
  const src = one(ctx);
  const [h, w, c] = image(ctx, src);
  const p = param(ctx, 'convolution_param');
  const filters = int(p, 'num_output', 0);
  if (filters < 1) ctx.fail('num_output must be at least 1', 'num_output 至少为 1');
  const [kh, kw] = pair(ctx, p, 'kernel', null);
  const [sh, sw] = pair(ctx, p, 'stride', 1);
  const [ph, pw] = pair(ctx, p, 'pad', 0);
  const [dh, dw] = pair(ctx, p, 'dilation', 1);
  const group = int(p, 'group', 1);
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
  const filters = int(p, 'num_output', 0);
  if (filters < 1) ctx.fail('num_output must be at least 1', 'num_output 至少为 1');
  const [kh, kw] = pair(ctx, p, 'kernel', null);
  const [sh, sw] = pair(ctx, p, 'stride', 1);
  const [ph, pw] = pair(ctx, p, 'pad', 0);
  if (int(p, 'group', 1) !== 1) ctx.fail('grouped deconvolution is not supported', '不支持分组反卷积');
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

const pooling: Converter = (ctx) => {
  const src = one(ctx);
  const [h, w, c] = image(ctx, src);
  const p = sub(ctx.layer.msg, 'pooling_param') ?? { fields: [], pos: ctx.layer.pos };
  const kind = enumOf(p, 'pool', ['MAX', 'AVE', 'STOCHASTIC'], 'MAX');
  if (kind === 'STOCHASTIC') ctx.fail('stochastic pooling is not supported', '不支持随机池化');
  const global = bool(p, 'global_pooling', false);
  const [kh, kw] = global ? [h, w] : pair(ctx, p, 'kernel', null);
  const [sh, sw] = global ? [1, 1] : pair(ctx, p, 'stride', 1);
  const [ph, pw] = global ? [0, 0] : pair(ctx, p, 'pad', 0);
  const ceil = enumOf(p, 'round_mode', ['CEIL', 'FLOOR'], 'CEIL') === 'CEIL';
  const out = [caffePoolOut(h, kh, sh, ph, ceil), caffePoolOut(w, kw, sw, pw, ceil)];
  const pad = padded(ctx, src, [
    { size: h, kernel: kh, stride: sh, pad: ph, dilation: 1, out: out[0] ?? 0 },
    { size: w, kernel: kw, stride: sw, pad: pw, dilation: 1, out: out[1] ?? 0 },
  ]);
  if (pad.src !== src)
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
  const units = int(p, 'num_output', 0);
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
