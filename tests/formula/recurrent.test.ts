/**
 * SimpleRNN, GRU, LSTM and Bidirectional recomputed step by step (src/lib/formula/recurrent,
 * bidirectional) against tfjs on random sequences and weights: the output of every layer, last
 * step or whole sequence, with and without bias, every merge mode, and a stack where one
 * recurrent layer reads another's sequence.
 */
import { describe, expect, it } from 'vitest';
import {
  CELL_GATES,
  gateTerms,
  recurrentCell,
  recurrentOutput,
  runRecurrent,
  stateBefore,
  type CellType,
} from '../../src/lib/formula/recurrent';
import { mergeOutputs, runBidirectional } from '../../src/lib/formula/bidirectional';
import { goesBackwards } from '../../src/lib/layers/shared/recurrent';
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';
import type { TensorData } from '../../src/lib/tensor/types';
import { activationOf, expectClose, explainNet, type ExplainedNet, useExplainedNets } from './helpers';

function rnn(
  id: string,
  type: CellType,
  input: string,
  units: number,
  extra: Record<string, unknown> = {},
): LayerSpec {
  const params = { units, activation: 'tanh', useBias: true, returnSequences: false, ...extra };
  return { id, type, params: params as LayerSpec['params'], inputs: [input] };
}

function bi(
  id: string,
  type: CellType,
  input: string,
  mergeMode: string,
  units: number,
  seq: boolean,
  goBackwards = false,
): LayerSpec {
  return {
    id,
    type: 'Bidirectional',
    params: {
      layer: type,
      mergeMode,
      'layer.units': units,
      'layer.activation': 'tanh',
      'layer.useBias': true,
      'layer.returnSequences': seq,
      ...(goBackwards ? { 'layer.goBackwards': true } : {}),
    },
    inputs: [input],
  };
}

const spec: NetworkSpec = {
  name: 'recurrent',
  layers: [
    { id: 'in', type: 'Input', params: { shape: [7, 3] }, inputs: [] },
    rnn('rnn_seq', 'SimpleRNN', 'in', 4, { returnSequences: true, activation: 'relu' }),
    rnn('gru_seq', 'GRU', 'rnn_seq', 5, { returnSequences: true }),
    rnn('lstm_seq', 'LSTM', 'gru_seq', 3, { returnSequences: true, useBias: false }),
    rnn('lstm_last', 'LSTM', 'lstm_seq', 4),
    rnn('gru_last', 'GRU', 'in', 2, { useBias: false, activation: 'relu' }),
    rnn('rnn_last', 'SimpleRNN', 'gru_seq', 3),
    bi('bi_lstm_concat', 'LSTM', 'in', 'concat', 3, true),
    bi('bi_gru_sum', 'GRU', 'in', 'sum', 2, true),
    bi('bi_rnn_mul', 'SimpleRNN', 'in', 'mul', 3, false),
    bi('bi_lstm_ave', 'LSTM', 'rnn_seq', 'ave', 2, false),
    bi('bi_gru_concat', 'GRU', 'in', 'concat', 2, false),
    // go_backwards on a layer of its own, and on the layer a Bidirectional wraps.
    rnn('rnn_back_seq', 'SimpleRNN', 'in', 3, { returnSequences: true, goBackwards: true }),
    rnn('gru_back_seq', 'GRU', 'rnn_seq', 4, { returnSequences: true, goBackwards: true }),
    rnn('lstm_back_last', 'LSTM', 'in', 3, { goBackwards: true }),
    rnn('gru_fwd_last', 'GRU', 'in', 3, { goBackwards: false }),
    bi('bi_lstm_back_concat', 'LSTM', 'in', 'concat', 2, true, true),
    bi('bi_rnn_back_sum', 'SimpleRNN', 'in', 'sum', 3, false, true),
  ],
};

const nets = useExplainedNets(async () => [await explainNet(spec, 161), await explainNet(spec, 162)]);

function layer(id: string): LayerSpec {
  const l = spec.layers.find((x) => x.id === id);
  if (!l) throw new Error(id);
  return l;
}

function expectSame(ours: TensorData, engine: TensorData, what: string): void {
  expect(ours.shape, what).toEqual(engine.shape);
  engine.data.forEach((v, i) => expectClose(ours.data[i] ?? NaN, v, `${what}[${i}]`));
}

function inputOf(net: ExplainedNet, id: string): TensorData {
  return activationOf(net, layer(id).inputs[0] ?? '');
}

const PLAIN = ['rnn_seq', 'gru_seq', 'lstm_seq', 'lstm_last', 'gru_last', 'rnn_last'];
const BACKWARDS = ['rnn_back_seq', 'gru_back_seq', 'lstm_back_last'];
const BIDI = ['bi_lstm_concat', 'bi_gru_sum', 'bi_rnn_mul', 'bi_lstm_ave', 'bi_gru_concat'];
const BIDI_BACKWARDS = ['bi_lstm_back_concat', 'bi_rnn_back_sum'];

describe('recurrent layers step by step', () => {
  it.each([...PLAIN, ...BACKWARDS, 'gru_fwd_last'])('%s matches tfjs', (id) => {
    for (const net of nets) {
      const l = layer(id);
      const p = l.params as { units: number; activation: string; returnSequences: boolean };
      const cell = recurrentCell(l.type as CellType, p, net.explanation.weights.get(id) ?? []);
      const steps = runRecurrent(cell, inputOf(net, id), goesBackwards(l.params));
      expect(steps).toHaveLength(7);
      expectSame(recurrentOutput(steps, p.returnSequences, p.units), activationOf(net, id), id);
    }
  });

  it.each(BACKWARDS)('%s: tfjs read it backwards (read forwards, the states differ)', (id) => {
    const net = nets[0] as ExplainedNet;
    const l = layer(id);
    const p = l.params as { units: number; activation: string; returnSequences: boolean };
    const cell = recurrentCell(l.type as CellType, p, net.explanation.weights.get(id) ?? []);
    const forwards = recurrentOutput(runRecurrent(cell, inputOf(net, id)), p.returnSequences, p.units);
    const engine = activationOf(net, id);
    const gap = Math.max(...engine.data.map((v, i) => Math.abs(v - (forwards.data[i] ?? 0))));
    expect(gap).toBeGreaterThan(1e-3);
  });

  it('gate terms add up and the state follows the cell equations', () => {
    const net = nets[0] as ExplainedNet;
    for (const id of ['gru_seq', 'lstm_seq', 'rnn_seq']) {
      const l = layer(id);
      const p = l.params as { units: number; activation: string };
      const cell = recurrentCell(l.type as CellType, p, net.explanation.weights.get(id) ?? []);
      const input = inputOf(net, id);
      const steps = runRecurrent(cell, input);
      const f = input.shape[1] ?? 0;
      for (let k = 0; k < steps.length; k++) {
        const x = input.data.subarray(k * f, (k + 1) * f);
        const h0 = stateBefore(steps, k, p.units, 'h');
        for (let u = 0; u < p.units; u++) {
          for (const g of CELL_GATES[cell.type]) {
            if (g === 'hh') continue;
            const t = gateTerms(cell, g, u, x, h0);
            expectClose(t.sum, t.input + t.recurrent + t.bias, `${id} ${g} sum`);
            expectClose(t.value, steps[k]?.gates[g]?.[u] ?? NaN, `${id} ${g}`);
            if (g !== 'h' && g !== 'g') expect(t.value).toBeGreaterThanOrEqual(0);
          }
          const s = steps[k];
          if (!s) throw new Error('no step');
          if (cell.type === 'LSTM') {
            const c0 = stateBefore(steps, k, p.units, 'c');
            const { i, f: fg, g, o } = s.gates as Record<string, Float32Array>;
            expectClose(s.c?.[u] ?? NaN, (fg?.[u] ?? 0) * (c0[u] ?? 0) + (i?.[u] ?? 0) * (g?.[u] ?? 0), 'c');
            expectClose(s.h[u] ?? NaN, (o?.[u] ?? 0) * Math.tanh(s.c?.[u] ?? 0), 'h');
          }
          if (cell.type === 'GRU') {
            const { z, hh } = s.gates as Record<string, Float32Array>;
            const zu = z?.[u] ?? 0;
            expectClose(s.h[u] ?? NaN, zu * (h0[u] ?? 0) + (1 - zu) * (hh?.[u] ?? 0), 'h');
          }
        }
      }
    }
  });

  it('go_backwards reads the last step first and returns the states in that order', () => {
    const net = nets[1] as ExplainedNet;
    const l = layer('gru_seq');
    const p = l.params as { units: number; activation: string };
    const cell = recurrentCell('GRU', p, net.explanation.weights.get('gru_seq') ?? []);
    const steps = runRecurrent(cell, inputOf(net, 'gru_seq'), true);
    expect(steps.map((s) => s.time)).toEqual([6, 5, 4, 3, 2, 1, 0]);
    // Reversing the input and reading it forwards gives the same states.
    const x = inputOf(net, 'gru_seq');
    const f = x.shape[1] ?? 0;
    const reversed = new Float32Array(x.data.length);
    for (let t = 0; t < 7; t++) reversed.set(x.data.subarray(t * f, (t + 1) * f), (6 - t) * f);
    const again = runRecurrent(cell, { data: reversed, shape: x.shape });
    steps.forEach((s, k) => s.h.forEach((v, u) => expectClose(v, again[k]?.h[u] ?? NaN, 'h')));
  });
});

describe('Bidirectional', () => {
  it.each([...BIDI, ...BIDI_BACKWARDS])('%s matches tfjs', (id) => {
    const wrappedBackwards = BIDI_BACKWARDS.includes(id);
    for (const net of nets) {
      const l = layer(id);
      const run = runBidirectional(l.params, net.explanation.weights.get(id) ?? [], inputOf(net, id));
      expectSame(run.output, activationOf(net, id), id);
      // A wrapped layer that reads backwards makes the "forward" copy the one reading backwards.
      expect(run.backward.steps[0]?.time).toBe(wrappedBackwards ? 0 : 6);
      expect(run.forward.steps[0]?.time).toBe(wrappedBackwards ? 6 : 0);
    }
  });

  it('the two directions have different weights', () => {
    const ws = nets[0]?.explanation.weights.get('bi_lstm_concat') ?? [];
    const run = runBidirectional(
      layer('bi_lstm_concat').params,
      ws,
      inputOf(nets[0] as ExplainedNet, 'bi_lstm_concat'),
    );
    expect(Array.from(run.forward.cell.kernel.data)).not.toEqual(Array.from(run.backward.cell.kernel.data));
  });

  it('merges concat side by side per step and the others value by value', () => {
    const a = { data: Float32Array.from([1, 2, 3, 4]), shape: [2, 2] };
    const b = { data: Float32Array.from([5, 6, 7, 8]), shape: [2, 2] };
    expect(Array.from(mergeOutputs('concat', a, b).data)).toEqual([1, 2, 5, 6, 3, 4, 7, 8]);
    expect(Array.from(mergeOutputs('ave', a, b).data)).toEqual([3, 4, 5, 6]);
    expect(Array.from(mergeOutputs('mul', a, b).data)).toEqual([5, 12, 21, 32]);
  });

  it('names what is wrong with missing weights', () => {
    expect(() =>
      runBidirectional(layer('bi_gru_sum').params, [], inputOf(nets[0] as ExplainedNet, 'bi_gru_sum')),
    ).toThrow(/GRU layer's weights are missing/);
  });
});
