/** GlobalAveragePooling2D: the mean of each channel over the whole map. */
import { globalPooling } from './shared/globalPooling';

export const globalAveragePooling2d = globalPooling('GlobalAveragePooling2D', 2, {
  en: 'Averages every channel over the whole feature map, turning height × width × channels into one value per channel. ResNet and MobileNet use it instead of Flatten before the classifier, which removes most of the weights of the dense layer and lets the net accept any image size. It has no weights.',
  zh: '对每个通道在整张特征图上求平均，把 高 × 宽 × 通道 变成每个通道一个值。ResNet 和 MobileNet 在分类器前用它代替 Flatten，这去掉了全连接层的大部分权重，并让网络能接受任意尺寸的图像。它没有权重。',
});
