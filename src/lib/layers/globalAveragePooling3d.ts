/** GlobalAveragePooling3D: the mean of each channel over the whole volume; not in tfjs. */
import { globalPooling, noGlobalPooling3dNote } from './shared/globalPooling';

export const globalAveragePooling3d = globalPooling(
  'GlobalAveragePooling3D',
  3,
  {
    en: 'Averages every channel over the whole volume, turning depth × height × width × channels into one value per channel, the usual last step of a 3-D convolutional net before its classifier. It has no weights.',
    zh: '对每个通道在整个体数据上求平均，把 深 × 高 × 宽 × 通道 变成每个通道一个值，这通常是三维卷积网络在分类器之前的最后一步。它没有权重。',
  },
  noGlobalPooling3dNote('average'),
);
