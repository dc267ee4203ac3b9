/**
 * Preprocessing that a model file states in its metadata: tfjs `userDefinedMetadata` (what
 * CNN Studio writes: `cnnStudio.preprocessing`, or a plain `preprocessing` object), ONNX
 * `metadata_props` (a `preprocessing` entry holding that object as JSON). Every value is
 * checked as the Input panel's fields are; a wrong one is refused naming its key.
 */
import type { LayerParams, Localized, NetworkSpec } from '../spec/types';
import { getLayerDef } from '../layers/registry';
import { checkParam } from '../layers/shared/params';
import { readPreprocessing } from './preprocessing';

export class PreprocessingMetaError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

const KEYS = ['channelOrder', 'valueScale', 'mean', 'std'] as const;

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The Input params an object such as {"channelOrder": "bgr", "mean": [...]} states; `where` names it in messages. */
export function preprocessingParams(value: unknown, where: string): LayerParams {
  if (!isRecord(value))
    throw new PreprocessingMetaError({ en: `${where} must be an object`, zh: `${where} 必须是对象` });
  const defs = getLayerDef('Input')?.params ?? [];
  const out: LayerParams = {};
  for (const key of KEYS) {
    const v = value[key];
    if (v === undefined) continue;
    const def = defs.find((d) => d.name === key);
    const problem = def ? checkParam(def, v as never) : null;
    if (!def || problem)
      throw new PreprocessingMetaError({
        en: `${where}.${key}: ${problem?.en ?? 'unknown'}`,
        zh: `${where}.${key}：${problem?.zh ?? '未知'}`,
      });
    out[key] = Array.isArray(v) ? [...(v as number[])] : (v as string);
  }
  return out;
}

/** tfjs userDefinedMetadata: CNN Studio's own block, or a plain `preprocessing` object; null when none. */
export function preprocessingFromUserMetadata(meta: unknown): LayerParams | null {
  if (!isRecord(meta)) return null;
  const ours = isRecord(meta.cnnStudio) ? meta.cnnStudio.preprocessing : undefined;
  if (ours !== undefined) return preprocessingParams(ours, 'userDefinedMetadata.cnnStudio.preprocessing');
  if (meta.preprocessing !== undefined)
    return preprocessingParams(meta.preprocessing, 'userDefinedMetadata.preprocessing');
  return null;
}

/** ONNX metadata_props: a `preprocessing` entry whose value is that object as JSON; null when none. */
export function preprocessingFromProps(
  props: readonly { key?: string; value?: string }[],
): LayerParams | null {
  const entry = props.find((p) => (p.key ?? '').toLowerCase() === 'preprocessing');
  if (!entry) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.value ?? '');
  } catch {
    throw new PreprocessingMetaError({
      en: 'metadata_props "preprocessing" is not JSON',
      zh: 'metadata_props 中的 “preprocessing” 不是 JSON',
    });
  }
  return preprocessingParams(parsed, 'metadata_props.preprocessing');
}

/** The Input's preprocessing params when any differ from plain RGB; null for a plain one. */
export function statedPreprocessing(spec: NetworkSpec): LayerParams | null {
  const input = spec.layers.find((l) => l.type === 'Input');
  if (!input) return null;
  const out: LayerParams = {};
  for (const key of KEYS) if (input.params[key] !== undefined) out[key] = input.params[key];
  return Object.keys(out).length > 0 ? out : null;
}

/** The spec with these params on its one Input layer, checked against its shape. */
export function withPreprocessing(spec: NetworkSpec, params: LayerParams, where: string): NetworkSpec {
  const inputs = spec.layers.filter((l) => l.type === 'Input');
  const input = inputs[0];
  const shape = input && Array.isArray(input.params.shape) ? input.params.shape : [];
  if (inputs.length !== 1 || !input)
    throw new PreprocessingMetaError({
      en: `${where}: the model has ${inputs.length} inputs; preprocessing needs exactly one image input`,
      zh: `${where}：模型有 ${inputs.length} 个输入；预处理需要恰好一个图像输入`,
    });
  const merged = { ...input.params, ...params };
  const read = readPreprocessing(merged, shape);
  if (!read.ok)
    throw new PreprocessingMetaError({ en: `${where}: ${read.error.en}`, zh: `${where}：${read.error.zh}` });
  return { ...spec, layers: spec.layers.map((l) => (l === input ? { ...l, params: merged } : l)) };
}
