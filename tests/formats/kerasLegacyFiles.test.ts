/**
 * Older Keras files as files: Sequential configs that are a bare list of layers (Keras 1,
 * Keras 2.0–2.1) and Keras 1 functional models with Merge layers read as the same nets in
 * Keras 2; an unknown key or an ambiguous value is refused naming the key and the layer, with
 * its JSON path and line.
 */
import { describe, expect, it } from 'vitest';
import { upgradeKeras1Layer } from '../../src/lib/formats/keras/legacy';
import { parseKerasJson, KerasFormatError, detectKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { detectFormat } from '../../src/lib/formats';
import { inferShapes, totals } from '../../src/lib/spec/inferShapes';
import { KerasConfigError } from '../../src/lib/layers/shared/kerasConfig';
import {
  conv1,
  dense1,
  keras1Functional,
  keras1Sequential,
  keras20Sequential,
  keras2SameNet,
} from '../fixtures/keras/keras1';

type Json = Record<string, unknown>;

const text = (j: Json): string => JSON.stringify(j, null, 2);

function refusal(t: string): KerasFormatError {
  try {
    parseKerasJson(t);
  } catch (e) {
    if (e instanceof KerasFormatError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

function upgradeError(cls: string, config: Json): KerasConfigError {
  try {
    upgradeKeras1Layer(cls, config);
  } catch (e) {
    if (e instanceof KerasConfigError) return e;
    throw e;
  }
  throw new Error('expected the layer to be refused');
}

describe('a Keras 1 key with no Keras 2 meaning is refused, naming the key', () => {
  const cases: [string, string, Json, string, RegExp][] = [
    [
      'an unknown key',
      'Convolution2D',
      { nb_filter: 2, nb_row: 3, nb_col: 3, shape_mode: 1 },
      'shape_mode',
      /shape_mode \(= 1\) is not a Keras 1 setting of Convolution2D/,
    ],
    [
      'border_mode full',
      'Convolution2D',
      { nb_filter: 2, nb_row: 3, nb_col: 3, border_mode: 'full' },
      'border_mode',
      /"full" convolution has no Keras 2/,
    ],
    [
      'dim_ordering default',
      'MaxPooling2D',
      { dim_ordering: 'default' },
      'dim_ordering',
      /keras\.json of the machine/,
    ],
    ['a missing nb_col', 'Convolution2D', { nb_filter: 2, nb_row: 3 }, 'nb_col', /nb_col is missing/],
    [
      'nb_filter as text',
      'Convolution2D',
      { nb_filter: '8', nb_row: 3, nb_col: 3 },
      'nb_filter',
      /nb_filter must be a whole number ≥ 1, not "8"/,
    ],
    ['p out of range', 'Dropout', { p: 1.5 }, 'p', /p must be a number from 0 to 1/],
    ['BatchNormalization mode 2', 'BatchNormalization', { mode: 2 }, 'mode', /mode = 2: modes 1 and 2/],
    ['Merge dot', 'Merge', { mode: 'dot', dot_axes: 1 }, 'mode', /dot and cos merges/],
    ['Merge lambda', 'Merge', { mode: 'gASV', mode_type: 'lambda' }, 'mode_type', /Python code/],
    [
      'Merge of Sequential branches',
      'Merge',
      { mode: 'concat', layers: [{}] },
      'layers',
      /Merge of Sequential branches/,
    ],
    ['init as a number', 'Dense', { output_dim: 3, init: 3 }, 'init', /name of an initializer/],
    [
      'Embedding dropout',
      'Embedding',
      { input_dim: 3, output_dim: 2, dropout: 0.2, init: 'uniform' },
      'dropout',
      /Keras 2 dropped the Embedding dropout/,
    ],
  ];
  it.each(cases)('%s', (_what, cls, config, field, message) => {
    const e = upgradeError(cls, config);
    expect(e.field).toEqual([field]);
    expect(e.problem.en).toMatch(message);
    expect(e.problem.zh.length).toBeGreaterThan(4);
  });

  it('a removed Keras 1 layer is named', () => {
    expect(upgradeError('TimeDistributedDense', { output_dim: 3 }).problem.en).toMatch(
      /the Keras 1 layer TimeDistributedDense is not supported: use TimeDistributed\(Dense\)/,
    );
  });

  it('in a file, the message names the layer, and the path and line point at the key', () => {
    const model = keras1Sequential();
    const layers = model.config as Json[];
    (layers[1] as { config: Json }).config.nb_filtre = 8;
    const e = refusal(text(model));
    expect(e.text.en).toBe(
      'layer convolution2d_1: nb_filtre (= 8) is not a Keras 1 setting of Convolution2D that CNN Studio can read',
    );
    expect(e.text.zh).toMatch(/^层 convolution2d_1：nb_filtre/);
    expect(e.place.path).toBe('$.config[1].config.nb_filtre');
    expect(e.place.pos?.line).toBeGreaterThan(30);
  });
});

describe('older Keras files open', () => {
  it('a Keras 1.2 Sequential (bare list of layers) is detected and reads as the same net in Keras 2', () => {
    const t = text(keras1Sequential());
    expect(detectKerasJson(t)).toBe(true);
    expect(detectFormat(t)).toBe('keras');
    const old = parseKerasJson(t).spec;
    const now = parseKerasJson(text(keras2SameNet())).spec;
    expect(old.layers).toEqual(now.layers);
    const table = inferShapes(old);
    expect(table.layers.get('dense_1')).toMatchObject({ status: 'ok', shape: [10] });
    // 3·3·3·8+8, BN 4·8, 3·3·8·16+16, 256·10+10
    expect(totals(table).params).toBe(224 + 32 + 1168 + 2570);
  });

  it('a Keras 2.0 Sequential (Keras 2 keys, bare list of layers) opens', () => {
    const spec = parseKerasJson(text(keras20Sequential())).spec;
    expect(spec.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    expect(spec.layers[0]?.params.shape).toEqual([12, 12, 1]);
    expect(totals(inferShapes(spec)).params).toBe(5 * 5 * 6 + 6 + 4 * 4 * 6 * 4 + 4);
  });

  it('a Keras 1 functional model with Merge layers reads as Add and Concatenate', () => {
    const spec = parseKerasJson(text(keras1Functional())).spec;
    const byId = new Map(spec.layers.map((l) => [l.id, l]));
    expect(byId.get('sum_1')).toMatchObject({ type: 'Add', inputs: ['left', 'right'] });
    expect(byId.get('concat_1')).toMatchObject({
      type: 'Concatenate',
      params: { axis: -1 },
      inputs: ['sum_1', 'left'],
    });
    expect(inferShapes(spec).layers.get('concat_1')).toMatchObject({ status: 'ok', shape: [8, 8, 8] });
  });

  it('the first Dense of a Keras 1 Sequential takes its input size from input_dim', () => {
    const model = {
      class_name: 'Sequential',
      config: [{ class_name: 'Dense', config: { ...dense1('fc', 3, 20), name: 'fc' } }],
    };
    const spec = parseKerasJson(text(model)).spec;
    expect(spec.layers[0]).toMatchObject({ id: 'fc_input', type: 'Input', params: { shape: [20] } });
  });

  it('a conv layer config of Keras 1 keeps every spelling the fixture uses', () => {
    expect(() => upgradeKeras1Layer('Convolution2D', conv1('c', 2, 3))).not.toThrow();
  });
});
