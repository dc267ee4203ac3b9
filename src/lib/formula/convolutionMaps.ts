/**
 * Whole-map convolution results for the 'elastic' drill-down view: for one output channel,
 * the map each input channel contributes on its own (its slice of the kernel slid over that
 * channel), which summed and biased give the output map. Input NHWC [H, W, inC], kernel
 * [kh, kw, inC, outC], maps returned as row-major outH·outW planes (one channel each).
 */
import type { TensorData } from '../tensor/types';
import { requireIndex } from '../tensor/layout';
import { windowTaps, type WindowPlan } from '../tensor/window';
import {
  activateAt,
  biasOf,
  convPlan,
  convSumAt,
  kernelIndex,
  outputChannelCount,
  type ConvLayerParams,
  type ConvWeights,
} from './convolution';

export interface ChannelContributionMaps {
  outChannel: number;
  height: number;
  width: number;
  /** One outH·outW plane per input channel: that channel convolved with K[:, :, c, outChannel]. */
  perInputChannel: Float32Array[];
  /** Σ of the planes above. */
  sum: Float32Array;
  bias: number;
  /** sum + bias. */
  preActivation: Float32Array;
  /** The layer's output channel after its activation. */
  output: Float32Array;
}

/** Every position's window taps, computed once and shared by all channels. */
function allTaps(plan: WindowPlan) {
  const taps = [];
  for (let r = 0; r < plan.outputHeight; r++)
    for (let c = 0; c < plan.outputWidth; c++) taps.push(windowTaps(plan, r, c));
  return taps;
}

export function channelContributionMaps(
  input: TensorData,
  weights: ConvWeights,
  params: ConvLayerParams,
  outChannel: number,
): ChannelContributionMaps {
  const plan = convPlan(input, weights, params);
  const outChannels = outputChannelCount(weights);
  requireIndex(outChannel, outChannels, 'output channel');
  const inChannels = input.shape[2] ?? 0;
  const size = plan.outputHeight * plan.outputWidth;
  const tapsByPosition = allTaps(plan);
  const perInputChannel = Array.from({ length: inChannels }, () => new Float32Array(size));
  tapsByPosition.forEach((taps, position) => {
    for (const tap of taps) {
      if (tap.source === 'padding') continue;
      const base = (tap.row * plan.inputWidth + tap.col) * inChannels;
      for (let c = 0; c < inChannels; c++) {
        const plane = perInputChannel[c];
        if (!plane) continue;
        const weight =
          weights.kernel.data[
            kernelIndex(weights.kernel.shape, tap.kernelRow, tap.kernelCol, c, outChannel)
          ] ?? 0;
        plane[position] = (plane[position] ?? 0) + (input.data[base + c] ?? 0) * weight;
      }
    }
  });
  const bias = biasOf(weights, outChannel);
  const sum = new Float32Array(size);
  for (const plane of perInputChannel)
    for (let i = 0; i < size; i++) sum[i] = (sum[i] ?? 0) + (plane[i] ?? 0);
  const preActivation = sum.map((v) => v + bias);
  const output = preActivation.map((v, position) =>
    activateAt(
      params.activation,
      v,
      () =>
        Array.from(
          { length: outChannels },
          (_, o) => convSumAt(input, weights, tapsByPosition[position] ?? [], o) + biasOf(weights, o),
        ),
      outChannel,
    ),
  );
  return {
    outChannel,
    height: plan.outputHeight,
    width: plan.outputWidth,
    perInputChannel,
    sum,
    bias,
    preActivation,
    output,
  };
}

/**
 * The input channel that adds the most to an output channel over its whole map (the largest
 * Σ|plane|; the first of equals): where a view of the convolution starts, so that a learner is
 * not first shown a dead channel, all zeros after a ReLU, times its kernel. 0 for no planes.
 */
export function strongestChannel(perInputChannel: readonly Float32Array[]): number {
  let best = 0;
  let bestSum = -1;
  perInputChannel.forEach((plane, c) => {
    const sum = planeMass(plane);
    if (sum > bestSum) [best, bestSum] = [c, sum];
  });
  return best;
}

/** Σ|v| over a channel's plane: how much it adds to the output, whatever the sign. */
export function planeMass(plane: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < plane.length; i++) sum += Math.abs(plane[i]!);
  return sum;
}

/** The whole layer output [outH, outW, outC] (after activation), NHWC; for checks and thumbnails. */
export function convolveLayer(input: TensorData, weights: ConvWeights, params: ConvLayerParams): TensorData {
  const plan = convPlan(input, weights, params);
  const outChannels = outputChannelCount(weights);
  const data = new Float32Array(plan.outputHeight * plan.outputWidth * outChannels);
  allTaps(plan).forEach((taps, position) => {
    const pre = Array.from(
      { length: outChannels },
      (_, o) => convSumAt(input, weights, taps, o) + biasOf(weights, o),
    );
    pre.forEach((v, o) => {
      data[position * outChannels + o] = activateAt(params.activation, v, () => pre, o);
    });
  });
  return { data, shape: [plan.outputHeight, plan.outputWidth, outChannels] };
}
