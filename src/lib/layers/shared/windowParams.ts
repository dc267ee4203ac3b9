/** Parameter definitions shared by the sliding-window layers (convolutions and pooling). */
import type { LayerParams } from '../../spec/types';
import type { ParamDef } from '../types';
import { activationParam, paddingParam, useBiasParam } from './params';
import {
  readActivation,
  readBool,
  readInt,
  readPadding,
  readTuple,
  refuseUnless,
  requireChannelsLast,
} from './kerasConfig';

/** How the axes of an N-D window read in help text. */
const AXIS_NAMES: Record<number, { en: string; zh: string }> = {
  1: { en: 'Length', zh: '长度' },
  2: { en: 'Height and width', zh: '高和宽' },
  3: { en: 'Depth, height and width', zh: '深、高和宽' },
};

function axisNames(rank: number): { en: string; zh: string } {
  return AXIS_NAMES[rank] ?? { en: 'Sizes', zh: '大小' };
}

export const filtersParam: ParamDef = {
  name: 'filters',
  kind: 'int',
  default: 10,
  min: 1,
  max: 4096,
  label: { en: 'Filters', zh: '卷积核数' },
  help: {
    en: 'Number of kernels, which is the number of output channels.',
    zh: '卷积核的个数，即输出通道数。',
  },
};

export function kernelSizeParam(rank: number, size = 3): ParamDef {
  const axes = axisNames(rank);
  return {
    name: 'kernelSize',
    kind: 'ints',
    default: Array.from({ length: rank }, () => size),
    min: 1,
    max: 64,
    lengths: [rank],
    label: { en: 'Kernel size', zh: '卷积核大小' },
    help: { en: `${axes.en} of each kernel.`, zh: `每个卷积核的${axes.zh}。` },
  };
}

export function stridesParam(rank: number, step = 1, max = 16): ParamDef {
  return {
    name: 'strides',
    kind: 'ints',
    default: Array.from({ length: rank }, () => step),
    min: 1,
    max,
    lengths: [rank],
    label: { en: 'Strides', zh: '步长' },
    help: {
      en: 'How far the window moves between positions, along each axis.',
      zh: '窗口在每个维度上每次移动的距离。',
    },
  };
}

export function dilationParam(rank: number): ParamDef {
  return {
    name: 'dilation',
    kind: 'ints',
    default: Array.from({ length: rank }, () => 1),
    min: 1,
    max: 16,
    lengths: [rank],
    label: { en: 'Dilation', zh: '膨胀率' },
    help: {
      en: 'Spacing between the kernel taps; 2 spreads a 3-wide kernel over 5 inputs.',
      zh: '卷积核采样点之间的间隔；为 2 时宽 3 的卷积核覆盖 5 个输入。',
    },
  };
}

export function poolSizeParam(rank: number): ParamDef {
  const axes = axisNames(rank);
  return {
    name: 'poolSize',
    kind: 'ints',
    default: Array.from({ length: rank }, () => 2),
    min: 1,
    max: 64,
    lengths: [rank],
    label: { en: 'Pool size', zh: '池化窗口' },
    help: { en: `${axes.en} of the pooling window.`, zh: `池化窗口的${axes.zh}。` },
  };
}

export const depthMultiplierParam: ParamDef = {
  name: 'depthMultiplier',
  kind: 'int',
  default: 1,
  min: 1,
  max: 64,
  label: { en: 'Depth multiplier', zh: '深度乘数' },
  help: {
    en: 'How many kernels each input channel gets; the output has channels × this many maps.',
    zh: '每个输入通道使用的卷积核个数；输出有 通道数 × 该值 个特征图。',
  },
};

/** What a convolution-like layer offers besides its kernel size; each defaults to the Conv2D choice. */
export interface ConvParamOptions {
  /** Filters (the output channels); false for depthwise kernels, whose count follows the input. */
  filters?: boolean;
  /** The strides definition, when the layer allows other values or says more. */
  strides?: ParamDef;
  /** The padding definition, or false when only valid padding exists. */
  padding?: ParamDef | false;
  /** Dilation; false where tfjs ignores or lacks it. */
  dilation?: boolean;
  /** The layer's own parameters, listed after the window's and before activation and bias. */
  extra?: readonly ParamDef[];
}

/**
 * The parameter list of a convolution over `rank` axes, in the order the panels show it:
 * filters, kernel size, strides, padding, dilation, the layer's own, activation, bias.
 */
export function convParamDefs(rank: number, options: ConvParamOptions = {}): ParamDef[] {
  const { filters = true, strides = stridesParam(rank), padding = paddingParam, dilation = true } = options;
  return [
    ...(filters ? [filtersParam] : []),
    kernelSizeParam(rank),
    strides,
    ...(padding ? [padding] : []),
    ...(dilation ? [dilationParam(rank)] : []),
    ...(options.extra ?? []),
    activationParam,
    useBiasParam,
  ];
}

/**
 * The params convParamDefs lists, read strictly from a Keras config in the same order (see
 * kerasConfig.ts): what the config leaves out takes Keras' own default, a wrong value is
 * refused naming the field. `own` holds the layer's own params, already read; `refuse` the
 * Keras options the layer does not model, with the values that mean "off". A layer without
 * dilation refuses a dilation other than 1, and every convolution refuses channels_first.
 */
export function convParamsFromKeras(
  c: Record<string, unknown>,
  rank: number,
  options: Pick<ConvParamOptions, 'filters' | 'dilation'> & {
    own?: LayerParams;
    refuse?: Record<string, readonly unknown[]>;
  } = {},
): LayerParams {
  const { filters = true, dilation = true } = options;
  const ones = Array.from({ length: rank }, () => 1);
  requireChannelsLast(c);
  for (const [field, off] of Object.entries(options.refuse ?? {})) refuseUnless(c, field, off);
  if (!dilation) refuseUnless(c, 'dilation_rate', [1, ones]);
  return {
    ...(filters ? { filters: readInt(c, 'filters', { min: 1 }) } : {}),
    kernelSize: readTuple(c, 'kernel_size', rank),
    strides: readTuple(c, 'strides', rank, { dflt: ones }),
    padding: readPadding(c),
    ...(dilation ? { dilation: readTuple(c, 'dilation_rate', rank, { dflt: ones }) } : {}),
    ...options.own,
    activation: readActivation(c, 'activation', 'linear'),
    useBias: readBool(c, 'use_bias', true),
  };
}
