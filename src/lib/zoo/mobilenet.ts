/**
 * MobileNet v1 (alpha 1.0, 224×224) exactly as keras.applications.MobileNet builds it:
 * a full 3×3 convolution, then 13 depthwise-separable blocks (depthwise 3×3 + 1×1
 * pointwise, each followed by batch norm and ReLU6), and a 1×1 convolution as classifier.
 */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder, batchNormParams, convParams } from './specBuilder';

const BN = batchNormParams(1e-3);

/** [pointwise filters, stride] of the 13 depthwise-separable blocks. */
const BLOCKS: [number, number][] = [
  [64, 1],
  [128, 2],
  [128, 1],
  [256, 2],
  [256, 1],
  [512, 2],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [1024, 2],
  [1024, 1],
];

export function mobilenetSpec(classes = 1000): NetworkSpec {
  const b = new SpecBuilder('MobileNet');
  let x = b.input([224, 224, 3]);
  x = b.add(
    'Conv2D',
    'conv1',
    convParams({ filters: 32, kernel: 3, strides: 2, padding: 'same', useBias: false }),
    x,
  );
  x = b.add('BatchNormalization', 'conv1_bn', BN, x);
  x = b.add('ReLU6', 'conv1_relu', {}, x);
  BLOCKS.forEach(([filters, strides], i) => {
    const id = i + 1;
    // Keras pads stride-2 depthwise layers on the bottom and right only, then uses valid.
    if (strides === 2) x = b.add('ZeroPadding2D', `conv_pad_${id}`, { padding: [0, 1, 0, 1] }, x);
    x = b.add(
      'DepthwiseConv2D',
      `conv_dw_${id}`,
      {
        kernelSize: [3, 3],
        strides: [strides, strides],
        padding: strides === 1 ? 'same' : 'valid',
        useBias: false,
      },
      x,
    );
    x = b.add('BatchNormalization', `conv_dw_${id}_bn`, BN, x);
    x = b.add('ReLU6', `conv_dw_${id}_relu`, {}, x);
    x = b.add(
      'Conv2D',
      `conv_pw_${id}`,
      convParams({ filters, kernel: 1, padding: 'same', useBias: false }),
      x,
    );
    x = b.add('BatchNormalization', `conv_pw_${id}_bn`, BN, x);
    x = b.add('ReLU6', `conv_pw_${id}_relu`, {}, x);
  });
  // Keras pools with keepdims=True; tfjs has no keepdims, so a Reshape restores the 1×1 map.
  x = b.add('GlobalAveragePooling2D', 'global_average_pooling2d', {}, x);
  x = b.add('Reshape', 'reshape_1', { targetShape: [1, 1, 1024] }, x);
  x = b.add('Dropout', 'dropout', { rate: 0.001 }, x);
  x = b.add('Conv2D', 'conv_preds', convParams({ filters: classes, kernel: 1, padding: 'same' }), x);
  x = b.add('Reshape', 'reshape_2', { targetShape: [classes] }, x);
  b.add('Activation', 'predictions', { activation: 'softmax' }, x);
  return b.spec();
}

export const mobilenetCard: ZooCard = {
  id: 'mobilenet',
  name: 'MobileNet v1',
  year: 2017,
  paper: {
    title: 'MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications',
    authors:
      'Andrew G. Howard, Menglong Zhu, Bo Chen, Dmitry Kalenichenko, Weijun Wang, Tobias Weyand, Marco Andreetto, Hartwig Adam',
  },
  idea: {
    en: "Every convolution is split into a depthwise 3×3 filter per channel and a 1×1 convolution that mixes channels, which needs about eight to nine times fewer multiplications than a full 3×3 convolution. With 4.2 million parameters it comes close to VGG-16's ImageNet accuracy on a phone.",
    zh: '每个卷积都拆成逐通道的 3×3 深度卷积和混合通道的 1×1 卷积，所需乘法约为完整 3×3 卷积的八分之一到九分之一。它只有 420 万个参数，却能在手机上接近 VGG-16 的 ImageNet 精度。',
  },
  pretrained: false,
  published: { params: 4_253_864, counts: 'all', source: 'keras.applications.MobileNet (alpha 1.0, 224)' },
};
