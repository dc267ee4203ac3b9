/**
 * The Keras 1 layer classes CNN Studio reads, key by key: each key's rule (legacyRules.ts)
 * and the Keras 2 class it becomes. The mappings are the ones Keras 2's own legacy
 * converters made, where the meaning is the same both ways.
 */
import { readInt, readTuple } from '../../layers/shared/kerasConfig';
import {
  anyString,
  boolAs,
  borderMode,
  dimOrdering,
  dropped,
  floatAs,
  initializerAs,
  intAs,
  kernelFrom,
  onlyOff,
  readWithOthers,
  renamed,
  same,
  settingAs,
  tupleAs,
  zeroPadding2d,
  type Rule,
} from './legacyRules';

export interface LegacyClass {
  /** The Keras 2 class. */
  to: string;
  keys: Record<string, Rule>;
  required?: readonly string[];
  /** `input_dim` / `input_length` in the order of the input's axes. */
  inputAxes?: readonly string[];
}

export const BASE: Record<string, Rule> = {
  name: same,
  trainable: same,
  batch_input_shape: same,
  input_dtype: dropped(anyString, { en: 'a dtype name', zh: ' dtype 名称' }),
};

const WEIGHTED: Record<string, Rule> = {
  init: initializerAs('kernel_initializer'),
  activation: same,
  W_regularizer: settingAs('kernel_regularizer'),
  b_regularizer: settingAs('bias_regularizer'),
  activity_regularizer: same,
  W_constraint: settingAs('kernel_constraint'),
  b_constraint: settingAs('bias_constraint'),
  bias: boolAs('use_bias'),
};

const CONV: Record<string, Rule> = {
  ...WEIGHTED,
  nb_filter: intAs('filters'),
  border_mode: borderMode,
  dim_ordering: dimOrdering,
};

const CONV_2D: Record<string, Rule> = {
  ...CONV,
  nb_row: kernelFrom(['nb_row', 'nb_col']),
  nb_col: readWithOthers,
  subsample: tupleAs('strides', 2),
};

const CONV_3D: Record<string, Rule> = {
  ...CONV,
  kernel_dim1: kernelFrom(['kernel_dim1', 'kernel_dim2', 'kernel_dim3']),
  kernel_dim2: readWithOthers,
  kernel_dim3: readWithOthers,
  subsample: tupleAs('strides', 3),
};

const CONV_1D: Record<string, Rule> = {
  ...WEIGHTED,
  nb_filter: intAs('filters'),
  filter_length: intAs('kernel_size'),
  subsample_length: intAs('strides'),
  border_mode: borderMode,
  input_dim: readWithOthers,
  input_length: readWithOthers,
};

const POOL = (rank: 2 | 3): Record<string, Rule> => ({
  pool_size: tupleAs('pool_size', rank),
  strides: (c, out, key) => {
    // null is "the pool size", in Keras 1 as in Keras 2.
    out.strides = c[key] === null ? null : readTuple(c, key, rank);
  },
  border_mode: borderMode,
  dim_ordering: dimOrdering,
});

const POOL_1D: Record<string, Rule> = {
  pool_length: intAs('pool_size'),
  stride: (c, out, key) => {
    out.strides = c[key] === null ? null : readInt(c, key, { min: 1 });
  },
  border_mode: borderMode,
};

const RECURRENT: Record<string, Rule> = {
  output_dim: intAs('units'),
  init: initializerAs('kernel_initializer'),
  inner_init: initializerAs('recurrent_initializer'),
  activation: same,
  W_regularizer: settingAs('kernel_regularizer'),
  U_regularizer: settingAs('recurrent_regularizer'),
  b_regularizer: settingAs('bias_regularizer'),
  dropout_W: floatAs('dropout', 0, 1),
  dropout_U: floatAs('recurrent_dropout', 0, 1),
  return_sequences: same,
  go_backwards: same,
  stateful: same,
  unroll: same,
  consume_less: dropped((v) => v === 'cpu' || v === 'mem' || v === 'gpu', {
    en: '"cpu", "mem" or "gpu"',
    zh: ' "cpu"、"mem" 或 "gpu"',
  }),
  input_dim: readWithOthers,
  input_length: readWithOthers,
};

const GATED: Record<string, Rule> = {
  ...RECURRENT,
  inner_activation: renamed('recurrent_activation'),
};

const DIM: Record<string, Rule> = { dim_ordering: dimOrdering };

export const CLASSES: Record<string, LegacyClass> = {
  InputLayer: {
    to: 'InputLayer',
    keys: { sparse: onlyOff(false, 'sparse inputs are not supported', '不支持稀疏输入') },
  },
  Dense: {
    to: 'Dense',
    keys: { ...WEIGHTED, output_dim: intAs('units'), input_dim: readWithOthers },
    required: ['output_dim'],
    inputAxes: ['input_dim'],
  },
  Convolution1D: {
    to: 'Conv1D',
    keys: CONV_1D,
    required: ['nb_filter', 'filter_length'],
    inputAxes: ['input_length', 'input_dim'],
  },
  AtrousConvolution1D: {
    to: 'Conv1D',
    keys: { ...CONV_1D, atrous_rate: intAs('dilation_rate') },
    required: ['nb_filter', 'filter_length'],
    inputAxes: ['input_length', 'input_dim'],
  },
  Convolution2D: { to: 'Conv2D', keys: CONV_2D, required: ['nb_filter', 'nb_row', 'nb_col'] },
  AtrousConvolution2D: {
    to: 'Conv2D',
    keys: { ...CONV_2D, atrous_rate: tupleAs('dilation_rate', 2) },
    required: ['nb_filter', 'nb_row', 'nb_col'],
  },
  SeparableConvolution2D: {
    to: 'SeparableConv2D',
    keys: {
      ...CONV_2D,
      depth_multiplier: same,
      depthwise_regularizer: settingAs('depthwise_regularizer'),
      pointwise_regularizer: settingAs('pointwise_regularizer'),
      depthwise_constraint: settingAs('depthwise_constraint'),
      pointwise_constraint: settingAs('pointwise_constraint'),
    },
    required: ['nb_filter', 'nb_row', 'nb_col'],
  },
  Convolution3D: {
    to: 'Conv3D',
    keys: CONV_3D,
    required: ['nb_filter', 'kernel_dim1', 'kernel_dim2', 'kernel_dim3'],
  },
  LocallyConnected1D: {
    to: 'LocallyConnected1D',
    keys: CONV_1D,
    required: ['nb_filter', 'filter_length'],
    inputAxes: ['input_length', 'input_dim'],
  },
  LocallyConnected2D: {
    to: 'LocallyConnected2D',
    keys: CONV_2D,
    required: ['nb_filter', 'nb_row', 'nb_col'],
  },
  MaxPooling1D: { to: 'MaxPooling1D', keys: POOL_1D },
  AveragePooling1D: { to: 'AveragePooling1D', keys: POOL_1D },
  MaxPooling2D: { to: 'MaxPooling2D', keys: POOL(2) },
  AveragePooling2D: { to: 'AveragePooling2D', keys: POOL(2) },
  MaxPooling3D: { to: 'MaxPooling3D', keys: POOL(3) },
  AveragePooling3D: { to: 'AveragePooling3D', keys: POOL(3) },
  GlobalMaxPooling2D: { to: 'GlobalMaxPooling2D', keys: DIM },
  GlobalAveragePooling2D: { to: 'GlobalAveragePooling2D', keys: DIM },
  GlobalMaxPooling3D: { to: 'GlobalMaxPooling3D', keys: DIM },
  GlobalAveragePooling3D: { to: 'GlobalAveragePooling3D', keys: DIM },
  ZeroPadding2D: {
    to: 'ZeroPadding2D',
    keys: {
      ...DIM,
      padding: (c, out, key) => {
        out.padding = zeroPadding2d(c[key], key);
      },
    },
  },
  Cropping2D: { to: 'Cropping2D', keys: { ...DIM, cropping: same } },
  UpSampling1D: { to: 'UpSampling1D', keys: { length: intAs('size') } },
  UpSampling2D: { to: 'UpSampling2D', keys: { ...DIM, size: same } },
  UpSampling3D: { to: 'UpSampling3D', keys: { ...DIM, size: same } },
  Dropout: { to: 'Dropout', keys: { p: floatAs('rate', 0, 1) }, required: ['p'] },
  GaussianDropout: { to: 'GaussianDropout', keys: { p: floatAs('rate', 0, 1) }, required: ['p'] },
  GaussianNoise: { to: 'GaussianNoise', keys: { sigma: floatAs('stddev', 0) }, required: ['sigma'] },
  BatchNormalization: {
    to: 'BatchNormalization',
    keys: {
      epsilon: same,
      momentum: same,
      axis: same,
      mode: onlyOff(
        0,
        'modes 1 and 2 (sample-wise and per-batch feature-wise normalization) were dropped in Keras 2 and have no TensorFlow.js counterpart',
        '模式 1 和 2（按样本、按批次逐特征归一化）在 Keras 2 中已被移除，TensorFlow.js 中也没有对应',
      ),
      beta_init: initializerAs('beta_initializer'),
      gamma_init: initializerAs('gamma_initializer'),
      gamma_regularizer: settingAs('gamma_regularizer'),
      beta_regularizer: settingAs('beta_regularizer'),
    },
  },
  Embedding: {
    to: 'Embedding',
    keys: {
      input_dim: same,
      output_dim: same,
      input_length: readWithOthers,
      init: initializerAs('embeddings_initializer'),
      W_regularizer: settingAs('embeddings_regularizer'),
      activity_regularizer: same,
      W_constraint: settingAs('embeddings_constraint'),
      mask_zero: same,
      dropout: onlyOff(
        0,
        'Keras 2 dropped the Embedding dropout; put a Dropout layer after it',
        'Keras 2 移除了 Embedding 的 dropout；请在其后加一个 Dropout 层',
      ),
    },
    inputAxes: ['input_length'],
  },
  SimpleRNN: {
    to: 'SimpleRNN',
    keys: RECURRENT,
    required: ['output_dim'],
    inputAxes: ['input_length', 'input_dim'],
  },
  GRU: { to: 'GRU', keys: GATED, required: ['output_dim'], inputAxes: ['input_length', 'input_dim'] },
  LSTM: {
    to: 'LSTM',
    keys: { ...GATED, forget_bias_init: initializerAs('forget_bias_initializer') },
    required: ['output_dim'],
    inputAxes: ['input_length', 'input_dim'],
  },
  PReLU: { to: 'PReLU', keys: { init: initializerAs('alpha_initializer') } },
};

/** Keys that only Keras 1 wrote: one of them marks a config of a Keras 2 class name as Keras 1. */
export const KERAS1_KEYS = new Set(
  (
    'nb_filter nb_row nb_col border_mode subsample dim_ordering init W_regularizer ' +
    'b_regularizer W_constraint b_constraint output_dim p mode pool_length stride ' +
    'filter_length subsample_length inner_init inner_activation U_regularizer dropout_W dropout_U consume_less ' +
    'sigma length input_dtype atrous_rate bias beta_init gamma_init'
  ).split(' '),
);

/** Keras 1 layers with no Keras 2 counterpart that keeps their meaning. */
export const GONE: Record<string, { en: string; zh: string }> = {
  TimeDistributedDense: { en: 'use TimeDistributed(Dense)', zh: '请改用 TimeDistributed(Dense)' },
  MaxoutDense: { en: 'Keras 2 removed it', zh: 'Keras 2 已移除该层' },
  Highway: { en: 'Keras 2 removed it', zh: 'Keras 2 已移除该层' },
  Deconvolution2D: {
    en: 'its output_shape cannot be read unambiguously as Keras 2 / TensorFlow.js Conv2DTranspose; re-save it with Keras 2',
    zh: '它的 output_shape 无法无歧义地读作 Keras 2 / TensorFlow.js 的 Conv2DTranspose；请用 Keras 2 重新保存',
  },
};
