/**
 * One SeparableConv2D output value: a depthwise step, then a pointwise (1×1) step. Layout as
 * tfjs: input NHWC [H, W, C] without the batch axis, depthwise kernel [kh, kw, C, M], pointwise
 * kernel [1, 1, C·M, N], bias [N]. With d_j the depthwise result of middle channel j = c·M + m
 * (input channel c under its own kernel K[:, :, c, m], no bias):
 *   y(row, col, o) = act( Σ_j d_j(row, col) · P[0, 0, j, o] + b[o] )
 */
import type { LayerWeights, TensorData } from '../tensor/types';
import type { LayerParams } from '../spec/types';
import { findWeight, requireIndex, type CellPosition } from '../tensor/layout';
import { windowTaps, type WindowPlan } from '../tensor/window';
import { activateAt, convParams, type ConvLayerParams } from './convolution';
import {
  depthwiseOutputChannels,
  depthwisePlan,
  depthwisePlane,
  depthwiseTerms,
  type DepthwiseTerms,
  type DepthwiseWeights,
} from './depthwise';

export interface SeparableWeights {
  depthwise: DepthwiseWeights;
  /** [1, 1, C·M, N]. */
  pointwise: TensorData;
  /** [N]; absent without bias. */
  bias?: TensorData;
}

export interface SeparablePositionResult {
  outRow: number;
  outCol: number;
  outChannel: number;
  /** The depthwise step: one entry per middle channel j = c·M + m. */
  depthwise: DepthwiseTerms[];
  /** P[0, 0, j, o] for every middle channel j. */
  pointwise: number[];
  /** d_j · P[j, o]. */
  products: number[];
  /** Σ products. */
  total: number;
  bias: number;
  preActivation: number;
  activation: string;
  value: number;
}

export function separableParams(params: LayerParams): ConvLayerParams {
  return convParams(params);
}

export function separableWeights(weights: readonly LayerWeights[] | undefined): SeparableWeights {
  const kernel = findWeight(weights, 'depthwise_kernel');
  const pointwise = findWeight(weights, 'pointwise_kernel');
  if (!kernel || !pointwise)
    throw new RangeError('the layer has no depthwise_kernel or pointwise_kernel weights');
  const bias = findWeight(weights, 'bias');
  return bias ? { depthwise: { kernel }, pointwise, bias } : { depthwise: { kernel }, pointwise };
}

/** Output size and padding; checks that the two kernels and the bias fit each other. */
export function separablePlan(
  input: TensorData,
  weights: SeparableWeights,
  params: ConvLayerParams,
): WindowPlan {
  const plan = depthwisePlan(input, weights.depthwise, params);
  const middle = depthwiseOutputChannels(weights.depthwise);
  const [ph, pw, pin, n] = weights.pointwise.shape;
  if (weights.pointwise.shape.length !== 4 || ph !== 1 || pw !== 1 || pin !== middle)
    throw new RangeError(
      `pointwise kernel [${weights.pointwise.shape.join(', ')}] does not take the ${middle} depthwise channels`,
    );
  if (weights.bias && weights.bias.data.length !== n)
    throw new RangeError(`bias has ${weights.bias.data.length} values for ${n} filters`);
  return plan;
}

export function separableOutputChannels(weights: SeparableWeights): number {
  return weights.pointwise.shape[3] ?? 0;
}

/** P[0, 0, j, o]. */
export function pointwiseWeight(weights: SeparableWeights, middle: number, outChannel: number): number {
  return weights.pointwise.data[middle * separableOutputChannels(weights) + outChannel] ?? 0;
}

function biasOf(weights: SeparableWeights, outChannel: number): number {
  return weights.bias?.data[outChannel] ?? 0;
}

function mix(weights: SeparableWeights, sums: readonly number[], outChannel: number): number {
  let total = 0;
  sums.forEach((d, j) => (total += d * pointwiseWeight(weights, j, outChannel)));
  return total;
}

export function separableAt(
  input: TensorData,
  weights: SeparableWeights,
  params: ConvLayerParams,
  at: CellPosition,
): SeparablePositionResult {
  const plan = separablePlan(input, weights, params);
  const outChannels = separableOutputChannels(weights);
  requireIndex(at.channel, outChannels, 'output channel');
  const taps = windowTaps(plan, at.row, at.col);
  const middle = depthwiseOutputChannels(weights.depthwise);
  const depthwise = Array.from({ length: middle }, (_, j) =>
    depthwiseTerms(input, weights.depthwise, taps, j),
  );
  const sums = depthwise.map((d) => d.sum);
  const pointwise = sums.map((_, j) => pointwiseWeight(weights, j, at.channel));
  const products = sums.map((d, j) => d * (pointwise[j] ?? 0));
  const total = products.reduce((a, b) => a + b, 0);
  const bias = biasOf(weights, at.channel);
  const preActivation = total + bias;
  const allChannels = () =>
    Array.from({ length: outChannels }, (_, o) => mix(weights, sums, o) + biasOf(weights, o));
  return {
    outRow: at.row,
    outCol: at.col,
    outChannel: at.channel,
    depthwise,
    pointwise,
    products,
    total,
    bias,
    preActivation,
    activation: params.activation,
    value: activateAt(params.activation, preActivation, allChannels, at.channel),
  };
}

export interface SeparableMaps {
  height: number;
  width: number;
  /** The depthwise step's output, one outH·outW plane per middle channel. */
  middle: Float32Array[];
  /** Output channel o after the pointwise mix, the bias and the activation. */
  output: Float32Array;
}

/** Whole maps for the view: every middle channel, and output channel `o`. */
export function separableMaps(
  input: TensorData,
  weights: SeparableWeights,
  params: ConvLayerParams,
  outChannel: number,
): SeparableMaps {
  const plan = separablePlan(input, weights, params);
  const outChannels = separableOutputChannels(weights);
  requireIndex(outChannel, outChannels, 'output channel');
  const middle = Array.from({ length: depthwiseOutputChannels(weights.depthwise) }, (_, j) =>
    depthwisePlane(input, weights.depthwise, plan, j),
  );
  const size = plan.outputHeight * plan.outputWidth;
  const output = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const sums = middle.map((plane) => plane[i] ?? 0);
    output[i] = activateAt(
      params.activation,
      mix(weights, sums, outChannel) + biasOf(weights, outChannel),
      () => Array.from({ length: outChannels }, (_, o) => mix(weights, sums, o) + biasOf(weights, o)),
      outChannel,
    );
  }
  return { height: plan.outputHeight, width: plan.outputWidth, middle, output };
}
