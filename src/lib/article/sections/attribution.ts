/** Why the network predicts what it does, from gradients: saliency maps and Grad-CAM. */
import type { ArticleSection } from '../types';

export const saliency: ArticleSection = {
  id: 'saliency',
  title: { en: 'Why this class? Saliency maps', zh: '为什么是这个类别？显著图' },
  showMe: [
    {
      kind: 'why',
      method: 'saliency',
      label: { en: 'saliency for the current image', zh: '当前图像的显著图' },
    },
  ],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'Once the network has answered, the next question is *why*. The simplest answer asks how the score of the class would change if one input value changed a little: the **gradient** of the score with respect to the image. The score is the class’s logit $z_{c}$, its value before [softmax](#dense), because the probability also depends on every other class. One backward pass computes it for all pixels at once: the same backpropagation that [training](#training) uses, only taken with respect to the input instead of the weights.',
        zh: '网络给出答案之后，下一个问题就是*为什么*。最简单的回答是问：如果某个输入值稍稍改变，这个类别的分数会怎样变化？也就是分数对图像的**梯度**。这里的分数是该类别的 logit $z_{c}$，即 [softmax](#dense) 之前的值，因为概率还取决于其他所有类别。一次反向传播就能同时算出所有像素的梯度：这正是[训练](#training)所用的反向传播，只是对输入求导，而不是对权重求导。',
      },
    },
    {
      kind: 'math',
      tex: 'S_{i,j} = \\max_{k} \\left| \\frac{\\partial z_{c}}{\\partial x_{i,j,k}} \\right|',
      caption: {
        en: 'The saliency of pixel $(i, j)$: the largest magnitude, over its colour channels $k$, of the gradient of class $c$’s logit.',
        zh: '像素 $(i, j)$ 的显著性：在它的各颜色通道 $k$ 中，类别 $c$ 的 logit 的梯度绝对值的最大者。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'Raw gradients look noisy. A network of ReLU units and max pooling is piecewise linear, so its gradient jumps from one pixel to the next. **SmoothGrad** averages the gradient over $n$ copies of the image with random noise $\\xi_{m}$ added; the noise cancels out and what stays is where the network is reliably sensitive.',
        zh: '原始梯度看起来很嘈杂。由 ReLU 和最大池化构成的网络是分段线性的，所以梯度在相邻像素之间会跳变。**SmoothGrad** 在加了随机噪声 $\\xi_{m}$ 的 $n$ 个图像副本上对梯度取平均；噪声相互抵消，留下的是网络稳定敏感的地方。',
      },
    },
    {
      kind: 'math',
      tex: '\\hat{S}(x) = \\frac{1}{n} \\sum_{m} \\nabla_{x} z_{c}(x + \\xi_{m})',
    },
    {
      kind: 'p',
      text: {
        en: '**Gradient × input** multiplies each gradient by the value it belongs to, $x \\odot \\nabla_{x} z_{c}$. Summed over a pixel’s channels it is roughly that pixel’s share of the score, and it has a sign: red pixels speak for the class, blue ones against it.',
        zh: '**梯度 × 输入**把每个梯度乘以它所对应的输入值，即 $x \\odot \\nabla_{x} z_{c}$。对一个像素的各通道求和，大致就是这个像素对分数的贡献，而且带有符号：红色像素支持这个类别，蓝色像素反对它。',
      },
    },
    {
      kind: 'note',
      text: {
        en: 'A saliency map shows where the network is *sensitive*, not what it *sees*. A bright pixel is one whose change would move the score; that is not the same as being part of the object.',
        zh: '显著图显示的是网络在哪里*敏感*，而不是它*看到*了什么。颜色深的像素是改变后会让分数变化的像素；这和“属于物体的一部分”并不是一回事。',
      },
    },
  ],
};

export const gradCam: ArticleSection = {
  id: 'grad-cam',
  title: { en: 'Where the evidence is: Grad-CAM', zh: '证据在哪里：Grad-CAM' },
  showMe: [
    {
      kind: 'why',
      method: 'gradCam',
      label: { en: 'Grad-CAM for the current image', zh: '当前图像的 Grad-CAM' },
    },
  ],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'Gradients at the input are fine-grained but noisy. **Grad-CAM** looks at a convolutional layer near the end instead, whose maps each respond to something large (a wheel, a patch of fur) and still know *where*. It gives map $k$ a weight $\\alpha_{k}$: the gradient of the logit with respect to that map, averaged over the map’s $H \\cdot W$ positions.',
        zh: '输入处的梯度很精细，但也很嘈杂。**Grad-CAM** 改看靠近末尾的一个卷积层：这一层的每张特征图都对较大的东西（一个轮子、一片毛皮）有反应，同时仍然知道它在*哪里*。它给第 $k$ 张特征图一个权重 $\\alpha_{k}$：logit 对这张图的梯度，在图的 $H \\cdot W$ 个位置上取平均。',
      },
    },
    {
      kind: 'math',
      tex: '\\alpha_{k} = \\frac{1}{H W} \\sum_{i,j} \\frac{\\partial z_{c}}{\\partial A_{i,j}^{k}} \\quad \\quad L_{c} = \\mathrm{ReLU}\\left( \\sum_{k} \\alpha_{k} A^{k} \\right)',
      caption: {
        en: 'The weighted maps are added up, and only the positive part is kept: the places where features that raise the class’s score were found.',
        zh: '把加权后的特征图相加，只保留正的部分：也就是找到了提高这个类别分数的特征的位置。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'The result has the layer’s resolution, 26 × 26 for the last block of TinyVGG, and is stretched over the image. The overview marks each map of that layer with a bar for its weight, so you can see which maps Grad-CAM adds (red) and which it takes away (blue). Earlier layers give sharper maps that say less about the class; try moving the layer.',
        zh: '结果的分辨率就是这一层的分辨率，TinyVGG 最后一个块是 26 × 26，再拉伸覆盖到图像上。网络总览会在这一层的每张特征图上用一根柱标出它的权重，于是你能看出 Grad-CAM 加上了哪些图（红色）、减去了哪些图（蓝色）。越靠前的层给出的图越精细，但与类别的关系越弱；试试换一层。',
      },
    },
  ],
};
