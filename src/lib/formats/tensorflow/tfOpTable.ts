/**
 * Which converter reads each TensorFlow op. An op missing here has no layer: inside the
 * network it is an error naming the node; after the network's output it is left out.
 */
import type { Converter } from './tfBuild';
import { biasAdd, conv2d, conv3d, depthwiseConv2d, matMul, placeholder, split } from './tfConvOps';
import { ACTIVATION_OPS, activation, add, divide, maximum, mul, passThrough, sub } from './tfMathOps';
import { fusedBatchNorm, lrn } from './tfNormOps';
import { concat, expandDims, globalPooling, pad, pooling, reshape, squeeze } from './tfShapeOps';
import { PASS_OPS } from './tfEval';
import { mergeOp, switchOp } from './tfControlOps';

export const CONVERTERS: Record<string, Converter> = {
  Placeholder: placeholder,
  PlaceholderV2: placeholder,
  PlaceholderWithDefault: placeholder,
  Conv2D: conv2d,
  DepthwiseConv2dNative: depthwiseConv2d,
  Conv3D: conv3d,
  MatMul: matMul,
  BiasAdd: biasAdd,
  BiasAddV1: biasAdd,
  Split: split,
  ...Object.fromEntries(Object.keys(ACTIVATION_OPS).map((op) => [op, activation])),
  Add: add,
  AddV2: add,
  AddN: add,
  Sub: sub,
  Mul: mul,
  RealDiv: divide,
  Div: divide,
  Maximum: maximum,
  FusedBatchNorm: fusedBatchNorm,
  FusedBatchNormV2: fusedBatchNorm,
  FusedBatchNormV3: fusedBatchNorm,
  LRN: lrn,
  MaxPool: pooling('MaxPooling2D', 2),
  MaxPoolV2: pooling('MaxPooling2D', 2),
  AvgPool: pooling('AveragePooling2D', 2),
  MaxPool3D: pooling('MaxPooling3D', 3),
  AvgPool3D: pooling('AveragePooling3D', 3),
  Mean: globalPooling('Average'),
  Max: globalPooling('Max'),
  Reshape: reshape,
  Squeeze: squeeze,
  ExpandDims: expandDims,
  Pad: pad,
  PadV2: pad,
  MirrorPad: pad,
  ConcatV2: concat,
  Concat: concat,
  Cast: passThrough,
  Switch: switchOp,
  Merge: mergeOp,
  ...Object.fromEntries([...PASS_OPS].map((op) => [op, passThrough])),
};

/**
 * Ops with weights or a window: a placeholder that reaches one on its own feeds the network
 * (a label placeholder only meets the network in the loss, or in arithmetic such as smoothing).
 */
const LAYER_EVIDENCE = new Set([
  'Conv2D',
  'DepthwiseConv2dNative',
  'Conv3D',
  'MatMul',
  'BiasAdd',
  'MaxPool',
  'MaxPoolV2',
  'AvgPool',
  'MaxPool3D',
  'AvgPool3D',
  'FusedBatchNorm',
  'FusedBatchNormV2',
  'FusedBatchNormV3',
  'LRN',
]);

export const isLayerOp = (op: string): boolean => LAYER_EVIDENCE.has(op);
export const hasConverter = (op: string): boolean => op in CONVERTERS;
