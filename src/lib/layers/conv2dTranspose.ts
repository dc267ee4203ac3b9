/**
 * Conv2DTranspose ("deconvolution"): each input value stamps a scaled copy of the kernel
 * into a larger output, so strides enlarge the maps instead of shrinking them.
 */
import type { LayerDef } from './types';
import { bool, ints, num, paddingParam, str } from './shared/params';
import { convParamDefs, convParamsFromKeras, stridesParam } from './shared/windowParams';
import { rankError } from './shared/windowMath';

/** tfjs' deconvLength: valid adds the kernel overhang, same is exactly input × stride. */
export function transposedSize(input: number, kernel: number, stride: number, padding: string): number {
  return padding === 'same' ? input * stride : input * stride + Math.max(kernel - stride, 0);
}

export const conv2dTranspose: LayerDef = {
  type: 'Conv2DTranspose',
  category: 'Vision',
  description: {
    en: 'Runs a convolution backwards: every input value multiplies the whole kernel and the results are added into an output grid where neighbouring stamps overlap. With stride 2 the maps double in size, which is how decoders and segmentation nets grow a small code back into an image.',
    zh: '把卷积反过来做：每个输入值乘以整个卷积核，结果叠加到输出网格中，相邻的“印章”相互重叠。步长为 2 时特征图的尺寸翻倍，解码器和分割网络就是这样把小的编码还原成图像的。',
  },
  params: convParamDefs(2, {
    strides: {
      // Segmentation nets upsample by 32 in one step (FCN-32s), so strides go higher than for convolutions.
      ...stridesParam(2, 1, 64),
      help: {
        en: 'How much larger the output is than the input, down and across.',
        zh: '输出比输入在纵向和横向上放大的倍数。',
      },
    },
    padding: {
      ...paddingParam,
      help: {
        en: 'same: the output is exactly input × stride; valid: the kernel overhang is added, input × stride + max(kernel − stride, 0).',
        zh: 'same：输出恰好为 输入 × 步长；valid：再加上卷积核的伸出部分，即 输入 × 步长 + max(卷积核 − 步长, 0)。',
      },
    },
    // Dilation is not offered for the transposed convolution.
    dilation: false,
  }),
  formula: 'transposedConv',
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    const bad = rankError(input, 3, { en: 'height × width × channels', zh: '高 × 宽 × 通道' });
    if (bad) return { error: bad };
    const [kh = 1, kw = 1] = ints(p, 'kernelSize');
    const [sh = 1, sw = 1] = ints(p, 'strides');
    const padding = str(p, 'padding');
    return {
      shape: [
        transposedSize(input[0] ?? 0, kh, sh, padding),
        transposedSize(input[1] ?? 0, kw, sw, padding),
        num(p, 'filters'),
      ],
    };
  },
  weights(p, [input = []]) {
    const filters = num(p, 'filters');
    // tfjs stores the transposed kernel as [kh, kw, out, in].
    const w = [{ name: 'kernel', shape: [...ints(p, 'kernelSize'), filters, input[2] ?? 0] }];
    return bool(p, 'useBias') ? [...w, { name: 'bias', shape: [filters] }] : w;
  },
  countMacs(p, [input = []]) {
    const [kh = 1, kw = 1] = ints(p, 'kernelSize');
    return (input[0] ?? 0) * (input[1] ?? 0) * (input[2] ?? 0) * kh * kw * num(p, 'filters');
  },
  keras: {
    className: 'Conv2DTranspose',
    toConfig: (p) => ({
      filters: num(p, 'filters'),
      kernel_size: ints(p, 'kernelSize'),
      strides: ints(p, 'strides'),
      padding: str(p, 'padding'),
      data_format: 'channels_last',
      activation: str(p, 'activation'),
      use_bias: bool(p, 'useBias'),
    }),
    fromConfig: (c) => convParamsFromKeras(c, 2, { dilation: false, refuse: { output_padding: [null] } }),
  },
};
