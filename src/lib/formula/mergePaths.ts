/**
 * Where a merge layer's inputs come from: the nearest layer all of them descend from (the
 * fork, where a residual or inception block splits) and, for each input, the layers on its
 * path from the fork. A residual Add then reads as "a path of five layers, and a path of
 * none (the identity shortcut)". Works on the spec's graph only; linear in its size.
 */
import type { LayerSpec, NetworkSpec } from '../spec/types';
import { orderKeepingSpec } from '../spec/topoOrder';

export interface MergePath {
  /** Index of the merge input this path ends in. */
  input: number;
  /** The layer feeding the merge on this path (its input id). */
  source: string;
  /** Layers after the fork up to and including `source`, in the order data flows; empty when the input is the fork itself. */
  layers: LayerSpec[];
  /** More layers lie on the path than are listed (it was long, or joined other branches). */
  truncated: boolean;
}

export interface MergePaths {
  /** The layer where the paths split, or null when the inputs share no ancestor (two network inputs). */
  fork: LayerSpec | null;
  paths: MergePath[];
}

function ancestorsOrSelf(byId: Map<string, LayerSpec>, id: string): Set<string> {
  const seen = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    const layer = byId.get(stack.pop() ?? '');
    for (const src of layer?.inputs ?? [])
      if (!seen.has(src)) {
        seen.add(src);
        stack.push(src);
      }
  }
  return seen;
}

/** The paths into merge layer `mergeId`, each listing at most `limit` layers. */
export function mergePaths(spec: NetworkSpec, mergeId: string, limit = 12): MergePaths {
  const byId = new Map(spec.layers.map((l) => [l.id, l]));
  const merge = byId.get(mergeId);
  if (!merge) return { fork: null, paths: [] };
  const reach = merge.inputs.map((id) => ancestorsOrSelf(byId, id));
  const position = new Map(orderKeepingSpec(spec.layers).order.map((l, i) => [l.id, i]));
  let fork: LayerSpec | null = null;
  for (const id of reach[0] ?? []) {
    if (!reach.every((r) => r.has(id))) continue;
    const layer = byId.get(id);
    if (layer && (!fork || (position.get(id) ?? -1) > (position.get(fork.id) ?? -1))) fork = layer;
  }
  const paths = merge.inputs.map((source, input): MergePath => {
    const layers: LayerSpec[] = [];
    let truncated = false;
    let id: string | undefined = source;
    while (id !== undefined && id !== fork?.id) {
      const layer = byId.get(id);
      if (!layer) break;
      if (layers.length === limit) {
        truncated = true;
        break;
      }
      layers.unshift(layer);
      // Through a join on the way, follow the input that leads back to the fork.
      const next: string[] = fork
        ? layer.inputs.filter((src) => ancestorsOrSelf(byId, src).has(fork.id))
        : layer.inputs;
      if (layer.inputs.length > 1) truncated = true;
      id = next[0];
    }
    return { input, source, layers, truncated };
  });
  return { fork, paths };
}
