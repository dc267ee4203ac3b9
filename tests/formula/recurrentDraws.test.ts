/**
 * SimpleRNN, GRU, LSTM and Bidirectional over seeded random configurations, go_backwards
 * included: the formula code the recurrent views show (runRecurrent, runBidirectional) must give
 * the engine's output for each. The random layer checks (tests/layers/sequence.test.ts) compare
 * shapes only, as these layers have no plain forward.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { recurrentCell, recurrentOutput, runRecurrent, type CellType } from '../../src/lib/formula/recurrent';
import { runBidirectional } from '../../src/lib/formula/bidirectional';
import { goesBackwards } from '../../src/lib/layers/shared/recurrent';
import { createRng, randomInt, type Rng } from '../../src/lib/random';
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';
import { activationOf, disposeNets, expectClose, explainNet, type ExplainedNet } from './helpers';

const TYPES: CellType[] = ['SimpleRNN', 'GRU', 'LSTM'];
const pick = <T>(rng: Rng, items: readonly T[]): T => items[randomInt(rng, 0, items.length - 1)] as T;

interface Draw {
  layer: LayerSpec;
  steps: number;
  backwards: boolean;
}

/** One recurrent layer (or a Bidirectional around one) with random settings; every other one reads backwards. */
function draw(rng: Rng, i: number, wrapped: boolean): Draw {
  const type = pick(rng, TYPES);
  const backwards = i % 2 === 0 || rng() < 0.3;
  const inner = {
    units: randomInt(rng, 1, 5),
    activation: pick(rng, ['tanh', 'relu', 'linear']),
    useBias: rng() < 0.7,
    returnSequences: rng() < 0.5,
    goBackwards: backwards,
  };
  const steps = randomInt(rng, 2, 6);
  if (!wrapped) return { layer: { id: `l${i}`, type, params: inner, inputs: ['in'] }, steps, backwards };
  const params: LayerSpec['params'] = { layer: type, mergeMode: pick(rng, ['concat', 'sum', 'mul', 'ave']) };
  for (const [k, v] of Object.entries(inner)) params[`layer.${k}`] = v;
  return { layer: { id: `l${i}`, type: 'Bidirectional', params, inputs: ['in'] }, steps, backwards };
}

const nets: ExplainedNet[] = [];
afterAll(() => disposeNets(nets));

describe('recurrent formulas over random configurations', () => {
  for (const wrapped of [false, true]) {
    it(`${wrapped ? 'Bidirectional' : 'SimpleRNN, GRU and LSTM'}, go_backwards drawn too, match the engine`, async () => {
      const rng = createRng(wrapped ? 4242 : 2424);
      let backward = 0;
      for (let i = 0; i < 12; i++) {
        const d = draw(rng, i, wrapped);
        const features = randomInt(rng, 1, 4);
        const spec: NetworkSpec = {
          name: 'draw',
          layers: [{ id: 'in', type: 'Input', params: { shape: [d.steps, features] }, inputs: [] }, d.layer],
        };
        const net = await explainNet(spec, 100 + i);
        nets.push(net);
        const input = activationOf(net, 'in');
        const weights = net.explanation.weights.get(d.layer.id) ?? [];
        const engine = activationOf(net, d.layer.id);
        const ours = wrapped
          ? runBidirectional(d.layer.params, weights, input).output
          : (() => {
              const p = d.layer.params as { units: number; activation: string; returnSequences: boolean };
              const cell = recurrentCell(d.layer.type as CellType, p, weights);
              return recurrentOutput(
                runRecurrent(cell, input, goesBackwards(d.layer.params)),
                p.returnSequences,
                p.units,
              );
            })();
        const what = JSON.stringify(d.layer.params);
        expect(ours.shape, what).toEqual(engine.shape);
        engine.data.forEach((v, k) => expectClose(ours.data[k] ?? NaN, v, `${what}[${k}]`));
        if (d.backwards) backward++;
      }
      expect(backward).toBeGreaterThanOrEqual(6);
    }, 120_000);
  }
});
