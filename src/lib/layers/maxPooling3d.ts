/** MaxPooling3D: the largest value of each box of a volume, per channel. */
import type { LayerDef } from './types';
import { pooling } from './shared/pooling';

export const maxPooling3d: LayerDef = {
  // The volume pooling view (src/views/detail/volume) frames the box on every slice it spans.
  formula: 'volumePooling',
  poolKind: 'max',
  ...pooling('MaxPooling3D', 3, {
    en: 'Slides a box through a volume, such as a video clip or a scan, and keeps only the largest value of each channel in it. It shrinks the volume along depth, height and width and keeps the strongest responses. It has no weights.',
    zh: '在体数据（例如视频片段或扫描）中滑动一个立方体窗口，在每个通道上只保留窗口内的最大值。它在深、高、宽三个方向上缩小体数据并保留最强的响应。它没有权重。',
  }),
};
