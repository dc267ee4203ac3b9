/** The article's opening: what a CNN is, and the vocabulary (tensors, neurons, layers, kernels). */
import type { ArticleSection } from '../types';

export const whatIsCnn: ArticleSection = {
  id: 'cnn',
  title: { en: 'What is a convolutional neural network?', zh: '什么是卷积神经网络？' },
  showMe: [{ kind: 'view', view: 'overview', label: { en: 'the network overview', zh: '网络总览' } }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'A **convolutional neural network** (CNN) is a function that takes an image — nothing more than a grid of numbers — and turns it, step by step, into a score for every class it knows. Each step is a **layer**. The first layers respond to simple things such as edges and patches of colour; later layers combine those into textures, then into parts of objects, and the last layer weighs the evidence into a decision.',
        zh: '**卷积神经网络**（CNN）是一个函数：它接收一张图像——其实就是一格一格的数字——再一步步把它变成对每个已知类别的打分。每一步就是一个**层**。前面的层对边缘、色块这类简单的东西有反应；后面的层把它们组合成纹理，再组合成物体的局部，最后一层汇总这些证据，作出判断。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'What makes it *convolutional* is that the same small filter slides across the whole image. A pattern is recognised wherever it appears, and the network needs far fewer weights than if every pixel were wired to every neuron. Nobody writes these filters by hand: they are learned from labelled examples (see [how a network learns](#training)).',
        zh: '之所以叫*卷积*，是因为同一个小滤波器会在整张图像上滑动。无论图案出现在哪里都能被认出来，而且所需的权重远少于把每个像素连到每个神经元的做法。这些滤波器不是人手写的，而是从带标签的样本中学来的（见[网络如何学习](#training)）。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'This page lets you watch that happen. The overview at the top shows what every layer outputs for your image; click any neuron to open the formula that computed it. Each section of this article has a *show me* link that takes you to the matching view, and clicking a layer in the overview brings you back to the section that explains it.',
        zh: '在这个页面上，你可以亲眼看到这一过程。页面顶部的总览展示每一层对你的图像输出了什么；点击任意神经元，就能打开计算它的公式。本文每一节都有一个*查看*链接，带你去对应的视图；在总览中点击某一层，又会回到讲解它的那一节。',
      },
    },
  ],
};

export const tensors: ArticleSection = {
  id: 'tensors',
  title: { en: 'Tensors, neurons, layers, kernels', zh: '张量、神经元、层与卷积核' },
  layerTypes: ['Input', 'InputLayer'],
  categories: ['Data'],
  showMe: [{ kind: 'view', view: 'overview', label: { en: 'the network overview', zh: '网络总览' } }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'A **tensor** is an array of numbers with a shape. A colour image of height $H$ and width $W$ is a tensor of shape $H \\times W \\times 3$: one value per pixel for each of the red, green and blue **channels**, scaled to the range 0 to 1. Every layer takes tensors in and gives a tensor out, so the shape table above reads as the story of one image flowing through the network.',
        zh: '**张量**就是带有形状的数字数组。一张高 $H$、宽 $W$ 的彩色图像是形状为 $H \\times W \\times 3$ 的张量：每个像素在红、绿、蓝三个**通道**上各有一个值，缩放到 0 到 1 之间。每一层都输入张量、输出张量，所以上面的形状表读起来就是一张图像流过网络的全过程。',
      },
    },
    {
      kind: 'list',
      items: [
        {
          en: 'A **neuron** is one number in a layer’s output. In a convolutional layer the neurons of one channel form an **activation map** (or feature map): a small image of where the channel’s pattern was found.',
          zh: '**神经元**是某层输出中的一个数。在卷积层里，同一通道的神经元组成一张**激活图**（也叫特征图）：一张小图，标出了该通道的图案在哪里出现。',
        },
        {
          en: 'A **layer** is a function from tensors to a tensor. Some only rearrange or reduce numbers; others hold learned **parameters**.',
          zh: '**层**是从张量到张量的函数。有的层只是重排或缩减数字，有的层则带有可学习的**参数**。',
        },
        {
          en: 'A **kernel** (or filter) is a small block of weights, such as $3 \\times 3 \\times C_{in}$, that a convolutional layer slides over its input. The layer has one kernel per output channel.',
          zh: '**卷积核**（也叫滤波器）是一小块权重，例如 $3 \\times 3 \\times C_{in}$，卷积层让它在输入上滑动。每个输出通道各有一个卷积核。',
        },
        {
          en: '**Weights** scale the inputs and a **bias** shifts the result. Together they are the parameters that training adjusts.',
          zh: '**权重**对输入进行缩放，**偏置**对结果进行平移。二者就是训练时要调整的参数。',
        },
      ],
    },
    {
      kind: 'math',
      tex: 'P = K_h \\cdot K_w \\cdot C_{in} \\cdot C_{out} + C_{out}',
      caption: {
        en: 'The parameter count $P$ of a convolutional layer: one $K_h \\times K_w \\times C_{in}$ kernel and one bias for each of the $C_{out}$ output channels.',
        zh: '卷积层的参数量 $P$：$C_{out}$ 个输出通道各有一个 $K_h \\times K_w \\times C_{in}$ 的卷积核和一个偏置。',
      },
    },
    {
      kind: 'note',
      text: {
        en: 'Shapes on this page leave out the batch axis and put channels last (height × width × channels), as TensorFlow.js stores them.',
        zh: '本页的形状省略了批次维度，并把通道放在最后（高 × 宽 × 通道），与 TensorFlow.js 的存储方式一致。',
      },
    },
  ],
};
