/**
 * One Conv2D output value, written out as the formula view shows it. Layout as tfjs: the
 * input activation is NHWC [H, W, inC] without the batch axis, the kernel [kh, kw, inC, outC]
 * and the bias [outC], all row-major. The value at (row, col, o) is
 *   Σ_c Σ_ky Σ_kx x[row·sh − padTop + ky·dh, col·sw − padLeft + kx·dw, c] · K[ky, kx, c, o] + b[o]
 * with zeros outside the input (same padding), then the layer's activation.
 */
import type { TensorData, LayerWeights } from '../tensor/types';
import type { LayerParams } from '../spec/types';
import { findWeight, hwcShape, pairParam, readHwc, requireIndex, type CellPosition } from '../tensor/layout';
import {
  planWindow,
  windowTaps,
  type WindowGeometry,
  type WindowPlan,
  type WindowTap,
} from '../tensor/window';
import { activationFunction } from '../tensor/activations';
import { softmax } from './softmax';

export interface ConvLayerParams extends WindowGeometry {
  /** Layer activation name (`linear`, `relu`, … or `softmax` over the channels). */
  activation: string;
}

export interface ConvWeights {
  /** [kh, kw, inC, outC]. */
  kernel: TensorData;
  /** [outC]; absent when the layer has no bias. */
  bias?: TensorData;
}

/** A window cell with the input value it holds: 0 for same-padding cells. */
export interface ConvCell extends WindowTap {
  value: number;
}

export interface ConvChannelTerms {
  inChannel: number;
  /** Window cells, kernel row by kernel row. */
  cells: ConvCell[];
  /** K[ky, kx, inChannel, outChannel] in the same order as `cells`. */
  kernel: number[];
  /** cells[i].value · kernel[i]. */
  products: number[];
  /** Σ products: this input channel's share of the output. */
  sum: number;
}

export interface ConvPositionResult {
  outRow: number;
  outCol: number;
  outChannel: number;
  channels: ConvChannelTerms[];
  /** Σ over input channels of their sums. */
  total: number;
  bias: number;
  /** total + bias. */
  preActivation: number;
  activation: string;
  /** The layer's output: activation(preActivation); for softmax, over all output channels here. */
  value: number;
}

/** Reads a Conv2D layer's params from a spec layer. */
export function convParams(params: LayerParams): ConvLayerParams {
  return {
    kernel: pairParam(params.kernelSize, [3, 3]),
    strides: pairParam(params.strides, [1, 1]),
    dilation: pairParam(params.dilation, [1, 1]),
    padding: params.padding === 'same' ? 'same' : 'valid',
    activation: typeof params.activation === 'string' ? params.activation : 'linear',
  };
}

/** Picks the kernel and bias out of an Explanation's weight list for one layer. */
export function convWeights(weights: readonly LayerWeights[] | undefined): ConvWeights {
  const kernel = findWeight(weights, 'kernel');
  if (!kernel) throw new RangeError('the layer has no kernel weights');
  const bias = findWeight(weights, 'bias');
  return bias ? { kernel, bias } : { kernel };
}

/** Output size and padding of the layer over this input; checks the kernel fits the input. */
export function convPlan(input: TensorData, weights: ConvWeights, params: ConvLayerParams): WindowPlan {
  const [height, width, channels] = hwcShape(input, 'conv input');
  const [kh, kw, kc, outChannels] = weights.kernel.shape;
  if (
    weights.kernel.shape.length !== 4 ||
    kh !== params.kernel[0] ||
    kw !== params.kernel[1] ||
    kc !== channels
  )
    throw new RangeError(
      `kernel [${weights.kernel.shape.join(', ')}] does not match a ${params.kernel.join('×')} kernel over ${channels} channels`,
    );
  if (weights.bias && weights.bias.data.length !== outChannels)
    throw new RangeError(`bias has ${weights.bias.data.length} values for ${outChannels} filters`);
  return planWindow(height, width, params);
}

export function outputChannelCount(weights: ConvWeights): number {
  return weights.kernel.shape[3] ?? 0;
}

/** Offset of K[ky, kx, c, o] in the row-major [kh, kw, inC, outC] kernel. */
export function kernelIndex(
  kernelShape: readonly number[],
  ky: number,
  kx: number,
  c: number,
  o: number,
): number {
  const [, kw = 0, inC = 0, outC = 0] = kernelShape;
  return ((ky * kw + kx) * inC + c) * outC + o;
}

/** Σ over channels and taps at one position, without bias; the fast path for whole maps. */
export function convSumAt(
  input: TensorData,
  weights: ConvWeights,
  taps: readonly WindowTap[],
  outChannel: number,
): number {
  const channels = input.shape[2] ?? 0;
  let total = 0;
  for (const tap of taps) {
    if (tap.source === 'padding') continue;
    for (let c = 0; c < channels; c++)
      total +=
        readHwc(input, tap.row, tap.col, c) *
        (weights.kernel.data[
          kernelIndex(weights.kernel.shape, tap.kernelRow, tap.kernelCol, c, outChannel)
        ] ?? 0);
  }
  return total;
}

export function biasOf(weights: ConvWeights, outChannel: number): number {
  return weights.bias?.data[outChannel] ?? 0;
}

/** Applies the layer activation to one position; softmax needs every channel's pre-activation there. */
export function activateAt(
  activation: string,
  preActivation: number,
  allChannels: () => number[],
  outChannel: number,
): number {
  if (activation === 'softmax') return softmax(allChannels())[outChannel] ?? Number.NaN;
  return activationFunction(activation)(preActivation);
}

/** The whole computation of one output value, channel by channel and cell by cell. */
export function convAt(
  input: TensorData,
  weights: ConvWeights,
  params: ConvLayerParams,
  at: CellPosition,
): ConvPositionResult {
  const plan = convPlan(input, weights, params);
  const outChannels = outputChannelCount(weights);
  requireIndex(at.channel, outChannels, 'output channel');
  const taps = windowTaps(plan, at.row, at.col);
  const inChannels = input.shape[2] ?? 0;
  const channels: ConvChannelTerms[] = [];
  for (let c = 0; c < inChannels; c++) {
    const cells = taps.map((tap) => ({
      ...tap,
      value: tap.source === 'input' ? readHwc(input, tap.row, tap.col, c) : 0,
    }));
    const kernel = taps.map(
      (tap) =>
        weights.kernel.data[kernelIndex(weights.kernel.shape, tap.kernelRow, tap.kernelCol, c, at.channel)] ??
        0,
    );
    const products = cells.map((cell, i) => cell.value * (kernel[i] ?? 0));
    channels.push({ inChannel: c, cells, kernel, products, sum: products.reduce((a, b) => a + b, 0) });
  }
  const total = channels.reduce((a, ch) => a + ch.sum, 0);
  const bias = biasOf(weights, at.channel);
  const preActivation = total + bias;
  const allChannels = () =>
    Array.from({ length: outChannels }, (_, o) => convSumAt(input, weights, taps, o) + biasOf(weights, o));
  return {
    outRow: at.row,
    outCol: at.col,
    outChannel: at.channel,
    channels,
    total,
    bias,
    preActivation,
    activation: params.activation,
    value: activateAt(params.activation, preActivation, allChannels, at.channel),
  };
}
