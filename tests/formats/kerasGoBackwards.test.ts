/**
 * go_backwards on SimpleRNN, GRU and LSTM, and on the layer a Bidirectional wraps: written to
 * Keras JSON, read back to the same spec, built by tfjs with the layer reading backwards;
 * a wrong value is refused naming the field; the PyTorch export flips the steps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseKerasJson, KerasFormatError, serializeKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { exportText } from '../../src/lib/formats';
import { buildModel } from '../../src/lib/engine/build';
import { initBackend } from '../../src/lib/engine/backend';
import { getLayerDef } from '../../src/lib/layers/registry';
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';

const rnn = (id: string, type: string, input: string, extra: LayerSpec['params'] = {}): LayerSpec => ({
  id,
  type,
  params: { units: 3, activation: 'tanh', useBias: true, returnSequences: true, ...extra },
  inputs: [input],
});

const spec: NetworkSpec = {
  name: 'Backwards',
  layers: [
    { id: 'in', type: 'Input', params: { shape: [5, 4] }, inputs: [] },
    rnn('rnn_back', 'SimpleRNN', 'in', { goBackwards: true }),
    rnn('gru_back', 'GRU', 'rnn_back', { goBackwards: true }),
    rnn('lstm_fwd', 'LSTM', 'gru_back'),
    {
      id: 'bi',
      type: 'Bidirectional',
      params: {
        layer: 'GRU',
        mergeMode: 'concat',
        'layer.units': 2,
        'layer.activation': 'tanh',
        'layer.useBias': true,
        'layer.returnSequences': false,
        'layer.goBackwards': true,
      },
      inputs: ['lstm_fwd'],
    },
  ],
};

type Json = Record<string, unknown>;
const layersOf = (json: string): Json[] =>
  ((JSON.parse(json) as { modelTopology: { config: { layers: Json[] } } }).modelTopology.config.layers ??
    []) as Json[];
const configOf = (json: string, name: string): Json =>
  (layersOf(json).find((l) => (l.config as Json).name === name)?.config ?? {}) as Json;

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('go_backwards', () => {
  it('is a parameter of the three recurrent layers, off by default', () => {
    for (const type of ['SimpleRNN', 'GRU', 'LSTM']) {
      const def = getLayerDef(type)?.params.find((p) => p.name === 'goBackwards');
      expect(def, type).toMatchObject({ kind: 'bool', default: false, optional: true });
    }
    const bi = getLayerDef('Bidirectional');
    const defs = bi?.paramsFor?.({ layer: 'LSTM', mergeMode: 'concat' }) ?? [];
    expect(defs.map((d) => d.name)).toContain('layer.goBackwards');
  });

  it('round-trips through Keras JSON: true where set, absent where not', () => {
    const { json } = serializeKerasJson(spec);
    expect(configOf(json, 'rnn_back').go_backwards).toBe(true);
    expect(configOf(json, 'gru_back').go_backwards).toBe(true);
    expect(configOf(json, 'lstm_fwd').go_backwards).toBe(false);
    expect(((configOf(json, 'bi').layer as Json).config as Json).go_backwards).toBe(true);
    const back = parseKerasJson(json).spec;
    for (const l of spec.layers) {
      const read = back.layers.find((b) => b.id === l.id);
      expect(read?.params, l.id).toEqual(l.params);
    }
    expect('goBackwards' in (back.layers.find((b) => b.id === 'lstm_fwd')?.params ?? {})).toBe(false);
  });

  it('tfjs builds the layers reading backwards (the backward copy of the wrapper forwards)', async () => {
    const model = await buildModel(parseKerasJson(serializeKerasJson(spec).json).spec);
    const config = (name: string) => model.getLayer(name).getConfig() as Json;
    expect(config('rnn_back').goBackwards).toBe(true);
    expect(config('gru_back').goBackwards).toBe(true);
    expect(config('lstm_fwd').goBackwards).toBe(false);
    const bi = model.getLayer('bi') as unknown as {
      forwardLayer: { goBackwards: boolean };
      backwardLayer: { goBackwards: boolean };
    };
    expect(bi.forwardLayer.goBackwards).toBe(true);
    expect(bi.backwardLayer.goBackwards).toBe(false);
    model.dispose();
  });

  it('a go_backwards that is not true or false is refused, naming the layer and field', () => {
    const { json } = serializeKerasJson(spec);
    const bad = json.replace('"go_backwards": true', '"go_backwards": "yes"');
    expect(bad).not.toBe(json);
    let error: unknown;
    try {
      parseKerasJson(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KerasFormatError);
    expect((error as Error).message).toMatch(/rnn_back/);
    expect((error as Error).message).toMatch(/go_backwards/);
  });

  it('the PyTorch export flips the steps of the layers that read backwards, and only those', () => {
    const py = exportText({ ...spec, layers: spec.layers.slice(0, 4) }, 'pytorch');
    expect(py.match(/\.flip\(1\)/g)).toHaveLength(2);
  });
});
