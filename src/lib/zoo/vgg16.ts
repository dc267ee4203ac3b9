/** VGG-16 exactly as keras.applications.VGG16 builds it (include_top, 224×224×3). */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder, convParams, poolParams } from './specBuilder';

const BLOCKS = [
  [64, 64],
  [128, 128],
  [256, 256, 256],
  [512, 512, 512],
  [512, 512, 512],
];

export function vgg16Spec(classes = 1000): NetworkSpec {
  const b = new SpecBuilder('VGG16');
  let x = b.input([224, 224, 3]);
  BLOCKS.forEach((filters, i) => {
    filters.forEach((f, j) => {
      x = b.add(
        'Conv2D',
        `block${i + 1}_conv${j + 1}`,
        convParams({ filters: f, kernel: 3, padding: 'same', activation: 'relu' }),
        x,
      );
    });
    x = b.add('MaxPooling2D', `block${i + 1}_pool`, poolParams(2, 2), x);
  });
  x = b.add('Flatten', 'flatten', {}, x);
  x = b.add('Dense', 'fc1', { units: 4096, activation: 'relu' }, x);
  x = b.add('Dense', 'fc2', { units: 4096, activation: 'relu' }, x);
  b.add('Dense', 'predictions', { units: classes, activation: 'softmax' }, x);
  return b.spec();
}

export const vgg16Card: ZooCard = {
  id: 'vgg16',
  name: 'VGG-16',
  year: 2014,
  paper: {
    title: 'Very Deep Convolutional Networks for Large-Scale Image Recognition',
    authors: 'Karen Simonyan, Andrew Zisserman',
  },
  idea: {
    en: 'Only 3×3 convolutions, stacked two or three at a time between poolings, reach the view of larger kernels with fewer weights and more non-linearities. Going to 16 weight layers this simple way showed that depth itself buys accuracy.',
    zh: '只用 3×3 卷积，在两次池化之间堆叠两到三个，就能以更少的权重和更多的非线性获得大卷积核的感受野。用这种简单方式加深到 16 个权重层，表明深度本身就能带来精度。',
  },
  pretrained: false,
  published: { params: 138_357_544, counts: 'all', source: 'keras.applications.VGG16' },
};
