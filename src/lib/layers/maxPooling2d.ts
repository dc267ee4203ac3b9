/** MaxPooling2D: keeps the largest value of each window, per channel. */
import type { LayerDef } from './types';
import { pooling } from './shared/pooling';
import { pool2dForward } from './shared/forward';

export const maxPooling2d: LayerDef = {
  ...pooling('MaxPooling2D', 2, {
    en: 'Slides a window over each channel and keeps only the largest value in it. It shrinks the maps, keeps the strongest responses and makes the net less sensitive to small shifts. It has no weights.',
    zh: '在每个通道上滑动窗口，只保留窗口内的最大值。它缩小特征图、保留最强的响应，并让网络对小的平移不那么敏感。它没有权重。',
  }),
  formula: 'pooling',
  poolKind: 'max',
  forward: pool2dForward('max'),
};
