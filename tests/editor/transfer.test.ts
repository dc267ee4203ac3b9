/** The engine side of the live link: rebuilt models keep every weight that still fits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel, getNamedWeights, transferWeights, weightEntries } from '../../src/lib/engine/build';
import { setParam } from '../../src/lib/editor/setParam';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import type { NetworkSpec } from '../../src/lib/spec/types';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

function edited(spec: NetworkSpec, id: string, name: string, value: number | string | number[]): NetworkSpec {
  const r = setParam(spec, id, name, value);
  if (!r.ok) throw new Error(r.error.en);
  return r.spec;
}

function same(a: Float32Array | undefined, b: Float32Array | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
}

describe('weight transfer between rebuilt models', () => {
  it('changing padding keeps every weight; no tensor is left behind', async () => {
    const spec = tinyVggSpec(10, 32);
    const old = await buildModel(spec);
    const before = tf.memory().numTensors;
    const next = await buildModel(edited(spec, 'conv_1_1', 'padding', 'same'));
    const plan = transferWeights(next, [{ model: old, untrained: new Set() }]);
    expect(plan.reinitialised).toEqual([]);
    const a = getNamedWeights(old);
    const b = getNamedWeights(next);
    for (const [name, values] of a) expect(same(values, b.get(name)), name).toBe(true);
    next.dispose();
    expect(tf.memory().numTensors).toBe(before);
    old.dispose();
  });

  it('more filters re-initialise that conv and the next one, and copy the rest', async () => {
    const spec = tinyVggSpec(10, 32);
    const old = await buildModel(spec);
    const next = await buildModel(edited(spec, 'conv_1_1', 'filters', 12));
    const plan = transferWeights(next, [{ model: old, untrained: new Set() }]);
    expect(plan.reinitialised.sort()).toEqual(['conv_1_1', 'conv_1_2']);
    const a = getNamedWeights(old);
    const b = getNamedWeights(next);
    expect(same(a.get('conv_2_1/kernel'), b.get('conv_2_1/kernel'))).toBe(true);
    expect(same(a.get('output/kernel'), b.get('output/kernel'))).toBe(true);
    // conv_1_2's bias still fits and is copied, though its kernel had to change.
    expect(same(a.get('conv_1_2/bias'), b.get('conv_1_2/bias'))).toBe(true);
    expect(b.get('conv_1_1/kernel')?.length).toBe(3 * 3 * 3 * 12);
    old.dispose();
    next.dispose();
  });

  it('a bank of trained values brings back a layer an earlier edit re-initialised', async () => {
    const spec = tinyVggSpec(10, 32);
    const trained = await buildModel(spec);
    const bank = {
      values: getNamedWeights(trained),
      shapes: new Map(weightEntries(trained).map((e) => [e.name, e.shape])),
    };
    const wide = await buildModel(edited(spec, 'conv_1_1', 'filters', 12));
    const p1 = transferWeights(wide, [
      { model: trained, untrained: new Set() },
      { bank, untrained: new Set() },
    ]);
    trained.dispose();
    const back = await buildModel(spec);
    const p2 = transferWeights(back, [
      { model: wide, untrained: p1.untrained },
      { bank, untrained: new Set() },
    ]);
    expect(p2.untrained.size).toBe(0);
    expect(same(getNamedWeights(back).get('conv_1_1/kernel'), bank.values.get('conv_1_1/kernel'))).toBe(true);
    wide.dispose();
    back.dispose();
  });
});
