/** The layers in the order a file should list them: the spec's own when inputs already come first. */
import type { LayerSpec, NetworkSpec } from './types';
import type { ShapeTable } from './inferShapes';

export function layersInOrder(spec: NetworkSpec, table: ShapeTable): LayerSpec[] {
  const seen = new Set<string>();
  const listedInOrder = spec.layers.every((l) => {
    const ok = l.inputs.every((i) => seen.has(i));
    seen.add(l.id);
    return ok;
  });
  if (listedInOrder) return spec.layers;
  const byId = new Map(spec.layers.map((l) => [l.id, l]));
  return table.order.map((id) => byId.get(id)).filter((l): l is LayerSpec => l !== undefined);
}
