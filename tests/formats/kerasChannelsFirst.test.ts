/**
 * Channels-first Keras models (Keras 1 dim_ordering "th", Keras 2 data_format
 * "channels_first") open turned round to channels last: the same layers, parameters and
 * output sizes as the channels-last spelling of the net; what cannot be turned round (weights
 * after Flatten, fixed axes, a mix of layouts, a BatchNormalization over the width) is refused
 * by name.
 */
import { describe, expect, it } from 'vitest';
import { parseKerasJson, KerasFormatError } from '../../src/lib/formats/keras/kerasJson';
import { TURNED_ROUND } from '../../src/lib/formats/keras/channelsFirst';
import { inferShapes, totals } from '../../src/lib/spec/inferShapes';
import { keras1Functional, keras1Sequential } from '../fixtures/keras/keras1';

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

/** A Keras 2 (tfjs-style) Sequential, channels first: input [C, H, W] = [3, 10, 12]. */
function keras2First(extra: Json[] = [], manifest: unknown[] = []): Json {
  const cf = { data_format: 'channels_first' };
  return {
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'cf',
        layers: [
          { class_name: 'InputLayer', config: { name: 'img', batch_input_shape: [null, 3, 10, 12] } },
          { class_name: 'Conv2D', config: { name: 'conv', filters: 2, kernel_size: [3, 5], ...cf } },
          { class_name: 'MaxPooling2D', config: { name: 'pool', pool_size: [2, 2], ...cf } },
          ...extra,
          { class_name: 'Flatten', config: { name: 'flat', ...cf } },
          { class_name: 'Dense', config: { name: 'fc', units: 4 } },
        ],
      },
    },
    weightsManifest: manifest,
  };
}

describe('channels-first models are turned round', () => {
  it('a Keras 1 "th" Sequential is the same net as its "tf" spelling, with a note', () => {
    const th = parseKerasJson(text(keras1Sequential('th')));
    const tf = parseKerasJson(text(keras1Sequential('tf')));
    expect(th.spec.layers).toEqual(tf.spec.layers);
    expect(th.notes).toContain(TURNED_ROUND);
    expect(tf.notes).not.toContain(TURNED_ROUND);
  });

  it('a Keras 1 "th" functional model concatenates along channels (concat_axis 1 → -1)', () => {
    const th = parseKerasJson(text(keras1Functional('th'))).spec;
    const tf = parseKerasJson(text(keras1Functional('tf'))).spec;
    expect(th.layers).toEqual(tf.layers);
    expect(th.layers.find((l) => l.id === 'concat_1')?.params).toEqual({ axis: -1 });
  });

  it('a Keras 2 channels_first model has the parameters and sizes Keras gives it', () => {
    const spec = parseKerasJson(text(keras2First())).spec;
    const table = inferShapes(spec);
    expect(spec.layers[0]?.params.shape).toEqual([10, 12, 3]);
    // Keras: conv [3·5·3·2 + 2] on 10×12 → 8×8×2, pool → 4×4×2 = 32, dense 32·4 + 4.
    expect(table.layers.get('pool')).toMatchObject({ status: 'ok', shape: [4, 4, 2] });
    expect(totals(table).params).toBe(3 * 5 * 3 * 2 + 2 + 32 * 4 + 4);
  });

  it('its weights are refused (Flatten orders the values otherwise), naming the manifest', () => {
    const manifest = [
      { paths: ['w.bin'], weights: [{ name: 'conv/kernel', shape: [3, 5, 3, 2], dtype: 'float32' }] },
    ];
    const e = refusal(text(keras2First([], manifest)));
    expect(e.place.path).toBe('$.weightsManifest');
    expect(e.text.en).toMatch(/weights of a channels-first model cannot be read channels last/);
  });

  it('a model that mixes channels_first and channels_last names the odd layer', () => {
    const odd = {
      class_name: 'Conv2D',
      config: { name: 'odd', filters: 2, kernel_size: 1, data_format: 'channels_last' },
    };
    const e = refusal(text(keras2First([odd])));
    expect(e.text.en).toMatch(/^layer odd: this layer is channels_last while others are channels_first/);
    expect(e.place.path).toBe('$.modelTopology.config.layers[3].config.data_format');
  });

  it('a Reshape in a channels-first model is refused by name', () => {
    const reshape = { class_name: 'Reshape', config: { name: 'rs', target_shape: [2, 16] } };
    const e = refusal(text(keras2First([reshape])));
    expect(e.text.en).toMatch(/^layer rs: Reshape in a channels-first model/);
  });

  it('BatchNormalization over the last axis of a channels-first image (its width) is refused; on a vector it is fine', () => {
    const bn = (axis: number) => ({ class_name: 'BatchNormalization', config: { name: 'bn', axis } });
    const e = refusal(text(keras2First([bn(-1)])));
    expect(e.text.en).toMatch(/^layer bn: axis -1 of a channels-first image is not its channel axis/);
    expect(e.place.path).toBe('$.modelTopology.config.layers[3].config.axis');
    const ok = keras2First();
    const layers = (ok.modelTopology as { config: { layers: Json[] } }).config.layers;
    layers.push(bn(-1));
    expect(parseKerasJson(text(ok)).spec.layers.at(-1)).toMatchObject({ id: 'bn', params: { axis: -1 } });
    const channel = keras2First([bn(1)]);
    expect(parseKerasJson(text(channel)).spec.layers.find((l) => l.id === 'bn')?.params.axis).toBe(-1);
  });
});
