/**
 * MobileNetV3-Small (alpha 1.0, 224×224) as keras.applications.MobileNetV3Small builds it,
 * without its parameter-free Rescaling input layer. Blocks are inverted residuals, most with
 * squeeze-and-excitation, and the deeper ones use hard-swish. HardSwish has no tfjs
 * layer, so this net can be shaped and counted but not run in the browser.
 */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder, batchNormParams, convParams, correctPad, makeDivisible } from './specBuilder';

const BN = batchNormParams(1e-3, 0.999);

interface Block {
  expansion: number;
  filters: number;
  kernel: number;
  strides: number;
  squeeze: boolean;
  activation: 'ReLU' | 'HardSwish';
}

const BLOCKS: Block[] = [
  { expansion: 1, filters: 16, kernel: 3, strides: 2, squeeze: true, activation: 'ReLU' },
  { expansion: 72 / 16, filters: 24, kernel: 3, strides: 2, squeeze: false, activation: 'ReLU' },
  { expansion: 88 / 24, filters: 24, kernel: 3, strides: 1, squeeze: false, activation: 'ReLU' },
  { expansion: 4, filters: 40, kernel: 5, strides: 2, squeeze: true, activation: 'HardSwish' },
  { expansion: 6, filters: 40, kernel: 5, strides: 1, squeeze: true, activation: 'HardSwish' },
  { expansion: 6, filters: 40, kernel: 5, strides: 1, squeeze: true, activation: 'HardSwish' },
  { expansion: 3, filters: 48, kernel: 5, strides: 1, squeeze: true, activation: 'HardSwish' },
  { expansion: 3, filters: 48, kernel: 5, strides: 1, squeeze: true, activation: 'HardSwish' },
  { expansion: 6, filters: 96, kernel: 5, strides: 2, squeeze: true, activation: 'HardSwish' },
  { expansion: 6, filters: 96, kernel: 5, strides: 1, squeeze: true, activation: 'HardSwish' },
  { expansion: 6, filters: 96, kernel: 5, strides: 1, squeeze: true, activation: 'HardSwish' },
];

/**
 * Squeeze-and-excitation: average each channel to one number, pass the vector through a
 * narrow bottleneck and multiply every channel by the resulting gate between 0 and 1.
 * Keras gates with relu6(x + 3) / 6 (HardSigmoid with alpha 1/6); this keeps HardSigmoid's
 * default, tfjs' 0.2·x + 0.5, the same shape of curve with no parameters, so the counts are
 * unaffected and the net still saves as a Keras file tfjs loads.
 */
function squeezeExcite(b: SpecBuilder, prefix: string, x: string, channels: number): string {
  let s = b.add('GlobalAveragePooling2D', `${prefix}squeeze_excite_avg_pool`, {}, x);
  s = b.add('Reshape', `${prefix}squeeze_excite_reshape`, { targetShape: [1, 1, channels] }, s);
  s = b.add(
    'Conv2D',
    `${prefix}squeeze_excite_conv`,
    convParams({ filters: makeDivisible(channels * 0.25), kernel: 1, padding: 'same' }),
    s,
  );
  s = b.add('ReLU', `${prefix}squeeze_excite_relu`, {}, s);
  s = b.add(
    'Conv2D',
    `${prefix}squeeze_excite_conv_1`,
    convParams({ filters: channels, kernel: 1, padding: 'same' }),
    s,
  );
  s = b.add('HardSigmoid', `${prefix}squeeze_excite_hard_sigmoid`, {}, s);
  return b.add('Multiply', `${prefix}squeeze_excite_mul`, {}, [x, s]);
}

function invertedResidual(b: SpecBuilder, x: string, inChannels: number, block: Block, id: number): string {
  const prefix = id === 0 ? 'expanded_conv_' : `expanded_conv_${id}_`;
  const act = (name: string, input: string) => b.add(block.activation, `${prefix}${name}`, {}, input);
  const expanded = makeDivisible(inChannels * block.expansion);
  let y = x;
  if (id > 0) {
    y = b.add(
      'Conv2D',
      `${prefix}expand`,
      convParams({ filters: expanded, kernel: 1, padding: 'same', useBias: false }),
      y,
    );
    y = b.add('BatchNormalization', `${prefix}expand_bn`, BN, y);
    y = act('expand_act', y);
  }
  if (block.strides === 2)
    y = b.add('ZeroPadding2D', `${prefix}depthwise_pad`, { padding: correctPad(block.kernel) }, y);
  y = b.add(
    'DepthwiseConv2D',
    `${prefix}depthwise`,
    {
      kernelSize: [block.kernel, block.kernel],
      strides: [block.strides, block.strides],
      padding: block.strides === 1 ? 'same' : 'valid',
      useBias: false,
    },
    y,
  );
  y = b.add('BatchNormalization', `${prefix}depthwise_bn`, BN, y);
  y = act('depthwise_act', y);
  if (block.squeeze) y = squeezeExcite(b, prefix, y, expanded);
  y = b.add(
    'Conv2D',
    `${prefix}project`,
    convParams({ filters: block.filters, kernel: 1, padding: 'same', useBias: false }),
    y,
  );
  y = b.add('BatchNormalization', `${prefix}project_bn`, BN, y);
  return block.strides === 1 && inChannels === block.filters ? b.add('Add', `${prefix}add`, {}, [x, y]) : y;
}

export function mobilenetV3SmallSpec(classes = 1000): NetworkSpec {
  const b = new SpecBuilder('MobileNetV3Small');
  let x = b.input([224, 224, 3]);
  x = b.add(
    'Conv2D',
    'conv',
    convParams({ filters: 16, kernel: 3, strides: 2, padding: 'same', useBias: false }),
    x,
  );
  x = b.add('BatchNormalization', 'conv_bn', BN, x);
  x = b.add('HardSwish', 'conv_act', {}, x);
  let channels = 16;
  BLOCKS.forEach((block, id) => {
    x = invertedResidual(b, x, channels, block, id);
    channels = block.filters;
  });
  const lastConv = makeDivisible(channels * 6);
  x = b.add(
    'Conv2D',
    'conv_1',
    convParams({ filters: lastConv, kernel: 1, padding: 'same', useBias: false }),
    x,
  );
  x = b.add('BatchNormalization', 'conv_1_bn', BN, x);
  x = b.add('HardSwish', 'conv_1_act', {}, x);
  // Keras pools with keepdims=True; tfjs has no keepdims, so a Reshape restores the 1×1 map.
  x = b.add('GlobalAveragePooling2D', 'global_average_pooling2d', {}, x);
  x = b.add('Reshape', 'pool_reshape', { targetShape: [1, 1, lastConv] }, x);
  x = b.add('Conv2D', 'conv_2', convParams({ filters: 1024, kernel: 1, padding: 'same' }), x);
  x = b.add('HardSwish', 'conv_2_act', {}, x);
  x = b.add('Dropout', 'dropout', { rate: 0.2 }, x);
  x = b.add('Conv2D', 'logits', convParams({ filters: classes, kernel: 1, padding: 'same' }), x);
  x = b.add('Flatten', 'flatten', {}, x);
  b.add('Activation', 'predictions', { activation: 'softmax' }, x);
  return b.spec();
}

export const mobilenetV3SmallCard: ZooCard = {
  id: 'mobilenetv3small',
  name: 'MobileNet v3-Small',
  year: 2019,
  paper: {
    title: 'Searching for MobileNetV3',
    authors:
      'Andrew Howard, Mark Sandler, Grace Chu, Liang-Chieh Chen, Bo Chen, Mingxing Tan, Weijun Wang, Yukun Zhu, Ruoming Pang, Vijay Vasudevan, Quoc V. Le, Hartwig Adam',
  },
  idea: {
    en: "An automated search that measured real phone latency chose the blocks, and squeeze-and-excitation gates let each block turn its channels up or down from a summary of the whole image. Hard-swish, a piecewise-linear swish, gives most of swish's accuracy without any exponentials.",
    zh: '由一个测量真实手机延迟的自动搜索来选择网络的各个块，挤压-激励门让每个块根据整张图像的概要增强或减弱各个通道。hard-swish 是分段线性的 swish，不需要任何指数运算就能获得 swish 的大部分精度。',
  },
  pretrained: false,
  published: {
    params: 2_554_968,
    counts: 'all',
    source: 'keras.applications.MobileNetV3Small (alpha 1.0, 224, include_top)',
  },
};
