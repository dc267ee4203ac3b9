/**
 * A .caffemodel's blobs → the engine's weights, layer by layer, matched by name as Caffe's
 * CopyTrainedLayersFrom does. Each blob's shape is checked against what the layer's own
 * parameters need before anything is moved. Layouts: convolution [out, in/group, kh, kw] →
 * [kh, kw, in/group, out] (depthwise: [kh, kw, c, multiplier]); deconvolution [in, out, kh, kw]
 * → [kh, kw, out, in]; InnerProduct [out, in] → Dense [in, out] with the rows put in our
 * channels-last flattening order; BatchNorm's mean and variance divided by its third blob (the
 * moving-average scale factor; 0 gives 0, as in Caffe); a Scale after it gives gamma and beta.
 */
import type { LayerSpec, NetworkSpec, Shape } from '../../spec/types';
import { getLayerDef } from '../../layers/registry';
import type { NamedWeights } from '../types';
import { convKernel, denseKernel, depthwiseKernel, transposedKernel } from '../onnx/onnxWeights';
import type { Blob } from './caffeBlobs';
import { CaffeModelError } from './caffeModelDecode';

export interface WeightSource {
  /** The Caffe layer (name, type) whose blobs these are, and our layer that takes them. */
  name: string;
  type: string;
  id: string;
  blobs: Blob[];
}

const dropLeadingOnes = (d: number[]) => {
  const out = [...d];
  while (out.length > 1 && out[0] === 1) out.shift();
  return out;
};

/** Equal up to leading ones: legacy blobs are 4-D (1×1×out×in, 1×1×1×c). */
function sameDims(a: number[], b: number[]): boolean {
  return dropLeadingOnes(a).join('×') === dropLeadingOnes(b).join('×');
}

/** Rows of a Dense kernel after a Flatten of h×w×c: ours (y, x, ch) is Caffe's (ch, y, x). */
function chwRowOrder(shape: Shape): Int32Array | undefined {
  if (shape.length !== 3) return undefined;
  const [h = 1, w = 1, c = 1] = shape;
  const order = new Int32Array(h * w * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let ch = 0; ch < c; ch++) order[(y * w + x) * c + ch] = (ch * h + y) * w + x;
  return order;
}

interface Ctx {
  src: WeightSource;
  layer: LayerSpec;
  inputShape: Shape;
  /** The input of the layer feeding this one (a Dense's Flatten source). */
  sourceShape: Shape;
  set(name: string, values: Float32Array): void;
  fail(en: string, zh: string): never;
}

function blobsExpected(ctx: Ctx, want: number[][]): Blob[] {
  const { blobs } = ctx.src;
  if (blobs.length !== want.length)
    ctx.fail(
      `the weights file has ${blobs.length} blob(s) for it; its parameters need ${want.length} (${want.map((d) => d.join('×')).join(', ')})`,
      `权重文件中它有 ${blobs.length} 个 blob；按其参数需要 ${want.length} 个（${want.map((d) => d.join('×')).join('、')}）`,
    );
  want.forEach((d, k) => {
    const got = blobs[k]?.dims ?? [];
    if (!sameDims(got, d))
      ctx.fail(
        `blobs[${k}] is ${got.join('×')}, but its parameters need ${d.join('×')}`,
        `blobs[${k}] 为 ${got.join('×')}，但按其参数需要 ${d.join('×')}`,
      );
  });
  return blobs;
}

const num = (layer: LayerSpec, name: string) => Number(layer.params[name]);
const pair = (layer: LayerSpec, name: string) => (layer.params[name] as number[] | undefined) ?? [1, 1];

function convolution(ctx: Ctx): void {
  const { layer } = ctx;
  const c = ctx.inputShape[2] ?? 0;
  const [kh = 1, kw = 1] = pair(layer, 'kernelSize');
  const depthwise = layer.type === 'DepthwiseConv2D';
  const filters = depthwise ? c * num(layer, 'depthMultiplier') : num(layer, 'filters');
  const groups = depthwise ? c : layer.type === 'GroupedConv2D' ? num(layer, 'groups') : 1;
  const dims = [filters, c / groups, kh, kw];
  const bias = layer.params.useBias === true;
  const [w, b] = blobsExpected(ctx, bias ? [dims, [filters]] : [dims]);
  const data = w?.data ?? new Float32Array(0);
  if (depthwise) ctx.set('depthwise_kernel', depthwiseKernel(data, dims, c));
  else ctx.set('kernel', convKernel(data, dims));
  if (b) ctx.set('bias', b.data.slice());
}

function deconvolution(ctx: Ctx): void {
  const { layer } = ctx;
  const c = ctx.inputShape[2] ?? 0;
  const [kh = 1, kw = 1] = pair(layer, 'kernelSize');
  const filters = num(layer, 'filters');
  const dims = [c, filters, kh, kw];
  const [w, b] = blobsExpected(ctx, layer.params.useBias === true ? [dims, [filters]] : [dims]);
  ctx.set('kernel', transposedKernel(w?.data ?? new Float32Array(0), dims));
  if (b) ctx.set('bias', b.data.slice());
}

function innerProduct(ctx: Ctx): void {
  const { layer } = ctx;
  const units = num(layer, 'units');
  const k = ctx.inputShape.reduce((a, d) => a * d, 1);
  const [w, b] = blobsExpected(ctx, layer.params.useBias === true ? [[units, k], [units]] : [[units, k]]);
  const flattened = ctx.inputShape.length === 1 ? chwRowOrder(ctx.sourceShape) : undefined;
  ctx.set('kernel', denseKernel(w?.data ?? new Float32Array(0), k, units, true, 1, flattened));
  if (b) ctx.set('bias', b.data.slice());
}

function batchNorm(ctx: Ctx): void {
  const c = ctx.inputShape[ctx.inputShape.length - 1] ?? 0;
  const [mean, variance, factor] = blobsExpected(ctx, [[c], [c], [1]]);
  const s = factor?.data[0] ?? 1;
  // Caffe keeps running sums: the statistics are the sums times 1/s, and 0 when s is 0.
  const scale = s === 0 ? 0 : 1 / s;
  // Multiplied only when nonzero: 0 × a negative sum would be −0.
  const scaled = (blob: Blob | undefined) =>
    (blob?.data ?? new Float32Array(0)).map((v) => (scale === 0 ? 0 : v * scale));
  ctx.set('moving_mean', scaled(mean));
  ctx.set('moving_variance', scaled(variance));
}

function affine(ctx: Ctx): void {
  const c = ctx.inputShape[ctx.inputShape.length - 1] ?? 0;
  if (ctx.src.type === 'Bias') {
    const [beta] = blobsExpected(ctx, [[c]]);
    ctx.set('beta', (beta?.data ?? new Float32Array(0)).slice());
    return;
  }
  const [gamma, beta] = blobsExpected(ctx, ctx.layer.params.center === true ? [[c], [c]] : [[c]]);
  ctx.set('gamma', (gamma?.data ?? new Float32Array(0)).slice());
  if (beta) ctx.set('beta', beta.data.slice());
}

function prelu(ctx: Ctx): void {
  const shared = (ctx.layer.params.sharedAxes as number[] | undefined) ?? [];
  const want = ctx.inputShape.map((n, i) => (shared.includes(i + 1) ? 1 : n));
  const c = want.reduce((a, d) => a * d, 1);
  const [alpha] = blobsExpected(ctx, [[c]]);
  ctx.set('alpha', (alpha?.data ?? new Float32Array(0)).slice());
}

const MAPPERS: Record<string, (ctx: Ctx) => void> = {
  Convolution: convolution,
  Deconvolution: deconvolution,
  InnerProduct: innerProduct,
  BatchNorm: batchNorm,
  Scale: affine,
  Bias: affine,
  PReLU: prelu,
};

/** Caffe layer types that have learned blobs, so that a layer without them in the file is an error. */
export const WEIGHTED_TYPES = new Set(Object.keys(MAPPERS));

/** Places every source's blobs; then checks that every weight our layers need was given. */
export function caffeWeights(
  spec: NetworkSpec,
  sources: WeightSource[],
  shapeOf: (id: string) => Shape,
): NamedWeights {
  const weights: NamedWeights = new Map();
  const byId = new Map(spec.layers.map((l) => [l.id, l]));
  for (const src of sources) {
    const layer = byId.get(src.id);
    const fail = (en: string, zh: string): never => {
      throw new CaffeModelError(
        { en: `layer "${src.name}" (${src.type}): ${en}`, zh: `层 “${src.name}”（${src.type}）：${zh}` },
        `layer "${src.name}"`,
      );
    };
    const map = MAPPERS[src.type];
    if (!map || !layer)
      return fail(
        `it has ${src.blobs.length} learned blob(s), but CNN Studio does not know where a ${src.type} layer's blobs go`,
        `它有 ${src.blobs.length} 个学习到的 blob，但 CNN Studio 不知道 ${src.type} 层的 blob 应放在哪里`,
      );
    const input = layer.inputs[0] ?? '';
    const before = byId.get(input);
    map({
      src,
      layer,
      inputShape: shapeOf(input),
      sourceShape: before?.type === 'Flatten' ? shapeOf(before.inputs[0] ?? '') : [],
      set: (name, values) => weights.set(`${layer.id}/${name}`, values),
      fail,
    });
  }
  for (const layer of spec.layers) {
    const def = getLayerDef(layer.type);
    for (const w of def?.weights(layer.params, layer.inputs.map(shapeOf)) ?? []) {
      const got = weights.get(`${layer.id}/${w.name}`);
      const want = w.shape.reduce((a, d) => a * d, 1);
      if (!got || got.length !== want)
        throw new CaffeModelError(
          {
            en: `layer "${layer.id}" (${layer.type}): the weights file gives no ${w.name} (${w.shape.join('×')}) for it`,
            zh: `层 “${layer.id}”（${layer.type}）：权重文件没有为它给出 ${w.name}（${w.shape.join('×')}）`,
          },
          `layer "${layer.id}"`,
        );
    }
  }
  return weights;
}
