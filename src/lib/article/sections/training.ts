/** How training works: loss, gradient descent, learning rate, overfitting and regularisation. */
import type { ArticleSection } from '../types';

export const training: ArticleSection = {
  id: 'training',
  title: { en: 'How a network learns', zh: '网络如何学习' },
  layerTypes: [
    'Dropout',
    'SpatialDropout1D',
    'SpatialDropout2D',
    'GaussianNoise',
    'GaussianDropout',
    'AlphaDropout',
    'BatchNormalization',
    'LayerNormalization',
    'ActivityRegularization',
  ],
  categories: ['Normalization', 'Noise', 'Loss'],
  showMe: [{ kind: 'view', view: 'training', label: { en: 'the training panel', zh: '训练面板' } }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'A new network starts with random weights and its predictions are guesses. Training shows it labelled examples and nudges every weight so that the right answers become a little more likely each time. Three ingredients make this work: a loss that measures how wrong the network is, gradients that say which way to move each weight, and a step size.',
        zh: '新网络的权重是随机的，它的预测只是瞎猜。训练就是给它看带标签的样本，每次都微调每个权重，让正确答案的可能性稍稍变大。这需要三样东西：衡量网络错得有多离谱的损失，指明每个权重该往哪个方向调的梯度，以及步长。',
      },
    },
    {
      kind: 'math',
      tex: 'L = -\\log p_{y}',
      caption: {
        en: 'Cross-entropy loss for one image whose true class is $y$: zero when the network is certain and right, growing without bound as $p_y$ approaches zero.',
        zh: '真实类别为 $y$ 的一张图像的交叉熵损失：网络既确信又正确时为零，$p_y$ 趋近于零时无限增大。',
      },
    },
    {
      kind: 'p',
      text: {
        en: '**Backpropagation** computes, for every weight, how the loss would change if that weight changed: the gradient $\\partial L / \\partial w$. It applies the chain rule backwards from the loss through each layer, reusing the activations of the forward pass. **Gradient descent** then moves each weight a small step against its gradient, downhill on the loss:',
        zh: '**反向传播**为每个权重计算：如果它改变，损失会怎样变化，即梯度 $\\partial L / \\partial w$。它从损失出发，沿着各层反向应用链式法则，并复用前向传播的激活值。**梯度下降**再让每个权重逆着梯度走一小步，沿损失的下坡方向前进：',
      },
    },
    {
      kind: 'math',
      tex: 'w \\leftarrow w - \\eta \\, \\frac{\\partial L}{\\partial w}',
      caption: {
        en: 'One update with learning rate $\\eta$. In practice the gradient is averaged over a **mini-batch** of images, and one pass over the whole training set is an **epoch**.',
        zh: '学习率为 $\\eta$ 的一次更新。实际中梯度是在一个**小批量**图像上求平均的，完整遍历一次训练集称为一个**轮次**（epoch）。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'The **learning rate** $\\eta$ is the most important setting. Too large, and the steps overshoot the valley: the loss jumps around or explodes. Too small, and training crawls. Optimisers such as **Adam** adapt the step for each weight from the history of its gradients, which makes the choice less delicate.',
        zh: '**学习率** $\\eta$ 是最重要的设置。太大，步子会越过谷底：损失上下乱跳甚至爆炸。太小，训练就慢如蜗牛。**Adam** 等优化器根据每个权重梯度的历史来调整它的步长，使这一选择不那么敏感。',
      },
    },
    {
      kind: 'h3',
      text: { en: 'Overfitting and regularisation', zh: '过拟合与正则化' },
    },
    {
      kind: 'p',
      text: {
        en: 'A network with enough weights can memorise its training images, noise and all. Then training accuracy keeps rising while accuracy on images it has never seen stalls or falls: it is **overfitting**. That is why a **validation set** is kept aside and checked after every epoch. Techniques that fight overfitting are called **regularisation**:',
        zh: '权重足够多的网络能把训练图像连同噪声一起背下来。这时训练准确率不断上升，而在没见过的图像上的准确率却停滞甚至下降：这就是**过拟合**。因此要留出一个**验证集**，在每个轮次之后检查。对抗过拟合的技术统称为**正则化**：',
      },
    },
    {
      kind: 'list',
      items: [
        {
          en: '**Data augmentation**: show each image flipped, shifted or recoloured, so the network cannot memorise the exact pixels.',
          zh: '**数据增强**：把每张图像翻转、平移或改变颜色后再给网络看，让它无法记住确切的像素。',
        },
        {
          en: '**Weight decay** (L2): add $\\lambda \\sum w^2$ to the loss, which keeps weights small and the function smooth.',
          zh: '**权重衰减**（L2）：在损失中加上 $\\lambda \\sum w^2$，让权重保持较小、函数保持平滑。',
        },
        {
          en: '**Dropout**: during training, set a random fraction of the neurons to zero at every step, so no neuron can rely on any particular other one. At test time all neurons are used.',
          zh: '**Dropout**（随机失活）：训练时每一步都把随机一部分神经元置零，使任何神经元都无法依赖某个特定的神经元。测试时则使用全部神经元。',
        },
        {
          en: '**Batch normalisation**: rescale each channel to zero mean and unit variance over the mini-batch. It mainly makes training faster and more stable, with a mild regularising effect.',
          zh: '**批归一化**：在小批量上把每个通道缩放为零均值、单位方差。它主要让训练更快、更稳定，也有轻微的正则化效果。',
        },
        {
          en: '**Early stopping**: keep the weights from the epoch with the best validation accuracy.',
          zh: '**早停**：保留验证准确率最高的那个轮次的权重。',
        },
      ],
    },
  ],
};
