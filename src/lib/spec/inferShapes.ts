/**
 * Shape inference over a whole spec. Never throws: every layer ends up `ok` with its output
 * shape and costs, `error` with a sentence that names it, or `blocked` by an earlier layer
 * that has a problem, so one bad layer never hides the rest of the net.
 */
import type { LayerSpec, Localized, NetworkSpec, Shape } from './types';
import { getLayerDef } from '../layers/registry';
import { checkParam } from '../layers/shared/params';
import { product } from '../layers/shared/windowMath';
import { orderInWaves } from './topoOrder';

export type LayerInfo =
  | {
      status: 'ok';
      shape: Shape;
      inputShapes: Shape[];
      params: number;
      macs: number;
      /** Output values per example; ×4 for bytes in float32. */
      activations: number;
    }
  | { status: 'error'; error: Localized }
  | { status: 'blocked'; by: string };

export interface ShapeTable {
  order: string[];
  layers: Map<string, LayerInfo>;
}

function withId(id: string, e: Localized): Localized {
  return { en: `${id}: ${e.en}`, zh: `${id}：${e.zh}` };
}

function inferLayer(layer: LayerSpec, infos: Map<string, LayerInfo>): LayerInfo {
  const def = getLayerDef(layer.type);
  if (!def)
    return {
      status: 'error',
      error: withId(layer.id, {
        en: `unknown layer type "${layer.type}"`,
        zh: `未知的层类型 “${layer.type}”`,
      }),
    };
  for (const p of def.params) {
    const problem = checkParam(p, layer.params[p.name]);
    if (problem) return { status: 'error', error: withId(layer.id, problem) };
  }
  const n = layer.inputs.length;
  if (n < def.arity.min || n > def.arity.max) {
    const want = def.arity.min === def.arity.max ? `${def.arity.min}` : `${def.arity.min}–${def.arity.max}`;
    return {
      status: 'error',
      error: withId(layer.id, {
        en: `takes ${want} input(s), has ${n}`,
        zh: `需要 ${want} 个输入，实际有 ${n} 个`,
      }),
    };
  }
  const inputShapes: Shape[] = [];
  for (const src of layer.inputs) {
    const info = infos.get(src);
    if (!info)
      return {
        status: 'error',
        error: withId(layer.id, { en: `input "${src}" does not exist`, zh: `输入 “${src}” 不存在` }),
      };
    if (info.status === 'error') return { status: 'blocked', by: src };
    if (info.status === 'blocked') return { status: 'blocked', by: info.by };
    inputShapes.push(info.shape);
  }
  const r = def.inferShape(layer.params, inputShapes);
  if ('error' in r) return { status: 'error', error: withId(layer.id, r.error) };
  if (r.shape.some((d) => !Number.isInteger(d) || d < 1))
    return {
      status: 'error',
      error: withId(layer.id, {
        en: `the output shape ${r.shape.join('×')} has an empty axis`,
        zh: `输出形状 ${r.shape.join('×')} 有一个维度为空`,
      }),
    };
  const params = def.weights(layer.params, inputShapes).reduce((s, w) => s + product(w.shape), 0);
  const macs = def.countMacs(layer.params, inputShapes, r.shape);
  return { status: 'ok', shape: r.shape, inputShapes, params, macs, activations: product(r.shape) };
}

export function inferShapes(spec: NetworkSpec): ShapeTable {
  const layers = new Map<string, LayerInfo>();
  const { order, cyclic } = orderInWaves(spec.layers);
  const seen = new Set<string>();
  for (const layer of order) {
    if (seen.has(layer.id)) {
      layers.set(layer.id, {
        status: 'error',
        error: withId(layer.id, { en: 'this name is used by another layer', zh: '该名称已被另一层使用' }),
      });
      continue;
    }
    seen.add(layer.id);
    layers.set(layer.id, inferLayer(layer, layers));
  }
  for (const layer of cyclic)
    layers.set(layer.id, {
      status: 'error',
      error: withId(layer.id, {
        en: 'is part of a cycle: a layer cannot feed itself',
        zh: '处于循环中：层不能把输出送回自身',
      }),
    });
  return { order: [...order, ...cyclic].map((l) => l.id), layers };
}

export interface NetworkTotals {
  params: number;
  macs: number;
  activations: number;
  valid: boolean;
}

export function totals(table: ShapeTable): NetworkTotals {
  let params = 0;
  let macs = 0;
  let activations = 0;
  let valid = true;
  for (const info of table.layers.values()) {
    if (info.status !== 'ok') {
      valid = false;
      continue;
    }
    params += info.params;
    macs += info.macs;
    activations += info.activations;
  }
  return { params, macs, activations, valid };
}
