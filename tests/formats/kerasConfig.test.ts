/**
 * Keras layer configs are read as Keras reads them or refused: a field Keras defaults when
 * absent takes Keras' default, a present but wrong value is an error naming the layer, the
 * field (its JSON path, line and column) and what was expected, and layer names are unique.
 */
import { describe, expect, it } from 'vitest';
import { parseKerasJson, KerasFormatError } from '../../src/lib/formats/keras/kerasJson';
import { inferShapes, totals } from '../../src/lib/spec/inferShapes';

type Json = Record<string, unknown>;

const layer = (class_name: string, config: Json): Json => ({ class_name, config });

/** A tfjs-style Sequential: InputLayer 8×8×3, then the given layers. */
function sequential(...layers: Json[]): string {
  const input = layer('InputLayer', { name: 'img', batch_input_shape: [null, 8, 8, 3] });
  return JSON.stringify(
    {
      format: 'layers-model',
      modelTopology: { class_name: 'Sequential', config: { name: 'probe', layers: [input, ...layers] } },
      weightsManifest: [],
    },
    null,
    2,
  );
}

const conv = (extra: Json = {}): Json =>
  layer('Conv2D', { name: 'conv', filters: 4, kernel_size: [3, 3], ...extra });

function refusal(text: string): KerasFormatError {
  try {
    parseKerasJson(text);
  } catch (e) {
    if (e instanceof KerasFormatError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

function paramsOf(text: string, id: string): Json {
  const found = parseKerasJson(text).spec.layers.find((l) => l.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found.params;
}

describe('Keras configs are read as Keras reads them', () => {
  it.each([
    ['SAME', 'same'],
    ['Same', 'same'],
    ['VALID', 'valid'],
  ])('padding %s reads as %s (Keras lower-cases it)', (written, read) => {
    expect(paramsOf(sequential(conv({ padding: written })), 'conv').padding).toBe(read);
  });

  it('absent fields take Keras defaults, not CNN Studio ones', () => {
    const text = sequential(
      conv(),
      layer('Cropping2D', { name: 'crop' }),
      layer('MaxPooling2D', { name: 'pool', strides: null }),
    );
    expect(paramsOf(text, 'conv')).toMatchObject({ strides: [1, 1], padding: 'valid', useBias: true });
    // Keras crops nothing by default.
    expect(paramsOf(text, 'crop').cropping).toEqual([0, 0]);
    // Pooling strides left null default to the pool size.
    expect(paramsOf(text, 'pool').strides).toEqual([2, 2]);
  });

  it('an explicit channels_last in any case is accepted; null means the default', () => {
    expect(paramsOf(sequential(conv({ data_format: 'Channels_Last' })), 'conv').filters).toBe(4);
    expect(paramsOf(sequential(conv({ data_format: null })), 'conv').filters).toBe(4);
  });

  it("Keras 3's silu is swish and LeakyReLU's negative_slope is its alpha", () => {
    const text = sequential(
      conv({ activation: 'silu' }),
      layer('LeakyReLU', { name: 'leaky', negative_slope: 0.1 }),
    );
    expect(paramsOf(text, 'conv').activation).toBe('swish');
    expect(paramsOf(text, 'leaky').alpha).toBe(0.1);
  });
});

describe('wrong Keras config values are refused, naming the layer and the field', () => {
  const cases: [string, Json, string, RegExp][] = [
    [
      'a data_format that is neither',
      conv({ data_format: 'channels_middle' }),
      'conv',
      /data_format must be "channels_last", not "channels_middle": CNN Studio and tfjs lay images out channels last/,
    ],
    [
      'causal padding on a 2-D conv',
      conv({ padding: 'causal' }),
      'conv',
      /padding must be one of "valid", "same", not "causal"/,
    ],
    ['missing filters', layer('Conv2D', { name: 'conv', kernel_size: 3 }), 'conv', /filters is missing/],
    ['string filters', conv({ filters: '8' }), 'conv', /filters must be a whole number ≥ 1, not "8"/],
    ['fractional filters', conv({ filters: 2.5 }), 'conv', /filters must be a whole number/],
    ['missing kernel_size', layer('Conv2D', { name: 'conv', filters: 4 }), 'conv', /kernel_size is missing/],
    [
      'a kernel_size of one value in a list',
      conv({ kernel_size: [3] }),
      'conv',
      /kernel_size must be a whole number ≥ 1 or a list of 2/,
    ],
    ['three strides on a 2-D conv', conv({ strides: [1, 1, 1] }), 'conv', /strides must be/],
    ['zero strides', conv({ strides: 0 }), 'conv', /strides must be/],
    [
      'an unknown activation',
      conv({ activation: 'bogus' }),
      'conv',
      /activation must be an activation TensorFlow.js has/,
    ],
    [
      'use_bias as a string',
      conv({ use_bias: 'false' }),
      'conv',
      /use_bias must be true or false, not "false"/,
    ],
    ['groups of 0', conv({ groups: 0 }), 'conv', /groups must be a whole number ≥ 1, not 0/],
    ['missing units', layer('Dense', { name: 'fc' }), 'fc', /units is missing/],
    [
      'string units',
      layer('Dense', { name: 'fc', units: '10' }),
      'fc',
      /units must be a whole number ≥ 1, not "10"/,
    ],
    [
      'an unknown Activation',
      layer('Activation', { name: 'act', activation: 'sigmoidd' }),
      'act',
      /activation must be/,
    ],
    ['an Activation without one', layer('Activation', { name: 'act' }), 'act', /activation is missing/],
    ['a ReLU threshold', layer('ReLU', { name: 'r', threshold: 1 }), 'r', /threshold = 1 is not supported/],
    [
      'keepdims on global pooling',
      layer('GlobalAveragePooling2D', { name: 'g', keepdims: true }),
      'g',
      /keepdims = true is not supported/,
    ],
    ['a Dropout without rate', layer('Dropout', { name: 'd' }), 'd', /rate is missing/],
    [
      'a Dropout rate above 1',
      layer('Dropout', { name: 'd', rate: 2 }),
      'd',
      /rate must be a number from 0 to 1, not 2/,
    ],
    [
      'BatchNormalization over two axes',
      layer('BatchNormalization', { name: 'bn', axis: [1, 2] }),
      'bn',
      /axis must be a whole number, not \[1,2\]/,
    ],
    [
      'a string momentum',
      layer('BatchNormalization', { name: 'bn', momentum: '0.9' }),
      'bn',
      /momentum must be a number/,
    ],
    [
      'ZeroPadding2D of three values',
      layer('ZeroPadding2D', { name: 'z', padding: [1, 2, 3] }),
      'z',
      /padding must be a whole number ≥ 0, \[rows, cols\]/,
    ],
    [
      'output_padding on a transposed conv',
      layer('Conv2DTranspose', { name: 't', filters: 2, kernel_size: 3, output_padding: [1, 1] }),
      't',
      /output_padding = \[1,1\] is not supported/,
    ],
    [
      'dilation on a depthwise conv',
      layer('DepthwiseConv2D', { name: 'dw', kernel_size: 3, dilation_rate: 2 }),
      'dw',
      /dilation_rate = 2 is not supported/,
    ],
  ];

  it.each(cases)('%s', (_what, bad, id, message) => {
    const e = refusal(sequential(bad));
    expect(e.text.en).toMatch(new RegExp(`^layer ${id}: `));
    expect(e.text.en).toMatch(message);
    expect(e.text.zh).toMatch(new RegExp(`^层 ${id}：`));
    const field = /^layer \S+: (?:\w+ = \S+ is not supported|(\w+))/.exec(e.text.en);
    expect(e.place.path).toMatch(/^\$\.modelTopology\.config\.layers\[1\]\.config\./);
    if (field?.[1]) expect(e.place.path).toContain(`.config.${field[1]}`);
    expect(e.place.pos?.line).toBeGreaterThan(1);
  });

  it('channels_first is turned round, never read with its axes swapped', () => {
    // Read as channels last, this net would count 786 parameters; Keras counts 276 (C = 8, H = 8, W = 3).
    const text = sequential(
      conv({ data_format: 'channels_first', filters: 2 }),
      layer('Flatten', { name: 'flat', data_format: 'channels_first' }),
      layer('Dense', { name: 'fc', units: 10 }),
    );
    expect(totals(inferShapes(parseKerasJson(text).spec)).params).toBe(
      3 * 3 * 8 * 2 + 2 + 6 * 1 * 2 * 10 + 10,
    );
    const last = sequential(
      conv({ filters: 2 }),
      layer('Flatten', { name: 'flat' }),
      layer('Dense', { name: 'fc', units: 10 }),
    );
    expect(totals(inferShapes(parseKerasJson(last).spec)).params).toBe(
      3 * 3 * 3 * 2 + 2 + 6 * 6 * 2 * 10 + 10,
    );
  });

  it('a wrapped layer of the wrong class or with a bad config is refused inside the wrapper', () => {
    const wrapped = (inner: Json, extra: Json = {}) =>
      JSON.stringify({
        class_name: 'Sequential',
        config: {
          name: 'seq',
          layers: [
            layer('InputLayer', { name: 'x', batch_input_shape: [null, 5, 4] }),
            layer('Bidirectional', { name: 'bi', layer: inner, ...extra }),
          ],
        },
      });
    const lstm = (config: Json) => ({ class_name: 'LSTM', config });
    expect(refusal(wrapped({ class_name: 'Bogus', config: {} })).place.path).toBe(
      '$.config.layers[1].config.layer.class_name',
    );
    const e = refusal(wrapped(lstm({ name: 'l', units: 'many' })));
    expect(e.place.path).toBe('$.config.layers[1].config.layer.config.units');
    expect(e.text.en).toMatch(/^layer bi: units must be a whole number/);
    expect(refusal(wrapped(lstm({ name: 'l', units: 3 }), { merge_mode: null })).text.en).toMatch(
      /merge_mode must be one of "concat"/,
    );
    expect(paramsOf(wrapped(lstm({ name: 'l', units: 3 })), 'bi')['layer.units']).toBe(3);
  });

  it('an InputLayer with a string size is refused', () => {
    const text = JSON.stringify({
      class_name: 'Model',
      config: {
        name: 'm',
        layers: [
          {
            class_name: 'InputLayer',
            name: 'x',
            config: { name: 'x', batch_input_shape: [null, '8', 3] },
            inbound_nodes: [],
          },
        ],
      },
    });
    expect(refusal(text).text.en).toMatch(/^layer x: batch_input_shape must be \[batch, \.\.\.sizes\]/);
  });
});

describe('Keras layer names', () => {
  it('two layers with one name are refused, naming it (tfjs refuses it too)', () => {
    const e = refusal(
      sequential(conv(), layer('Flatten', { name: 'flat' }), layer('Dense', { name: 'flat', units: 2 })),
    );
    expect(e.text.en).toBe('two layers are named "flat"; layer names must be unique');
    expect(e.text.zh).toContain('flat');
    expect(e.place.path).toBe('$.modelTopology.config.layers[3].config.name');
  });

  it("the input Keras makes for a Sequential may not take a layer's name", () => {
    const text = JSON.stringify({
      class_name: 'Sequential',
      config: {
        name: 'seq',
        layers: [
          layer('Dense', { name: 'fc', units: 3, batch_input_shape: [null, 4] }),
          layer('Dense', { name: 'fc_input', units: 2 }),
        ],
      },
    });
    expect(refusal(text).text.en).toMatch(/two layers are named "fc_input"/);
  });

  it.each([
    ['an empty name', ''],
    ['a number', 7],
  ])('%s as a layer name is refused', (_what, name) => {
    const e = refusal(sequential(layer('Flatten', { name })));
    expect(e.text.en).toMatch(/the layer name must be a non-empty string/);
    expect(e.place.path).toBe('$.modelTopology.config.layers[1].config.name');
  });
});
