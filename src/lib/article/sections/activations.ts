/** Activation functions: why networks need them, ReLU and the others, with their graphs. */
import type { ArticleSection } from '../types';

export const activations: ArticleSection = {
  id: 'activations',
  title: { en: 'Activation functions', zh: '激活函数' },
  layerTypes: ['Activation', 'ReLU', 'LeakyReLU', 'PReLU', 'ELU', 'ThresholdedReLU'],
  categories: ['Activation'],
  showMe: [{ kind: 'layer' }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'A convolution is a weighted sum, and a weighted sum of weighted sums is still just one weighted sum. Without something in between, a stack of a hundred linear layers could compute nothing that a single layer could not. An **activation function** is that something: a simple nonlinear function applied to every neuron on its own, which lets depth add real power.',
        zh: '卷积是加权求和，而加权和的加权和仍然只是一个加权和。如果中间什么都不加，一百个线性层叠起来也算不出单个层算不出的东西。**激活函数**就是加在中间的那个东西：一个简单的非线性函数，逐个作用在每个神经元上，让深度真正带来能力。',
      },
    },
    {
      kind: 'math',
      tex: '\\mathrm{ReLU}(x) = \\max(0, x)',
      caption: {
        en: 'The rectified linear unit keeps positive values and replaces negative ones with zero.',
        zh: '线性整流单元保留正值，把负值替换为零。',
      },
    },
    {
      kind: 'p',
      text: {
        en: '**ReLU** is the default choice in convolutional networks. It costs almost nothing to compute, and its slope is exactly 1 for positive inputs, so gradients pass through many layers without shrinking. Its weakness is that a neuron whose input stays negative outputs zero and receives no gradient, so it can stop learning (a “dead” ReLU). In the overview, the ReLU layers are where the negative parts of the maps turn to zero.',
        zh: '**ReLU** 是卷积网络的默认选择。它几乎不花计算量，且对正输入斜率恰好为 1，梯度穿过很多层也不会缩小。它的弱点是：如果某个神经元的输入一直为负，它就一直输出零，也得不到梯度，于是可能停止学习（即“死亡” ReLU）。在总览中，ReLU 层就是特征图里负值部分变成零的地方。',
      },
    },
    {
      kind: 'activationPlots',
      functions: ['relu', 'leaky_relu', 'elu', 'relu6', 'sigmoid', 'tanh', 'swish', 'hard_swish'],
    },
    {
      kind: 'list',
      items: [
        {
          en: '**Leaky ReLU** and **ELU** let a little signal through for negative inputs, so no neuron goes completely dead.',
          zh: '**Leaky ReLU** 和 **ELU** 对负输入也放过一点信号，于是不会有神经元彻底“死亡”。',
        },
        {
          en: '**ReLU6** caps the output at 6, which keeps values in a small range for low-precision arithmetic on phones; MobileNet uses it.',
          zh: '**ReLU6** 把输出上限截在 6，使数值保持在小范围内，便于手机上的低精度运算；MobileNet 就使用它。',
        },
        {
          en: '**Sigmoid** squashes any number into 0 to 1, and **tanh** into −1 to 1. Both flatten out for large inputs, where their gradient almost vanishes, so deep networks train slowly with them. They survive where a value must stay in range: gates in recurrent layers, probabilities for yes-or-no outputs.',
          zh: '**Sigmoid** 把任何数压到 0 到 1 之间，**tanh** 压到 −1 到 1 之间。二者在输入很大时都趋于平坦，梯度几乎消失，因此深层网络用它们训练得很慢。它们仍用于数值必须限定范围的地方：循环层中的门、是非题输出的概率。',
        },
        {
          en: '**Swish**, $x \\cdot \\sigma(x)$, is a smooth ReLU that dips slightly below zero; it often trains a little better in deep models. **Hard swish** imitates it with ReLU6 to save computation (see [MobileNet](#mobilenet)).',
          zh: '**Swish**，即 $x \\cdot \\sigma(x)$，是一种平滑的 ReLU，在零以下略微下探；在深层模型中往往训练得更好一点。**Hard swish** 用 ReLU6 来模仿它，以节省计算（见 [MobileNet](#mobilenet)）。',
        },
      ],
    },
    {
      kind: 'note',
      text: {
        en: 'In Keras an activation can be its own layer (`Activation`) or a parameter of a `Conv2D` or `Dense` layer. The result is the same; a separate layer just makes the step visible in the overview.',
        zh: '在 Keras 中，激活函数既可以是单独的一层（`Activation`），也可以是 `Conv2D` 或 `Dense` 层的一个参数。结果相同；单独成层只是让这一步在总览中可见。',
      },
    },
  ],
};
