/** The classifier end of the network: flatten, dense layers and softmax. */
import type { ArticleSection } from '../types';

export const dense: ArticleSection = {
  id: 'dense',
  title: { en: 'Flatten, dense layers and softmax', zh: '展平、全连接层与 softmax' },
  layerTypes: ['Flatten', 'Reshape', 'Permute', 'RepeatVector', 'Dense', 'Softmax'],
  // Utility layers mostly reshape; the ones with their own topic (padding, merges) are named elsewhere.
  categories: ['Common', 'Utility'],
  showMe: [{ kind: 'layer' }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'After the last convolution and pooling, the network has a stack of small maps. **Flatten** lays them out as one long vector of $H \\cdot W \\cdot C$ numbers. It computes nothing; it only changes the shape. The order is row by row, with the channels of each position next to each other, the same order in which the maps are stored.',
        zh: '经过最后的卷积和池化，网络得到一叠小图。**展平**把它们排成一个长度为 $H \\cdot W \\cdot C$ 的长向量。它什么也不计算，只改变形状。顺序是逐行排列，每个位置的各通道相邻，与特征图的存储顺序一致。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'A **dense** (fully connected) layer connects every input to every output. Each output $z_k$ is a weighted sum of all inputs plus a bias, so a dense layer with $n_{in}$ inputs and $n_{out}$ outputs has $(n_{in} + 1) \\cdot n_{out}$ parameters. In a classifier the last dense layer has one output per class; its outputs are called **logits**.',
        zh: '**全连接**层（dense 层）把每个输入连到每个输出。每个输出 $z_k$ 都是所有输入的加权和再加上偏置，因此有 $n_{in}$ 个输入、$n_{out}$ 个输出的全连接层有 $(n_{in} + 1) \\cdot n_{out}$ 个参数。在分类器中，最后一个全连接层每个类别一个输出，这些输出叫作 **logits**。',
      },
    },
    {
      kind: 'math',
      tex: 'z_{k} = b_{k} + \\sum_{i} w_{i,k} \\, x_{i}',
    },
    {
      kind: 'p',
      text: {
        en: 'Because flatten keeps track of where each number came from, the weights of one class can be folded back into the shape of the maps. Doing so shows which positions and channels vote for that class and which vote against it; the formula view for the output layer draws exactly that.',
        zh: '由于展平记住了每个数来自哪里，某个类别的权重可以折回特征图的形状。这样就能看出哪些位置、哪些通道为这个类别投赞成票，哪些投反对票；输出层的公式视图画的正是这个。',
      },
    },
    {
      kind: 'p',
      text: {
        en: '**Softmax** turns the logits into probabilities: it exponentiates each one and divides by the total, so every value lies between 0 and 1 and they add up to 1. The largest logit gets the largest probability, and the gaps between logits become ratios between probabilities.',
        zh: '**Softmax** 把 logits 变成概率：对每个值取指数，再除以总和，于是每个值都在 0 与 1 之间，且总和为 1。最大的 logit 得到最大的概率，logits 之间的差距变成了概率之间的比值。',
      },
    },
    {
      kind: 'math',
      tex: 'p_{k} = \\frac{e^{z_{k} / T}}{\\sum_{j} e^{z_{j} / T}}',
      caption: {
        en: 'Softmax with temperature $T$. The network uses $T = 1$; a higher temperature evens the probabilities out, a lower one sharpens them towards the top class.',
        zh: '带温度 $T$ 的 softmax。网络使用 $T = 1$；温度越高概率越平均，温度越低则越集中于最可能的类别。',
      },
    },
  ],
};
