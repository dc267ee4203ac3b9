/**
 * Every weight a spec's layers own, with its shape, read from the layer registry and the
 * shape table: what seeded re-initialisation needs, without asking the engine.
 */
import { getLayerDef } from '../layers/registry';
import { inferShapes } from '../spec/inferShapes';
import type { NetworkSpec } from '../spec/types';
import type { WeightInfo } from './init';

export function specWeights(spec: NetworkSpec): WeightInfo[] {
  const table = inferShapes(spec);
  const out: WeightInfo[] = [];
  for (const layer of spec.layers) {
    const info = table.layers.get(layer.id);
    const def = getLayerDef(layer.type);
    if (!def || info?.status !== 'ok') continue;
    for (const w of def.weights(layer.params, info.inputShapes))
      out.push({ name: `${layer.id}/${w.name}`, shape: w.shape });
  }
  return out;
}
