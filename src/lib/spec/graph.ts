/** Read-only questions about a spec's graph: who feeds whom, reachability, a stable order. */
import type { LayerSpec, NetworkSpec } from './types';
import { orderKeepingSpec } from './topoOrder';

export function findLayer(spec: NetworkSpec, id: string): LayerSpec | undefined {
  return spec.layers.find((l) => l.id === id);
}

/** Layers that read `id`, in spec order (a layer reading it twice is listed once). */
export function consumersOf(spec: NetworkSpec, id: string): LayerSpec[] {
  return spec.layers.filter((l) => l.inputs.includes(id));
}

/** True when `to` can be reached from `from` by following outputs (a layer reaches itself). */
export function reaches(spec: NetworkSpec, from: string, to: string): boolean {
  const readers = new Map<string, string[]>();
  for (const l of spec.layers)
    for (const i of new Set(l.inputs)) {
      const list = readers.get(i);
      if (list) list.push(l.id);
      else readers.set(i, [l.id]);
    }
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const c of readers.get(id) ?? []) stack.push(c);
  }
  return false;
}

/**
 * The layers reordered so every layer comes after its inputs, otherwise keeping the spec's
 * order; Keras configs are read front to back, so exported specs read best in this order.
 * Layers in a cycle keep their relative order at the end.
 */
export function sortTopologically(spec: NetworkSpec): NetworkSpec {
  const { order, cyclic } = orderKeepingSpec(spec.layers);
  const same = order.length === spec.layers.length && order.every((l, i) => l === spec.layers[i]);
  return same ? spec : { ...spec, layers: [...order, ...cyclic] };
}
