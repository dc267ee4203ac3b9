/**
 * SeparableConv2D: a depthwise convolution (one kernel per channel) followed by a 1×1
 * pointwise convolution that mixes channels, with one bias per output channel.
 */
import type { LayerDef } from './types';
import { bool, ints, num, str } from './shared/params';
import { convParamDefs, convParamsFromKeras, depthMultiplierParam } from './shared/windowParams';
import { readInt } from './shared/kerasConfig';
import { product } from './shared/windowMath';
import { convWindow } from './shared/convolution';

export const separableConv2d: LayerDef = {
  type: 'SeparableConv2D',
  category: 'Vision',
  description: {
    en: 'Splits a convolution in two steps: first each input channel is filtered on its own (depthwise), then a 1×1 convolution mixes the filtered channels into the outputs (pointwise). It sees the same window as a normal convolution with far fewer weights and multiplications, which is the idea behind Xception and MobileNet.',
    zh: '把卷积拆成两步：先对每个输入通道单独滤波（逐通道），再用 1×1 卷积把滤波后的通道混合成输出（逐点）。它与普通卷积看到同样大小的窗口，但权重和乘法少得多，这正是 Xception 和 MobileNet 的思路。',
  },
  params: convParamDefs(2, { extra: [depthMultiplierParam] }),
  formula: 'separable',
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    const r = convWindow(p, input);
    if ('error' in r) return r;
    return { shape: [...r.size, num(p, 'filters')] };
  },
  weights(p, [input = []]) {
    const channels = input[2] ?? 0;
    const multiplier = num(p, 'depthMultiplier');
    const filters = num(p, 'filters');
    const w = [
      { name: 'depthwise_kernel', shape: [...ints(p, 'kernelSize'), channels, multiplier] },
      { name: 'pointwise_kernel', shape: [1, 1, channels * multiplier, filters] },
    ];
    return bool(p, 'useBias') ? [...w, { name: 'bias', shape: [filters] }] : w;
  },
  countMacs(p, [input = []], out) {
    const positions = (out[0] ?? 0) * (out[1] ?? 0);
    const mid = (input[2] ?? 0) * num(p, 'depthMultiplier');
    return positions * mid * (product(ints(p, 'kernelSize')) + num(p, 'filters'));
  },
  keras: {
    className: 'SeparableConv2D',
    toConfig: (p) => ({
      filters: num(p, 'filters'),
      kernel_size: ints(p, 'kernelSize'),
      strides: ints(p, 'strides'),
      padding: str(p, 'padding'),
      dilation_rate: ints(p, 'dilation'),
      depth_multiplier: num(p, 'depthMultiplier'),
      data_format: 'channels_last',
      activation: str(p, 'activation'),
      use_bias: bool(p, 'useBias'),
    }),
    fromConfig: (c) =>
      convParamsFromKeras(c, 2, {
        own: { depthMultiplier: readInt(c, 'depth_multiplier', { dflt: 1, min: 1 }) },
      }),
  },
};
