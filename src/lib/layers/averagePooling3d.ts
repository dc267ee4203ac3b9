/** AveragePooling3D: the mean of each box of a volume, per channel. */
import type { LayerDef } from './types';
import { pooling } from './shared/pooling';

export const averagePooling3d: LayerDef = {
  // The volume pooling view (src/views/detail/volume) frames the box on every slice it spans.
  formula: 'volumePooling',
  poolKind: 'average',
  ...pooling('AveragePooling3D', 3, {
    en: 'Slides a box through a volume and outputs the mean of each channel in it. It shrinks the volume along depth, height and width while smoothing it. It has no weights.',
    zh: '在体数据中滑动一个立方体窗口，输出窗口内每个通道的平均值。它在深、高、宽三个方向上缩小并平滑体数据。它没有权重。',
  }),
};
