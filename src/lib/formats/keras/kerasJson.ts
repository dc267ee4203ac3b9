/**
 * Keras / TensorFlow.js model.json: a tfjs Layers model (`format: "layers-model"`, as
 * `model.save` or tensorflowjs_converter write it, topology possibly under `model_config`),
 * or a bare Keras topology (`model.to_json()`, Keras 2 or 3). Weights come from the shard
 * files when they are given; errors carry the JSON path and its line and column.
 */
import type { LayerParams, Localized, NetworkSpec } from '../../spec/types';
import {
  PreprocessingMetaError,
  preprocessingFromUserMetadata,
  statedPreprocessing,
  withPreprocessing,
} from '../../preprocess/preprocessingMeta';
import { FormatError, type TextPos } from '../formatError';
import { JsonSyntaxError, parseJsonText, type JsonText } from '../jsonText';
import { prettyJson } from '../prettyJson';
import { inferShapes } from '../../spec/inferShapes';
import { getLayerDef } from '../../layers/registry';
import { KerasTopologyError, kerasFileTopology, readKerasModel, specToKerasModel } from './topology';
import type { Imported, NamedWeights } from '../types';
import { readWeights, writeWeights, type Shard } from './weights';
import { TURNED_ROUND } from './channelsFirst';
import { labelsFromUserMetadata } from '../../labels/labelFiles';
import { LabelError, type ModelLabels } from '../../labels/labels';

export { KerasTopologyError as KerasFormatError };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function detectKerasJson(text: string): boolean {
  const head = text.trimStart();
  return (
    head.startsWith('{') &&
    /"class_name"\s*:/.test(head) &&
    // Keras 1 and 2.0–2.1 wrote a Sequential's config as the bare list of layers.
    (/"modelTopology"\s*:/.test(head) || /"layers"\s*:/.test(head) || /"config"\s*:\s*\[/.test(head))
  );
}

export interface KerasParseOptions {
  /** The weight files by name (`group1-shard1of1.bin`); without them the weights are skipped. */
  shards?: ReadonlyMap<string, Uint8Array>;
}

/** Re-raises an error found at a JSON path with the line and column of that path. */
function located(e: unknown, json: JsonText): unknown {
  if (e instanceof FormatError && e.place.path && !e.place.pos)
    return new KerasTopologyError(e.text, { path: e.place.path, pos: json.posOf(e.place.path) });
  return e;
}

/** The note for a model.json whose weight files were left behind (it opens with fresh weights). */
export const WEIGHTS_NOT_GIVEN: Localized = {
  en: 'The weight files were not given: the layers start from random weights.',
  zh: '没有提供权重文件：各层从随机权重开始。',
};

export function parseKerasJson(text: string, options: KerasParseOptions = {}): Imported {
  let json: JsonText;
  try {
    json = parseJsonText(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new KerasTopologyError(e.text, { pos: e.pos });
    throw e;
  }
  try {
    const read = readKerasModel(json.value);
    const { layersPath, source, turnedRound } = read;
    let spec = read.spec;
    checkInputs(spec, layersPath, source);
    checkInbound(spec, layersPath, source);
    const notes: Imported['notes'] = turnedRound ? [TURNED_ROUND] : [];
    let weights: NamedWeights | undefined;
    const top = json.value;
    const manifest = isRecord(top) ? top.weightsManifest : undefined;
    if (Array.isArray(manifest) && manifest.length > 0) {
      // Flatten orders a channels-first image's values otherwise: the Dense weights after it would be wrong.
      if (turnedRound)
        throw new KerasTopologyError(
          {
            en: 'the weights of a channels-first model cannot be read channels last; open the topology without its weight files, or re-save the model channels last',
            zh: '通道在前模型的权重无法按通道在后读取；请不带权重文件打开其结构，或以通道在后的方式重新保存模型',
          },
          '$.weightsManifest',
        );
      const shards = options.shards;
      if (shards) weights = readWeights(spec, manifest, '$.weightsManifest', (p) => shards.get(p));
      else notes.push(WEIGHTS_NOT_GIVEN);
    }
    const labels = metadataLabels(top, notes);
    const stated = metadataPreprocessing(top);
    if (stated) spec = withMetadataPreprocessing(spec, stated);
    const layerPos = new Map<string, TextPos>();
    spec.layers.forEach((layer, i) => {
      const pos = json.posOf(`${layersPath}[${source[i] ?? 0}]`);
      if (pos) layerPos.set(layer.id, pos);
    });
    return { spec, weights, notes, layerPos, ...(labels ? { labels } : {}) };
  } catch (e) {
    throw located(e, json);
  }
}

/** The preprocessing a model.json's `userDefinedMetadata` states; a wrong value is refused at that path. */
function metadataPreprocessing(top: unknown): LayerParams | null {
  try {
    return preprocessingFromUserMetadata(isRecord(top) ? top.userDefinedMetadata : undefined);
  } catch (e) {
    if (e instanceof PreprocessingMetaError) throw new KerasTopologyError(e.text, '$.userDefinedMetadata');
    throw e;
  }
}

function withMetadataPreprocessing(spec: NetworkSpec, params: LayerParams): NetworkSpec {
  try {
    return withPreprocessing(spec, params, 'userDefinedMetadata');
  } catch (e) {
    if (e instanceof PreprocessingMetaError) throw new KerasTopologyError(e.text, '$.userDefinedMetadata');
    throw e;
  }
}

/** The class names in a tfjs model.json's `userDefinedMetadata`; unreadable ones become a note. */
function metadataLabels(top: unknown, notes: Localized[]): ModelLabels | null {
  try {
    return labelsFromUserMetadata(isRecord(top) ? top.userDefinedMetadata : undefined);
  } catch (e) {
    if (!(e instanceof LabelError)) throw e;
    notes.push(e.text);
    return null;
  }
}

/** Keras needs sizes for every axis of the input; `null` (any size) cannot be explained. */
function checkInputs(spec: NetworkSpec, layersPath: string, source: number[]): void {
  spec.layers.forEach((l, i) => {
    const shape = l.params.shape;
    if (l.type === 'Input' && Array.isArray(shape) && shape.some((d) => d === 0))
      throw new KerasTopologyError(
        {
          en: `input ${l.id} has an axis of unknown size (null); CNN Studio needs a fixed size for every axis`,
          zh: `输入 ${l.id} 有大小未知（null）的维度；CNN Studio 需要每个维度都有固定大小`,
        },
        `${layersPath}[${source[i] ?? 0}]`,
      );
  });
}

/**
 * Every layer a connection names must be a layer of the model, as Keras and tfjs require
 * to build it (the list need not be in order, so this looks at the whole of it).
 */
function checkInbound(spec: NetworkSpec, layersPath: string, source: number[]): void {
  const ids = new Set(spec.layers.map((l) => l.id));
  spec.layers.forEach((l, i) => {
    const missing = l.inputs.find((name) => !ids.has(name));
    if (missing !== undefined)
      throw new KerasTopologyError(
        {
          en: `layer ${l.id}: its input "${missing}" is not a layer of this model`,
          zh: `层 ${l.id}：它的输入 “${missing}” 不是该模型中的层`,
        },
        `${layersPath}[${source[i] ?? 0}].inbound_nodes`,
      );
  });
}

export interface KerasExport {
  json: string;
  shards: Shard[];
}

/**
 * Why the spec cannot be written as a model.json tfjs loads, or nothing: every layer must
 * have valid params and shapes (as for the Caffe and PyTorch exports), and given weights
 * must hold one value per weight of every layer.
 */
export function checkKerasExport(spec: NetworkSpec, weights?: NamedWeights): void {
  const table = inferShapes(spec);
  spec.layers.forEach((layer, i) => {
    const keras = getLayerDef(layer.type)?.keras;
    const engineOnly = keras?.notInKeras ?? keras?.notInKerasFor?.(layer.params);
    if (engineOnly)
      throw new KerasTopologyError(
        {
          en: `layer ${layer.id}: ${layer.type} has no Keras / TensorFlow.js equivalent (${engineOnly.en})`,
          zh: `层 ${layer.id}：${layer.type} 在 Keras / TensorFlow.js 中没有对应的层（${engineOnly.zh}）`,
        },
        `$.layers[${i}]`,
      );
    const info = table.layers.get(layer.id);
    if (info?.status === 'ok') return;
    const why = info?.status === 'error' ? info.error : undefined;
    throw new KerasTopologyError(
      {
        en: `layer ${layer.id} has a problem (${why?.en ?? 'an earlier layer has one'}); fix it before exporting`,
        zh: `层 ${layer.id} 有问题（${why?.zh ?? '之前的某层有问题'}）；请先修正再导出`,
      },
      `$.layers[${i}]`,
    );
  });
  if (!weights) return;
  for (const layer of spec.layers) {
    const info = table.layers.get(layer.id);
    const def = getLayerDef(layer.type);
    if (info?.status !== 'ok' || !def) continue;
    for (const w of def.weights(layer.params, info.inputShapes)) {
      const name = `${layer.id}/${w.name}`;
      const want = w.shape.reduce((a, b) => a * b, 1);
      const got = weights.get(name)?.length;
      if (got !== want)
        throw new KerasTopologyError(
          {
            en: `the weight ${name} has ${got === undefined ? 'no values' : `${got} values`}; its shape ${w.shape.join('×')} needs ${want}`,
            zh: `权重 ${name} ${got === undefined ? '没有值' : `有 ${got} 个值`}；其形状 ${w.shape.join('×')} 需要 ${want} 个`,
          },
          {},
        );
    }
  }
}

/**
 * model.json as tfjs' `model.save` writes it, with weight shards when weights are given (the
 * converter's 4 MiB `group1-shardKofN.bin`, or one file named `weightsFile`) and the class names
 * in `userDefinedMetadata` (where tfjs keeps them) when labels are given.
 * Checks the spec first: a problem is a `KerasFormatError` naming the layer, never a half-written file.
 */
export function serializeKerasJson(
  spec: NetworkSpec,
  weights?: NamedWeights,
  options: { weightsFile?: string; labels?: readonly string[]; dataset?: string } = {},
): KerasExport {
  checkKerasExport(spec, weights);
  const topology = kerasFileTopology(specToKerasModel(spec));
  const written = weights
    ? writeWeights(spec, weights, undefined, options.weightsFile)
    : { manifest: [], shards: [] };
  const labels = options.labels;
  const preprocessing = statedPreprocessing(spec);
  const cnnStudio = {
    ...(labels && labels.length > 0 ? { classes: [...labels], dataset: options.dataset ?? '' } : {}),
    ...(preprocessing ? { preprocessing } : {}),
  };
  const model = {
    format: 'layers-model',
    generatedBy: 'CNN Studio',
    convertedBy: null,
    modelTopology: topology,
    weightsManifest: written.manifest,
    ...(Object.keys(cnnStudio).length > 0 ? { userDefinedMetadata: { cnnStudio } } : {}),
  };
  return { json: `${prettyJson(model)}\n`, shards: written.shards };
}
