/**
 * What the wrapper layers (TimeDistributed, Bidirectional) share. A wrapper names the
 * wrapped layer's type in its `layer` param and stores that layer's own params flat beside
 * it under `layer.<name>`, e.g. `{ layer: 'LSTM', 'layer.units': 32, mergeMode: 'concat' }`.
 * The spec stays one flat JSON object, and `paramsFor` tells editors which keys exist.
 */
import type { LayerDef, ParamDef } from '../types';
import type { LayerParams, Localized } from '../../spec/types';
import { checkParams, str } from './params';
import { KerasConfigError, shown, type KerasConfig } from './kerasConfig';

export const INNER_PREFIX = 'layer.';

/** The wrapped layer's params, without the prefix. */
export function innerParams(params: LayerParams): LayerParams {
  const out: LayerParams = {};
  for (const [key, value] of Object.entries(params))
    if (key.startsWith(INNER_PREFIX)) out[key.slice(INNER_PREFIX.length)] = value;
  return out;
}

export function withPrefix(params: LayerParams): LayerParams {
  const out: LayerParams = {};
  for (const [key, value] of Object.entries(params)) out[INNER_PREFIX + key] = value;
  return out;
}

export function prefixedDefs(inner: LayerDef): ParamDef[] {
  return inner.params.map((d) => ({ ...d, name: INNER_PREFIX + d.name }));
}

export function layerParam(options: readonly LayerDef[], help: Localized): ParamDef {
  return {
    name: 'layer',
    kind: 'enum',
    default: options[0]?.type ?? '',
    options: options.map((d) => d.type),
    label: { en: 'Wrapped layer', zh: '被包装的层' },
    help,
  };
}

/** The wrapped layer's definition and checked params, or the problem with them. */
export function resolveInner(
  options: readonly LayerDef[],
  params: LayerParams,
): { def: LayerDef; params: LayerParams } | { error: Localized } {
  const type = str(params, 'layer');
  const def = options.find((d) => d.type === type);
  if (!def) return { error: { en: `cannot wrap a ${type} layer`, zh: `不能包装 ${type} 层` } };
  const inner = innerParams(params);
  const problem = checkParams(def.params, inner);
  if (problem)
    return { error: { en: `wrapped ${type}: ${problem.en}`, zh: `被包装的 ${type}：${problem.zh}` } };
  return { def, params: inner };
}

/** Keras' nested `{ class_name, config }` of the wrapped layer. */
export function innerToKeras(def: LayerDef, params: LayerParams): Record<string, unknown> {
  if (!def.keras) throw new Error(`${def.type} has no Keras equivalent`);
  return { class_name: def.keras.className, config: def.keras.toConfig(params) };
}

/** Reads the nested Keras layer in a wrapper's `layer` field back as `layer` + prefixed params. */
export function innerFromKeras(options: readonly LayerDef[], c: KerasConfig): LayerParams {
  const nested = c.layer;
  const isObject = (x: unknown): x is KerasConfig => typeof x === 'object' && x !== null && !Array.isArray(x);
  const def = isObject(nested) ? options.find((d) => d.keras?.className === nested.class_name) : undefined;
  const names = options.flatMap((d) => (d.keras ? [d.keras.className] : []));
  if (!isObject(nested) || !def?.keras)
    throw new KerasConfigError(isObject(nested) ? ['layer', 'class_name'] : ['layer'], {
      en: `layer must be one of ${names.join(', ')} as {class_name, config}, not ${shown(isObject(nested) ? nested.class_name : nested)}`,
      zh: `layer 必须是 ${names.join('、')} 之一，写作 {class_name, config}，而不是 ${shown(isObject(nested) ? nested.class_name : nested)}`,
    });
  const config = nested.config;
  if (!isObject(config))
    throw new KerasConfigError(['layer', 'config'], {
      en: `the wrapped layer's config must be an object, not ${shown(config)}`,
      zh: `被包装层的 config 必须是对象，而不是 ${shown(config)}`,
    });
  try {
    return { layer: def.type, ...withPrefix(def.keras.fromConfig(config)) };
  } catch (e) {
    throw e instanceof KerasConfigError ? e.nested(['layer', 'config']) : e;
  }
}
