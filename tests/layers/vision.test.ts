/** Convolutions, up-sampling and pooling against tfjs, over seeded random configurations. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/lib/engine/backend';
import type { Rng } from '../../src/lib/random';
import { checkRandomCases, ints, pick, randomInt, type LayerCase } from './tfjsHarness';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const padding = (rng: Rng) => pick(rng, ['valid', 'same']);
const activation = (rng: Rng) => pick(rng, ['linear', 'relu', 'tanh', 'elu', 'swish']);

/** Strides and dilation drawn so that now and then both exceed 1, which must be refused. */
function stridesAndDilation(rng: Rng, rank: number): { strides: number[]; dilation: number[] } {
  const dilated = rng() < 0.3;
  return {
    strides: ints(rng, rank, 1, dilated && rng() < 0.5 ? 1 : 3),
    dilation: dilated ? ints(rng, rank, 1, 3) : ints(rng, rank, 1, 1),
  };
}

function conv(rank: number) {
  return (rng: Rng): LayerCase => ({
    inputs: [[...ints(rng, rank, 2, rank === 3 ? 7 : 12), randomInt(rng, 1, 4)]],
    params: {
      filters: randomInt(rng, 1, 6),
      kernelSize: ints(rng, rank, 1, 5),
      ...stridesAndDilation(rng, rank),
      padding: padding(rng),
      activation: activation(rng),
      useBias: rng() < 0.7,
    },
  });
}

function pool(rank: number) {
  return (rng: Rng): LayerCase => ({
    inputs: [[...ints(rng, rank, 1, rank === 3 ? 7 : 12), randomInt(rng, 1, 4)]],
    params: { poolSize: ints(rng, rank, 1, 4), strides: ints(rng, rank, 1, 4), padding: padding(rng) },
  });
}

const cases: [string, number, (rng: Rng) => LayerCase][] = [
  ['Conv1D', 16, conv(1)],
  ['Conv2D', 20, conv(2)],
  ['Conv3D', 10, conv(3)],
  [
    'Conv2DTranspose',
    14,
    (rng) => ({
      inputs: [[randomInt(rng, 1, 8), randomInt(rng, 1, 8), randomInt(rng, 1, 4)]],
      params: {
        filters: randomInt(rng, 1, 5),
        kernelSize: ints(rng, 2, 1, 5),
        strides: ints(rng, 2, 1, 3),
        padding: padding(rng),
        activation: activation(rng),
        useBias: rng() < 0.7,
      },
    }),
  ],
  [
    'DepthwiseConv2D',
    14,
    (rng) => ({
      inputs: [[randomInt(rng, 2, 10), randomInt(rng, 2, 10), randomInt(rng, 1, 4)]],
      params: {
        kernelSize: ints(rng, 2, 1, 5),
        strides: ints(rng, 2, 1, 3),
        padding: padding(rng),
        depthMultiplier: randomInt(rng, 1, 3),
        activation: activation(rng),
        useBias: rng() < 0.7,
      },
    }),
  ],
  [
    'SeparableConv2D',
    14,
    (rng) => ({
      inputs: [[randomInt(rng, 2, 10), randomInt(rng, 2, 10), randomInt(rng, 1, 4)]],
      params: {
        filters: randomInt(rng, 1, 6),
        kernelSize: ints(rng, 2, 1, 5),
        ...stridesAndDilation(rng, 2),
        padding: padding(rng),
        depthMultiplier: randomInt(rng, 1, 3),
        activation: activation(rng),
        useBias: rng() < 0.7,
      },
    }),
  ],
  [
    'UpSampling2D',
    6,
    (rng) => ({
      inputs: [
        rng() < 0.8
          ? [randomInt(rng, 1, 6), randomInt(rng, 1, 6), randomInt(rng, 1, 3)]
          : [randomInt(rng, 1, 6), 3],
      ],
      params: { size: ints(rng, 2, 1, 3), interpolation: pick(rng, ['nearest', 'bilinear']) },
    }),
  ],
  ['MaxPooling1D', 10, pool(1)],
  ['AveragePooling1D', 8, pool(1)],
  ['MaxPooling2D', 12, pool(2)],
  ['AveragePooling2D', 10, pool(2)],
  ['MaxPooling3D', 8, pool(3)],
  ['AveragePooling3D', 8, pool(3)],
  ['GlobalMaxPooling1D', 3, (rng) => ({ inputs: [ints(rng, randomInt(rng, 1, 3), 1, 6)], params: {} })],
  ['GlobalAveragePooling1D', 3, (rng) => ({ inputs: [ints(rng, randomInt(rng, 1, 3), 1, 6)], params: {} })],
  ['GlobalMaxPooling2D', 4, (rng) => ({ inputs: [ints(rng, randomInt(rng, 2, 4), 1, 6)], params: {} })],
  ['GlobalAveragePooling2D', 4, (rng) => ({ inputs: [ints(rng, randomInt(rng, 2, 4), 1, 6)], params: {} })],
];

describe('vision layers match tfjs', () => {
  let valid = 0;
  let invalid = 0;
  it.each(cases)('%s over %i random configurations', async (type, n, draw) => {
    const tally = await checkRandomCases(type, n, type.length * 7919 + n, draw);
    valid += tally.valid;
    invalid += tally.invalid;
    expect(tally.problems).toEqual([]);
    expect(tally.valid).toBeGreaterThan(0);
  });
  it('drew both accepted and refused configurations', () => {
    expect(valid + invalid).toBe(cases.reduce((s, [, n]) => s + n, 0));
    expect(invalid).toBeGreaterThan(15);
  });
});
