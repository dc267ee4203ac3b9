/** UpSampling2D: enlarges feature maps by repeating (or interpolating) every value. */
import { upSampling } from './shared/upSampling';

export const upSampling2d = upSampling(
  'UpSampling2D',
  2,
  {
    en: 'Makes the feature maps larger by turning every value into a block of size height × width, either copying it or blending it with its neighbours. It has no weights; decoders and segmentation nets use it, often followed by a convolution, to grow maps back to the image size.',
    zh: '把每个值变成一个 高 × 宽 大小的块，从而放大特征图，可以直接复制，也可以与相邻值混合。它没有权重；解码器和分割网络常用它（后面往往接一个卷积）把特征图放大回图像尺寸。',
  },
  { keras: true },
);
