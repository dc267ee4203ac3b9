/** AveragePooling2D: the mean of each window, per channel. */
import type { LayerDef } from './types';
import { pooling } from './shared/pooling';
import { pool2dForward } from './shared/forward';

export const averagePooling2d: LayerDef = {
  ...pooling('AveragePooling2D', 2, {
    en: 'Slides a window over each channel and outputs the mean of the values in it. It shrinks the maps while smoothing them. It has no weights.',
    zh: '在每个通道上滑动窗口，输出窗口内数值的平均值。它在缩小特征图的同时使其更平滑。它没有权重。',
  }),
  formula: 'pooling',
  poolKind: 'average',
  forward: pool2dForward('average'),
};
