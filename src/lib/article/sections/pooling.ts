/** Pooling (max, average, global) and, briefly, its opposite: upsampling. */
import type { ArticleSection } from '../types';

export const pooling: ArticleSection = {
  id: 'pooling',
  title: { en: 'Pooling', zh: '池化' },
  layerTypes: [
    'MaxPooling1D',
    'MaxPooling2D',
    'MaxPooling3D',
    'AveragePooling1D',
    'AveragePooling2D',
    'AveragePooling3D',
    'GlobalMaxPooling1D',
    'GlobalMaxPooling2D',
    'GlobalMaxPooling3D',
    'GlobalAveragePooling1D',
    'GlobalAveragePooling2D',
    'GlobalAveragePooling3D',
    'UpSampling1D',
    'UpSampling2D',
    'UpSampling3D',
  ],
  showMe: [{ kind: 'layer' }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'A **pooling** layer shrinks each activation map by summarising small windows. **Max pooling** keeps the largest value in each window: with $2 \\times 2$ windows and stride 2 it halves the height and width and keeps the number of channels. It has no weights at all. Each channel is pooled on its own, so the question it answers per window is simply “was this pattern found somewhere here?”',
        zh: '**池化**层通过概括小窗口来缩小每张激活图。**最大池化**保留每个窗口中的最大值：用 $2 \\times 2$ 的窗口、步长 2 时，高和宽减半，通道数不变。它完全没有权重。每个通道各自池化，所以它对每个窗口回答的问题很简单：“这个图案在这附近出现过吗？”',
      },
    },
    {
      kind: 'math',
      tex: 'y_{i,j,c} = \\max_{0 \\le u, v < K} x_{S i + u,\\; S j + v,\\; c}',
      caption: {
        en: 'Max pooling with a $K \\times K$ window and stride $S$. Average pooling takes the mean of the window instead.',
        zh: '窗口为 $K \\times K$、步长为 $S$ 的最大池化。平均池化则取窗口内的平均值。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'Pooling does three useful things. It cuts the computation of every later layer by four. It lets later kernels see a larger part of the image, because each of their inputs now summarises a bigger area. And it makes the network a little less sensitive to exactly where a feature sits, since a small shift often leaves the maximum of a window unchanged.',
        zh: '池化有三个好处。它让后面每一层的计算量降到四分之一。它让后面的卷积核看到图像中更大的一块，因为它们的每个输入现在概括了更大的区域。它还让网络对特征的精确位置不那么敏感，因为小小的平移往往不会改变窗口中的最大值。',
      },
    },
    {
      kind: 'p',
      text: {
        en: '**Global average pooling** takes the mean of a whole map, one number per channel. Modern networks such as ResNet and MobileNet end with it instead of flattening a large map into a huge dense layer, which saves millions of weights. **Upsampling** layers do the opposite of pooling, repeating values to enlarge a map, as in networks that output images.',
        zh: '**全局平均池化**对整张图取平均，每个通道得到一个数。ResNet、MobileNet 等现代网络用它收尾，而不是把一张大图展平后接一个巨大的全连接层，从而省下数以百万计的权重。**上采样**层则与池化相反，通过重复数值把图放大，用于输出图像的网络。',
      },
    },
  ],
};
