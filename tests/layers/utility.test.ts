/** Reshaping, merging and padding layers against tfjs, over seeded random configurations. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/lib/engine/backend';
import type { Rng } from '../../src/lib/random';
import { shuffleInPlace } from '../../src/lib/random';
import { checkRandomCases, ints, pick, randomInt, type LayerCase } from './tfjsHarness';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

function shape(rng: Rng, minRank = 1, maxRank = 3, maxSide = 5): number[] {
  return ints(rng, randomInt(rng, minRank, maxRank), 1, maxSide);
}

/** Two to three inputs that often, but not always, broadcast against each other. */
function mergeInputs(rng: Rng): LayerCase {
  const base = shape(rng, 1, 3, 4);
  const n = randomInt(rng, 2, 3);
  const inputs = [base];
  for (let i = 1; i < n; i++) {
    const r = rng();
    if (r < 0.5) inputs.push([...base]);
    else if (r < 0.8) inputs.push(base.map((d) => (rng() < 0.5 ? 1 : d)));
    else inputs.push(shape(rng, 1, 3, 4));
  }
  return { inputs, params: {} };
}

function edges(rng: Rng, hi: number): number[] {
  return rng() < 0.5 ? ints(rng, 2, 0, hi) : ints(rng, 4, 0, hi);
}

const cases: [string, number, (rng: Rng) => LayerCase][] = [
  ['Flatten', 4, (rng) => ({ inputs: [shape(rng, 1, 4)], params: {} })],
  [
    'Reshape',
    12,
    (rng) => {
      const input = shape(rng, 1, 3);
      const total = input.reduce((a, b) => a * b, 1);
      const r = rng();
      const targetShape =
        r < 0.4
          ? [total]
          : r < 0.7
            ? [-1, ...(total % 2 === 0 ? [2] : [1])]
            : r < 0.85
              ? [total + 1]
              : [-1, -1];
      return { inputs: [input], params: { targetShape: shuffleInPlace(targetShape, rng) } };
    },
  ],
  [
    'Concatenate',
    12,
    (rng) => {
      const base = shape(rng, 1, 3, 4);
      const axis = pick(rng, [-1, 1, 2, 3, -2, 0]);
      const other = base.map((d, i) => (rng() < 0.5 || i === base.length - 1 ? d + randomInt(rng, 0, 2) : d));
      return { inputs: [base, rng() < 0.7 ? other : [...base]], params: { axis } };
    },
  ],
  ['Add', 8, mergeInputs],
  ['Multiply', 8, mergeInputs],
  ['Average', 6, mergeInputs],
  ['Maximum', 6, mergeInputs],
  [
    'Dot',
    12,
    (rng) => {
      const a = shape(rng, 1, 2, 4);
      const b = shape(rng, 1, 2, 4);
      const axes = [randomInt(rng, 1, a.length), randomInt(rng, 1, b.length)];
      // Usually make the contracted axes agree so that most draws are valid.
      if (rng() < 0.7) b[axes[1]! - 1] = a[axes[0]! - 1]!;
      return { inputs: [a, b], params: { axes, normalize: rng() < 0.3 } };
    },
  ],
  [
    'Permute',
    8,
    (rng) => {
      const input = shape(rng, 1, 4);
      const dims = shuffleInPlace(
        input.map((_, i) => i + 1),
        rng,
      );
      if (rng() < 0.25) dims[0] = input.length + 1;
      return { inputs: [input], params: { dims } };
    },
  ],
  ['RepeatVector', 5, (rng) => ({ inputs: [shape(rng, 1, 2)], params: { n: randomInt(rng, 1, 5) } })],
  ['Masking', 3, (rng) => ({ inputs: [shape(rng, 2, 2)], params: { maskValue: pick(rng, [0, -1, 0.5]) } })],
  ['ZeroPadding2D', 8, (rng) => ({ inputs: [shape(rng, 2, 3, 6)], params: { padding: edges(rng, 3) } })],
  ['Cropping2D', 10, (rng) => ({ inputs: [shape(rng, 3, 3, 6)], params: { cropping: edges(rng, 3) } })],
];

describe('utility layers match tfjs', () => {
  let invalid = 0;
  it.each(cases)('%s over %i random configurations', async (type, n, draw) => {
    const tally = await checkRandomCases(type, n, type.length * 15485863 + n, draw);
    invalid += tally.invalid;
    expect(tally.problems).toEqual([]);
    expect(tally.valid).toBeGreaterThan(0);
  });
  it('drew refused configurations too', () => {
    expect(invalid).toBeGreaterThan(10);
  });
});
