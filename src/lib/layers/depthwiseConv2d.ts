/** DepthwiseConv2D: one small kernel per input channel, with no mixing between channels. */
import type { LayerDef } from './types';
import { bool, ints, num, str } from './shared/params';
import { convParamDefs, convParamsFromKeras, depthMultiplierParam } from './shared/windowParams';
import { readInt } from './shared/kerasConfig';
import { product, window2d } from './shared/windowMath';

export const depthwiseConv2d: LayerDef = {
  type: 'DepthwiseConv2D',
  category: 'Vision',
  description: {
    en: 'Filters every input channel on its own with its own small kernel, instead of adding over all channels as a normal convolution does. It costs a fraction of a full convolution; MobileNet pairs it with a 1×1 convolution that then mixes the channels.',
    zh: '用各自的小卷积核分别对每个输入通道滤波，而不像普通卷积那样在所有通道上求和。它的计算量只是完整卷积的一小部分；MobileNet 把它与随后混合通道的 1×1 卷积搭配使用。',
  },
  // One kernel per input channel, so no filters; tfjs' DepthwiseConv2D ignores dilation_rate, so it is not offered.
  params: convParamDefs(2, { filters: false, dilation: false, extra: [depthMultiplierParam] }),
  formula: 'depthwise',
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
    fromConfig: (c) =>
      convParamsFromKeras(c, 2, {
        filters: false,
        dilation: false,
        own: { depthMultiplier: readInt(c, 'depth_multiplier', { dflt: 1, min: 1 }) },
      }),
  },
};
