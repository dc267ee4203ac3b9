/**
 * ResNet-50 exactly as keras.applications.ResNet50 builds it: convolutions with biases,
 * batch normalisation with epsilon 1.001e-5, bottleneck blocks (1×1, 3×3, 1×1) with the
 * stride on the first 1×1, and a projection shortcut in the first block of every stage.
 */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder, batchNormParams, convParams, poolParams } from './specBuilder';

const BN = batchNormParams(1.001e-5);

function convBn(
  b: SpecBuilder,
  name: string,
  x: string,
  filters: number,
  kernel: number,
  strides = 1,
): string {
  const padding = kernel > 1 ? 'same' : 'valid';
  const y = b.add('Conv2D', `${name}_conv`, convParams({ filters, kernel, strides, padding }), x);
  return b.add('BatchNormalization', `${name}_bn`, BN, y);
}

function bottleneck(
  b: SpecBuilder,
  name: string,
  x: string,
  filters: number,
  strides: number,
  project: boolean,
): string {
  const shortcut = project ? convBn(b, `${name}_0`, x, 4 * filters, 1, strides) : x;
  let y = convBn(b, `${name}_1`, x, filters, 1, strides);
  y = b.add('ReLU', `${name}_1_relu`, {}, y);
  y = convBn(b, `${name}_2`, y, filters, 3);
  y = b.add('ReLU', `${name}_2_relu`, {}, y);
  y = convBn(b, `${name}_3`, y, 4 * filters, 1);
  y = b.add('Add', `${name}_add`, {}, [shortcut, y]);
  return b.add('ReLU', `${name}_out`, {}, y);
}

const STAGES: [name: string, filters: number, blocks: number, strides: number][] = [
  ['conv2', 64, 3, 1],
  ['conv3', 128, 4, 2],
  ['conv4', 256, 6, 2],
  ['conv5', 512, 3, 2],
];

export function resnet50Spec(classes = 1000): NetworkSpec {
  const b = new SpecBuilder('ResNet50');
  let x = b.input([224, 224, 3]);
  x = b.add('ZeroPadding2D', 'conv1_pad', { padding: [3, 3] }, x);
  x = b.add('Conv2D', 'conv1_conv', convParams({ filters: 64, kernel: 7, strides: 2 }), x);
  x = b.add('BatchNormalization', 'conv1_bn', BN, x);
  x = b.add('ReLU', 'conv1_relu', {}, x);
  x = b.add('ZeroPadding2D', 'pool1_pad', { padding: [1, 1] }, x);
  x = b.add('MaxPooling2D', 'pool1_pool', poolParams(3, 2), x);
  for (const [name, filters, blocks, strides] of STAGES)
    for (let i = 1; i <= blocks; i++)
      x = bottleneck(b, `${name}_block${i}`, x, filters, i === 1 ? strides : 1, i === 1);
  x = b.add('GlobalAveragePooling2D', 'avg_pool', {}, x);
  b.add('Dense', 'predictions', { units: classes, activation: 'softmax' }, x);
  return b.spec();
}

export const resnet50Card: ZooCard = {
  id: 'resnet50',
  name: 'ResNet-50',
  year: 2015,
  paper: {
    title: 'Deep Residual Learning for Image Recognition',
    authors: 'Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun',
  },
  idea: {
    en: 'Residual connections let a block learn only a correction to its input, so very deep nets train as easily as shallow ones. ResNet-50 makes each block a cheap bottleneck: a 1×1 convolution shrinks the channels, a 3×3 convolution works on the few that remain and another 1×1 widens them again.',
    zh: '残差连接让每个块只需学习对输入的修正，于是很深的网络也能像浅网络一样容易训练。ResNet-50 把每个块做成廉价的瓶颈结构：1×1 卷积先压缩通道，3×3 卷积在剩下的少量通道上计算，再用一个 1×1 卷积把通道扩回来。',
  },
  pretrained: false,
  published: { params: 25_636_712, counts: 'all', source: 'keras.applications.ResNet50' },
};
