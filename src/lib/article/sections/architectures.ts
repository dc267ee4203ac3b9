/** The classic architecture families of the model zoo: LeNet, AlexNet, VGG and ResNet. */
import type { ArticleSection } from '../types';

export const architectures: ArticleSection = {
  id: 'architectures',
  title: { en: 'Architecture families', zh: '经典网络结构' },
  layerTypes: ['Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum', 'Concatenate', 'Dot'],
  showMe: [
    { kind: 'view', view: 'zoo', label: { en: 'the model zoo', zh: '模型库' } },
    { kind: 'view', view: 'editor', label: { en: 'the architecture editor', zh: '结构编辑器' } },
  ],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'The building blocks above have been combined in a handful of influential ways. Each family below answered a limit of the one before it, and each is a good template to start from in the editor.',
        zh: '上面介绍的基本模块，曾以几种影响深远的方式组合起来。下面每一类结构都突破了前一类的某个局限，也都是在编辑器里起步的好模板。',
      },
    },
    { kind: 'h3', text: { en: 'LeNet-5 (1998)', zh: 'LeNet-5（1998）' } },
    {
      kind: 'p',
      text: {
        en: 'Yann LeCun’s network read handwritten digits on bank cheques. On a $32 \\times 32$ greyscale image it runs two rounds of $5 \\times 5$ convolution and subsampling, then dense layers of 120 and 84 units and 10 outputs: about 60,000 parameters in all. It already has the shape every CNN since has kept: convolutions that shrink the maps and deepen the channels, then a classifier.',
        zh: 'Yann LeCun 的这个网络用来识别银行支票上的手写数字。它在 $32 \\times 32$ 的灰度图像上做两轮 $5 \\times 5$ 卷积和下采样，再接 120 个和 84 个单元的全连接层以及 10 个输出：总共约 60,000 个参数。此后所有 CNN 都沿用了它的轮廓：卷积让特征图越来越小、通道越来越多，最后接一个分类器。',
      },
    },
    { kind: 'h3', text: { en: 'AlexNet (2012)', zh: 'AlexNet（2012）' } },
    {
      kind: 'p',
      text: {
        en: 'AlexNet scaled the idea up to 1,000 ImageNet classes and about 60M parameters, trained on two GPUs. Its first layer uses $11 \\times 11$ kernels with stride 4; five convolutional layers are followed by dense layers of 4,096 units. It popularised ReLU, dropout and data augmentation, and its top-5 error of 15.3% against 26.2% for the runner-up in the 2012 ImageNet challenge started the deep learning boom.',
        zh: 'AlexNet 把这一思路扩展到 1,000 个 ImageNet 类别、约 60M 个参数，并在两块 GPU 上训练。它的第一层使用步长为 4 的 $11 \\times 11$ 卷积核；五个卷积层之后接 4,096 个单元的全连接层。它让 ReLU、dropout 和数据增强流行起来；在 2012 年的 ImageNet 挑战赛中，它的 top-5 错误率为 15.3%，而第二名为 26.2%，由此掀起了深度学习热潮。',
      },
    },
    { kind: 'h3', text: { en: 'VGG (2014)', zh: 'VGG（2014）' } },
    {
      kind: 'p',
      text: {
        en: 'VGG asked how far one simple rule could go: only $3 \\times 3$ convolutions with `same` padding, a $2 \\times 2$ max pool after each block, and twice the channels after each pool. VGG-16 has 16 weight layers and about 138M parameters, most of them in the dense layers at the end. TinyVGG, the network CNN Explainer made famous, is this pattern in miniature.',
        zh: 'VGG 想知道一条简单的规则能走多远：只用 `same` 填充的 $3 \\times 3$ 卷积，每个块后接一个 $2 \\times 2$ 最大池化，每次池化后通道数翻倍。VGG-16 有 16 个带权重的层、约 138M 个参数，其中大部分在末尾的全连接层。因 CNN Explainer 而广为人知的 TinyVGG，就是这一模式的缩小版。',
      },
    },
    { kind: 'h3', text: { en: 'ResNet (2015)', zh: 'ResNet（2015）' } },
    {
      kind: 'p',
      text: {
        en: 'Simply stacking more layers eventually made networks *worse*, even on their training data: the signal and its gradient fade on the way through. ResNet’s **residual block** adds the block’s input to its output, so the layers only have to learn a correction $F(x)$ to the identity:',
        zh: '单纯堆叠更多层，最终反而让网络变得*更差*，甚至在训练数据上也是如此：信号和梯度在层层传递中逐渐衰减。ResNet 的**残差块**把块的输入加到它的输出上，于是这些层只需学习对恒等映射的一个修正 $F(x)$：',
      },
    },
    {
      kind: 'math',
      tex: 'y = F(x) + x',
      caption: {
        en: 'The shortcut carries $x$ around the block unchanged; in the spec it is an `Add` layer with two inputs.',
        zh: '捷径连接把 $x$ 原样绕过这个块；在网络描述中，它是一个有两个输入的 `Add` 层。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'Gradients flow straight back along the shortcuts, and networks of 152 layers trained well. Deeper ResNets use a **bottleneck** block ($1 \\times 1$ to reduce the channels, $3 \\times 3$, $1 \\times 1$ to expand them again); where a block changes the shape, the shortcut becomes a $1 \\times 1$ convolution with stride 2. Batch normalisation follows every convolution, and global average pooling replaces the big dense layers.',
        zh: '梯度沿着捷径直接回传，152 层的网络也能训练得很好。更深的 ResNet 使用**瓶颈**块（先用 $1 \\times 1$ 减少通道，再 $3 \\times 3$，再用 $1 \\times 1$ 扩回通道）；当块改变形状时，捷径变为步长为 2 的 $1 \\times 1$ 卷积。每个卷积之后都接批归一化，并用全局平均池化取代庞大的全连接层。',
      },
    },
  ],
};
