/**
 * One GroupedConv2D output value (Caffe's `group`, PyTorch's `groups`). The C input channels
 * and F filters are split into G groups in order; filter o belongs to group g = ⌊o / (F/G)⌋
 * and reads only input channels g·C/G … (g+1)·C/G − 1. Layout as tfjs would have it: input
 * NHWC [H, W, C], kernel [kh, kw, C/G, F] (filter o's slice is column o), bias [F]; so the
 * value is an ordinary convolution of the group's channel slice with K[:, :, :, o].
 */
import type { TensorData } from '../tensor/types';
import type { LayerParams } from '../spec/types';
import { hwcShape, requireIndex, type CellPosition } from '../tensor/layout';
import { windowTaps } from '../tensor/window';
import {
  activateAt,
  biasOf,
  convAt,
  convPlan,
  convSumAt,
  type ConvLayerParams,
  type ConvPositionResult,
  type ConvWeights,
} from './convolution';

export interface ChannelGroup {
  group: number;
  groups: number;
  /** The input channels the group's filters read: first … first + count − 1. */
  firstInput: number;
  inputCount: number;
  /** The group's filters: first … first + count − 1. */
  firstFilter: number;
  filterCount: number;
}

export function groupsParam(params: LayerParams): number {
  return typeof params.groups === 'number' ? params.groups : 1;
}

/** The group of filter `outChannel`, with the channels it sees. */
export function groupOfFilter(
  outChannel: number,
  inChannels: number,
  filters: number,
  groups: number,
): ChannelGroup {
  if (!Number.isInteger(groups) || groups < 1 || inChannels % groups !== 0 || filters % groups !== 0)
    throw new RangeError(
      `${inChannels} input channels and ${filters} filters do not split into ${groups} groups`,
    );
  requireIndex(outChannel, filters, 'filter');
  const filterCount = filters / groups;
  const inputCount = inChannels / groups;
  const group = Math.floor(outChannel / filterCount);
  return {
    group,
    groups,
    firstInput: group * inputCount,
    inputCount,
    firstFilter: group * filterCount,
    filterCount,
  };
}

/** Channels first … first + count − 1 of an [H, W, C] map, as their own map. */
export function channelSlice(input: TensorData, first: number, count: number): TensorData {
  const [height, width, channels] = hwcShape(input, 'grouped input');
  if (first < 0 || first + count > channels)
    throw new RangeError(`channels ${first}…${first + count - 1} are outside 0…${channels - 1}`);
  const data = new Float32Array(height * width * count);
  for (let p = 0; p < height * width; p++)
    for (let c = 0; c < count; c++) data[p * count + c] = input.data[p * channels + first + c] ?? 0;
  return { data, shape: [height, width, count] };
}

function checkKernel(input: TensorData, weights: ConvWeights, groups: number): number {
  const channels = input.shape[2] ?? 0;
  const perGroup = weights.kernel.shape[2] ?? 0;
  if (perGroup * groups !== channels)
    throw new RangeError(
      `a kernel over ${perGroup} channels per group does not fit ${channels} input channels in ${groups} groups`,
    );
  return weights.kernel.shape[3] ?? 0;
}

/**
 * Filter o at one position, with the input channels numbered as in the whole input (the
 * terms' `inChannel` runs over the group's channels only).
 */
export function groupedConvAt(
  input: TensorData,
  weights: ConvWeights,
  params: ConvLayerParams,
  groups: number,
  at: CellPosition,
): ConvPositionResult & { group: ChannelGroup } {
  const filters = checkKernel(input, weights, groups);
  const group = groupOfFilter(at.channel, input.shape[2] ?? 0, filters, groups);
  const slices = Array.from({ length: groups }, (_, g) =>
    channelSlice(input, g * group.inputCount, group.inputCount),
  );
  const own = slices[group.group] as TensorData;
  const result = convAt(own, weights, params, at);
  const channels = result.channels.map((c) => ({ ...c, inChannel: c.inChannel + group.firstInput }));
  if (params.activation !== 'softmax') return { ...result, channels, group };
  // Softmax over the filters needs every group's pre-activation here, each from its own slice.
  const taps = windowTaps(convPlan(own, weights, params), at.row, at.col);
  const all = Array.from({ length: filters }, (_, o) => {
    const slice = slices[Math.floor(o / group.filterCount)] as TensorData;
    return convSumAt(slice, weights, taps, o) + biasOf(weights, o);
  });
  return {
    ...result,
    channels,
    group,
    value: activateAt('softmax', result.preActivation, () => all, at.channel),
  };
}

/** The whole layer output [outH, outW, F] after the activation; for checks. */
export function groupedConvLayer(
  input: TensorData,
  weights: ConvWeights,
  params: ConvLayerParams,
  groups: number,
): TensorData {
  const filters = checkKernel(input, weights, groups);
  const first = groupOfFilter(0, input.shape[2] ?? 0, filters, groups);
  const slices = Array.from({ length: groups }, (_, g) =>
    channelSlice(input, g * first.inputCount, first.inputCount),
  );
  const plan = convPlan(slices[0] as TensorData, weights, params);
  const data = new Float32Array(plan.outputHeight * plan.outputWidth * filters);
  for (let r = 0; r < plan.outputHeight; r++)
    for (let c = 0; c < plan.outputWidth; c++) {
      const taps = windowTaps(plan, r, c);
      const pre = Array.from({ length: filters }, (_, o) => {
        const slice = slices[Math.floor(o / first.filterCount)] as TensorData;
        return convSumAt(slice, weights, taps, o) + biasOf(weights, o);
      });
      pre.forEach(
        (v, o) =>
          (data[(r * plan.outputWidth + c) * filters + o] = activateAt(params.activation, v, () => pre, o)),
      );
    }
  return { data, shape: [plan.outputHeight, plan.outputWidth, filters] };
}
