/** `topIndices` against a stable sort of every index by value: the same indices, ties included. */
import { describe, expect, it } from 'vitest';
import { topIndices } from '../../src/lib/data/metrics';
import { createRng } from '../../src/lib/random';

const bySort = (p: ArrayLike<number>, k: number): number[] =>
  [...Array.from(p).keys()].sort((a, b) => p[b]! - p[a]!).slice(0, k);

describe('topIndices', () => {
  it('gives what a stable sort gives, for random values with many ties and any k', () => {
    const rng = createRng(3);
    for (let n = 0; n < 60; n++) {
      const length = Math.floor(rng() * 40);
      // Few distinct values: ties everywhere, which a sort keeps in index order.
      const p = Float32Array.from({ length }, () => Math.floor(rng() * 6) / 5);
      for (const k of [0, 1, 3, 5, length, length + 2])
        expect(topIndices(p, k), `${n} k=${k}`).toEqual(bySort(p, k));
    }
  });

  it('finds the three most probable of a thousand classes', () => {
    const p = new Float32Array(1000).fill(0.0001);
    p[917] = 0.5;
    p[3] = 0.2;
    p[999] = 0.2;
    p[500] = 0.01;
    expect(topIndices(p, 3)).toEqual([917, 3, 999]);
    expect(topIndices(p, 4)).toEqual([917, 3, 999, 500]);
  });
});
