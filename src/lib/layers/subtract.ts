/** Subtract: the first input minus the second, value by value; tfjs has no such layer. */
import { elementwiseMerge } from './shared/merge';

export const subtract = elementwiseMerge(
  'Subtract',
  {
    en: 'Subtracts its second input from its first, value by value. Siamese networks use it to compare two embeddings before deciding whether two images show the same thing. It has no weights.',
    zh: '把第一个输入逐元素减去第二个输入。孪生网络用它比较两个嵌入向量，再判断两张图像是否是同一事物。它没有权重。',
  },
  {
    maxInputs: 2,
    tfjsNote: {
      en: 'tfjs 4.22 has no Subtract layer; multiply the second input by −1 (a Dense or Conv layer with fixed weights) and Add, or compute the difference outside the model.',
      zh: 'tfjs 4.22 没有 Subtract 层；可把第二个输入乘以 −1（用权重固定的 Dense 或卷积层）后再用 Add，或在模型之外计算差值。',
    },
  },
);
