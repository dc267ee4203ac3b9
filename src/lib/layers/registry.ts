/**
 * The layer registry: every layer type the app knows, each defined once in its own module.
 * Adding a type means writing its module and listing it here. When several types map to
 * the same Keras class (Activation, ReLU), the first one listed is the one Keras configs
 * are read back as, so the general types come before their special cases.
 */
import type { LayerDef } from './types';
// Data
import { input } from './input';
// Vision
import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { conv3d } from './conv3d';
import { conv2dTranspose } from './conv2dTranspose';
import { depthwiseConv2d } from './depthwiseConv2d';
import { separableConv2d } from './separableConv2d';
import { groupedConv2d } from './groupedConv2d';
import { upSampling1d } from './upSampling1d';
import { upSampling2d } from './upSampling2d';
import { upSampling3d } from './upSampling3d';
import { locallyConnected1d } from './locallyConnected1d';
import { locallyConnected2d } from './locallyConnected2d';
import { maxPooling1d } from './maxPooling1d';
import { maxPooling2d } from './maxPooling2d';
import { maxPooling3d } from './maxPooling3d';
import { averagePooling1d } from './averagePooling1d';
import { averagePooling2d } from './averagePooling2d';
import { averagePooling3d } from './averagePooling3d';
import { globalMaxPooling1d } from './globalMaxPooling1d';
import { globalMaxPooling2d } from './globalMaxPooling2d';
import { globalMaxPooling3d } from './globalMaxPooling3d';
import { globalAveragePooling1d } from './globalAveragePooling1d';
import { globalAveragePooling2d } from './globalAveragePooling2d';
import { globalAveragePooling3d } from './globalAveragePooling3d';
// Recurrent
import { simpleRnn } from './simpleRnn';
import { gru } from './gru';
import { lstm } from './lstm';
// Utility
import { flatten } from './flatten';
import { reshape } from './reshape';
import { concatenate } from './concatenate';
import { add } from './add';
import { multiply } from './multiply';
import { average } from './average';
import { maximum } from './maximum';
import { subtract } from './subtract';
import { dot } from './dot';
import { permute } from './permute';
import { repeatVector } from './repeatVector';
import { activityRegularization } from './activityRegularization';
import { masking } from './masking';
import { zeroPadding2d } from './zeroPadding2d';
import { cropping2d } from './cropping2d';
// Activation
import { activation } from './activation';
import { relu } from './relu';
import { relu6 } from './relu6';
import { leakyRelu } from './leakyRelu';
import { prelu } from './prelu';
import { elu } from './elu';
import { thresholdedRelu } from './thresholdedRelu';
import { selu } from './selu';
import { softplus } from './softplus';
import { softsign } from './softsign';
import { sigmoid } from './sigmoid';
import { tanh } from './tanh';
import { hardSigmoid } from './hardSigmoid';
import { swish } from './swish';
import { hardSwish } from './hardSwish';
import { softmax } from './softmax';
// Normalization
import { batchNormalization } from './batchNormalization';
import { layerNormalization } from './layerNormalization';
import { lrn } from './lrn';
// Common
import { dense } from './dense';
import { dropout } from './dropout';
import { embedding } from './embedding';
// Noise
import { gaussianNoise } from './gaussianNoise';
import { gaussianDropout } from './gaussianDropout';
import { alphaDropout } from './alphaDropout';
// Wrapper
import { timeDistributed } from './timeDistributed';
import { bidirectional } from './bidirectional';
// Loss
import { softmaxCrossEntropy } from './softmaxCrossEntropy';
import { binaryCrossEntropy } from './binaryCrossEntropy';
import { meanSquaredError } from './meanSquaredError';
import { hinge } from './hinge';

export const LAYER_DEFS: readonly LayerDef[] = [
  input,
  conv1d,
  conv2d,
  conv3d,
  conv2dTranspose,
  depthwiseConv2d,
  separableConv2d,
  groupedConv2d,
  upSampling1d,
  upSampling2d,
  upSampling3d,
  locallyConnected1d,
  locallyConnected2d,
  maxPooling1d,
  maxPooling2d,
  maxPooling3d,
  averagePooling1d,
  averagePooling2d,
  averagePooling3d,
  globalMaxPooling1d,
  globalMaxPooling2d,
  globalMaxPooling3d,
  globalAveragePooling1d,
  globalAveragePooling2d,
  globalAveragePooling3d,
  simpleRnn,
  gru,
  lstm,
  flatten,
  reshape,
  concatenate,
  add,
  multiply,
  average,
  maximum,
  subtract,
  dot,
  permute,
  repeatVector,
  activityRegularization,
  masking,
  zeroPadding2d,
  cropping2d,
  activation,
  relu,
  relu6,
  leakyRelu,
  prelu,
  elu,
  thresholdedRelu,
  selu,
  softplus,
  softsign,
  sigmoid,
  tanh,
  hardSigmoid,
  swish,
  hardSwish,
  softmax,
  batchNormalization,
  layerNormalization,
  lrn,
  dense,
  dropout,
  embedding,
  gaussianNoise,
  gaussianDropout,
  alphaDropout,
  timeDistributed,
  bidirectional,
  softmaxCrossEntropy,
  binaryCrossEntropy,
  meanSquaredError,
  hinge,
];

const byType = new Map(LAYER_DEFS.map((d) => [d.type, d]));
const byKerasClass = new Map<string, LayerDef>();
for (const d of LAYER_DEFS)
  if (d.keras && !byKerasClass.has(d.keras.className)) byKerasClass.set(d.keras.className, d);

export function getLayerDef(type: string): LayerDef | undefined {
  return byType.get(type);
}

export function getLayerDefByKerasClass(className: string): LayerDef | undefined {
  return byKerasClass.get(className);
}
