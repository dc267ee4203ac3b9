/** LayerNormalization: normalises each example over its feature axis, independent of the batch. */
import type { LayerDef } from './types';
import { axisParam, bool, num } from './shared/params';
import {
  featuresAlongAxis,
  normalizationTail,
  scaleShiftWeights,
  shapeAlongAxis,
} from './shared/normalizationParams';
import { readAxis, readBool, readFloat } from './shared/kerasConfig';

export const layerNormalization: LayerDef = {
  type: 'LayerNormalization',
  category: 'Normalization',
  description: {
    en: 'Rescales the features of every example on its own to mean 0 and variance 1, then applies a learned scale and shift per feature. Unlike batch normalisation it does not depend on the other examples in the batch, so it works the same in training and use and suits recurrent nets and Transformers.',
    zh: '把每个样本自己的特征重新缩放到均值 0、方差 1，再为每个特征乘以可学习的缩放系数并加上偏移。与批归一化不同，它不依赖批次中的其他样本，因此训练和使用时行为一致，适合循环网络和 Transformer。',
  },
  params: [
    axisParam(-1, {
      en: 'The axis normalised over, counted as in Keras; −1 is the last (the features).',
      zh: '在其上归一化的维度，按 Keras 的方式计数；−1 是最后一个（特征）。',
    }),
    ...normalizationTail,
  ],
  formula: 'layerNorm',
  arity: { min: 1, max: 1 },
  inferShape: (p, [input = []]) => shapeAlongAxis(p, input),
  weights: (p, [input = []]) => scaleShiftWeights(p, featuresAlongAxis(p, input)),
  countMacs: () => 0,
  keras: {
    className: 'LayerNormalization',
    toConfig: (p) => ({
      axis: num(p, 'axis'),
      epsilon: num(p, 'epsilon'),
      center: bool(p, 'center'),
      scale: bool(p, 'scale'),
    }),
    fromConfig: (c) => ({
      axis: readAxis(c, 'axis', -1),
      epsilon: readFloat(c, 'epsilon', { dflt: 0.001 }),
      center: readBool(c, 'center', true),
      scale: readBool(c, 'scale', true),
    }),
  },
};
