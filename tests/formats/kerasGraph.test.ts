/**
 * The rest of a Keras model.json read strictly: the model's name, which call and which
 * output of a layer a connection uses, the recurrent options tfjs builds differently from
 * Keras, and how the weight manifest says its values are stored. A wrong value is refused
 * with its JSON path; nothing is read as a default in its place.
 */
import { describe, expect, it } from 'vitest';
import { parseKerasJson, KerasFormatError } from '../../src/lib/formats/keras/kerasJson';

type Json = Record<string, unknown>;

function refusal(text: string, shards?: Map<string, Uint8Array>): KerasFormatError {
  try {
    parseKerasJson(text, shards ? { shards } : {});
  } catch (e) {
    if (e instanceof KerasFormatError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

const input = {
  class_name: 'InputLayer',
  name: 'x',
  config: { name: 'x', batch_input_shape: [null, 4] },
  inbound_nodes: [],
};

/** A functional model: input x, then Dense fc fed by `inbound`. */
function functional(inbound: unknown, name: unknown = 'm'): string {
  const fc = { class_name: 'Dense', name: 'fc', config: { name: 'fc', units: 2 }, inbound_nodes: [inbound] };
  return JSON.stringify({ class_name: 'Functional', config: { name, layers: [input, fc] } });
}

const keras3Tensor = (history: unknown[]) => ({
  args: [
    {
      class_name: '__keras_tensor__',
      config: { shape: [null, 4], dtype: 'float32', keras_history: history },
    },
  ],
  kwargs: {},
});

describe('Keras connections', () => {
  it('the first call and output of a layer is read', () => {
    expect(parseKerasJson(functional([['x', 0, 0, {}]])).spec.layers[1]?.inputs).toEqual(['x']);
    expect(parseKerasJson(functional(keras3Tensor(['x', 0, 0]))).spec.layers[1]?.inputs).toEqual(['x']);
  });

  it("a Keras 2 connection to a layer's second output is refused", () => {
    const e = refusal(functional([['x', 0, 1, {}]]));
    expect(e.text.en).toBe('uses output 1 of x; only single-output layers are supported');
    expect(e.place.path).toBe('$.config.layers[1].inbound_nodes[0][0]');
  });

  it("a Keras 3 connection to a shared layer's second call is refused", () => {
    const e = refusal(functional(keras3Tensor(['x', 1, 0])));
    expect(e.text.en).toMatch(/^uses call 1 of x \(a shared layer\)/);
  });

  it('a connection to a layer the model does not have is refused (Keras and tfjs cannot build it)', () => {
    const e = refusal(functional([['nowhere', 0, 0, {}]]));
    expect(e.text.en).toBe('layer fc: its input "nowhere" is not a layer of this model');
    expect(e.place.path).toBe('$.config.layers[1].inbound_nodes');
    expect(e.place.pos?.line).toBe(1);
  });

  it('a model name that is not a string is refused', () => {
    expect(refusal(functional([['x', 0, 0, {}]], 42)).place.path).toBe('$.config.name');
  });
});

describe('Keras recurrent layers tfjs builds differently', () => {
  const rnn = (config: Json) =>
    JSON.stringify({
      class_name: 'Sequential',
      config: {
        name: 's',
        layers: [
          { class_name: 'InputLayer', config: { name: 'x', batch_input_shape: [null, 5, 3] } },
          { class_name: 'GRU', config: { name: 'g', units: 4, ...config } },
        ],
      },
    });

  it("GRU's reset_after (Keras' two biases per gate) is refused rather than counted with one", () => {
    const e = refusal(rnn({ reset_after: true }));
    expect(e.text.en).toBe('layer g: reset_after = true is not supported; expected false');
    expect(e.place.path).toBe('$.config.layers[1].config.reset_after');
  });

  it("a sigmoid on the gates is refused: tfjs' GRU and LSTM use a hard sigmoid", () => {
    expect(refusal(rnn({ recurrent_activation: 'sigmoid' })).text.en).toBe(
      'layer g: recurrent_activation = "sigmoid" is not supported; expected "hard_sigmoid"',
    );
    expect(
      parseKerasJson(rnn({ recurrent_activation: 'hard_sigmoid', reset_after: false })).spec.layers[1]?.params
        .units,
    ).toBe(4);
  });
});

describe('Keras weight manifests', () => {
  const dense = JSON.stringify({
    class_name: 'Sequential',
    config: {
      name: 's',
      layers: [{ class_name: 'Dense', config: { name: 'fc', units: 1, batch_input_shape: [null, 2] } }],
    },
  });
  const withManifest = (kernel: Json): string =>
    JSON.stringify({
      format: 'layers-model',
      modelTopology: JSON.parse(dense) as Json,
      weightsManifest: [
        {
          paths: ['w.bin'],
          weights: [
            { name: 'fc/kernel', shape: [2, 1], ...kernel },
            { name: 'fc/bias', shape: [1], dtype: 'float32' },
          ],
        },
      ],
    });
  const shards = new Map([['w.bin', new Uint8Array(16)]]);

  it.each([
    ['a dtype that is not a string', { dtype: 5 }, 'dtype', /dtype must be a string/],
    [
      'a quantization that is not an object',
      { dtype: 'float32', quantization: 'uint8' },
      'quantization',
      /quantization must be \{dtype, scale, min\}/,
    ],
    [
      'uint8 values without a scale',
      { dtype: 'float32', quantization: { dtype: 'uint8', min: 0 } },
      'quantization',
      /uint8 weights need a numeric scale and min/,
    ],
  ])('%s is refused', (_what, kernel, field, message) => {
    const e = refusal(withManifest(kernel), shards);
    expect(e.text.en).toMatch(message);
    expect(e.place.path).toBe(`$.weightsManifest[0].weights[0].${field}`);
  });

  it('uint8 values with their scale and min decode as tfjs decodes them', () => {
    const bytes = new Uint8Array(6);
    bytes.set([2, 4]);
    new DataView(bytes.buffer).setFloat32(2, 1.5, true);
    const text = withManifest({ dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } });
    const w = parseKerasJson(text, { shards: new Map([['w.bin', bytes]]) }).weights;
    expect([...(w?.get('fc/kernel') ?? [])]).toEqual([0, 1]);
    expect([...(w?.get('fc/bias') ?? [])]).toEqual([1.5]);
  });
});
