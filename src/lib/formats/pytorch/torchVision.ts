/**
 * The sliding-window layers in PyTorch: convolutions (plain, grouped, depthwise,
 * separable, transposed), pooling, global pooling, padding, cropping and upsampling.
 * TensorFlow's uneven `same` padding becomes an explicit pad module before the layer.
 */
import { bool, ints, num, str } from '../../layers/shared/params';
import { edges } from '../../layers/shared/edges2d';
import { tfSame } from '../caffe/caffeRules';
import { activationCall } from './torchActivations';
import { pyNumber, tuple, type TorchContext, type TorchLayer, type TorchMapper } from './torchLayout';

/** 1-D tensors are steps × channels in both frameworks' RNN layout; nn.Conv1d wants channels first. */
function wrap1d(n: number, x: string, f: (y: string) => string): string {
  return n === 1 ? `${f(`${x}.transpose(1, 2)`)}.transpose(1, 2)` : f(x);
}

/** PyTorch's pad order: last axis first, (left, right, top, bottom, front, back). */
function padTuple(pads: [number, number][]): string {
  return `(${[...pads].reverse().flat().join(', ')})`;
}

interface Window {
  padArg: string;
  /** A pad module to run first, for uneven padding. */
  padModule: string | null;
}

function windowPadding(
  ctx: TorchContext,
  n: number,
  kernel: number[],
  strides: number[],
  dilation: number[],
  fill: string,
): Window {
  const input = ctx.inShapes[0] ?? [];
  if (str(ctx.layer.params, 'padding') !== 'same') return { padArg: '0', padModule: null };
  if (
    strides.every((s) => s === 1) &&
    fill === '0.0' &&
    kernel.every((k, i) => ((k - 1) * (dilation[i] ?? 1)) % 2 === 0)
  )
    return { padArg: "'same'", padModule: null };
  const pads = Array.from({ length: n }, (_, i): [number, number] => {
    const s = tfSame(input[i] ?? 0, kernel[i] ?? 1, strides[i] ?? 1, dilation[i] ?? 1);
    return [s.before, s.after];
  });
  if (pads.every(([b, a], i) => b === a && b <= Math.floor((kernel[i] ?? 1) / 2)))
    return { padArg: tuple(pads.map(([b]) => b)), padModule: null };
  return { padArg: '0', padModule: `nn.ConstantPad${n}d(${padTuple(pads)}, ${fill})` };
}

function apply(ctx: TorchContext, w: Window, main: string, x: string): string {
  const padded = w.padModule ? `${ctx.attr}_pad(${x})` : x;
  return `${main}(${padded})`;
}

export const convolution =
  (n: number): TorchMapper =>
  (ctx) => {
    const p = ctx.layer.params;
    const type = ctx.layer.type;
    const inC = (ctx.inShapes[0] ?? [])[n] ?? 0;
    const kernel = ints(p, 'kernelSize');
    const strides = ints(p, 'strides');
    const depthwise = type === 'DepthwiseConv2D' || type === 'SeparableConv2D';
    const dilation = depthwise ? kernel.map(() => 1) : ints(p, 'dilation');
    const multiplier = depthwise ? num(p, 'depthMultiplier') : 1;
    const w = windowPadding(ctx, n, kernel, strides, dilation, '0.0');
    const groups = type === 'GroupedConv2D' ? num(p, 'groups') : type === 'DepthwiseConv2D' ? inC : 1;
    const out =
      type === 'DepthwiseConv2D'
        ? inC * multiplier
        : type === 'SeparableConv2D'
          ? inC * multiplier
          : num(p, 'filters');
    const extra = [
      dilation.some((d) => d !== 1) ? `, dilation=${tuple(dilation)}` : '',
      groups > 1 ? `, groups=${groups}` : '',
      type === 'SeparableConv2D' ? ', bias=False' : bool(p, 'useBias') ? '' : ', bias=False',
    ].join('');
    let ctor = `nn.Conv${n}d(${inC}, ${out}, kernel_size=${tuple(kernel)}, stride=${tuple(strides)}, padding=${w.padArg}${extra})`;
    if (type === 'SeparableConv2D')
      ctor = `nn.Sequential(\n            ${ctor.replace(', bias=False', `, groups=${inC}, bias=False`)},\n            nn.Conv2d(${out}, ${num(p, 'filters')}, kernel_size=1${bool(p, 'useBias') ? '' : ', bias=False'}),\n        )`;
    const modules: [string, string][] = [['', ctor]];
    if (w.padModule) modules.unshift(['_pad', w.padModule]);
    const rank = n + 1;
    return {
      modules,
      expr: ([x = '']) =>
        activationCall(
          ctx,
          str(p, 'activation'),
          wrap1d(n, x, (y) => apply(ctx, w, ctx.attr, y)),
          rank,
        ),
    };
  };

export const transposed: TorchMapper = (ctx) => {
  const p = ctx.layer.params;
  const inC = (ctx.inShapes[0] ?? [])[2] ?? 0;
  const kernel = ints(p, 'kernelSize');
  const strides = ints(p, 'strides');
  const same = str(p, 'padding') === 'same';
  // Output sizes as tfjs: valid = in·s + max(k − s, 0), same = in·s.
  const pad = kernel.map((k, i) => (same ? Math.max(0, Math.ceil((k - (strides[i] ?? 1)) / 2)) : 0));
  const outPad = kernel.map((k, i) => {
    const s = strides[i] ?? 1;
    return same ? 2 * (pad[i] ?? 0) - (k - s) : Math.max(s - k, 0);
  });
  const extra = `${outPad.some((o) => o > 0) ? `, output_padding=${tuple(outPad)}` : ''}${bool(p, 'useBias') ? '' : ', bias=False'}`;
  const ctor = `nn.ConvTranspose2d(${inC}, ${num(p, 'filters')}, kernel_size=${tuple(kernel)}, stride=${tuple(strides)}, padding=${tuple(pad)}${extra})`;
  return {
    modules: [['', ctor]],
    expr: ([x = '']) => activationCall(ctx, str(p, 'activation'), `${ctx.attr}(${x})`, 3),
  };
};

export const pooling =
  (n: number, kind: 'Max' | 'Avg'): TorchMapper =>
  (ctx) => {
    const p = ctx.layer.params;
    const input = ctx.inShapes[0] ?? [];
    const kernel = ints(p, 'poolSize');
    const strides = ints(p, 'strides');
    const same = str(p, 'padding') === 'same';
    const pads = kernel.map((k, i) => tfSame(input[i] ?? 0, k, strides[i] ?? 1));
    let options = '';
    let padModule: string | null = null;
    // TensorFlow's same pooling leaves padding out of the window; so do these PyTorch options.
    const avg = kind === 'Avg' ? ', count_include_pad=False' : '';
    if (same && pads.every((s, i) => s.before === s.after && s.before <= Math.floor((kernel[i] ?? 1) / 2)))
      options = `, padding=${tuple(pads.map((s) => s.before))}${avg}`;
    else if (same && pads.every((s) => s.before === 0)) options = `, ceil_mode=True${avg}`;
    else if (same)
      padModule = `nn.ConstantPad${n}d(${padTuple(pads.map((s): [number, number] => [s.before, s.after]))}, ${kind === 'Max' ? "float('-inf')" : '0.0'})`;
    const ctor = `nn.${kind}Pool${n}d(kernel_size=${tuple(kernel)}, stride=${tuple(strides)}${options})`;
    const w = { padArg: '', padModule };
    const modules: [string, string][] = [['', ctor]];
    if (padModule) modules.unshift(['_pad', padModule]);
    const layer: TorchLayer = {
      modules,
      expr: ([x = '']) => wrap1d(n, x, (y) => apply(ctx, w, ctx.attr, y)),
    };
    if (padModule && kind === 'Avg')
      layer.remark = 'TensorFlow leaves padding out of border averages; this pads with zeros';
    return layer;
  };

export const globalPooling =
  (n: number, kind: 'mean' | 'amax'): TorchMapper =>
  () => ({
    modules: [],
    expr: ([x = '']) =>
      n === 1
        ? `${x}.${kind}(dim=1)`
        : `${x}.${kind}(dim=(${Array.from({ length: n }, (_, i) => i + 2).join(', ')}))`,
  });

export const zeroPadding: TorchMapper = (ctx) => {
  const e = edges(ints(ctx.layer.params, 'padding'));
  return {
    modules: [['', `nn.ZeroPad2d((${e.left}, ${e.right}, ${e.top}, ${e.bottom}))`]],
    expr: ([x = '']) => `${ctx.attr}(${x})`,
  };
};

export const cropping: TorchMapper = (ctx) => {
  const e = edges(ints(ctx.layer.params, 'cropping'));
  const [h = 0, w = 0] = ctx.inShapes[0] ?? [];
  return {
    modules: [],
    expr: ([x = '']) => `${x}[:, :, ${e.top}:${h - e.bottom}, ${e.left}:${w - e.right}]`,
  };
};

export const upSampling =
  (n: number): TorchMapper =>
  (ctx) => {
    const size = ints(ctx.layer.params, 'size');
    const mode = n === 2 && ctx.layer.params.interpolation === 'bilinear' ? 'bilinear' : 'nearest';
    const factor = n === 1 ? pyNumber(size[0] ?? 1) : `(${size.map(pyNumber).join(', ')})`;
    return {
      modules: [['', `nn.Upsample(scale_factor=${factor}, mode='${mode}')`]],
      expr: ([x = '']) => wrap1d(n, x, (y) => `${ctx.attr}(${y})`),
    };
  };
