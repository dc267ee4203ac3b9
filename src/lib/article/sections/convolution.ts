/** Convolution itself, and its hyperparameters: kernel size, padding, stride and dilation. */
import type { ArticleSection } from '../types';

export const convolution: ArticleSection = {
  id: 'convolution',
  title: { en: 'Convolution', zh: '卷积' },
  layerTypes: ['Conv1D', 'Conv2D', 'Conv3D', 'Conv2DTranspose', 'LocallyConnected1D', 'LocallyConnected2D'],
  categories: ['Vision'],
  showMe: [{ kind: 'layer' }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'A convolutional layer places its kernel over a small window of the input, multiplies each weight by the value under it, adds everything up, adds the bias, and writes the result into one neuron of the output. Then it moves the window and repeats, until every position has been visited. One kernel produces one activation map; a layer with $C_{out}$ kernels produces $C_{out}$ maps.',
        zh: '卷积层把卷积核放在输入的一个小窗口上，把每个权重与其下方的值相乘，全部相加，再加上偏置，结果写入输出中的一个神经元。然后移动窗口，重复这一过程，直到走遍所有位置。一个卷积核产生一张激活图；有 $C_{out}$ 个卷积核的层就产生 $C_{out}$ 张激活图。',
      },
    },
    {
      kind: 'math',
      tex: 'y_{i,j,k} = b_{k} + \\sum_{c=1}^{C_{in}} \\sum_{u=0}^{K_h-1} \\sum_{v=0}^{K_w-1} w_{u,v,c,k} \\, x_{s i + d u,\\; s j + d v,\\; c}',
      caption: {
        en: 'Output neuron $(i, j)$ of channel $k$: a weighted sum over the window in every input channel $c$, with stride $s$ and dilation $d$. Padding is handled by treating positions outside the input as zeros.',
        zh: '通道 $k$ 的输出神经元 $(i, j)$：对每个输入通道 $c$ 中窗口内的值加权求和，步长为 $s$，空洞率为 $d$。填充的处理方式是把输入之外的位置当作零。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'The sum runs over **all input channels**. Each input channel has its own $K_h \\times K_w$ slice of the kernel; convolving each channel with its slice gives an intermediate map, and the output map is the sum of those maps plus the bias. The formula view shows exactly these intermediate maps for the neuron you click.',
        zh: '求和遍及**所有输入通道**。每个输入通道都对应卷积核中一个 $K_h \\times K_w$ 的切片；每个通道与其切片做卷积得到一张中间图，输出图就是这些中间图之和再加上偏置。公式视图会为你点击的神经元展示这些中间图。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'Two ideas make convolution work so well for images. **Locality**: each neuron looks only at a small neighbourhood, because nearby pixels are what belong together. **Weight sharing**: the same kernel is used at every position, so a detector for a vertical edge works everywhere in the picture, and the layer needs only $K_h \\cdot K_w \\cdot C_{in}$ weights per output channel no matter how large the image is.',
        zh: '卷积之所以特别适合图像，靠的是两个思想。**局部性**：每个神经元只看一小块邻域，因为相邻的像素才属于同一个东西。**权重共享**：同一个卷积核在每个位置都使用，所以竖直边缘检测器在画面中任何地方都有效，而且无论图像多大，每个输出通道只需要 $K_h \\cdot K_w \\cdot C_{in}$ 个权重。',
      },
    },
    {
      kind: 'note',
      text: {
        en: 'Strictly speaking, deep learning libraries compute a *cross-correlation*: the kernel is not flipped as in the textbook definition of convolution. Since the kernel is learned, the difference does not matter, and everyone calls it convolution anyway.',
        zh: '严格来说，深度学习库计算的是*互相关*：卷积核并没有像教科书中的卷积定义那样翻转。由于卷积核是学出来的，这一区别无关紧要，大家也都照样称之为卷积。',
      },
    },
  ],
};

export const hyperparameters: ArticleSection = {
  id: 'hyperparameters',
  title: { en: 'Kernel size, padding, stride and dilation', zh: '卷积核大小、填充、步长与空洞' },
  layerTypes: ['ZeroPadding1D', 'ZeroPadding2D', 'ZeroPadding3D', 'Cropping1D', 'Cropping2D', 'Cropping3D'],
  showMe: [
    { kind: 'view', view: 'playground', label: { en: 'the hyperparameter playground', zh: '超参数实验场' } },
    { kind: 'layer', of: 'convolution' },
  ],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'Four **hyperparameters** decide where the kernel goes and how large the output is. Unlike weights they are not learned: you choose them when you design the network.',
        zh: '四个**超参数**决定卷积核放在哪里、输出有多大。它们不同于权重，不是学出来的，而是在设计网络时由你选定。',
      },
    },
    {
      kind: 'list',
      items: [
        {
          en: '**Kernel size** $K$: how large the window is. Small kernels are the norm: two stacked $3 \\times 3$ layers see a $5 \\times 5$ region with 18 weights per channel pair instead of 25, and add a nonlinearity in between.',
          zh: '**卷积核大小** $K$：窗口有多大。小卷积核是常态：两个叠加的 $3 \\times 3$ 层能看到 $5 \\times 5$ 的区域，每对通道只需 18 个权重而不是 25 个，中间还多了一次非线性。',
        },
        {
          en: '**Padding** $P$: zeros added around the border. With `valid` padding there are none and each $3 \\times 3$ layer trims one pixel from every side; with `same` padding the output keeps the input’s size (at stride 1), so border pixels are not lost.',
          zh: '**填充** $P$：在边界外补上的零。`valid` 填充不补，每个 $3 \\times 3$ 层都会在四边各裁掉一个像素；`same` 填充让输出保持与输入相同的大小（步长为 1 时），边界像素不会丢失。',
        },
        {
          en: '**Stride** $S$: how far the window moves each step. A stride of 2 skips every other position and halves the height and width, a cheap way to shrink the maps.',
          zh: '**步长** $S$：窗口每次移动多远。步长为 2 时隔一个位置取一次，高和宽都减半，是缩小特征图的廉价办法。',
        },
        {
          en: '**Dilation** $D$: gaps between the kernel’s taps. A $3 \\times 3$ kernel with dilation 2 covers a $5 \\times 5$ area with only 9 weights, widening the view without extra cost.',
          zh: '**空洞率** $D$：卷积核各抽头之间的间隔。空洞率为 2 的 $3 \\times 3$ 卷积核只用 9 个权重就覆盖 $5 \\times 5$ 的区域，不增加计算量就扩大了视野。',
        },
      ],
    },
    {
      kind: 'math',
      tex: 'O = \\left\\lfloor \\frac{W + 2P - D(K - 1) - 1}{S} \\right\\rfloor + 1',
      caption: {
        en: 'Output size $O$ along one axis for an input of size $W$. With $D = 1$ it reads $\\lfloor (W - K + 2P) / S \\rfloor + 1$: a $64 \\times 64$ input, a $3 \\times 3$ kernel, no padding and stride 1 give $62 \\times 62$.',
        zh: '输入大小为 $W$ 时，单个轴上的输出大小 $O$。当 $D = 1$ 时即为 $\\lfloor (W - K + 2P) / S \\rfloor + 1$：$64 \\times 64$ 的输入、$3 \\times 3$ 的卷积核、不填充、步长 1，得到 $62 \\times 62$。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'When the numbers do not divide evenly, the floor drops the last positions and some input rows are never read. The playground shows every kernel position and warns when that happens.',
        zh: '当数字不能整除时，向下取整会丢掉最后几个位置，有些输入行永远不会被读到。实验场会展示卷积核的每一个位置，并在出现这种情况时给出提醒。',
      },
    },
  ],
};
