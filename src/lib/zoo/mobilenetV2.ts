/**
 * MobileNet v2 (alpha 1.0, 224×224) exactly as keras.applications.MobileNetV2 builds it:
 * inverted residual blocks that widen the channels with a 1×1 convolution, filter them
 * depthwise and project them back down with a linear 1×1 convolution.
 */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder, batchNormParams, convParams, correctPad, makeDivisible } from './specBuilder';

const BN = batchNormParams(1e-3, 0.999);

/** [output channels, stride, expansion] of the 17 inverted residual blocks. */
const BLOCKS: [number, number, number][] = [
  [16, 1, 1],
  [24, 2, 6],
  [24, 1, 6],
  [32, 2, 6],
  [32, 1, 6],
  [32, 1, 6],
  [64, 2, 6],
  [64, 1, 6],
  [64, 1, 6],
  [64, 1, 6],
  [96, 1, 6],
  [96, 1, 6],
  [96, 1, 6],
  [160, 2, 6],
  [160, 1, 6],
  [160, 1, 6],
  [320, 1, 6],
];

function invertedResidual(
  b: SpecBuilder,
  x: string,
  inChannels: number,
  filters: number,
  strides: number,
  expansion: number,
  id: number,
): string {
  const prefix = id === 0 ? 'expanded_conv' : `block_${id}`;
  let y = x;
  if (id > 0) {
    y = b.add(
      'Conv2D',
      `${prefix}_expand`,
      convParams({ filters: expansion * inChannels, kernel: 1, padding: 'same', useBias: false }),
      y,
    );
    y = b.add('BatchNormalization', `${prefix}_expand_BN`, BN, y);
    y = b.add('ReLU6', `${prefix}_expand_relu`, {}, y);
  }
  if (strides === 2) y = b.add('ZeroPadding2D', `${prefix}_pad`, { padding: correctPad(3) }, y);
  y = b.add(
    'DepthwiseConv2D',
    `${prefix}_depthwise`,
    {
      kernelSize: [3, 3],
      strides: [strides, strides],
      padding: strides === 1 ? 'same' : 'valid',
      useBias: false,
    },
    y,
  );
  y = b.add('BatchNormalization', `${prefix}_depthwise_BN`, BN, y);
  y = b.add('ReLU6', `${prefix}_depthwise_relu`, {}, y);
  // The projection is linear: a ReLU here would destroy information in the narrow layer.
  y = b.add(
    'Conv2D',
    `${prefix}_project`,
    convParams({ filters, kernel: 1, padding: 'same', useBias: false }),
    y,
  );
  y = b.add('BatchNormalization', `${prefix}_project_BN`, BN, y);
  return inChannels === filters && strides === 1 ? b.add('Add', `${prefix}_add`, {}, [x, y]) : y;
}

export function mobilenetV2Spec(classes = 1000): NetworkSpec {
  const b = new SpecBuilder('MobileNetV2');
  let x = b.input([224, 224, 3]);
  let channels = makeDivisible(32);
  x = b.add(
    'Conv2D',
    'Conv1',
    convParams({ filters: channels, kernel: 3, strides: 2, padding: 'same', useBias: false }),
    x,
  );
  x = b.add('BatchNormalization', 'bn_Conv1', BN, x);
  x = b.add('ReLU6', 'Conv1_relu', {}, x);
  BLOCKS.forEach(([filters, strides, expansion], id) => {
    const out = makeDivisible(filters);
    x = invertedResidual(b, x, channels, out, strides, expansion, id);
    channels = out;
  });
  x = b.add('Conv2D', 'Conv_1', convParams({ filters: 1280, kernel: 1, useBias: false }), x);
  x = b.add('BatchNormalization', 'Conv_1_bn', BN, x);
  x = b.add('ReLU6', 'out_relu', {}, x);
  x = b.add('GlobalAveragePooling2D', 'global_average_pooling2d', {}, x);
  b.add('Dense', 'predictions', { units: classes, activation: 'softmax' }, x);
  return b.spec();
}

export const mobilenetV2Card: ZooCard = {
  id: 'mobilenetv2',
  name: 'MobileNet v2',
  year: 2018,
  paper: {
    title: 'MobileNetV2: Inverted Residuals and Linear Bottlenecks',
    authors: 'Mark Sandler, Andrew Howard, Menglong Zhu, Andrey Zhmoginov, Liang-Chieh Chen',
  },
  idea: {
    en: 'Each block widens a thin input six times with a 1×1 convolution, filters it depthwise and projects it back to a thin output without a ReLU, with the skip connection between the thin ends: an inverted residual. Keeping the narrow layers linear preserves information, so the net is smaller and more accurate than v1.',
    zh: '每个块先用 1×1 卷积把较窄的输入扩宽六倍，再做深度卷积，最后不经 ReLU 投影回较窄的输出，跳跃连接连在两个窄端之间，即“倒残差”。让窄层保持线性能保留信息，因此网络比 v1 更小也更准。',
  },
  pretrained: false,
  published: { params: 3_538_984, counts: 'all', source: 'keras.applications.MobileNetV2 (alpha 1.0, 224)' },
};
