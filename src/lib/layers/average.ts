/** Average: the element-wise mean of its inputs. */
import { elementwiseMerge } from './shared/merge';

export const average = elementwiseMerge(
  'Average',
  {
    en: 'Outputs the mean of its inputs value by value. It can blend the predictions of several branches, as an ensemble does inside one net. It has no weights.',
    zh: '逐元素输出各个输入的平均值。它可以融合多个分支的预测，相当于在一个网络内部做集成。它没有权重。',
  },
  { maxInputs: 8 },
);
