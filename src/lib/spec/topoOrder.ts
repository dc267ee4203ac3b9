/**
 * Topological orders of a spec's layers in time linear in the layers and their inputs
 * (Kahn's algorithm: a count of unplaced inputs per layer and, per id, the layers that read
 * it). Inputs naming no layer count as placed; an id used twice counts as placed once its
 * first layer is. Layers in a cycle, or fed by one, are returned apart, in spec order.
 */
import type { LayerSpec } from './types';
import { IndexHeap } from './indexHeap';

interface Waiting {
  /** Per layer index: how many of its distinct (known) input ids are not placed yet. */
  count: number[];
  /** Per id: indices of the layers that read it (each once). */
  readers: Map<string, number[]>;
}

function waitingOf(layers: readonly LayerSpec[]): Waiting {
  const ids = new Set(layers.map((l) => l.id));
  const readers = new Map<string, number[]>();
  const count = layers.map((l, i) => {
    const inputs = new Set(l.inputs.filter((id) => ids.has(id)));
    for (const id of inputs) {
      const list = readers.get(id);
      if (list) list.push(i);
      else readers.set(id, [i]);
    }
    return inputs.size;
  });
  return { count, readers };
}

function split(layers: readonly LayerSpec[], placed: number[]): { order: LayerSpec[]; cyclic: LayerSpec[] } {
  const isPlaced = new Uint8Array(layers.length);
  for (const i of placed) isPlaced[i] = 1;
  return {
    order: placed.map((i) => layers[i] as LayerSpec),
    cyclic: layers.filter((_, i) => isPlaced[i] === 0),
  };
}

/**
 * In waves: first every layer with nothing to wait for, in spec order; then every layer
 * whose inputs the first wave completed, in spec order; and so on.
 */
export function orderInWaves(layers: readonly LayerSpec[]): { order: LayerSpec[]; cyclic: LayerSpec[] } {
  const { count, readers } = waitingOf(layers);
  const done = new Set<string>();
  const placed: number[] = [];
  let wave = count.flatMap((c, i) => (c === 0 ? [i] : []));
  while (wave.length > 0) {
    const next: number[] = [];
    for (const i of wave) {
      placed.push(i);
      const id = (layers[i] as LayerSpec).id;
      if (done.has(id)) continue;
      done.add(id);
      for (const r of readers.get(id) ?? []) if (--(count[r] as number) === 0) next.push(r);
    }
    wave = next.sort((a, b) => a - b);
  }
  return split(layers, placed);
}

/** Each step places the earliest layer (in spec order) whose inputs are all placed. */
export function orderKeepingSpec(layers: readonly LayerSpec[]): { order: LayerSpec[]; cyclic: LayerSpec[] } {
  const { count, readers } = waitingOf(layers);
  const done = new Set<string>();
  const placed: number[] = [];
  const ready = new IndexHeap();
  count.forEach((c, i) => {
    if (c === 0) ready.push(i);
  });
  while (ready.size > 0) {
    const i = ready.pop();
    placed.push(i);
    const id = (layers[i] as LayerSpec).id;
    if (done.has(id)) continue;
    done.add(id);
    for (const r of readers.get(id) ?? []) if (--(count[r] as number) === 0) ready.push(r);
  }
  return split(layers, placed);
}
