/**
 * Writing one layer of ours as Caffe layers: the shared plumbing (blob names, in-place
 * activations, padding) and the window layers; caffeEmitTable.ts adds the rest.
 */
import type { LayerSpec, Shape } from '../../spec/types';
import { bool, ints, num, str } from '../../layers/shared/params';
import { caffeConvOut, caffePoolOut, tfSame } from './caffeRules';
import { edges } from '../../layers/shared/edges2d';

export type Fields = [string, string | number | boolean | Fields][];

export interface CaffeBlock {
  name: string;
  type: string;
  bottoms?: string[];
  /** Defaults to the name. */
  top?: string;
  fields?: Fields;
}

/** Either Caffe layers, or no layer at all and the blob this layer's output is the same as. */
export type Emitted = { alias: string; layers?: undefined } | { alias?: undefined; layers: CaffeBlock[] };

export interface EmitContext {
  layer: LayerSpec;
  shape(id: string): Shape;
  byId(id: string): LayerSpec | undefined;
  consumers(id: string): LayerSpec[];
  /** The Caffe blob holding a layer's output. */
  blob(id: string): string;
  allLayers: readonly LayerSpec[];
  fold(id: string): void;
  fail(en: string, zh: string): never;
}

export type Emitter = (ctx: EmitContext) => Emitted;

/** `x: 3` for a square window, `x_h: 3` + `x_w: 5` otherwise; nothing when both are `skip`. */
export function hw(name: string, [h = 0, w = 0]: number[], skip?: number): Fields {
  if (h === skip && w === skip) return [];
  const key = name === 'kernel' ? 'kernel_size' : name;
  return h === w
    ? [[key, h]]
    : [
        [`${name}_h`, h],
        [`${name}_w`, w],
      ];
}

/** The blob a layer reads, which for in-place layers is also the blob it writes. */
export function inPlaceTop(ctx: EmitContext): string {
  const src = ctx.layer.inputs[0] ?? '';
  const producer = ctx.byId(src);
  const alone = ctx.consumers(src).length === 1;
  return alone && producer && producer.type !== 'Input' ? ctx.blob(src) : ctx.layer.id;
}

const CAFFE_ACTIVATIONS: Record<string, { type: string; fields?: Fields }> = {
  relu: { type: 'ReLU' },
  sigmoid: { type: 'Sigmoid' },
  tanh: { type: 'TanH' },
  softmax: { type: 'Softmax' },
  elu: { type: 'ELU' },
  softplus: { type: 'BNLL' },
};

/** A Caffe layer for a named activation, in place on `blob`; null for `linear`. */
export function activationBlock(
  ctx: EmitContext,
  name: string,
  layerName: string,
  blob: string,
  top: string,
): CaffeBlock | null {
  if (name === 'linear') return null;
  const a =
    CAFFE_ACTIVATIONS[name] ?? ctx.fail(`Caffe has no ${name} activation`, `Caffe 没有 ${name} 激活函数`);
  return { name: layerName, type: a.type, bottoms: [blob], top, fields: a.fields ?? [] };
}

function withActivation(ctx: EmitContext, block: CaffeBlock): Emitted {
  const act = str(ctx.layer.params, 'activation');
  const extra = activationBlock(ctx, act, `${ctx.layer.id}_${act}`, block.name, block.name);
  return { layers: extra ? [block, extra] : [block] };
}

/** The zero-padding layer folded into this window layer, when its input is one. */
function foldedPadding(ctx: EmitContext): { src: string; top: number; left: number } | null {
  const src = ctx.layer.inputs[0] ?? '';
  const pad = ctx.byId(src);
  if (pad?.type !== 'ZeroPadding2D') return null;
  const e = edges(ints(pad.params, 'padding'));
  return { src: pad.inputs[0] ?? '', top: e.top, left: e.left };
}

/** Caffe's symmetric pad (and rounding, for pooling) that gives our output size, or an error. */
function caffePadding(
  ctx: EmitContext,
  kind: 'conv' | 'pool',
  kernel: number[],
  strides: number[],
  dilation: number[],
): { pad: number[]; floor: boolean; src: string } {
  const out = ctx.shape(ctx.layer.id);
  const fold = foldedPadding(ctx);
  const src = fold?.src ?? ctx.layer.inputs[0] ?? '';
  const input = ctx.shape(src);
  const padding = str(ctx.layer.params, 'padding');
  const pad = [0, 1].map((a) => {
    if (fold) return a === 0 ? fold.top : fold.left;
    return padding === 'same'
      ? tfSame(input[a] ?? 0, kernel[a] ?? 1, strides[a] ?? 1, dilation[a] ?? 1).before
      : 0;
  });
  const sizes = (floor: boolean) =>
    [0, 1].map((a) =>
      kind === 'conv'
        ? caffeConvOut(input[a] ?? 0, kernel[a] ?? 1, strides[a] ?? 1, pad[a] ?? 0, dilation[a] ?? 1)
        : caffePoolOut(input[a] ?? 0, kernel[a] ?? 1, strides[a] ?? 1, pad[a] ?? 0, !floor),
    );
  const matches = (floor: boolean) => sizes(floor).every((s, a) => s === out[a]);
  if (matches(false)) return { pad, floor: false, src };
  if (kind === 'pool' && matches(true)) return { pad, floor: true, src };
  return ctx.fail(
    `its padding is uneven (Caffe pads the same amount on both sides), so Caffe would give ${sizes(false).join('×')} instead of ${out.slice(0, 2).join('×')}`,
    `它的填充两侧不对称（Caffe 两侧填充相同的量），Caffe 会得到 ${sizes(false).join('×')} 而不是 ${out.slice(0, 2).join('×')}`,
  );
}

const WINDOW_TYPES = new Set([
  'Conv2D',
  'GroupedConv2D',
  'DepthwiseConv2D',
  'MaxPooling2D',
  'AveragePooling2D',
]);

const zeroPadding: Emitter = (ctx) => {
  const users = ctx.consumers(ctx.layer.id);
  const user = users[0];
  if (users.length !== 1 || !user || !WINDOW_TYPES.has(user.type) || user.params.padding !== 'valid')
    ctx.fail(
      'Caffe has no padding layer; it can only be folded into the one convolution or pooling layer (with valid padding) that reads it',
      'Caffe 没有填充层；只有当读取它的是唯一一个（valid 填充的）卷积或池化层时，才能并入该层',
    );
  return { alias: ctx.blob(ctx.layer.inputs[0] ?? '') };
};

const convolution: Emitter = (ctx) => {
  const p = ctx.layer.params;
  const kernel = ints(p, 'kernelSize');
  const strides = ints(p, 'strides');
  const depthwise = ctx.layer.type === 'DepthwiseConv2D';
  const dilation = depthwise ? [1, 1] : ints(p, 'dilation');
  const plan = caffePadding(ctx, 'conv', kernel, strides, dilation);
  const channels = ctx.shape(plan.src)[2] ?? 0;
  const filters = depthwise ? channels * num(p, 'depthMultiplier') : num(p, 'filters');
  const group = depthwise ? channels : ctx.layer.type === 'GroupedConv2D' ? num(p, 'groups') : 1;
  const fields: Fields = [['num_output', filters]];
  if (!bool(p, 'useBias')) fields.push(['bias_term', false]);
  fields.push(
    ...hw('pad', plan.pad, 0),
    ...hw('kernel', kernel),
    ...(group > 1 ? ([['group', group]] as Fields) : []),
    ...hw('stride', strides, 1),
    ...hw('dilation', dilation, 1),
  );
  return withActivation(ctx, {
    name: ctx.layer.id,
    type: 'Convolution',
    bottoms: [ctx.blob(plan.src)],
    fields: [['convolution_param', fields]],
  });
};

const pooling: Emitter = (ctx) => {
  const p = ctx.layer.params;
  const kernel = ints(p, 'poolSize');
  const strides = ints(p, 'strides');
  const plan = caffePadding(ctx, 'pool', kernel, strides, [1, 1]);
  const fields: Fields = [
    ['pool', ctx.layer.type === 'MaxPooling2D' ? 'MAX' : 'AVE'],
    ...hw('kernel', kernel),
    ...hw('stride', strides, 1),
    ...hw('pad', plan.pad, 0),
  ];
  if (plan.floor) fields.push(['round_mode', 'FLOOR']);
  return {
    layers: [
      {
        name: ctx.layer.id,
        type: 'Pooling',
        bottoms: [ctx.blob(plan.src)],
        fields: [['pooling_param', fields]],
      },
    ],
  };
};

const dense: Emitter = (ctx) => {
  const p = ctx.layer.params;
  const src = ctx.layer.inputs[0] ?? '';
  const fromFlatten = ctx.byId(src)?.type === 'Flatten';
  if (!fromFlatten && ctx.shape(src).length !== 1)
    ctx.fail(
      "it acts on the last axis of a multi-axis input, but Caffe's InnerProduct flattens its input first; put a Flatten before it",
      '它作用在多维输入的最后一个维度上，而 Caffe 的 InnerProduct 会先把输入展平；请在它前面加一个 Flatten',
    );
  const fields: Fields = [['num_output', num(p, 'units')]];
  if (!bool(p, 'useBias')) fields.push(['bias_term', false]);
  return withActivation(ctx, {
    name: ctx.layer.id,
    type: 'InnerProduct',
    bottoms: [ctx.blob(src)],
    fields: [['inner_product_param', fields]],
  });
};

const flatten: Emitter = (ctx) => {
  const users = ctx.consumers(ctx.layer.id);
  const user = users[0];
  // The Flatten the importer adds before an InnerProduct folds back into it.
  if (users.length === 1 && user?.type === 'Dense' && ctx.layer.id === `${user.id}_flatten`)
    return { alias: ctx.blob(ctx.layer.inputs[0] ?? '') };
  return {
    layers: [{ name: ctx.layer.id, type: 'Flatten', bottoms: [ctx.blob(ctx.layer.inputs[0] ?? '')] }],
  };
};

export const WINDOW_EMITTERS: Record<string, Emitter> = {
  ZeroPadding2D: zeroPadding,
  Conv2D: convolution,
  GroupedConv2D: convolution,
  DepthwiseConv2D: convolution,
  MaxPooling2D: pooling,
  AveragePooling2D: pooling,
  Dense: dense,
  Flatten: flatten,
};
