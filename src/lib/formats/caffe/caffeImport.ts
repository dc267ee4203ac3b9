/**
 * Caffe prototxt → spec. Blobs are followed by name (in-place layers overwrite theirs),
 * NCHW sizes become NHWC shapes, and each layer's output shape is checked against what
 * Caffe itself would compute, so an import either matches Caffe or says why not.
 */
import type { LayerSpec, Localized, NetworkSpec, Shape } from '../../spec/types';
import type { TextPos } from '../formatError';
import { ShapeTracker, isShape } from '../shapeTracker';
import type { Imported } from '../types';
import { readCaffeNet, sub, type CaffeLayer, type CaffeNet } from './caffeNet';
import { CaffeFormatError, parsePrototxt, type PMessage } from './prototxt';
import type { Converter, ImportContext } from './caffeLayers';
import { CONVERTERS } from './caffeLayerTable';
import { dataPreprocessing, dataShape } from './caffeData';

export { CaffeFormatError };

/** Looks for the marks of a prototxt: `layer {` / `layers {` blocks or `input_dim:` lines. */
export function detectPrototxt(text: string): boolean {
  const head = text.slice(0, 20000);
  if (/^\s*[{[]/.test(head)) return false;
  return (
    /(^|\n)\s*layers?\s*\{/.test(head) ||
    /(^|\n)\s*input_dim\s*:/.test(head) ||
    /(^|\n)\s*layers?\s*:?\s*\{/.test(head)
  );
}

/** NCHW dims (batch first) as our NHWC shape without the batch axis. */
export function nhwc(dims: number[]): Shape {
  const [, c = 1, ...spatial] = dims;
  return dims.length <= 2 ? dims.slice(1) : [...spatial, c];
}

class Builder {
  readonly layers: LayerSpec[] = [];
  readonly layerPos = new Map<string, TextPos>();
  readonly notes: Localized[] = [];
  readonly tracker = new ShapeTracker();
  /** Blob name → id of the spec layer whose output it currently is. */
  readonly blobs = new Map<string, string>();
  /** Caffe layer name → the id of our layer that holds its weights (a Scale's is its BatchNorm). */
  readonly caffeIds = new Map<string, string>();
  /** Blobs with no spec layer behind them (labels): consumers just drop them. */
  readonly ignored = new Set<string>();
  private ids = new Set<string>();
  /** Every blob name a layer or input has written so far. */
  private produced = new Set<string>();

  /** @param names the file's input and layer names, which become ids as they are. */
  constructor(private readonly names: ReadonlySet<string>) {}

  /** The id for a layer: its own name as is; extra layers it adds get a free `name_suffix`. */
  uniqueId(wanted: string, own: string): string {
    if (wanted === own && !this.ids.has(wanted)) return wanted;
    let id = wanted;
    for (let k = 2; this.ids.has(id) || this.names.has(id); k++) id = `${wanted}_${k}`;
    return id;
  }

  /** Records the blobs a layer writes; Caffe refuses a blob written twice unless in place. */
  produce(tops: readonly string[], bottoms: readonly string[], name: string, pos: TextPos): void {
    tops.forEach((top, k) => {
      if (this.produced.has(top) && bottoms[k] !== top)
        throw new CaffeFormatError(
          `layer "${name}": top "${top}" is produced by multiple sources; only an in-place layer (the same blob as its bottom) may write it again`,
          `层 “${name}”：top “${top}” 由多个来源产生；只有原地计算的层（与其 bottom 是同一 blob）才能再次写入它`,
          pos,
        );
      this.produced.add(top);
    });
  }

  add(layer: LayerSpec, pos: TextPos, caffeName: string): Shape {
    const shape = this.tracker.add(layer);
    if (!isShape(shape))
      throw new CaffeFormatError(`layer "${caffeName}": ${shape.en}`, `层 “${caffeName}”：${shape.zh}`, pos);
    this.ids.add(layer.id);
    this.layers.push(layer);
    this.layerPos.set(layer.id, pos);
    return shape;
  }
}

function contextFor(b: Builder, layer: CaffeLayer): ImportContext {
  const fail = (en: string, zh: string): never => {
    throw new CaffeFormatError(
      `layer "${layer.name}" (${layer.type}): ${en}`,
      `层 “${layer.name}”（${layer.type}）：${zh}`,
      layer.pos,
    );
  };
  const inputs = layer.bottoms
    .filter((blob) => !b.ignored.has(blob))
    .map(
      (blob) =>
        b.blobs.get(blob) ??
        fail(
          `bottom "${blob}" is not the top of any earlier layer or input`,
          `bottom “${blob}” 不是之前任何层或输入的 top`,
        ),
    );
  return {
    layer,
    inputs,
    shapeOf: (id) => b.tracker.get(id) ?? [],
    layerOf: (id) => b.layers.find((l) => l.id === id),
    add: (spec) => {
      const id = b.uniqueId(spec.id, layer.name);
      b.add({ ...spec, id }, layer.pos, layer.name);
      return id;
    },
    note: (text) => b.notes.push(text),
    fail,
  };
}

function importLayer(b: Builder, layer: CaffeLayer): void {
  b.produce(layer.tops, layer.bottoms, layer.name, layer.pos);
  const data = dataShape(layer);
  if (data) {
    const [dataTop, ...rest] = layer.tops;
    if (!dataTop)
      throw new CaffeFormatError(
        `layer "${layer.name}" has no top`,
        `层 “${layer.name}” 没有 top`,
        layer.pos,
      );
    if (data.note) b.notes.push(data.note);
    const pre = dataPreprocessing(layer, data.shape.at(-1) ?? 1);
    if (pre.note) b.notes.push(pre.note);
    const id = b.uniqueId(layer.name, layer.name);
    const params = { shape: data.shape, ...pre.params };
    b.add({ id, type: 'Input', params, inputs: [] }, layer.pos, layer.name);
    b.blobs.set(dataTop, id);
    for (const t of rest) b.ignored.add(t);
    return;
  }
  const convert: Converter | undefined = CONVERTERS[layer.type];
  if (!convert)
    throw new CaffeFormatError(
      `layer "${layer.name}": the Caffe layer type "${layer.type}" is not supported`,
      `层 “${layer.name}”：不支持 Caffe 层类型 “${layer.type}”`,
      layer.pos,
    );
  const ctx = contextFor(b, layer);
  const out = convert(ctx);
  if (out === 'split') {
    for (const t of layer.tops) b.blobs.set(t, ctx.inputs[0] ?? '');
    return;
  }
  if (out === null) return;
  b.caffeIds.set(layer.name, out);
  for (const t of layer.tops) b.blobs.set(t, out);
}

/** The input and layer names, which become spec ids and so must differ from each other. */
function uniqueNames(net: CaffeNet): Set<string> {
  const names = new Set<string>();
  for (const { name, pos } of [...net.inputs.map((i) => ({ name: i.blob, pos: i.pos })), ...net.layers]) {
    if (names.has(name))
      throw new CaffeFormatError(
        `two layers or inputs are named "${name}"; names must be unique`,
        `有两个层或输入都名为 “${name}”；名称必须唯一`,
        pos,
      );
    names.add(name);
  }
  return names;
}

/** What the .caffemodel reader needs beside the spec to place each layer's blobs. */
export interface CaffeImported extends Imported {
  caffeIds: Map<string, string>;
  /** Output shape of each of our layers. */
  shapeOf(id: string): Shape;
  /** The data layers' transform_param blocks, which say how images were prepared. */
  transforms: { layer: string; msg: PMessage }[];
}

const PREPROCESSING_KEYS = ['channelOrder', 'valueScale', 'mean', 'std'];

export const UNSTATED_NOTE: Localized = {
  en: "The file does not say how images were prepared (no transform_param). Caffe nets are almost always fed BGR values 0–255 minus a mean; until you say, it is fed RGB values 0–1. The Input panel offers Caffe's BGR 0–255 with the ImageNet mean in one click.",
  zh: '文件没有说明图像如何预处理（没有 transform_param）。Caffe 网络几乎总是输入减去均值后的 BGR 0–255 数值；在你设置之前，它按 RGB 0–1 输入。输入面板可一键设置 Caffe 的 BGR 0–255 与 ImageNet 均值。',
};

export function parsePrototxtNet(text: string): Imported {
  const { spec, notes, layerPos } = importCaffeMessage(parsePrototxt(text));
  // A deploy prototxt's image Input says nothing of BGR, 0–255 or a mean: never pretend it is RGB 0–1.
  const input = spec.layers.find((l) => l.type === 'Input');
  const shape = input?.params.shape;
  const image = Array.isArray(shape) && shape.length === 3 && (shape[2] === 1 || shape[2] === 3);
  if (!input || !image || PREPROCESSING_KEYS.some((k) => input.params[k] !== undefined))
    return { spec, notes, layerPos };
  return { spec, notes: [...notes, UNSTATED_NOTE], layerPos, unstatedInput: input.id };
}

/** A parsed prototxt, or a .caffemodel decoded into the same tree, as our spec. */
export function importCaffeMessage(root: PMessage): CaffeImported {
  const net = readCaffeNet(root);
  const b = new Builder(uniqueNames(net));
  for (const input of net.inputs) {
    b.produce([input.blob], [], input.blob, input.pos);
    const id = b.uniqueId(input.blob, input.blob);
    b.add({ id, type: 'Input', params: { shape: nhwc(input.dims) }, inputs: [] }, input.pos, input.blob);
    b.blobs.set(input.blob, id);
  }
  for (const layer of net.layers) importLayer(b, layer);
  if (net.trainOnly > 0)
    b.notes.push({
      en: `Left out ${net.trainOnly} layer(s) used only in the TRAIN phase.`,
      zh: `省略了 ${net.trainOnly} 个只在 TRAIN 阶段使用的层。`,
    });
  if (b.layers.length === 0)
    throw new CaffeFormatError('the file defines no layers', '文件中没有定义任何层', { line: 1, column: 1 });
  const spec: NetworkSpec = { name: net.name, layers: b.layers };
  const transforms = net.layers.flatMap((l) => {
    const msg = dataShape(l) ? sub(l.msg, 'transform_param') : undefined;
    return msg ? [{ layer: l.name, msg }] : [];
  });
  return {
    spec,
    notes: b.notes,
    layerPos: b.layerPos,
    caffeIds: b.caffeIds,
    shapeOf: (id) => b.tracker.get(id) ?? [],
    transforms,
  };
}
