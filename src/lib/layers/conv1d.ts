/** Conv1D: kernels slid along a sequence of [steps, channels] (text, audio, sensor data). */
import type { LayerDef } from './types';
import { convolution } from './shared/convolution';

export const conv1d: LayerDef = {
  // The 2-D convolution view reads the sequence as a map of one row (src/lib/formula/sequence.ts).
  formula: 'convolution',
  ...convolution('Conv1D', 1, {
    en: 'Slides each of its kernels along a sequence and, at every step, multiplies a window of consecutive steps with the kernel across all channels and adds the products and a bias. Each kernel makes one output channel that responds to a short pattern in time, such as a word pair or a rise in a signal.',
    zh: '把每个卷积核沿序列滑动，在每一步把连续若干步组成的窗口与卷积核在所有通道上相乘，再把乘积与偏置相加。每个卷积核产生一个输出通道，对时间上的短模式作出响应，例如一个词组或信号的一次上升。',
  }),
};
