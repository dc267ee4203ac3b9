/** Hinge: mean of max(0, 1 − y·score) with targets of −1 or 1, the SVM loss. */
import { lossLayer } from './shared/loss';

export const hinge = lossLayer(
  'Hinge',
  {
    en: 'The loss of support vector machines: with targets of −1 or 1, each output costs max(0, 1 − target · score). Answers that are right by a margin of at least 1 cost nothing, so training concentrates on the examples near the decision boundary.',
    zh: '支持向量机的损失：目标为 −1 或 1 时，每个输出的代价为 max(0, 1 − 目标 · 分数)。以至少 1 的间隔答对的样本没有代价，因此训练集中在决策边界附近的样本上。',
  },
  'hinge',
);
