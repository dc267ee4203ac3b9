/** MobileNet's efficiency ideas: depthwise-separable convolution and its cost, multipliers, V2 and V3 blocks. */
import type { ArticleSection } from '../types';

export const mobilenet: ArticleSection = {
  id: 'mobilenet',
  title: { en: 'MobileNet: convolution on a budget', zh: 'MobileNet：精打细算的卷积' },
  layerTypes: ['DepthwiseConv2D', 'SeparableConv2D'],
  showMe: [{ kind: 'layer' }, { kind: 'view', view: 'zoo', label: { en: 'the model zoo', zh: '模型库' } }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'A standard convolution does two jobs at once: it filters each position spatially and it mixes the channels. With a $D_K \\times D_K$ kernel, $M$ input channels, $N$ output channels and a $D_F \\times D_F$ output, that costs',
        zh: '标准卷积同时做两件事：在空间上对每个位置做滤波，并把各通道混合起来。卷积核为 $D_K \\times D_K$、输入 $M$ 个通道、输出 $N$ 个通道、输出大小为 $D_F \\times D_F$ 时，其计算量为',
      },
    },
    {
      kind: 'math',
      tex: 'D_K \\cdot D_K \\cdot M \\cdot N \\cdot D_F \\cdot D_F',
      caption: { en: 'Multiply-adds of a standard convolution.', zh: '标准卷积的乘加次数。' },
    },
    {
      kind: 'p',
      text: {
        en: 'MobileNet splits the two jobs. A **depthwise** convolution filters each input channel with its own $D_K \\times D_K$ kernel and does not mix channels; a **pointwise** $1 \\times 1$ convolution then mixes them. Together they form a **depthwise-separable** convolution, and the cost becomes',
        zh: 'MobileNet 把这两件事拆开。**逐深度**卷积用各自的 $D_K \\times D_K$ 卷积核分别对每个输入通道滤波，不混合通道；随后**逐点** $1 \\times 1$ 卷积再把通道混合起来。二者合起来就是**深度可分离**卷积，计算量变为',
      },
    },
    {
      kind: 'math',
      tex: 'D_K \\cdot D_K \\cdot M \\cdot D_F \\cdot D_F + M \\cdot N \\cdot D_F \\cdot D_F',
      caption: {
        en: 'Depthwise part plus pointwise part. Divided by the standard cost this is $1/N + 1/D_K^2$: with $3 \\times 3$ kernels, 8 to 9 times less computation, for a small loss of accuracy.',
        zh: '逐深度部分加逐点部分。与标准卷积之比为 $1/N + 1/D_K^2$：使用 $3 \\times 3$ 卷积核时计算量减少 8 到 9 倍，而准确率只略有下降。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'Two knobs then trade accuracy for speed. The **width multiplier** $\\alpha$ thins every layer to $\\alpha M$ and $\\alpha N$ channels, and the **resolution multiplier** $\\rho$ shrinks the input, and with it every map, to $\\rho D_F$. The cost falls roughly by $\\alpha^2 \\rho^2$:',
        zh: '接着有两个旋钮可以用准确率换速度。**宽度乘数** $\\alpha$ 把每层变窄为 $\\alpha M$ 和 $\\alpha N$ 个通道，**分辨率乘数** $\\rho$ 缩小输入，从而把每张特征图缩小到 $\\rho D_F$。计算量大约按 $\\alpha^2 \\rho^2$ 下降：',
      },
    },
    {
      kind: 'math',
      tex: 'D_K \\cdot D_K \\cdot \\alpha M \\cdot \\rho D_F \\cdot \\rho D_F + \\alpha M \\cdot \\alpha N \\cdot \\rho D_F \\cdot \\rho D_F',
    },
    {
      kind: 'h3',
      text: { en: 'Inverted residuals, squeeze-and-excitation, h-swish', zh: '倒残差、挤压-激励与 h-swish' },
    },
    {
      kind: 'p',
      text: {
        en: '**MobileNetV2** builds its network from **inverted residual** blocks. A classic bottleneck goes wide → narrow → wide; this one goes narrow → wide → narrow: a $1 \\times 1$ convolution expands the channels (typically 6 times), a $3 \\times 3$ depthwise convolution filters them, and a $1 \\times 1$ convolution projects them back down. The projection has no activation (a **linear bottleneck**), because ReLU on so few channels would destroy information. The shortcut joins the narrow ends, which keeps the memory traffic small.',
        zh: '**MobileNetV2** 用**倒残差**块搭建网络。经典的瓶颈块是宽 → 窄 → 宽；它则是窄 → 宽 → 窄：先用 $1 \\times 1$ 卷积扩展通道（通常扩大 6 倍），再用 $3 \\times 3$ 逐深度卷积滤波，最后用 $1 \\times 1$ 卷积投影回少量通道。投影之后不接激活函数（即**线性瓶颈**），因为在这么少的通道上做 ReLU 会破坏信息。捷径连接的是两端窄的部分，从而减少内存读写。',
      },
    },
    {
      kind: 'p',
      text: {
        en: '**MobileNetV3** adds **squeeze-and-excitation** to some blocks: global average pooling squeezes each channel to one number, two small dense layers turn those numbers into a weight between 0 and 1 per channel, and the channels are rescaled by them, so the block learns which channels matter for this image. It also replaces swish with the cheaper **h-swish**, built from ReLU6:',
        zh: '**MobileNetV3** 在部分块中加入了**挤压-激励**（squeeze-and-excitation）：全局平均池化把每个通道挤压成一个数，两个小的全连接层再把这些数变成每个通道一个 0 到 1 之间的权重，并据此重新缩放各通道，于是这个块能学会对这张图像而言哪些通道更重要。它还用更廉价的 **h-swish** 取代了 swish，h-swish 由 ReLU6 构成：',
      },
    },
    {
      kind: 'math',
      tex: '\\mathrm{h-swish}(x) = x \\cdot \\frac{\\mathrm{ReLU6}(x + 3)}{6}',
    },
  ],
};
