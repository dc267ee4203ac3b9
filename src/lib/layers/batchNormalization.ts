/**
 * BatchNormalization: per-channel normalisation by batch statistics while training and by
 * moving averages afterwards. Keras counts all four [C] vectors as parameters; the moving
 * mean and variance are not trainable.
 */
import type { LayerDef } from './types';
import { axisParam, bool, num } from './shared/params';
import {
  featuresAlongAxis,
  normalizationTail,
  scaleShiftWeights,
  shapeAlongAxis,
} from './shared/normalizationParams';
import { readAxis, readBool, readFloat } from './shared/kerasConfig';

export const batchNormalization: LayerDef = {
  type: 'BatchNormalization',
  category: 'Normalization',
  description: {
    en: "While training, rescales every channel to mean 0 and variance 1 over the current batch, then applies a learned scale (gamma) and shift (beta); it also keeps moving averages of the mean and variance, which are used instead once training is over. Keeping every layer's inputs in a steady range lets deep nets train faster with larger learning rates.",
    zh: '训练时把每个通道在当前批次上重新缩放到均值 0、方差 1，再乘以可学习的缩放系数（gamma）并加上偏移（beta）；同时维护均值和方差的滑动平均，训练结束后改用它们。让每一层的输入保持在稳定的范围内，使深层网络能以更大的学习率更快地训练。',
  },
  params: [
    axisParam(-1, {
      en: 'The feature axis that gets its own statistics, counted as in Keras; −1 (channels last) for images.',
      zh: '拥有独立统计量的特征维度，按 Keras 的方式计数；图像取 −1（通道在最后）。',
    }),
    {
      name: 'momentum',
      kind: 'float',
      default: 0.99,
      min: 0,
      max: 1,
      label: { en: 'Momentum', zh: '动量' },
      help: {
        en: 'How slowly the moving mean and variance follow each batch; closer to 1 is smoother.',
        zh: '滑动均值和方差跟随每个批次变化的缓慢程度；越接近 1 越平滑。',
      },
    },
    ...normalizationTail,
  ],
  formula: 'batchNorm',
  arity: { min: 1, max: 1 },
  inferShape: (p, [input = []]) => shapeAlongAxis(p, input),
  weights(p, [input = []]) {
    const channels = featuresAlongAxis(p, input);
    return [
      ...scaleShiftWeights(p, channels),
      { name: 'moving_mean', shape: [channels], trainable: false },
      { name: 'moving_variance', shape: [channels], trainable: false },
    ];
  },
  countMacs: () => 0,
  keras: {
    className: 'BatchNormalization',
    toConfig: (p) => ({
      axis: num(p, 'axis'),
      momentum: num(p, 'momentum'),
      epsilon: num(p, 'epsilon'),
      center: bool(p, 'center'),
      scale: bool(p, 'scale'),
    }),
    fromConfig: (c) => ({
      axis: readAxis(c, 'axis', -1),
      momentum: readFloat(c, 'momentum', { dflt: 0.99 }),
      epsilon: readFloat(c, 'epsilon', { dflt: 0.001 }),
      center: readBool(c, 'center', true),
      scale: readBool(c, 'scale', true),
    }),
  },
};
