/**
 * A MobileNet sized for CIFAR-10, built from MobileNetV2/V3's parts: inverted residual blocks
 * (1×1 expansion, depthwise 3×3, linear 1×1 projection back to a narrow bottleneck, and an Add
 * when the shape allows), squeeze-and-excitation gates in the deeper blocks and hard-swish
 * there, ReLU in the early ones. On 32×32 images the stem keeps full resolution and three
 * blocks halve it (32 → 16 → 8 → 4), as CIFAR versions of MobileNet do instead of ImageNet's 224/32.
 */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder, batchNormParams, convParams, makeDivisible } from './specBuilder';

const BN = batchNormParams(1e-3, 0.9);

interface Block {
  expansion: number;
  filters: number;
  strides: number;
  squeeze: boolean;
  activation: 'ReLU' | 'HardSwish';
}

export const MOBILENET_CIFAR_BLOCKS: readonly Block[] = [
  { expansion: 1, filters: 16, strides: 1, squeeze: false, activation: 'ReLU' },
  { expansion: 4, filters: 24, strides: 2, squeeze: false, activation: 'ReLU' },
  { expansion: 3, filters: 24, strides: 1, squeeze: false, activation: 'ReLU' },
  { expansion: 4, filters: 40, strides: 2, squeeze: true, activation: 'HardSwish' },
  { expansion: 4, filters: 40, strides: 1, squeeze: true, activation: 'HardSwish' },
  { expansion: 4, filters: 64, strides: 2, squeeze: true, activation: 'HardSwish' },
  { expansion: 4, filters: 64, strides: 1, squeeze: true, activation: 'HardSwish' },
];

export const MOBILENET_CIFAR_INPUT = 32;
const HEAD_CHANNELS = 256;

/**
 * Squeeze (average each channel to one number), excite (two dense layers: a bottleneck of a
 * quarter of the channels with ReLU, then one gate per channel through tfjs' hard sigmoid,
 * 0.2·x + 0.5 clipped to 0..1) and scale (multiply every map by its gate).
 */
function squeezeExcite(b: SpecBuilder, name: string, x: string, channels: number): string {
  let s = b.add('GlobalAveragePooling2D', `${name}_se_squeeze`, {}, x);
  s = b.add('Dense', `${name}_se_reduce`, { units: makeDivisible(channels / 4), activation: 'relu' }, s);
  s = b.add('Dense', `${name}_se_expand`, { units: channels, activation: 'hard_sigmoid' }, s);
  s = b.add('Reshape', `${name}_se_reshape`, { targetShape: [1, 1, channels] }, s);
  return b.add('Multiply', `${name}_se_scale`, {}, [x, s]);
}

function invertedResidual(b: SpecBuilder, x: string, inChannels: number, block: Block, id: number): string {
  const name = `block${id + 1}`;
  const act = (suffix: string, input: string) => b.add(block.activation, `${name}_${suffix}`, {}, input);
  const expanded = makeDivisible(inChannels * block.expansion);
  let y = x;
  if (block.expansion !== 1) {
    y = b.add(
      'Conv2D',
      `${name}_expand`,
      convParams({ filters: expanded, kernel: 1, padding: 'same', useBias: false }),
      y,
    );
    y = b.add('BatchNormalization', `${name}_expand_bn`, BN, y);
    y = act('expand_act', y);
  }
  y = b.add(
    'DepthwiseConv2D',
    `${name}_depthwise`,
    {
      kernelSize: [3, 3],
      strides: [block.strides, block.strides],
      padding: 'same',
      useBias: false,
    },
    y,
  );
  y = b.add('BatchNormalization', `${name}_depthwise_bn`, BN, y);
  y = act('depthwise_act', y);
  if (block.squeeze) y = squeezeExcite(b, name, y, expanded);
  // The projection is linear: a ReLU on the narrow bottleneck would destroy information.
  y = b.add(
    'Conv2D',
    `${name}_project`,
    convParams({ filters: block.filters, kernel: 1, padding: 'same', useBias: false }),
    y,
  );
  y = b.add('BatchNormalization', `${name}_project_bn`, BN, y);
  return block.strides === 1 && inChannels === block.filters ? b.add('Add', `${name}_add`, {}, [x, y]) : y;
}

export function mobilenetCifarSpec(classes = 10, inputSize = MOBILENET_CIFAR_INPUT): NetworkSpec {
  const b = new SpecBuilder('MobileNet-CIFAR');
  let x = b.input([inputSize, inputSize, 3]);
  x = b.add(
    'Conv2D',
    'stem_conv',
    convParams({ filters: 16, kernel: 3, padding: 'same', useBias: false }),
    x,
  );
  x = b.add('BatchNormalization', 'stem_bn', BN, x);
  x = b.add('HardSwish', 'stem_act', {}, x);
  let channels = 16;
  MOBILENET_CIFAR_BLOCKS.forEach((block, id) => {
    x = invertedResidual(b, x, channels, block, id);
    channels = block.filters;
  });
  x = b.add(
    'Conv2D',
    'head_conv',
    convParams({ filters: HEAD_CHANNELS, kernel: 1, padding: 'same', useBias: false }),
    x,
  );
  x = b.add('BatchNormalization', 'head_bn', BN, x);
  x = b.add('HardSwish', 'head_act', {}, x);
  x = b.add('GlobalAveragePooling2D', 'avgpool', {}, x);
  b.add('Dense', 'output', { units: classes, activation: 'softmax' }, x);
  return b.spec();
}

export const mobilenetCifarCard: ZooCard = {
  id: 'mobilenet-cifar',
  name: 'MobileNet-CIFAR',
  title: { en: 'MobileNet for CIFAR-10 (V2/V3 blocks)', zh: '用于 CIFAR-10 的 MobileNet（V2/V3 模块）' },
  year: 2019,
  paper: {
    title: 'Searching for MobileNetV3 (blocks from MobileNetV2: Inverted Residuals and Linear Bottlenecks)',
    authors: 'Andrew Howard, Mark Sandler, Grace Chu, Liang-Chieh Chen, Bo Chen, Mingxing Tan, et al.',
  },
  idea: {
    en: 'A small MobileNet for 32×32 images, built by this project from the MobileNet papers’ parts: depthwise separable convolutions, inverted residual blocks that widen the channels, filter each one on its own and project back linearly, squeeze-and-excitation gates and hard-swish in the deeper blocks. It needs about half the multiply-adds of ResNet-8.',
    zh: '本项目用 MobileNet 论文中的组件为 32×32 图像搭建的小型 MobileNet：深度可分离卷积；倒残差块先扩展通道、再对每个通道单独滤波、最后线性投影回去；较深的块中使用挤压-激励门和 hard-swish。它所需的乘加运算约为 ResNet-8 的一半。',
  },
  pretrained: false,
  weights: 'mobilenet-cifar10',
};
