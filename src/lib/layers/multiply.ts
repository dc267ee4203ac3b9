/** Multiply: the element-wise product of its inputs, used for gating and attention. */
import { elementwiseMerge } from './shared/merge';

export const multiply = elementwiseMerge(
  'Multiply',
  {
    en: 'Multiplies its inputs value by value, where an axis of size 1 is stretched to match. A squeeze-and-excitation block multiplies a feature map by one learned weight per channel this way, turning channels up or down. It has no weights.',
    zh: '把各个输入逐元素相乘，大小为 1 的维度会被拉伸以匹配。挤压-激励（SE）模块就是这样把特征图乘以每个通道一个的学习权重，从而增强或减弱各个通道。它没有权重。',
  },
  { maxInputs: 8 },
);
