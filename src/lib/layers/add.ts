/** Add: the element-wise sum of its inputs, as in a residual connection. */
import { elementwiseMerge } from './shared/merge';

export const add = elementwiseMerge(
  'Add',
  {
    en: "Adds its inputs value by value. ResNet uses it for the skip connection: a block's output is added to the block's own input, so the block only has to learn a correction and gradients flow straight through the sum. It has no weights.",
    zh: '把各个输入逐元素相加。ResNet 用它实现跳跃连接：把一个块的输出与该块自己的输入相加，这样块只需学习一个修正量，梯度也能直接穿过加法。它没有权重。',
  },
  { maxInputs: 8 },
);
