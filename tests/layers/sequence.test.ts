/** Recurrent layers, Embedding and the wrappers against tfjs, over seeded random configurations. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/lib/engine/backend';
import type { Rng } from '../../src/lib/random';
import { checkRandomCases, ints, pick, randomInt, type LayerCase } from './tfjsHarness';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

/** Mostly [steps, features]; now and then an image-shaped input, which must be refused. */
function sequence(rng: Rng): number[] {
  return rng() < 0.85 ? [randomInt(rng, 1, 6), randomInt(rng, 1, 5)] : ints(rng, 3, 1, 4);
}

function rnn(rng: Rng): LayerCase {
  return {
    inputs: [sequence(rng)],
    params: {
      units: randomInt(rng, 1, 8),
      activation: pick(rng, ['tanh', 'relu', 'linear']),
      useBias: rng() < 0.7,
      returnSequences: rng() < 0.5,
      // Read the sequence last step first: the engine must reverse it as tfjs does.
      goBackwards: rng() < 0.4,
    },
  };
}

/** A wrapped layer with its params stored flat under `layer.`. */
function timeDistributed(rng: Rng): LayerCase {
  const steps = randomInt(rng, 1, 4);
  const side = () => randomInt(rng, 2, 7);
  const options: (() => LayerCase)[] = [
    () => ({
      inputs: [[steps, randomInt(rng, 1, 6)]],
      params: {
        layer: 'Dense',
        'layer.units': randomInt(rng, 1, 6),
        'layer.activation': 'relu',
        'layer.useBias': rng() < 0.5,
      },
    }),
    () => ({
      inputs: [[steps, side(), side(), randomInt(rng, 1, 3)]],
      params: {
        layer: 'Conv2D',
        'layer.filters': randomInt(rng, 1, 4),
        'layer.kernelSize': ints(rng, 2, 1, 4),
        'layer.strides': ints(rng, 2, 1, 2),
        'layer.padding': pick(rng, ['valid', 'same']),
        'layer.dilation': [1, 1],
        'layer.activation': 'linear',
        'layer.useBias': true,
      },
    }),
    () => ({
      inputs: [[steps, side(), side(), 2]],
      params: {
        layer: 'MaxPooling2D',
        'layer.poolSize': ints(rng, 2, 1, 3),
        'layer.strides': ints(rng, 2, 1, 3),
        'layer.padding': 'valid',
      },
    }),
    () => ({ inputs: [[steps, side(), side(), 2]], params: { layer: 'Flatten' } }),
    () => ({ inputs: [[steps, side(), side(), 3]], params: { layer: 'GlobalAveragePooling2D' } }),
    () => ({ inputs: [[steps, side()]], params: { layer: 'Dropout', 'layer.rate': 0.3 } }),
    // A wrapped conv on a sequence without enough axes: must be refused.
    () => ({
      inputs: [[steps, side()]],
      params: {
        layer: 'Conv1D',
        'layer.filters': 2,
        'layer.kernelSize': [2],
        'layer.strides': [1],
        'layer.padding': 'valid',
        'layer.dilation': [1],
        'layer.activation': 'linear',
        'layer.useBias': true,
      },
    }),
  ];
  return pick(rng, options)();
}

function bidirectional(rng: Rng): LayerCase {
  const inner = rnn(rng);
  const params: Record<string, number | string | boolean | number[]> = {
    layer: pick(rng, ['LSTM', 'GRU', 'SimpleRNN']),
    mergeMode: pick(rng, ['concat', 'sum', 'mul', 'ave']),
  };
  for (const [k, v] of Object.entries(inner.params)) params[`layer.${k}`] = v;
  return { inputs: inner.inputs, params };
}

const cases: [string, number, (rng: Rng) => LayerCase][] = [
  ['SimpleRNN', 10, rnn],
  ['GRU', 10, rnn],
  ['LSTM', 10, rnn],
  [
    'Embedding',
    8,
    (rng) => ({
      inputs: [ints(rng, randomInt(rng, 1, 2), 1, 6)],
      params: { inputDim: randomInt(rng, 2, 50), outputDim: randomInt(rng, 1, 8), maskZero: false },
    }),
  ],
  ['TimeDistributed', 14, timeDistributed],
  ['Bidirectional', 12, bidirectional],
];

/** Whether a drawn recurrent layer (or the one a Bidirectional wraps) reads backwards. */
const backwards = (c: LayerCase) => c.params.goBackwards === true || c.params['layer.goBackwards'] === true;
const RECURRENT = new Set(['SimpleRNN', 'GRU', 'LSTM', 'Bidirectional']);

describe('sequence layers match tfjs', () => {
  let invalid = 0;
  it.each(cases)('%s over %i random configurations', async (type, n, draw) => {
    // Count the valid sequence inputs drawn with go_backwards, so the backward case is surely checked.
    let backward = 0;
    const counted = (rng: Rng) => {
      const c = draw(rng);
      if (backwards(c) && c.inputs[0]?.length === 2) backward++;
      return c;
    };
    const tally = await checkRandomCases(type, n, type.length * 104729 + n, counted);
    invalid += tally.invalid;
    expect(tally.problems).toEqual([]);
    expect(tally.valid).toBeGreaterThan(0);
    if (RECURRENT.has(type)) expect(backward).toBeGreaterThan(1);
  });
  it('drew refused configurations too', () => {
    expect(invalid).toBeGreaterThan(3);
  });
});
