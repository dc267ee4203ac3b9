/** Parameter definitions the normalisation layers share. */
import type { ParamDef } from '../types';

export const epsilonParam: ParamDef = {
  name: 'epsilon',
  kind: 'float',
  default: 0.001,
  min: 1e-12,
  max: 1,
  label: { en: 'Epsilon', zh: 'Epsilon' },
  help: {
    en: 'Small number added to the variance before the square root, so nothing is divided by zero.',
    zh: '开平方前加到方差上的小数，避免除以零。',
  },
};

export const centerParam: ParamDef = {
  name: 'center',
  kind: 'bool',
  default: true,
  label: { en: 'Learn shift (beta)', zh: '学习平移（beta）' },
  help: {
    en: 'Add a learned offset per feature after normalising.',
    zh: '归一化后为每个特征加上一个可学习的偏移。',
  },
};

export const scaleParam: ParamDef = {
  name: 'scale',
  kind: 'bool',
  default: true,
  label: { en: 'Learn scale (gamma)', zh: '学习缩放（gamma）' },
  help: {
    en: 'Multiply by a learned factor per feature after normalising; can be off when a linear layer or ReLU follows.',
    zh: '归一化后为每个特征乘以一个可学习的系数；后面接线性层或 ReLU 时可以关闭。',
  },
};
