/** BinaryCrossEntropy: −[y·log p + (1 − y)·log(1 − p)] for yes/no targets. */
import { lossLayer } from './shared/loss';

export const binaryCrossEntropy = lossLayer(
  'BinaryCrossEntropy',
  {
    en: 'The loss for yes/no questions: for every output, a probability p from a sigmoid is compared with a target of 0 or 1 by −[y·log p + (1 − y)·log(1 − p)], and the results are averaged. Several outputs can be yes at once, so it also suits multi-label tagging.',
    zh: '用于是/否问题的损失：对每个输出，把 sigmoid 给出的概率 p 与 0 或 1 的目标按 −[y·log p + (1 − y)·log(1 − p)] 比较，再求平均。多个输出可以同时为“是”，因此它也适合多标签标注。',
  },
  'binaryCrossentropy',
);
