/**
 * Changing one parameter of one layer. A value that does not fit its definition is refused
 * with the registry's own sentence; the spec keeps the previous, valid value.
 */
import type { LayerParams, ParamValue } from '../spec/types';
import type { NetworkSpec } from '../spec/types';
import type { LayerDef } from '../layers/types';
import { getLayerDef } from '../layers/registry';
import { checkParam, paramDefsFor } from '../layers/shared/params';
import { findLayer } from '../spec/graph';
import type { EditResult } from './edits';

/**
 * For layers whose parameter list depends on a parameter (a wrapper's wrapped layer), a
 * change can add or remove parameters: new ones get their defaults, gone ones are dropped.
 */
function settle(def: LayerDef, params: LayerParams): LayerParams {
  if (!def.paramsFor) return params;
  const defs = def.paramsFor(params);
  const out: LayerParams = {};
  for (const d of defs) {
    const v = params[d.name];
    out[d.name] =
      v !== undefined && checkParam(d, v) === null
        ? v
        : Array.isArray(d.default)
          ? [...d.default]
          : d.default;
  }
  return out;
}

export function setParam(spec: NetworkSpec, id: string, name: string, value: ParamValue): EditResult {
  const layer = findLayer(spec, id);
  if (!layer) return { ok: false, error: { en: `there is no layer "${id}"`, zh: `没有名为 “${id}” 的层` } };
  const def = getLayerDef(layer.type);
  if (!def)
    return {
      ok: false,
      error: { en: `unknown layer type "${layer.type}"`, zh: `未知的层类型 “${layer.type}”` },
    };
  const pd = paramDefsFor(def, layer.params).find((d) => d.name === name);
  if (!pd)
    return {
      ok: false,
      error: { en: `${layer.type} has no parameter "${name}"`, zh: `${layer.type} 没有参数 “${name}”` },
    };
  const problem = checkParam(pd, value);
  if (problem) return { ok: false, error: problem };
  const params = settle(def, { ...layer.params, [name]: Array.isArray(value) ? [...value] : value });
  return {
    ok: true,
    spec: { ...spec, layers: spec.layers.map((l) => (l.id === id ? { ...l, params } : l)) },
    focus: id,
  };
}
