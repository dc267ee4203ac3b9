/**
 * One DepthwiseConv2D output value. Layout as tfjs: the input is NHWC [H, W, C] without the
 * batch axis, the depthwise kernel [kh, kw, C, M] (M = depth multiplier) and the bias [C·M].
 * Output channel o = c·M + m reads input channel c only, with its own kernel K[:, :, c, m]:
 *   y(row, col, o) = act( Σ_ky Σ_kx x[row·sh − padTop + ky, col·sw − padLeft + kx, c] · K[ky, kx, c, m] + b[o] )
 * with zeros outside the input (same padding). No channel is mixed with another.
 */
import type { LayerWeights, TensorData } from '../tensor/types';
import type { LayerParams } from '../spec/types';
import { findWeight, hwcShape, readHwc, requireIndex, type CellPosition } from '../tensor/layout';
import { planWindow, windowTaps, type WindowPlan, type WindowTap } from '../tensor/window';
import { activateAt, convParams, type ConvCell, type ConvLayerParams } from './convolution';

export interface DepthwiseWeights {
  /** [kh, kw, C, M]. */
  kernel: TensorData;
  /** [C·M]; absent without bias. */
  bias?: TensorData;
}

export interface DepthwiseTerms {
  /** The channel of the layer's output (c·M + m). */
  outChannel: number;
  /** The one input channel it reads. */
  inChannel: number;
  /** Which of that channel's M kernels. */
  multiplier: number;
  cells: ConvCell[];
  /** K[ky, kx, c, m] in the order of `cells`. */
  kernel: number[];
  products: number[];
  sum: number;
}

export interface DepthwisePositionResult extends DepthwiseTerms {
  outRow: number;
  outCol: number;
  bias: number;
  preActivation: number;
  activation: string;
  value: number;
}

/** The layer's geometry: tfjs' DepthwiseConv2D has no dilation, so it is always 1. */
export function depthwiseParams(params: LayerParams): ConvLayerParams {
  return { ...convParams(params), dilation: [1, 1] };
}

export function depthwiseWeights(weights: readonly LayerWeights[] | undefined): DepthwiseWeights {
  const kernel = findWeight(weights, 'depthwise_kernel');
  if (!kernel) throw new RangeError('the layer has no depthwise_kernel weights');
  const bias = findWeight(weights, 'bias');
  return bias ? { kernel, bias } : { kernel };
}

/** Which input channel, and which of its kernels, output channel `o` comes from. */
export function depthwiseSource(
  outChannel: number,
  multiplier: number,
): { inChannel: number; multiplier: number } {
  return { inChannel: Math.floor(outChannel / multiplier), multiplier: outChannel % multiplier };
}

/** Output size and padding over this input; checks the kernel fits the input's channels. */
export function depthwisePlan(
  input: TensorData,
  weights: DepthwiseWeights,
  params: ConvLayerParams,
): WindowPlan {
  const [height, width, channels] = hwcShape(input, 'depthwise input');
  const [kh, kw, kc, m] = weights.kernel.shape;
  if (
    weights.kernel.shape.length !== 4 ||
    kh !== params.kernel[0] ||
    kw !== params.kernel[1] ||
    kc !== channels
  )
    throw new RangeError(
      `depthwise kernel [${weights.kernel.shape.join(', ')}] does not match a ${params.kernel.join('×')} kernel over ${channels} channels`,
    );
  if (weights.bias && weights.bias.data.length !== channels * (m ?? 1))
    throw new RangeError(
      `bias has ${weights.bias.data.length} values for ${channels * (m ?? 1)} output channels`,
    );
  return planWindow(height, width, params);
}

function multiplierOf(weights: DepthwiseWeights): number {
  return weights.kernel.shape[3] ?? 1;
}

/** Output channels: C·M. */
export function depthwiseOutputChannels(weights: DepthwiseWeights): number {
  return (weights.kernel.shape[2] ?? 0) * multiplierOf(weights);
}

function kernelAt(weights: DepthwiseWeights, ky: number, kx: number, c: number, m: number): number {
  const [, kw = 0, channels = 0, multiplier = 1] = weights.kernel.shape;
  return weights.kernel.data[((ky * kw + kx) * channels + c) * multiplier + m] ?? 0;
}

/** One output channel's window sum at one position, without bias, term by term. */
export function depthwiseTerms(
  input: TensorData,
  weights: DepthwiseWeights,
  taps: readonly WindowTap[],
  outChannel: number,
): DepthwiseTerms {
  const { inChannel, multiplier } = depthwiseSource(outChannel, multiplierOf(weights));
  const cells = taps.map((tap) => ({
    ...tap,
    value: tap.source === 'input' ? readHwc(input, tap.row, tap.col, inChannel) : 0,
  }));
  const kernel = taps.map((tap) => kernelAt(weights, tap.kernelRow, tap.kernelCol, inChannel, multiplier));
  const products = cells.map((cell, i) => cell.value * (kernel[i] ?? 0));
  return {
    outChannel,
    inChannel,
    multiplier,
    cells,
    kernel,
    products,
    sum: products.reduce((a, b) => a + b, 0),
  };
}

function biasOf(weights: DepthwiseWeights, outChannel: number): number {
  return weights.bias?.data[outChannel] ?? 0;
}

/** The whole computation of one output value. */
export function depthwiseAt(
  input: TensorData,
  weights: DepthwiseWeights,
  params: ConvLayerParams,
  at: CellPosition,
): DepthwisePositionResult {
  const plan = depthwisePlan(input, weights, params);
  const outChannels = depthwiseOutputChannels(weights);
  requireIndex(at.channel, outChannels, 'output channel');
  const taps = windowTaps(plan, at.row, at.col);
  const terms = depthwiseTerms(input, weights, taps, at.channel);
  const bias = biasOf(weights, at.channel);
  const preActivation = terms.sum + bias;
  const allChannels = () =>
    Array.from(
      { length: outChannels },
      (_, o) => depthwiseTerms(input, weights, taps, o).sum + biasOf(weights, o),
    );
  return {
    ...terms,
    outRow: at.row,
    outCol: at.col,
    bias,
    preActivation,
    activation: params.activation,
    value: activateAt(params.activation, preActivation, allChannels, at.channel),
  };
}

/**
 * Output channel `o` before its activation, as a row-major outH·outW plane: input channel c
 * slid under its own kernel, plus the bias. Separable convolution mixes these planes.
 */
export function depthwisePlane(
  input: TensorData,
  weights: DepthwiseWeights,
  plan: WindowPlan,
  outChannel: number,
): Float32Array {
  const plane = new Float32Array(plan.outputHeight * plan.outputWidth);
  for (let r = 0; r < plan.outputHeight; r++)
    for (let c = 0; c < plan.outputWidth; c++)
      plane[r * plan.outputWidth + c] =
        depthwiseTerms(input, weights, windowTaps(plan, r, c), outChannel).sum + biasOf(weights, outChannel);
  return plane;
}

/** Output channel `o` after the activation (softmax over channels is left to the engine's map). */
export function depthwiseOutputPlane(
  input: TensorData,
  weights: DepthwiseWeights,
  params: ConvLayerParams,
  outChannel: number,
): Float32Array {
  const plan = depthwisePlan(input, weights, params);
  const pre = depthwisePlane(input, weights, plan, outChannel);
  if (params.activation === 'softmax') {
    const taps = (i: number) => windowTaps(plan, Math.floor(i / plan.outputWidth), i % plan.outputWidth);
    const all = depthwiseOutputChannels(weights);
    return pre.map((v, i) =>
      activateAt(
        'softmax',
        v,
        () =>
          Array.from(
            { length: all },
            (_, o) => depthwiseTerms(input, weights, taps(i), o).sum + biasOf(weights, o),
          ),
        outChannel,
      ),
    );
  }
  return pre.map((v) => activateAt(params.activation, v, () => [], outChannel));
}
