/** Conv2D: a bank of learned kernels slid over an H×W×C input (NHWC, kernels [kh, kw, in, out]). */
import type { LayerDef } from './types';
import { convolution } from './shared/convolution';
import { activate, conv2d as convolve } from '../tensor/kernels';
import { convParams } from '../formula/convolution';
import { findWeight } from '../tensor/layout';

export const conv2d: LayerDef = {
  ...convolution('Conv2D', 2, {
    en: 'Slides each of its kernels over the input and, at every position, multiplies the window element-wise with the kernel across all input channels and adds the products and a bias. Each kernel makes one output channel, a map of where its pattern appears.',
    zh: '把每个卷积核在输入上滑动，在每个位置把窗口与卷积核在所有输入通道上逐元素相乘，再把乘积与偏置相加。每个卷积核产生一个输出通道，即该模式出现位置的图。',
  }),
  formula: 'convolution',
  forward(p, [x], weights) {
    const kernel = findWeight(weights, 'kernel');
    if (!x || !kernel) throw new RangeError('Conv2D needs an input and a kernel');
    const geometry = convParams(p);
    return activate(convolve(x, kernel, findWeight(weights, 'bias'), geometry), geometry.activation);
  },
};
