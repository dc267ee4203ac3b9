/**
 * AlexNet as in the paper and Caffe's bvlc_alexnet: 227×227 input, LRN after conv1 and
 * conv2, and conv2/4/5 split into two groups (one per GPU). The groups and LRN have no
 * tfjs layer, so this net can be shaped and counted but not run in the browser.
 */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder, convParams, poolParams } from './specBuilder';

const LRN = { depthRadius: 2, bias: 2, alpha: 1e-4, beta: 0.75 };

export function alexnetSpec(classes = 1000): NetworkSpec {
  const b = new SpecBuilder('AlexNet');
  let x = b.input([227, 227, 3]);
  x = b.add('Conv2D', 'conv1', convParams({ filters: 96, kernel: 11, strides: 4, activation: 'relu' }), x);
  x = b.add('LRN', 'norm1', LRN, x);
  x = b.add('MaxPooling2D', 'pool1', poolParams(3, 2), x);
  x = b.add(
    'GroupedConv2D',
    'conv2',
    { ...convParams({ filters: 256, kernel: 5, padding: 'same', activation: 'relu' }), groups: 2 },
    x,
  );
  x = b.add('LRN', 'norm2', LRN, x);
  x = b.add('MaxPooling2D', 'pool2', poolParams(3, 2), x);
  x = b.add(
    'Conv2D',
    'conv3',
    convParams({ filters: 384, kernel: 3, padding: 'same', activation: 'relu' }),
    x,
  );
  x = b.add(
    'GroupedConv2D',
    'conv4',
    { ...convParams({ filters: 384, kernel: 3, padding: 'same', activation: 'relu' }), groups: 2 },
    x,
  );
  x = b.add(
    'GroupedConv2D',
    'conv5',
    { ...convParams({ filters: 256, kernel: 3, padding: 'same', activation: 'relu' }), groups: 2 },
    x,
  );
  x = b.add('MaxPooling2D', 'pool5', poolParams(3, 2), x);
  x = b.add('Flatten', 'flatten', {}, x);
  x = b.add('Dense', 'fc6', { units: 4096, activation: 'relu' }, x);
  x = b.add('Dropout', 'drop6', { rate: 0.5 }, x);
  x = b.add('Dense', 'fc7', { units: 4096, activation: 'relu' }, x);
  x = b.add('Dropout', 'drop7', { rate: 0.5 }, x);
  b.add('Dense', 'fc8', { units: classes, activation: 'softmax' }, x);
  return b.spec();
}

export const alexnetCard: ZooCard = {
  id: 'alexnet',
  name: 'AlexNet',
  year: 2012,
  paper: {
    title: 'ImageNet Classification with Deep Convolutional Neural Networks',
    authors: 'Alex Krizhevsky, Ilya Sutskever, Geoffrey E. Hinton',
  },
  idea: {
    en: 'A much deeper and wider LeNet, trained on 1.2 million ImageNet photos on two GPUs with ReLU activations, dropout and data augmentation, cut the ImageNet top-5 error from 26% to 15%. That win started the deep-learning era of computer vision.',
    zh: '一个更深更宽的 LeNet，在两块 GPU 上用 ReLU 激活、Dropout 和数据增强训练 120 万张 ImageNet 照片，把 ImageNet 前五错误率从 26% 降到 15%。这次胜利开启了计算机视觉的深度学习时代。',
  },
  pretrained: false,
  published: {
    params: 60_965_224,
    counts: 'all',
    source: "Caffe bvlc_alexnet (the paper's two-group layout)",
  },
};
