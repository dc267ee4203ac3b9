/**
 * The spec ⇄ Keras model topology (the `modelTopology` of a tfjs model.json, or what
 * Keras' `model.to_json()` writes). Reads Sequential and functional models in Keras 2 style
 * (tfjs, tf.keras), Keras 3 style (`module`, `batch_shape`, `__keras_tensor__` inbound
 * nodes) and the older styles: Keras 1 classes and keys (legacy.ts), a Sequential's config
 * as a bare list of layers, channels-first models (channelsFirst.ts); writes the Keras 2
 * style tfjs loads. The engine builds tfjs models through
 * `specToKerasModel`, so a spec that exports is a spec that runs.
 */
import type { LayerSpec, NetworkSpec } from '../../spec/types';
import { getLayerDef, getLayerDefByKerasClass } from '../../layers/registry';
import type { LayerDef } from '../../layers/types';
import { jsonPath } from '../jsonText';
import { KerasConfigError, readInt, shown } from '../../layers/shared/kerasConfig';
import { KerasTopologyError } from './kerasError';
import { inboundNames } from './inbound';
import { upgradeLayer } from './legacy';
import {
  isChannelsFirst,
  turnBuildShape,
  turnLayer,
  vectorAxisProblem,
  type RawLayer,
  type VectorAxis,
} from './channelsFirst';

export interface KerasLayerJson {
  class_name: string;
  name: string;
  config: Record<string, unknown>;
  inbound_nodes: unknown[];
}

export interface KerasModelJson {
  class_name: 'Model' | 'Functional' | 'Sequential';
  config: {
    name: string;
    layers: KerasLayerJson[];
    input_layers: [string, number, number][];
    output_layers: [string, number, number][];
  };
  keras_version?: string;
  backend?: string;
}

export { KerasTopologyError };

/** Layers nothing else reads from: the model's outputs. */
export function outputLayerIds(spec: NetworkSpec): string[] {
  const consumed = new Set(spec.layers.flatMap((l) => l.inputs));
  return spec.layers.filter((l) => !consumed.has(l.id)).map((l) => l.id);
}

/**
 * The topology as a Keras file spells it: the engine's GroupedConv2D is Keras 3's (and
 * tf.keras ≥ 2.3's) `Conv2D` with `groups`, which `defFor` reads back.
 */
export function kerasFileTopology(model: KerasModelJson): KerasModelJson {
  const layers = model.config.layers.map((l) =>
    l.class_name === 'GroupedConv2D' ? { ...l, class_name: 'Conv2D' } : l,
  );
  return { ...model, config: { ...model.config, layers } };
}

export function specToKerasModel(spec: NetworkSpec): KerasModelJson {
  const layers = spec.layers.map((l, i): KerasLayerJson => {
    const def = getLayerDef(l.type);
    if (!def?.keras)
      throw new KerasTopologyError(
        {
          en: `layer ${l.id}: ${l.type} has no Keras / TensorFlow.js equivalent${def?.tfjsNote ? ` (${def.tfjsNote.en})` : ''}`,
          zh: `层 ${l.id}：${l.type} 在 Keras / TensorFlow.js 中没有对应的层${def?.tfjsNote ? `（${def.tfjsNote.zh}）` : ''}`,
        },
        `$.layers[${i}]`,
      );
    return {
      class_name: def.keras.classNameFor?.(l.params) ?? def.keras.className,
      name: l.id,
      config: { name: l.id, trainable: true, ...def.keras.toConfig(l.params) },
      inbound_nodes: l.inputs.length === 0 ? [] : [l.inputs.map((i) => [i, 0, 0, {}])],
    };
  });
  return {
    class_name: 'Model',
    config: {
      name: spec.name,
      layers,
      input_layers: spec.layers.filter((l) => l.type === 'Input').map((l) => [l.id, 0, 0]),
      output_layers: outputLayerIds(spec).map((id) => [id, 0, 0]),
    },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function fail(en: string, zh: string, path: string): never {
  throw new KerasTopologyError({ en, zh }, path);
}

/** The registry type for a Keras class, taking config details the class name hides into account. */
function defFor(className: string, config: Record<string, unknown>): LayerDef | undefined {
  // Keras 3 writes a grouped convolution as Conv2D with `groups`; tfjs has no such option.
  if (className === 'Conv2D' && readInt(config, 'groups', { dflt: 1, min: 1 }) > 1)
    return getLayerDef('GroupedConv2D');
  return getLayerDefByKerasClass(className);
}

/** The layer's params read from its config; a config problem names the layer and the field. */
function paramsFrom(def: LayerDef, config: Record<string, unknown>): LayerSpec['params'] {
  return def.keras?.fromConfig(config) ?? {};
}

/** The layer's name (its config's `name`, else the layer's own) and its JSON path. */
function layerName(
  raw: Record<string, unknown>,
  cfg: Record<string, unknown>,
  path: string,
  i: number,
): { id: string; at: string } {
  const inConfig = cfg.name !== undefined;
  const value = inConfig ? cfg.name : raw.name;
  const at = inConfig ? jsonPath(jsonPath(path, 'config'), 'name') : jsonPath(path, 'name');
  if (value === undefined) return { id: `layer_${i}`, at: path };
  if (typeof value !== 'string' || value === '')
    fail(
      `the layer name must be a non-empty string, not ${shown(value)}`,
      `层名必须是非空字符串，而不是 ${shown(value)}`,
      at,
    );
  return { id: value, at };
}

/** Runs a config read; a config problem becomes an error naming the layer and the field's path. */
function fromConfigAt<T>(path: string, id: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof KerasConfigError)) throw e;
    const at = e.field.reduce((p, k) => jsonPath(p, k), jsonPath(path, 'config'));
    throw new KerasTopologyError({ en: `layer ${id}: ${e.problem.en}`, zh: `层 ${id}：${e.problem.zh}` }, at);
  }
}

/** The model topology inside whatever wraps it: tfjs' `modelTopology`, the converter's `model_config`. */
export function unwrapTopology(json: unknown, path = '$'): { model: Record<string, unknown>; path: string } {
  if (!isRecord(json)) fail('expected an object', '应为对象', path);
  if (isRecord(json.modelTopology))
    return unwrapTopology(json.modelTopology, jsonPath(path, 'modelTopology'));
  if (isRecord(json.model_config)) return unwrapTopology(json.model_config, jsonPath(path, 'model_config'));
  return { model: json, path };
}

/** Reads a Sequential or functional Keras model topology into a spec. */
export function kerasModelToSpec(json: unknown, fallbackName = 'model'): NetworkSpec {
  return readKerasModel(json, fallbackName).spec;
}

/** One layer of the file: class and config (Keras 1 read as Keras 2), name and JSON paths. */
interface FileLayer extends RawLayer {
  path: string;
  namePath: string;
  inbound: unknown;
}

/** Pass 1: each layer's class, config and name, a Keras 1 layer read as its Keras 2 form. */
function readFileLayers(rawLayers: unknown[], layersPath: string): FileLayer[] {
  return rawLayers.map((raw: unknown, i) => {
    const path = `${layersPath}[${i}]`;
    if (!isRecord(raw)) fail('expected a layer object', '应为层对象', path);
    const cls = raw.class_name;
    if (typeof cls !== 'string') fail('missing class_name', '缺少 class_name', jsonPath(path, 'class_name'));
    const cfg = raw.config ?? {};
    if (!isRecord(cfg)) fail('config must be an object', 'config 必须是对象', jsonPath(path, 'config'));
    if (cls === 'Sequential' || cls === 'Functional' || cls === 'Model')
      fail(
        `a model nested inside the model (${String(cfg.name ?? '')}) is not supported; flatten it first`,
        `不支持嵌套在模型中的模型（${String(cfg.name ?? '')}）；请先把它展开`,
        jsonPath(path, 'class_name'),
      );
    const { id, at: namePath } = layerName(raw, cfg, path, i);
    const up = fromConfigAt(path, id, () => upgradeLayer(cls, cfg));
    return { className: up.className, config: up.config, id, path, namePath, inbound: raw.inbound_nodes };
  });
}

/** What `readKerasModel` finds: the spec, where its layers are in the file, and how it was read. */
export interface KerasModelRead {
  spec: NetworkSpec;
  /** The JSON path of the layer list. */
  layersPath: string;
  /** Per spec layer, the index of the Keras layer it came from (a Sequential's implied Input comes from the first). */
  source: number[];
  /** The file was channels first and has been turned round (see channelsFirst.ts). */
  turnedRound: boolean;
}

/** Reads a Sequential or functional Keras model topology (Keras 1, 2 or 3) into a spec. */
export function readKerasModel(json: unknown, fallbackName = 'model'): KerasModelRead {
  const { model, path: base } = unwrapTopology(json);
  const className = model.class_name;
  const config = isRecord(model.config) ? { ...model.config } : model.config;
  const configPath = jsonPath(base, 'config');
  // Keras 1 and Keras 2.0–2.1 wrote a Sequential's config as the bare list of layers.
  const rawLayers: unknown = isRecord(config) ? config.layers : config;
  const layersPath = isRecord(config) ? jsonPath(configPath, 'layers') : configPath;
  if (!Array.isArray(rawLayers)) fail('expected a list of layers', '应为层的列表', layersPath);
  if (className !== 'Sequential' && className !== 'Model' && className !== 'Functional')
    fail(
      `expected a Sequential, Model or Functional model, not ${JSON.stringify(className)}`,
      `应为 Sequential、Model 或 Functional 模型，而不是 ${JSON.stringify(className)}`,
      jsonPath(base, 'class_name'),
    );
  const sequential = className === 'Sequential';
  const modelName = isRecord(config) ? config.name : undefined;
  if (modelName !== undefined && modelName !== null && typeof modelName !== 'string')
    fail('the model name must be a string', '模型名必须是字符串', jsonPath(configPath, 'name'));
  const name = typeof modelName === 'string' ? modelName : fallbackName;
  const fileLayers = readFileLayers(rawLayers, layersPath);
  // Pass 2: a channels-first model turned round to channels last, as a whole.
  const turnedRound = isChannelsFirst(fileLayers);
  const vectorAxes: VectorAxis[] = [];
  if (turnedRound) {
    for (const l of fileLayers) {
      const v = fromConfigAt(l.path, l.id, () => turnLayer(l));
      if (v) vectorAxes.push(v);
    }
    if (isRecord(config)) turnBuildShape(config);
  }
  const layers: LayerSpec[] = [];
  const source: number[] = [];
  const ids = new Set<string>();
  const push = (layer: LayerSpec, i: number, namePath: string): void => {
    if (ids.has(layer.id))
      fail(
        `two layers are named "${layer.id}"; layer names must be unique`,
        `有两个层都名为 “${layer.id}”；层名必须唯一`,
        namePath,
      );
    ids.add(layer.id);
    layers.push(layer);
    source.push(i);
  };
  // Pass 3: the spec's layers.
  fileLayers.forEach(({ className: cls, config: cfg, id, path, namePath, inbound }, i) => {
    const def = fromConfigAt(path, id, () => defFor(cls, cfg));
    if (!def?.keras)
      fail(`unsupported layer class "${cls}"`, `不支持的层类 “${cls}”`, jsonPath(path, 'class_name'));
    if (sequential && layers.length === 0 && def.type !== 'Input') {
      const shape =
        cfg.batch_input_shape ?? cfg.batch_shape ?? (isRecord(config) ? config.build_input_shape : undefined);
      if (!Array.isArray(shape))
        fail(
          'the first layer of a Sequential model needs batch_input_shape (or an InputLayer before it)',
          'Sequential 模型的第一层需要 batch_input_shape（或在它之前有 InputLayer）',
          jsonPath(path, 'config'),
        );
      const params = fromConfigAt(
        path,
        id,
        () => getLayerDef('Input')?.keras?.fromConfig({ batch_input_shape: shape }) ?? {},
      );
      // Keras names the input it makes for a Sequential after the first layer.
      push({ id: `${id}_input`, type: 'Input', params, inputs: [] }, i, namePath);
    }
    const prev = layers[layers.length - 1];
    const inputs = sequential
      ? prev && def.type !== 'Input'
        ? [prev.id]
        : []
      : inboundNames(inbound, jsonPath(path, 'inbound_nodes'));
    const params = fromConfigAt(path, id, () => paramsFrom(def, cfg));
    push({ id, type: def.type, params, inputs }, i, namePath);
  });
  const spec = { name, layers };
  const wrongAxis = vectorAxisProblem(spec, vectorAxes);
  if (wrongAxis) {
    const at = fileLayers.find((l) => l.id === wrongAxis.id);
    throw new KerasTopologyError(
      wrongAxis.text,
      jsonPath(jsonPath(at?.path ?? layersPath, 'config'), 'axis'),
    );
  }
  return { spec, layersPath, source, turnedRound };
}
