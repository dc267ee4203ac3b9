/**
 * Costs of a net: per layer and in total, parameters, multiply-adds and activation memory
 * (float32 outputs for one example), and the comparison of two variants of a net.
 */
import type { NetworkSpec } from './types';
import { inferShapes, type ShapeTable } from './inferShapes';

export const BYTES_PER_VALUE = 4;

export interface Costs {
  params: number;
  macs: number;
  /** Bytes of all layer outputs for one example. */
  memory: number;
}

export interface LayerCosts extends Costs {
  id: string;
  type: string;
}

export interface NetCosts {
  layers: LayerCosts[];
  total: Costs;
  /** Layers whose costs are unknown because they have a problem or are blocked by one. */
  unknown: string[];
}

export function netCosts(spec: NetworkSpec, table: ShapeTable = inferShapes(spec)): NetCosts {
  const layers: LayerCosts[] = [];
  const unknown: string[] = [];
  const total: Costs = { params: 0, macs: 0, memory: 0 };
  for (const l of spec.layers) {
    const info = table.layers.get(l.id);
    if (info?.status !== 'ok') {
      unknown.push(l.id);
      continue;
    }
    const c = {
      id: l.id,
      type: l.type,
      params: info.params,
      macs: info.macs,
      memory: info.activations * BYTES_PER_VALUE,
    };
    layers.push(c);
    total.params += c.params;
    total.macs += c.macs;
    total.memory += c.memory;
  }
  return { layers, total, unknown };
}

export interface Change {
  a: number;
  b: number;
  delta: number;
  /** b / a; null when a is 0 (a ratio to nothing means nothing). */
  ratio: number | null;
}

export function change(a: number, b: number): Change {
  return { a, b, delta: b - a, ratio: a === 0 ? (b === 0 ? 1 : null) : b / a };
}

export interface LayerChange {
  id: string;
  /** Costs in each variant; null when the layer is not in it (or its costs are unknown). */
  a: LayerCosts | null;
  b: LayerCosts | null;
}

export interface Comparison {
  params: Change;
  macs: Change;
  memory: Change;
  /** Layers that differ between the two, in the order of A then B's new ones. */
  layers: LayerChange[];
  /** Both nets are free of problems, so the totals are complete. */
  complete: boolean;
}

function same(x: LayerCosts, y: LayerCosts): boolean {
  return x.type === y.type && x.params === y.params && x.macs === y.macs && x.memory === y.memory;
}

export function compareNets(a: NetworkSpec, b: NetworkSpec): Comparison {
  const ca = netCosts(a);
  const cb = netCosts(b);
  const byA = new Map(ca.layers.map((l) => [l.id, l]));
  const byB = new Map(cb.layers.map((l) => [l.id, l]));
  const inA = new Set(a.layers.map((l) => l.id));
  const ids = [...inA, ...b.layers.map((l) => l.id).filter((id) => !inA.has(id))];
  const layers: LayerChange[] = [];
  for (const id of ids) {
    const x = byA.get(id) ?? null;
    const y = byB.get(id) ?? null;
    if (x && y && same(x, y)) continue;
    layers.push({ id, a: x, b: y });
  }
  return {
    params: change(ca.total.params, cb.total.params),
    macs: change(ca.total.macs, cb.total.macs),
    memory: change(ca.total.memory, cb.total.memory),
    layers,
    complete: ca.unknown.length === 0 && cb.unknown.length === 0,
  };
}
