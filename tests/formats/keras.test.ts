/**
 * Keras / TensorFlow.js model.json: converter-style Keras 2 and Keras 3 files load with
 * their own weights and run in the engine; bad files fail with the JSON path and its line and
 * column. Writing model.json is in kerasWrite.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseKerasJson, KerasFormatError } from '../../src/lib/formats/keras/kerasJson';
import { splitWeightName } from '../../src/lib/formats/keras/weights';
import { decodeFloat16 } from '../../src/lib/formats/keras/float16';
import { inferShapes, totals } from '../../src/lib/spec/inferShapes';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel, getNamedWeights } from '../../src/lib/engine/build';
import { Explainer } from '../../src/lib/engine/explain';
import { KERAS_FIXTURES, fixtureJsonText, fixtureShard, fixtureValues } from '../fixtures/keras/generate';

const shardsOf = (name: string) => {
  const f = KERAS_FIXTURES[name]!();
  return new Map([['group1-shard1of1.bin', fixtureShard(f.weights)]]);
};
const textOf = (name: string) => fixtureJsonText(KERAS_FIXTURES[name]!());

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('Keras fixtures', () => {
  it('the committed model.json files are what the generator writes', () => {
    for (const [name, make] of Object.entries(KERAS_FIXTURES))
      expect(readFileSync(`tests/fixtures/keras/${name}.json`, 'utf8'), name).toBe(fixtureJsonText(make()));
  });

  it.each([
    [
      'keras2_sequential_converted',
      [
        'conv2d_input',
        'conv2d',
        'max_pooling2d',
        'conv2d_1',
        'max_pooling2d_1',
        'flatten',
        'dropout',
        'dense',
      ],
      9242,
      [10],
    ],
    [
      'keras2_functional_converted',
      [
        'image',
        'stem',
        'stem_bn',
        'stem_relu',
        'branch_a',
        'residual',
        'branch_b',
        'joined',
        'gap',
        'logits',
      ],
      941,
      [5],
    ],
    [
      'keras3_functional_converted',
      [
        'input_layer',
        'conv2d',
        'average_pooling2d',
        'conv2d_1',
        'max_pooling2d',
        'flatten',
        'dense',
        'dense_1',
      ],
      15734,
      [10],
    ],
    ['keras3_sequential_to_json', ['input_layer', 'conv2d', 'global_max_pooling2d', 'dense'], 127, [3]],
    ['keras2_legacy_to_json', ['conv2d_1_input', 'conv2d_1', 'flatten_1', 'dense_1'], 842, [2]],
  ])('%s: layers, parameters and output', (name, ids, params, out) => {
    const { spec } = parseKerasJson(textOf(name), { shards: shardsOf(name) });
    expect(spec.layers.map((l) => l.id)).toEqual(ids);
    const table = inferShapes(spec);
    expect(totals(table)).toMatchObject({ params, valid: true });
    const last = table.layers.get(ids[ids.length - 1] ?? '');
    expect(last?.status === 'ok' && last.shape).toEqual(out);
  });

  it('reads a DAG: inbound nodes in Keras 2 lists and Keras 3 __keras_tensor__ arguments', () => {
    const k2 = parseKerasJson(textOf('keras2_functional_converted')).spec;
    expect(k2.layers.find((l) => l.id === 'residual')?.inputs).toEqual(['branch_a', 'stem_relu']);
    expect(k2.layers.find((l) => l.id === 'joined')?.inputs).toEqual(['residual', 'branch_b']);
    const k3 = parseKerasJson(textOf('keras3_functional_converted')).spec;
    expect(k3.layers.find((l) => l.id === 'dense_1')?.inputs).toEqual(['dense']);
    expect(k3.layers[0]).toMatchObject({ type: 'Input', params: { shape: [28, 28, 1] } });
    expect(k3.layers[1]?.params).toMatchObject({
      filters: 6,
      kernelSize: [5, 5],
      padding: 'same',
      activation: 'relu',
    });
  });

  it('maps every weight of the shards to its layer, with the values written', () => {
    const f = KERAS_FIXTURES.keras2_functional_converted!();
    const { weights } = parseKerasJson(textOf('keras2_functional_converted'), {
      shards: shardsOf('keras2_functional_converted'),
    });
    const expected = fixtureValues(f.weights);
    expect(weights?.size).toBe(12);
    for (const [name, values] of expected)
      expect(Array.from(weights?.get(name) ?? []), name).toEqual(Array.from(values));
  });

  it('without the weight files the topology still loads, with a note', () => {
    const r = parseKerasJson(textOf('keras3_functional_converted'));
    expect(r.weights).toBeUndefined();
    expect(r.notes[0]?.en).toMatch(/random weights/);
  });

  it('weight names as converters write them find their layer', () => {
    const ids = new Set(['conv2d', 'lstm', 'block1/conv']);
    expect(splitWeightName('conv2d/kernel', ids)).toEqual({ layer: 'conv2d', weight: 'kernel' });
    expect(splitWeightName('sequential/conv2d/bias:0', ids)).toEqual({ layer: 'conv2d', weight: 'bias' });
    expect(splitWeightName('lstm/lstm_cell/recurrent_kernel', ids)).toEqual({
      layer: 'lstm',
      weight: 'recurrent_kernel',
    });
    expect(splitWeightName('block1/conv/kernel', ids)).toEqual({ layer: 'block1/conv', weight: 'kernel' });
    expect(splitWeightName('dense_9/kernel', ids)).toBeNull();
    expect([decodeFloat16(0x3c00), decodeFloat16(0xc000), decodeFloat16(0x3555)]).toEqual([
      1, -2, 0.333251953125,
    ]);
  });

  it('a converter model runs in the engine with its own weights, leaving no tensors behind', async () => {
    const name = 'keras3_functional_converted';
    const { spec, weights } = parseKerasJson(textOf(name), { shards: shardsOf(name) });
    const model = await buildModel(spec, weights);
    const back = getNamedWeights(model);
    expect(Array.from(back.get('conv2d/kernel') ?? [])).toEqual(
      Array.from(weights?.get('conv2d/kernel') ?? []),
    );
    const explainer = new Explainer(model);
    const image = new Float32Array(28 * 28).fill(0.5);
    explainer.explain(image);
    const before = tf.memory().numTensors;
    const explanation = explainer.explain(image);
    expect(tf.memory().numTensors).toBe(before);
    expect(explanation.probabilities).toHaveLength(10);
    expect(explanation.activations.get('conv2d')?.shape).toEqual([28, 28, 6]);
    model.dispose();
  });
});

describe('Keras errors name the JSON path, line and column', () => {
  it.each([
    ['syntax_error', 3, 62, undefined, 'expected a "key" in quotes, found "}"'],
    ['unknown_class', 3, 18, '$.config.layers[1].class_name', 'unsupported layer class "FancyLayer"'],
    [
      'variable_input_size',
      2,
      3,
      '$.config.layers[0]',
      'input input_layer has an axis of unknown size (null)',
    ],
    [
      'shared_layer',
      3,
      104,
      '$.config.layers[1].inbound_nodes',
      'the layer is called 2 times (a shared layer)',
    ],
    [
      'duplicate_name',
      4,
      46,
      '$.config.layers[2].config.name',
      'two layers are named "fc"; layer names must be unique',
    ],
    [
      'channels_first',
      4,
      103,
      '$.config.layers[2].config.data_format',
      'layer conv2: this layer is channels_last while others are channels_first',
    ],
    [
      'string_filters',
      3,
      66,
      '$.config.layers[1].config.filters',
      'layer conv: filters must be a whole number ≥ 1, not "8"',
    ],
    [
      'wrong_weight_shape',
      5,
      3,
      '$.weightsManifest[0].weights[0]',
      'dense/kernel has shape 4×2 but the layer needs 4×3',
    ],
  ])('bad/%s.json → line %i, column %i', (name, line, column, path, message) => {
    const text = readFileSync(`tests/fixtures/keras/bad/${name}.json`, 'utf8');
    const shards = new Map([['group1-shard1of1.bin', new Uint8Array(44)]]);
    let error: unknown;
    try {
      parseKerasJson(text, { shards });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KerasFormatError);
    const e = error as KerasFormatError;
    expect(e.place).toEqual(path ? { pos: { line, column }, path } : { pos: { line, column } });
    expect(e.message).toContain(message);
  });

  it('a missing weight file is named', () => {
    expect(() => parseKerasJson(textOf('keras2_sequential_converted'), { shards: new Map() })).toThrow(
      /\$\.weightsManifest\[0\]\.paths\[0\]\): the weight file group1-shard1of1\.bin was not given/,
    );
  });
});
