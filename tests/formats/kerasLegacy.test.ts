/**
 * Older Keras files, key by key: each Keras 1 class name and key read as its Keras 2 meaning,
 * Merge modes as Keras 2 merge layers, wrapped layers upgraded too. Refusals and whole files
 * are in kerasLegacyFiles.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { upgradeKeras1Layer, upgradeLayer, isKeras1Layer } from '../../src/lib/formats/keras/legacy';
import { KerasConfigError } from '../../src/lib/layers/shared/kerasConfig';

type Json = Record<string, unknown>;

describe('each Keras 1 key becomes its Keras 2 key', () => {
  const conv = (extra: Json) => ({ nb_filter: 4, nb_row: 3, nb_col: 3, ...extra });
  const cases: [string, string, Json, string, Json][] = [
    ['Convolution2D nb_filter', 'Convolution2D', conv({}), 'Conv2D', { filters: 4 }],
    [
      'Convolution2D nb_row / nb_col',
      'Convolution2D',
      conv({ nb_row: 5, nb_col: 2 }),
      'Conv2D',
      { kernel_size: [5, 2] },
    ],
    [
      'Convolution2D border_mode',
      'Convolution2D',
      conv({ border_mode: 'same' }),
      'Conv2D',
      { padding: 'same' },
    ],
    ['Convolution2D subsample', 'Convolution2D', conv({ subsample: [2, 1] }), 'Conv2D', { strides: [2, 1] }],
    [
      'Convolution2D init',
      'Convolution2D',
      conv({ init: 'he_normal' }),
      'Conv2D',
      { kernel_initializer: 'he_normal' },
    ],
    [
      'Convolution2D W_regularizer',
      'Convolution2D',
      conv({ W_regularizer: { l2: 0.01 } }),
      'Conv2D',
      { kernel_regularizer: { l2: 0.01 } },
    ],
    [
      'Convolution2D b_regularizer',
      'Convolution2D',
      conv({ b_regularizer: { l1: 0.1 } }),
      'Conv2D',
      { bias_regularizer: { l1: 0.1 } },
    ],
    [
      'Convolution2D W_constraint',
      'Convolution2D',
      conv({ W_constraint: { name: 'MaxNorm', m: 2 } }),
      'Conv2D',
      { kernel_constraint: { name: 'MaxNorm', m: 2 } },
    ],
    [
      'Convolution2D b_constraint',
      'Convolution2D',
      conv({ b_constraint: null }),
      'Conv2D',
      { bias_constraint: null },
    ],
    ['Convolution2D bias', 'Convolution2D', conv({ bias: false }), 'Conv2D', { use_bias: false }],
    [
      'Convolution2D dim_ordering tf',
      'Convolution2D',
      conv({ dim_ordering: 'tf' }),
      'Conv2D',
      { data_format: 'channels_last' },
    ],
    [
      'Convolution2D dim_ordering th',
      'Convolution2D',
      conv({ dim_ordering: 'th' }),
      'Conv2D',
      { data_format: 'channels_first' },
    ],
    [
      'Convolution2D activation',
      'Convolution2D',
      conv({ activation: 'relu' }),
      'Conv2D',
      { activation: 'relu' },
    ],
    [
      'AtrousConvolution2D atrous_rate',
      'AtrousConvolution2D',
      conv({ atrous_rate: [2, 2] }),
      'Conv2D',
      { dilation_rate: [2, 2] },
    ],
    [
      'Convolution1D filter_length',
      'Convolution1D',
      { nb_filter: 2, filter_length: 5 },
      'Conv1D',
      { kernel_size: 5 },
    ],
    [
      'Convolution1D subsample_length',
      'Convolution1D',
      { nb_filter: 2, filter_length: 5, subsample_length: 2 },
      'Conv1D',
      { strides: 2 },
    ],
    [
      'Convolution1D input_dim / input_length',
      'Convolution1D',
      { nb_filter: 2, filter_length: 5, input_dim: 8, input_length: 20 },
      'Conv1D',
      { batch_input_shape: [null, 20, 8] },
    ],
    [
      'Convolution3D kernel_dim1..3',
      'Convolution3D',
      { nb_filter: 2, kernel_dim1: 1, kernel_dim2: 2, kernel_dim3: 3 },
      'Conv3D',
      { kernel_size: [1, 2, 3] },
    ],
    ['Dense output_dim', 'Dense', { output_dim: 7 }, 'Dense', { units: 7 }],
    [
      'Dense input_dim',
      'Dense',
      { output_dim: 7, input_dim: 12 },
      'Dense',
      { batch_input_shape: [null, 12] },
    ],
    ['Dense init', 'Dense', { output_dim: 7, init: 'uniform' }, 'Dense', { kernel_initializer: 'uniform' }],
    ['Dense bias', 'Dense', { output_dim: 7, bias: false }, 'Dense', { use_bias: false }],
    [
      'MaxPooling2D pool_size',
      'MaxPooling2D',
      { pool_size: [3, 3], border_mode: 'valid' },
      'MaxPooling2D',
      { pool_size: [3, 3] },
    ],
    [
      'MaxPooling2D strides',
      'MaxPooling2D',
      { strides: [1, 1], border_mode: 'valid' },
      'MaxPooling2D',
      { strides: [1, 1] },
    ],
    [
      'MaxPooling2D strides null',
      'MaxPooling2D',
      { strides: null, border_mode: 'valid' },
      'MaxPooling2D',
      { strides: null },
    ],
    [
      'MaxPooling2D border_mode',
      'MaxPooling2D',
      { border_mode: 'same' },
      'MaxPooling2D',
      { padding: 'same' },
    ],
    [
      'MaxPooling2D dim_ordering',
      'MaxPooling2D',
      { dim_ordering: 'tf' },
      'MaxPooling2D',
      { data_format: 'channels_last' },
    ],
    ['MaxPooling1D pool_length', 'MaxPooling1D', { pool_length: 3 }, 'MaxPooling1D', { pool_size: 3 }],
    ['MaxPooling1D stride', 'MaxPooling1D', { pool_length: 3, stride: 1 }, 'MaxPooling1D', { strides: 1 }],
    ['Dropout p', 'Dropout', { p: 0.25 }, 'Dropout', { rate: 0.25 }],
    ['GaussianNoise sigma', 'GaussianNoise', { sigma: 0.1 }, 'GaussianNoise', { stddev: 0.1 }],
    ['UpSampling1D length', 'UpSampling1D', { length: 3 }, 'UpSampling1D', { size: 3 }],
    [
      'BatchNormalization mode 0',
      'BatchNormalization',
      { mode: 0, axis: 1, epsilon: 0.01 },
      'BatchNormalization',
      { axis: 1, epsilon: 0.01 },
    ],
    [
      'BatchNormalization gamma_init',
      'BatchNormalization',
      { mode: 0, gamma_init: 'one' },
      'BatchNormalization',
      { gamma_initializer: 'one' },
    ],
    [
      'ZeroPadding2D padding [rows, cols]',
      'ZeroPadding2D',
      { padding: [1, 2], dim_ordering: 'tf' },
      'ZeroPadding2D',
      { padding: [1, 2] },
    ],
    [
      'ZeroPadding2D padding of four',
      'ZeroPadding2D',
      { padding: [1, 2, 3, 4], dim_ordering: 'tf' },
      'ZeroPadding2D',
      {
        padding: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      'ZeroPadding2D padding dict',
      'ZeroPadding2D',
      { padding: { top_pad: 1, right_pad: 2 }, dim_ordering: 'tf' },
      'ZeroPadding2D',
      {
        padding: [
          [1, 0],
          [0, 2],
        ],
      },
    ],
    [
      'LSTM output_dim',
      'LSTM',
      { output_dim: 5, inner_activation: 'hard_sigmoid' },
      'LSTM',
      { units: 5, recurrent_activation: 'hard_sigmoid' },
    ],
    [
      'LSTM dropout_W / dropout_U',
      'LSTM',
      { output_dim: 5, dropout_W: 0.1, dropout_U: 0.2 },
      'LSTM',
      { dropout: 0.1, recurrent_dropout: 0.2 },
    ],
    [
      'Embedding init',
      'Embedding',
      { input_dim: 100, output_dim: 8, init: 'uniform', input_length: 12 },
      'Embedding',
      { embeddings_initializer: 'uniform', batch_input_shape: [null, 12] },
    ],
    ['Merge sum', 'Merge', { mode: 'sum' }, 'Add', {}],
    ['Merge mul', 'Merge', { mode: 'mul' }, 'Multiply', {}],
    ['Merge ave', 'Merge', { mode: 'ave' }, 'Average', {}],
    ['Merge max', 'Merge', { mode: 'max' }, 'Maximum', {}],
    ['Merge concat concat_axis', 'Merge', { mode: 'concat', concat_axis: 2 }, 'Concatenate', { axis: 2 }],
  ];
  it.each(cases)('%s', (_what, cls, config, to, expected) => {
    const up = upgradeKeras1Layer(cls, config);
    expect(up.className).toBe(to);
    for (const [k, v] of Object.entries(expected)) expect(up.config[k], k).toEqual(v);
    // No Keras 1 key is left for the Keras 2 reader to ignore.
    for (const k of [
      'nb_filter',
      'nb_row',
      'border_mode',
      'subsample',
      'output_dim',
      'p',
      'dim_ordering',
      'init',
    ])
      if (k !== 'output_dim' || cls !== 'Embedding') expect(up.config).not.toHaveProperty(k);
  });

  it('a Keras 2 layer is left as it is; a Keras 1 one is recognised by its class or its keys', () => {
    const k2 = { name: 'c', filters: 2, kernel_size: 3 };
    expect(upgradeKeras1Layer('Conv2D', k2).config).toBe(k2);
    expect(isKeras1Layer('Dense', { units: 3 })).toBe(false);
    expect(isKeras1Layer('Dense', { output_dim: 3 })).toBe(true);
    expect(isKeras1Layer('Convolution2D', {})).toBe(true);
    expect(isKeras1Layer('Embedding', { input_dim: 3, output_dim: 4 })).toBe(false);
  });

  it('the layer a wrapper holds is upgraded too, and its problems are placed inside it', () => {
    const up = upgradeLayer('TimeDistributed', { layer: { class_name: 'Dense', config: { output_dim: 4 } } });
    expect(up.config.layer).toEqual({ class_name: 'Dense', config: { units: 4 } });
    try {
      upgradeLayer('TimeDistributed', {
        layer: { class_name: 'Dense', config: { output_dim: 4, colour: 1 } },
      });
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(KerasConfigError);
      expect((e as KerasConfigError).field).toEqual(['layer', 'config', 'colour']);
    }
  });
});
