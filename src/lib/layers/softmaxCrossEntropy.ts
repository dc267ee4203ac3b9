/** SoftmaxCrossEntropy: softmax of the scores, then −log of the probability of the true class. */
import { lossLayer } from './shared/loss';

export const softmaxCrossEntropy = lossLayer(
  'SoftmaxCrossEntropy',
  {
    en: 'Measures how wrong a classifier is: turns its raw scores into probabilities with a softmax and takes minus the logarithm of the probability given to the true class. It is 0 for a confident correct answer and grows without bound for a confident wrong one, which gives strong gradients exactly where the net is most mistaken.',
    zh: '衡量分类器错得有多厉害：先用 softmax 把原始分数变成概率，再取真实类别概率的负对数。对自信且正确的回答它为 0，对自信但错误的回答它无限增大，因此恰好在网络错得最厉害的地方给出强梯度。',
  },
  'categoricalCrossentropy',
);
