/**
 * ResNet-18 as torchvision builds it: bias-free convolutions each followed by batch
 * normalisation, basic blocks of two 3×3 convolutions, and a 1×1 projection on the skip
 * path where the shape changes. Torch pads stride-2 layers by one on every side, written
 * here as ZeroPadding2D + valid, so the maps are 112, 56, 28, 14 and 7 wide as in torchvision.
 */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder, batchNormParams, convParams, poolParams } from './specBuilder';

// PyTorch's BatchNorm2d defaults: eps 1e-5, momentum 0.1 (Keras' 0.9 in its convention).
const BN = batchNormParams(1e-5, 0.9);

function convBn(
  b: SpecBuilder,
  name: string,
  x: string,
  filters: number,
  kernel: number,
  strides: number,
): string {
  const pad = Math.floor(kernel / 2);
  let y = x;
  if (strides > 1 && pad > 0) y = b.add('ZeroPadding2D', `${name}_pad`, { padding: [pad, pad] }, y);
  const padding = strides > 1 ? 'valid' : 'same';
  y = b.add('Conv2D', `${name}_conv`, convParams({ filters, kernel, strides, padding, useBias: false }), y);
  return b.add('BatchNormalization', `${name}_bn`, BN, y);
}

function basicBlock(
  b: SpecBuilder,
  name: string,
  x: string,
  filters: number,
  strides: number,
  project: boolean,
): string {
  let y = convBn(b, `${name}_1`, x, filters, 3, strides);
  y = b.add('ReLU', `${name}_1_relu`, {}, y);
  y = convBn(b, `${name}_2`, y, filters, 3, 1);
  const shortcut = project ? convBn(b, `${name}_down`, x, filters, 1, strides) : x;
  y = b.add('Add', `${name}_add`, {}, [shortcut, y]);
  return b.add('ReLU', `${name}_out`, {}, y);
}

export function resnet18Spec(classes = 1000): NetworkSpec {
  const b = new SpecBuilder('ResNet-18');
  let x = b.input([224, 224, 3]);
  x = convBn(b, 'conv1', x, 64, 7, 2);
  x = b.add('ReLU', 'conv1_relu', {}, x);
  x = b.add('ZeroPadding2D', 'pool1_pad', { padding: [1, 1] }, x);
  x = b.add('MaxPooling2D', 'pool1', poolParams(3, 2), x);
  [64, 128, 256, 512].forEach((filters, i) => {
    const strides = i === 0 ? 1 : 2;
    x = basicBlock(b, `layer${i + 1}_0`, x, filters, strides, i > 0);
    x = basicBlock(b, `layer${i + 1}_1`, x, filters, 1, false);
  });
  x = b.add('GlobalAveragePooling2D', 'avgpool', {}, x);
  b.add('Dense', 'fc', { units: classes, activation: 'softmax' }, x);
  return b.spec();
}

export const resnet18Card: ZooCard = {
  id: 'resnet18',
  name: 'ResNet-18',
  year: 2015,
  paper: {
    title: 'Deep Residual Learning for Image Recognition',
    authors: 'Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun',
  },
  idea: {
    en: 'Each block adds its input back to its output, so it only has to learn a correction (a residual) and gradients pass straight through the additions. These skip connections made nets of a hundred and more layers trainable; ResNet-18 is the smallest of the family, built from two-convolution basic blocks.',
    zh: '每个块把自己的输入加回到输出上，于是它只需学习一个修正量（残差），梯度也能直接穿过这些加法。这种跳跃连接让上百层的网络变得可训练；ResNet-18 是该家族中最小的成员，由含两个卷积的基本块构成。',
  },
  pretrained: false,
  published: {
    params: 11_689_512,
    counts: 'trainable',
    source: 'torchvision resnet18 (batch-norm running mean and variance are buffers there, not parameters)',
  },
};
