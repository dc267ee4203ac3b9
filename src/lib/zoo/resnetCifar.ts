/**
 * A ResNet sized for CIFAR-10 as He et al. built them for 32×32 images (section 4.2 of the
 * paper): a 3×3 stem of 16 filters, then three stages of basic blocks with 16, 32 and 64
 * filters on 32×32, 16×16 and 8×8 maps, global average pooling and one dense layer.
 * `blocks` per stage gives depth 6·blocks + 2 (1: ResNet-8, 3: ResNet-20). Where a stage halves
 * the map, the shortcut is a strided 1×1 convolution with batch norm (the paper's option B).
 */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder, batchNormParams, convParams } from './specBuilder';

// Keras' defaults, which train well from scratch in tfjs (momentum 0.99 lags behind at first).
const BN = batchNormParams(1e-3, 0.9);

function convBn(
  b: SpecBuilder,
  name: string,
  x: string,
  filters: number,
  kernel: number,
  strides: number,
): string {
  const y = b.add(
    'Conv2D',
    `${name}_conv`,
    convParams({ filters, kernel, strides, padding: 'same', useBias: false }),
    x,
  );
  return b.add('BatchNormalization', `${name}_bn`, BN, y);
}

function basicBlock(b: SpecBuilder, name: string, x: string, filters: number, strides: number): string {
  let y = convBn(b, `${name}_1`, x, filters, 3, strides);
  y = b.add('ReLU', `${name}_1_relu`, {}, y);
  y = convBn(b, `${name}_2`, y, filters, 3, 1);
  const shortcut = strides > 1 ? convBn(b, `${name}_shortcut`, x, filters, 1, strides) : x;
  y = b.add('Add', `${name}_add`, {}, [shortcut, y]);
  return b.add('ReLU', `${name}_out`, {}, y);
}

export const RESNET_CIFAR_INPUT = 32;

export function resnetCifarSpec(classes = 10, blocks = 1, inputSize = RESNET_CIFAR_INPUT): NetworkSpec {
  const b = new SpecBuilder(`ResNet-${6 * blocks + 2}`);
  let x = b.input([inputSize, inputSize, 3]);
  x = convBn(b, 'stem', x, 16, 3, 1);
  x = b.add('ReLU', 'stem_relu', {}, x);
  [16, 32, 64].forEach((filters, stage) => {
    for (let i = 0; i < blocks; i++)
      x = basicBlock(b, `stage${stage + 1}_block${i + 1}`, x, filters, stage > 0 && i === 0 ? 2 : 1);
  });
  x = b.add('GlobalAveragePooling2D', 'avgpool', {}, x);
  b.add('Dense', 'output', { units: classes, activation: 'softmax' }, x);
  return b.spec();
}

export const resnet8CifarCard: ZooCard = {
  id: 'resnet8',
  name: 'ResNet-8',
  title: { en: 'ResNet-8 for CIFAR-10', zh: '用于 CIFAR-10 的 ResNet-8' },
  year: 2015,
  paper: {
    title: 'Deep Residual Learning for Image Recognition',
    authors: 'Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun',
  },
  idea: {
    en: 'The smallest ResNet of the paper’s CIFAR-10 family, trained here on 32×32 images: three stages of one residual block each (16, 32 and 64 filters), every convolution followed by batch normalisation. Each block adds its input back to its output, so the two paths and the Add where they join can be followed neuron by neuron.',
    zh: '论文中 CIFAR-10 系列里最小的 ResNet，这里在 32×32 图像上训练：三个阶段各有一个残差块（16、32 和 64 个滤波器），每个卷积后面都跟着批归一化。每个块把输入加回到输出上，因此可以逐个神经元地追踪两条路径以及它们汇合处的加法。',
  },
  pretrained: false,
  weights: 'resnet8-cifar10',
};
