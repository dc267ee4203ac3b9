/**
 * Graph edits on a spec. Every edit is pure: it returns a new spec (sharing untouched
 * layers) or says in both languages why it cannot be done, leaving the spec as it was.
 */
import type { LayerSpec, Localized, NetworkSpec } from '../spec/types';
import { getLayerDef } from '../layers/registry';
import { defaultLayerParams } from '../layers/shared/params';
import { baseIdFor, idProblem, takenIds, uniqueId } from './ids';
import { findLayer, reaches, sortTopologically } from '../spec/graph';

export type EditResult =
  | { ok: true; spec: NetworkSpec; /** The layer to select afterwards. */ focus: string | null }
  | { ok: false; error: Localized };

function fail(en: string, zh: string): EditResult {
  return { ok: false, error: { en, zh } };
}

function done(spec: NetworkSpec, focus: string | null): EditResult {
  return { ok: true, spec: sortTopologically(spec), focus };
}

function missing(id: string): EditResult {
  return fail(`there is no layer "${id}"`, `没有名为 “${id}” 的层`);
}

/** A new layer of this type with its default params and a fresh name; null for unknown types. */
export function newLayer(spec: NetworkSpec, type: string, inputs: string[]): LayerSpec | null {
  const def = getLayerDef(type);
  if (!def) return null;
  const id = uniqueId(takenIds(spec), baseIdFor(type));
  return { id, type, params: defaultLayerParams(def), inputs: def.arity.max === 0 ? [] : inputs };
}

function unknownType(type: string): EditResult {
  return fail(`unknown layer type "${type}"`, `未知的层类型 “${type}”`);
}

/**
 * Adds a layer. With `after`, it goes right behind that layer: it reads `after`'s output and
 * takes over `after`'s consumers, so adding inside a chain keeps the chain connected.
 * Without, it is added unconnected at the end.
 */
export function addLayer(spec: NetworkSpec, type: string, after: string | null = null): EditResult {
  if (after !== null && !findLayer(spec, after)) return missing(after);
  const layer = newLayer(spec, type, after === null ? [] : [after]);
  if (!layer) return unknownType(type);
  if (after === null || layer.inputs.length === 0)
    return done({ ...spec, layers: [...spec.layers, layer] }, layer.id);
  const layers: LayerSpec[] = [];
  for (const l of spec.layers) {
    layers.push(
      l.inputs.includes(after) ? { ...l, inputs: l.inputs.map((i) => (i === after ? layer.id : i)) } : l,
    );
    if (l.id === after) layers.push(layer);
  }
  return done({ ...spec, layers }, layer.id);
}

/** Puts a new layer on the connection `from` → `to` (the `slot`-th input of `to`). */
export function insertBetween(
  spec: NetworkSpec,
  from: string,
  to: string,
  type: string,
  slot?: number,
): EditResult {
  const target = findLayer(spec, to);
  if (!target) return missing(to);
  const at = slot ?? target.inputs.indexOf(from);
  if (target.inputs[at] !== from)
    return fail(`"${from}" does not feed "${to}"`, `“${from}” 并不连接到 “${to}”`);
  const layer = newLayer(spec, type, [from]);
  if (!layer) return unknownType(type);
  if (layer.inputs.length === 0)
    return fail(
      `a ${type} layer takes no inputs, so it cannot sit on a connection`,
      `${type} 层没有输入，不能放在连接上`,
    );
  const layers = spec.layers.flatMap((l) =>
    l.id === to ? [layer, { ...l, inputs: l.inputs.map((i, k) => (k === at ? layer.id : i)) }] : [l],
  );
  return done({ ...spec, layers }, layer.id);
}

/**
 * Connects `from`'s output to `to` as its next input. A layer that takes exactly one input
 * and already has one gets the new one instead, as dropping a wire on it suggests.
 */
export function connect(spec: NetworkSpec, from: string, to: string): EditResult {
  const source = findLayer(spec, from);
  const target = findLayer(spec, to);
  if (!source) return missing(from);
  if (!target) return missing(to);
  if (from === to) return fail(`${to} cannot take its own output as input`, `${to} 不能把自己的输出作为输入`);
  const def = getLayerDef(target.type);
  const max = def?.arity.max ?? Infinity;
  if (max === 0) return fail(`${to} is an input layer and takes no inputs`, `${to} 是输入层，不接受输入`);
  if (target.inputs.includes(from) && max === 1)
    return fail(`${from} already feeds ${to}`, `${from} 已经连接到 ${to}`);
  if (reaches(spec, to, from))
    return fail(`connecting ${from} to ${to} would make a cycle`, `把 ${from} 连接到 ${to} 会形成循环`);
  let inputs: string[];
  if (max === 1) inputs = [from];
  else if (target.inputs.length >= max)
    return fail(`${to} already has its ${max} inputs`, `${to} 已经有 ${max} 个输入`);
  else inputs = [...target.inputs, from];
  return done({ ...spec, layers: spec.layers.map((l) => (l.id === to ? { ...l, inputs } : l)) }, to);
}

/** Removes the `slot`-th input of `to` (the first one from `from` when no slot is given). */
export function disconnect(spec: NetworkSpec, from: string, to: string, slot?: number): EditResult {
  const target = findLayer(spec, to);
  if (!target) return missing(to);
  const at = slot ?? target.inputs.indexOf(from);
  if (target.inputs[at] !== from)
    return fail(`"${from}" does not feed "${to}"`, `“${from}” 并不连接到 “${to}”`);
  const inputs = target.inputs.filter((_, k) => k !== at);
  return done({ ...spec, layers: spec.layers.map((l) => (l.id === to ? { ...l, inputs } : l)) }, to);
}

/**
 * Deletes a layer. When it had exactly one input, its consumers read that input instead,
 * so deleting from the middle of a chain keeps the chain; otherwise the wires are dropped.
 */
export function deleteLayer(spec: NetworkSpec, id: string): EditResult {
  const layer = findLayer(spec, id);
  if (!layer) return missing(id);
  const bridge = layer.inputs.length === 1 ? (layer.inputs[0] as string) : null;
  let focus: string | null = bridge;
  const layers: LayerSpec[] = [];
  for (const l of spec.layers) {
    if (l.id === id) continue;
    if (!l.inputs.includes(id)) {
      layers.push(l);
      continue;
    }
    focus ??= l.id;
    const inputs = l.inputs.flatMap((i) => (i !== id ? [i] : bridge !== null ? [bridge] : []));
    layers.push({ ...l, inputs });
  }
  return done({ ...spec, layers }, focus ?? layers[layers.length - 1]?.id ?? null);
}

/** Renames a layer and every reference to it. */
export function renameLayer(spec: NetworkSpec, id: string, next: string): EditResult {
  if (!findLayer(spec, id)) return missing(id);
  if (next === id) return done(spec, id);
  const taken = takenIds(spec);
  taken.delete(id);
  const problem = idProblem(next, taken);
  if (problem) return { ok: false, error: problem };
  const layers = spec.layers.map((l) => {
    const inputs = l.inputs.includes(id) ? l.inputs.map((i) => (i === id ? next : i)) : l.inputs;
    return l.id === id ? { ...l, id: next, inputs } : inputs === l.inputs ? l : { ...l, inputs };
  });
  return done({ ...spec, layers }, next);
}
