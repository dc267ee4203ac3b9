import { describe, expect, it } from 'vitest';
import { planWeights, type WeightEntry, type WeightSource } from '../../src/lib/spec/weightPlan';

function entries(list: [string, number[]][]): WeightEntry[] {
  return list.map(([name, shape]) => ({ name, shape, layer: name.split('/')[0] as string }));
}

function source(list: [string, number[]][], untrained: string[] = []): WeightSource {
  return { shapes: new Map(list), untrained: new Set(untrained) };
}

describe('weight transfer plan', () => {
  const current = source([
    ['c1/kernel', [3, 3, 3, 10]],
    ['c1/bias', [10]],
    ['c2/kernel', [3, 3, 10, 10]],
    ['c2/bias', [10]],
  ]);

  it('keeps every weight whose name and shape still fit and reinitialises the rest', () => {
    // c1 grew to 12 filters: its kernel and bias change shape, and so does c2's kernel.
    const target = entries([
      ['c1/kernel', [3, 3, 3, 12]],
      ['c1/bias', [12]],
      ['c2/kernel', [3, 3, 12, 10]],
      ['c2/bias', [10]],
    ]);
    const plan = planWeights(target, [current]);
    expect([...plan.copy.keys()]).toEqual(['c2/bias']);
    expect(plan.reinitialised).toEqual(['c1', 'c2']);
    expect([...plan.untrained]).toEqual(['c1', 'c2']);
  });

  it('a padding change keeps everything trained', () => {
    const target = entries([...current.shapes].map(([n, s]) => [n, s]));
    const plan = planWeights(target, [current]);
    expect(plan.copy.size).toBe(4);
    expect(plan.reinitialised).toEqual([]);
    expect(plan.untrained.size).toBe(0);
  });

  it('prefers a trained bank over an untrained current layer, so undo restores training', () => {
    const edited = source(
      [
        ['c1/kernel', [3, 3, 3, 10]],
        ['c1/bias', [10]],
      ],
      ['c1'],
    );
    const bank = source([
      ['c1/kernel', [3, 3, 3, 10]],
      ['c1/bias', [10]],
    ]);
    const plan = planWeights(
      entries([
        ['c1/kernel', [3, 3, 3, 10]],
        ['c1/bias', [10]],
      ]),
      [edited, bank],
    );
    expect(plan.copy.get('c1/kernel')).toBe(1);
    expect(plan.untrained.size).toBe(0);
  });

  it('copying from an untrained layer keeps the layer marked untrained', () => {
    const edited = source([['c1/kernel', [3, 3, 3, 10]]], ['c1']);
    const plan = planWeights(entries([['c1/kernel', [3, 3, 3, 10]]]), [edited]);
    expect(plan.copy.get('c1/kernel')).toBe(0);
    expect(plan.reinitialised).toEqual([]);
    expect([...plan.untrained]).toEqual(['c1']);
  });

  it('a renamed layer does not inherit weights (names must match)', () => {
    const plan = planWeights(entries([['stem/kernel', [3, 3, 3, 10]]]), [current]);
    expect(plan.reinitialised).toEqual(['stem']);
  });
});
