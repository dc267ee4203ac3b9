/** Activation, normalisation, noise and common layers against tfjs, over seeded random configurations. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/lib/engine/backend';
import { ACTIVATIONS } from '../../src/lib/layers/shared/params';
import type { Rng } from '../../src/lib/random';
import { checkCase, checkRandomCases, ints, pick, randomInt, type LayerCase } from './tfjsHarness';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

function shape(rng: Rng, minRank = 1, maxRank = 3): number[] {
  return ints(rng, randomInt(rng, minRank, maxRank), 1, 5);
}

const plain = (rng: Rng): LayerCase => ({ inputs: [shape(rng)], params: {} });

function axisCase(extra: (rng: Rng) => Record<string, number | boolean>) {
  return (rng: Rng): LayerCase => {
    const input = shape(rng);
    return {
      inputs: [input],
      params: { axis: pick(rng, [-1, -1, 1, input.length, 0, input.length + 1]), ...extra(rng) },
    };
  };
}

const cases: [string, number, (rng: Rng) => LayerCase][] = [
  ['ReLU', 5, (rng) => ({ inputs: [shape(rng)], params: { maxValue: pick(rng, [0, 6, 1.5]) } })],
  ['ReLU6', 2, plain],
  ['LeakyReLU', 3, (rng) => ({ inputs: [shape(rng)], params: { alpha: pick(rng, [0.3, 0.01, 0.2]) } })],
  [
    'PReLU',
    8,
    (rng) => {
      const input = shape(rng);
      // Out-of-range shared axes are refused in handComputed.test.ts: tfjs silently builds
      // a wrongly shaped alpha for them, where Keras raises.
      const sharedAxes = ints(rng, randomInt(rng, 0, Math.min(2, input.length)), 1, input.length);
      return { inputs: [input], params: { sharedAxes: [...new Set(sharedAxes)] } };
    },
  ],
  ['ELU', 4, (rng) => ({ inputs: [shape(rng)], params: { alpha: pick(rng, [1, 1, 0.5]) } })],
  ['ThresholdedReLU', 3, (rng) => ({ inputs: [shape(rng)], params: { theta: pick(rng, [1, 0.5, 2]) } })],
  ['SELU', 2, plain],
  ['Softplus', 2, plain],
  ['Softsign', 2, plain],
  ['Sigmoid', 2, plain],
  ['Tanh', 2, plain],
  ['HardSigmoid', 2, plain],
  ['Swish', 2, plain],
  [
    'Softmax',
    6,
    (rng) => {
      const input = shape(rng);
      return { inputs: [input], params: { axis: pick(rng, [-1, -1, input.length, 1, 0]) } };
    },
  ],
  [
    'BatchNormalization',
    10,
    axisCase((rng) => ({ momentum: 0.9, epsilon: 0.001, center: rng() < 0.7, scale: rng() < 0.7 })),
  ],
  ['LayerNormalization', 8, axisCase((rng) => ({ epsilon: 0.001, center: rng() < 0.7, scale: rng() < 0.7 }))],
  [
    'Dense',
    8,
    (rng) => ({
      inputs: [shape(rng)],
      params: { units: randomInt(rng, 1, 8), activation: pick(rng, ACTIVATIONS), useBias: rng() < 0.7 },
    }),
  ],
  ['Dropout', 2, (rng) => ({ inputs: [shape(rng)], params: { rate: 0.4 } })],
  ['GaussianNoise', 2, (rng) => ({ inputs: [shape(rng)], params: { stddev: 0.2 } })],
  ['GaussianDropout', 2, (rng) => ({ inputs: [shape(rng)], params: { rate: 0.3 } })],
  ['AlphaDropout', 2, (rng) => ({ inputs: [shape(rng)], params: { rate: 0.1 } })],
];

describe('activation, normalisation, noise and common layers match tfjs', () => {
  let invalid = 0;
  it.each(cases)('%s over %i random configurations', async (type, n, draw) => {
    const tally = await checkRandomCases(type, n, type.length * 7368787 + n, draw);
    invalid += tally.invalid;
    expect(tally.problems).toEqual([]);
    expect(tally.valid).toBeGreaterThan(0);
  });
  it('drew refused configurations too', () => {
    expect(invalid).toBeGreaterThan(5);
  });
  it.each(ACTIVATIONS)('the Activation layer runs %s in tfjs', async (name) => {
    const r = await checkCase('Activation', { inputs: [[3, 2]], params: { activation: name } });
    expect(r).toEqual({ valid: true, problems: [] });
  });
});
