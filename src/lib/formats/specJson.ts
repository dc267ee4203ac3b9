/**
 * The app's own format: the spec as JSON, one layer per line. Missing params take their
 * defaults; unknown layer types, unknown params and dangling inputs are errors that name
 * the JSON path and its line and column.
 */
import type { LayerParams, LayerSpec, NetworkSpec, ParamValue } from '../spec/types';
import { LAYER_DEFS, getLayerDef } from '../layers/registry';
import { defaultParams, paramDefsFor } from '../layers/shared/params';
import { FormatError, type TextPos } from './formatError';
import { JsonSyntaxError, jsonPath, parseJsonText, type JsonText } from './jsonText';
import type { Imported } from './types';

export const SPEC_FORMAT_TAG = 'cnn-studio-spec';

export class SpecJsonError extends FormatError {
  constructor(en: string, zh: string, place: { pos?: TextPos; path?: string }) {
    super('spec', { en, zh }, place);
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** True for JSON whose top level looks like a spec (`layers` with `id` and `type`). */
export function detectSpecJson(text: string): boolean {
  const head = text.trimStart();
  if (!head.startsWith('{')) return false;
  if (head.includes(`"${SPEC_FORMAT_TAG}"`)) return true;
  return (
    /"layers"\s*:/.test(head) &&
    /"id"\s*:/.test(head) &&
    /"type"\s*:/.test(head) &&
    !/"class_name"\s*:/.test(head)
  );
}

/** A close registry type for a misspelt one (case and punctuation ignored). */
export function suggestType(type: string): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return LAYER_DEFS.find((d) => norm(d.type) === norm(type))?.type;
}

/** JSON writes Infinity and NaN as null, so a number too large for a double (1e999) could not be saved again. */
function isParamValue(v: unknown): v is ParamValue {
  return (
    Number.isFinite(v) ||
    typeof v === 'string' ||
    typeof v === 'boolean' ||
    (Array.isArray(v) && v.every((x) => Number.isFinite(x)))
  );
}

function readLayer(raw: unknown, path: string, json: JsonText): LayerSpec {
  const err = (en: string, zh: string, at = path): never => {
    throw new SpecJsonError(en, zh, { pos: json.posOf(at), path: at });
  };
  if (!isRecord(raw))
    return err(
      'a layer must be an object {"id", "type", "params", "inputs"}',
      '每一层必须是对象 {"id", "type", "params", "inputs"}',
    );
  const { id, type } = raw;
  if (typeof id !== 'string' || id.trim() === '')
    return err('"id" must be a non-empty string', '"id" 必须是非空字符串', jsonPath(path, 'id'));
  if (typeof type !== 'string')
    return err(
      '"type" must be a layer type name such as "Conv2D"',
      '"type" 必须是层类型名称，例如 "Conv2D"',
      jsonPath(path, 'type'),
    );
  const def = getLayerDef(type);
  if (!def) {
    const hint = suggestType(type);
    return err(
      `unknown layer type "${type}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
      `未知的层类型 “${type}”${hint ? `（是否想写 “${hint}”？）` : ''}`,
      jsonPath(path, 'type'),
    );
  }
  const rawParams = raw.params ?? {};
  if (!isRecord(rawParams))
    return err('"params" must be an object', '"params" 必须是对象', jsonPath(path, 'params'));
  const given: LayerParams = {};
  for (const [key, value] of Object.entries(rawParams)) {
    const at = jsonPath(jsonPath(path, 'params'), key);
    if (!isParamValue(value))
      return err(
        `${key} must be a finite number, string, true/false or a list of finite numbers`,
        `${key} 必须是有限的数字、字符串、true/false 或有限数字的列表`,
        at,
      );
    given[key] = value;
  }
  // Wrappers' param list depends on their values, so defaults are taken for the merged set.
  const params = { ...defaultParams(def.params), ...given };
  const defs = paramDefsFor(def, params);
  const known = new Set(defs.map((d) => d.name));
  for (const key of Object.keys(given))
    if (!known.has(key))
      err(
        `${def.type} has no parameter "${key}"; it has ${[...known].join(', ') || 'none'}`,
        `${def.type} 没有参数 “${key}”；它的参数为 ${[...known].join('、') || '无'}`,
        jsonPath(jsonPath(path, 'params'), key),
      );
  const full = { ...defaultParams(defs), ...given };
  const rawInputs = raw.inputs ?? [];
  if (!Array.isArray(rawInputs) || !rawInputs.every((x) => typeof x === 'string'))
    return err(
      '"inputs" must be a list of layer ids',
      '"inputs" 必须是层 id 的列表',
      jsonPath(path, 'inputs'),
    );
  return { id, type: def.type, params: full, inputs: rawInputs as string[] };
}

export function parseSpecJson(text: string): Imported {
  let json: JsonText;
  try {
    json = parseJsonText(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new SpecJsonError(e.text.en, e.text.zh, { pos: e.pos });
    throw e;
  }
  const top = json.value;
  if (!isRecord(top) || !Array.isArray(top.layers))
    throw new SpecJsonError('expected an object with a "layers" list', '应为带有 "layers" 列表的对象', {
      pos: json.posOf('$'),
      path: '$',
    });
  const layers = top.layers.map((raw, i) => readLayer(raw, `$.layers[${i}]`, json));
  const seen = new Map<string, number>();
  layers.forEach((l, i) => {
    const first = seen.get(l.id);
    const at = `$.layers[${i}].id`;
    if (first !== undefined)
      throw new SpecJsonError(
        `the id "${l.id}" is already used by layers[${first}]`,
        `id “${l.id}” 已被 layers[${first}] 使用`,
        { pos: json.posOf(at), path: at },
      );
    seen.set(l.id, i);
  });
  layers.forEach((l, i) =>
    l.inputs.forEach((src, k) => {
      const at = `$.layers[${i}].inputs[${k}]`;
      if (!seen.has(src))
        throw new SpecJsonError(
          `input "${src}" is not the id of any layer`,
          `输入 “${src}” 不是任何层的 id`,
          { pos: json.posOf(at), path: at },
        );
    }),
  );
  const name = typeof top.name === 'string' && top.name.trim() !== '' ? top.name : 'model';
  const layerPos = new Map<string, TextPos>();
  layers.forEach((l, i) => {
    const p = json.posOf(`$.layers[${i}]`);
    if (p) layerPos.set(l.id, p);
  });
  return { spec: { name, layers }, notes: [], layerPos };
}

function valueText(v: ParamValue): string {
  return Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v);
}

function paramsText(params: LayerParams): string {
  const entries = Object.entries(params).map(([k, v]) => `${JSON.stringify(k)}: ${valueText(v)}`);
  return `{${entries.join(', ')}}`;
}

/** One layer per line: easy to read, to diff and to edit in the text pane. */
export function serializeSpecJson(spec: NetworkSpec): string {
  const rows = spec.layers.map(
    (l) =>
      `    {"id": ${JSON.stringify(l.id)}, "type": ${JSON.stringify(l.type)}, "params": ${paramsText(l.params)}, "inputs": [${l.inputs.map((i) => JSON.stringify(i)).join(', ')}]}`,
  );
  return `{\n  "format": "${SPEC_FORMAT_TAG}",\n  "version": 1,\n  "name": ${JSON.stringify(spec.name)},\n  "layers": [\n${rows.join(',\n')}\n  ]\n}\n`;
}
