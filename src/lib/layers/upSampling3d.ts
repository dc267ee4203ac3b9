/** UpSampling3D: repeats every voxel of a volume; tfjs has no such layer. */
import { upSampling } from './shared/upSampling';

export const upSampling3d = upSampling(
  'UpSampling3D',
  3,
  {
    en: 'Makes a volume larger by repeating every value along depth, height and width. It has no weights; 3-D decoders, for example for medical scans, use it to grow a coarse volume back to full resolution.',
    zh: '沿深、高、宽三个方向重复每个值，从而放大体数据。它没有权重；三维解码器（例如用于医学扫描）用它把粗糙的体数据放大回完整分辨率。',
  },
  {
    keras: false,
    note: {
      en: 'tfjs 4.22 has no UpSampling3D layer; there is no exact replacement among its layers, so a Conv3DTranspose with equal kernel and strides is the usual learned substitute.',
      zh: 'tfjs 4.22 没有 UpSampling3D 层；其现有层中没有完全等价的替代，通常改用卷积核与步长相等的 Conv3DTranspose（可学习）。',
    },
  },
);
