/** Conv3D: kernels slid through a volume of [depth, height, width, channels] (video, CT scans). */
import type { LayerDef } from './types';
import { convolution } from './shared/convolution';

export const conv3d: LayerDef = {
  // The volume convolution view (src/views/detail/volume) writes the 3-D sum out slice by slice.
  formula: 'volumeConvolution',
  ...convolution('Conv3D', 3, {
    en: 'Slides small boxes of weights through a volume, such as the frames of a video or the slices of a scan, and at every position adds up the products of the box with the values under it across all channels, plus a bias. Each kernel makes one output channel that finds a pattern in space and time together.',
    zh: '把小的权重立方体在体数据（例如视频的帧或扫描的切片）中滑动，在每个位置把立方体与其覆盖的数值在所有通道上相乘求和，再加上偏置。每个卷积核产生一个输出通道，同时在空间和时间上寻找模式。',
  }),
};
