/** GlobalMaxPooling3D: the largest value of each channel over the whole volume; not in tfjs. */
import { globalPooling, noGlobalPooling3dNote } from './shared/globalPooling';

export const globalMaxPooling3d = globalPooling(
  'GlobalMaxPooling3D',
  3,
  {
    en: 'Keeps, for every channel, the largest value anywhere in the volume, turning depth × height × width × channels into one value per channel. Video and scan classifiers use it to summarise a whole clip. It has no weights.',
    zh: '对每个通道保留整个体数据中的最大值，把 深 × 高 × 宽 × 通道 变成每个通道一个值。视频和扫描分类器用它来概括整段数据。它没有权重。',
  },
  noGlobalPooling3dNote('max'),
);
