/**
 * Topological orders in linear time: the same orders as the step-by-step definitions on
 * random graphs (with cycles, duplicate ids and dangling inputs), and a 20,000-layer chain
 * through every format's import, shape inference, costs and order, checked to grow linearly
 * (time for 4× the layers against time for a quarter: ratios hold on a loaded machine).
 */
import { describe, expect, it } from 'vitest';
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';
import { orderInWaves, orderKeepingSpec } from '../../src/lib/spec/topoOrder';
import { sortTopologically } from '../../src/lib/spec/graph';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { netCosts } from '../../src/lib/spec/costs';
import { layersInOrder } from '../../src/lib/spec/order';
import { summarize } from '../../src/lib/formats/summary';
import { exportText, importText } from '../../src/lib/formats';
import { createRng, randomInt } from '../../src/lib/random';
import { getLayerDef } from '../../src/lib/layers/registry';
import { defaultLayerParams } from '../../src/lib/layers/shared/params';
import { fastestOfEach, LINEAR_GROWTH_4X } from '../formats/timing';

/** The definitions, written the slow and obvious way. */
function wavesByDefinition(layers: LayerSpec[]): string[] {
  const ids = new Set(layers.map((l) => l.id));
  const done = new Set<string>();
  const order: LayerSpec[] = [];
  let pending = [...layers];
  for (;;) {
    const ready = pending.filter((l) => l.inputs.every((i) => done.has(i) || !ids.has(i)));
    if (ready.length === 0) break;
    for (const l of ready) {
      order.push(l);
      done.add(l.id);
    }
    pending = pending.filter((l) => !ready.includes(l));
  }
  return [...order, ...pending].map((l) => l.id);
}

function earliestByDefinition(layers: LayerSpec[]): string[] {
  const ids = new Set(layers.map((l) => l.id));
  const placed = new Set<string>();
  const out: LayerSpec[] = [];
  let pending = layers;
  for (;;) {
    const next = pending.find((l) => l.inputs.every((i) => placed.has(i) || !ids.has(i)));
    if (!next) break;
    out.push(next);
    placed.add(next.id);
    pending = pending.filter((l) => l !== next);
  }
  return [...out, ...pending].map((l) => l.id);
}

function randomLayers(seed: number): LayerSpec[] {
  const rng = createRng(seed);
  const n = randomInt(rng, 1, 25);
  const names = Array.from({ length: n }, (_, i) => `L${rng() < 0.1 ? 0 : i}`);
  return names.map((id) => ({
    id,
    type: 'ReLU',
    params: {},
    inputs: Array.from({ length: randomInt(rng, 0, 3) }, () =>
      rng() < 0.1 ? 'nowhere' : (names[randomInt(rng, 0, n - 1)] ?? ''),
    ),
  }));
}

function chain(n: number): NetworkSpec {
  const relu = getLayerDef('ReLU');
  const params = relu ? defaultLayerParams(relu) : {};
  const layers: LayerSpec[] = [{ id: 'in', type: 'Input', params: { shape: [4, 4, 2] }, inputs: [] }];
  for (let i = 0; i < n; i++)
    layers.push({
      id: `r${i}`,
      type: 'ReLU',
      params: { ...params },
      inputs: [layers[layers.length - 1]?.id ?? ''],
    });
  return { name: 'chain', layers: layers.reverse() };
}

describe('topological orders', () => {
  it('match their definitions on 500 random graphs', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const layers = randomLayers(seed);
      const waves = orderInWaves(layers);
      const earliest = orderKeepingSpec(layers);
      expect(
        [...waves.order, ...waves.cyclic].map((l) => l.id),
        `seed ${seed}`,
      ).toEqual(wavesByDefinition(layers));
      expect(
        [...earliest.order, ...earliest.cyclic].map((l) => l.id),
        `seed ${seed}`,
      ).toEqual(earliestByDefinition(layers));
    }
  });

  it('report the layers of a cycle and those fed by it', () => {
    const l = (id: string, ...inputs: string[]): LayerSpec => ({ id, type: 'ReLU', params: {}, inputs });
    const r = orderInWaves([l('a'), l('b', 'a', 'c'), l('c', 'b'), l('d', 'c'), l('e', 'a')]);
    expect(r.order.map((x) => x.id)).toEqual(['a', 'e']);
    expect(r.cyclic.map((x) => x.id)).toEqual(['b', 'c', 'd']);
  });

  /**
   * Time of `work(n)` against `work(n / 4)`: about 4 when linear, 16 when quadratic. The bound
   * is LINEAR_GROWTH_4X.
   */
  function growthFor4x(work: (n: number) => void, n: number): number {
    const [small, large] = fastestOfEach(
      () => work(n / 4),
      () => work(n),
      3,
    );
    return large / Math.max(small, 0.5);
  }

  it('a 20,000-layer chain listed backwards: shapes, costs and order, in linear time', () => {
    const spec = chain(20_000);
    const table = inferShapes(spec);
    expect(table.order[0]).toBe('in');
    expect(table.layers.get('r19999')).toMatchObject({ status: 'ok', shape: [4, 4, 2] });
    expect(netCosts(spec, table).unknown).toEqual([]);
    expect(layersInOrder(spec, table)[1]?.id).toBe('r0');
    expect(sortTopologically(spec).layers[20_000]?.id).toBe('r19999');
    expect(summarize(spec).valid).toBe(true);
    const growth = growthFor4x((n) => {
      const s = chain(n);
      const t = inferShapes(s);
      netCosts(s, t);
      layersInOrder(s, t);
      sortTopologically(s);
      summarize(s);
    }, 20_000);
    expect(growth).toBeLessThan(LINEAR_GROWTH_4X);
  });

  it.each(['spec', 'keras', 'caffe'] as const)(
    'a 20,000-layer chain exported and imported as %s, in linear time',
    { timeout: 60_000 },
    (format) => {
      const spec = sortTopologically(chain(20_000));
      const back = importText(exportText(spec, format), format).spec;
      const s = summarize(back);
      expect(s.layers.length).toBe(20_001);
      expect(s.valid).toBe(true);
      const growth = growthFor4x((n) => {
        importText(exportText(sortTopologically(chain(n)), format), format);
      }, 20_000);
      expect(growth).toBeLessThan(LINEAR_GROWTH_4X);
    },
  );

  it(
    'one layer feeding 40,000 others exports to Caffe and reads back, in linear time',
    { timeout: 90_000 },
    () => {
      const relu = getLayerDef('ReLU');
      const params = relu ? defaultLayerParams(relu) : {};
      const wide = (n: number): NetworkSpec => {
        const layers: LayerSpec[] = [{ id: 'in', type: 'Input', params: { shape: [2, 2, 1] }, inputs: [] }];
        for (let i = 0; i < n; i++)
          layers.push({ id: `r${i}`, type: 'ReLU', params: { ...params }, inputs: ['in'] });
        return { name: 'wide', layers };
      };
      const back = importText(exportText(wide(40_000), 'caffe'), 'caffe').spec;
      expect(back.layers).toHaveLength(40_001);
      const growth = growthFor4x((n) => importText(exportText(wide(n), 'caffe'), 'caffe'), 40_000);
      expect(growth).toBeLessThan(LINEAR_GROWTH_4X);
    },
  );
});
