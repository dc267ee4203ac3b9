/** DepthwiseConv2D: one small kernel per input channel, with no mixing between channels. */
import type { LayerDef } from './types';
import { activationParam, bool, ints, num, paddingParam, str, useBiasParam } from './shared/params';
import { depthMultiplierParam, kernelSizeParam, stridesParam } from './shared/windowParams';
import { product, window2d } from './shared/windowMath';
import {
  readActivation,
  readBool,
  readInt,
  readPadding,
  readTuple,
  refuseUnless,
  requireChannelsLast,
} from './shared/kerasConfig';

export const depthwiseConv2d: LayerDef = {
  type: 'DepthwiseConv2D',
  category: 'Vision',
  description: {
    en: 'Filters every input channel on its own with its own small kernel, instead of adding over all channels as a normal convolution does. It costs a fraction of a full convolution; MobileNet pairs it with a 1×1 convolution that then mixes the channels.',
    zh: '用各自的小卷积核分别对每个输入通道滤波，而不像普通卷积那样在所有通道上求和。它的计算量只是完整卷积的一小部分；MobileNet 把它与随后混合通道的 1×1 卷积搭配使用。',
  },
  // tfjs' DepthwiseConv2D ignores dilation_rate, so it is not offered.
  params: [
    kernelSizeParam(2),
    stridesParam(2),
    paddingParam,
    depthMultiplierParam,
    activationParam,
    useBiasParam,
  ],
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    const r = window2d(input, ints(p, 'kernelSize'), ints(p, 'strides'), [1, 1], str(p, 'padding'), {
      en: 'kernel',
      zh: '卷积核',
    });
    if ('error' in r) return r;
    return { shape: [...r.size, (input[2] ?? 0) * num(p, 'depthMultiplier')] };
  },
  weights(p, [input = []]) {
    const channels = input[2] ?? 0;
    const multiplier = num(p, 'depthMultiplier');
    const w = [{ name: 'depthwise_kernel', shape: [...ints(p, 'kernelSize'), channels, multiplier] }];
    return bool(p, 'useBias') ? [...w, { name: 'bias', shape: [channels * multiplier] }] : w;
  },
  countMacs: (p, _inputs, out) => product(out) * product(ints(p, 'kernelSize')),
  keras: {
    className: 'DepthwiseConv2D',
    toConfig: (p) => ({
      kernel_size: ints(p, 'kernelSize'),
      strides: ints(p, 'strides'),
      padding: str(p, 'padding'),
      depth_multiplier: num(p, 'depthMultiplier'),
      data_format: 'channels_last',
      activation: str(p, 'activation'),
      use_bias: bool(p, 'useBias'),
    }),
    fromConfig: (c) => {
      requireChannelsLast(c);
      refuseUnless(c, 'dilation_rate', [1, [1, 1]]);
      return {
        kernelSize: readTuple(c, 'kernel_size', 2),
        strides: readTuple(c, 'strides', 2, { dflt: [1, 1] }),
        padding: readPadding(c),
        depthMultiplier: readInt(c, 'depth_multiplier', { dflt: 1, min: 1 }),
        activation: readActivation(c, 'activation', 'linear'),
        useBias: readBool(c, 'use_bias', true),
      };
    },
  },
};
