/** Why the network predicts what it does, by changing the image: occlusion and adversarial examples. */
import type { ArticleSection } from '../types';

export const occlusion: ArticleSection = {
  id: 'occlusion',
  title: { en: 'Hide and see: occlusion', zh: '遮住看看：遮挡实验' },
  showMe: [
    {
      kind: 'why',
      method: 'occlusion',
      label: { en: 'occlusion for the current image', zh: '当前图像的遮挡实验' },
    },
  ],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'A method that needs no gradients at all: cover part of the image with a grey square, run the network again and see how much the probability of the class falls. Sliding the square over the whole image gives a map of those drops. It measures what the network *needs* rather than where it is sensitive, at the price of one forward pass per position: a 12-pixel square moved in steps of 4 over a 64 × 64 image makes 14 × 14 = 196 passes, run in batches while the page keeps drawing its progress.',
        zh: '一种完全不需要梯度的方法：用一个灰色方块遮住图像的一部分，让网络重新运行，看这个类别的概率下降了多少。让方块滑过整张图像，就得到一张下降量的图。它衡量的是网络*需要*什么，而不是它在哪里敏感，代价是每个位置都要做一次前向计算：一个 12 像素的方块以 4 为步长滑过 64 × 64 的图像，需要 14 × 14 = 196 次计算，分批运行，页面同时显示进度。',
      },
    },
    {
      kind: 'math',
      tex: 'D_{i,j} = p_{c}(x) - p_{c}(x^{(i,j)})',
      caption: {
        en: 'The drop for the square at $(i, j)$; $x^{(i,j)}$ is the image with that square grey. A pixel of the map is the mean drop of the squares that cover it. A negative drop means the hidden part argued against the class.',
        zh: '方块位于 $(i, j)$ 时的下降量；$x^{(i,j)}$ 是该方块变灰后的图像。图中每个像素的值是覆盖它的各个方块的平均下降量。下降量为负，说明被遮住的部分原本在反对这个类别。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'When the network is all but certain, a probability of 99.99% barely moves whatever is hidden. The score before softmax still does, and the panel can measure that instead.',
        zh: '当网络几乎完全确定时，概率是 99.99%，无论遮住哪里都几乎不变。但 softmax 之前的分数仍会变化，面板可以改为度量它。',
      },
    },
  ],
};

export const adversarial: ArticleSection = {
  id: 'adversarial',
  title: { en: 'Fooling the network: adversarial examples', zh: '骗过网络：对抗样本' },
  showMe: [{ kind: 'why', method: 'fgsm', label: { en: 'an adversarial example', zh: '对抗样本' } }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'The gradients that explain a prediction can also attack it. The **fast gradient sign method** (FGSM) changes the intensity of every pixel, in each colour and on a scale from 0 to 1, by exactly $\\epsilon$, each in the direction that raises the loss $L$ of the class the network chose:',
        zh: '解释预测所用的梯度，也可以用来攻击预测。**快速梯度符号法**（FGSM）把每个像素每个颜色通道的强度（以 0 到 1 计）恰好改变 $\\epsilon$，每个值都朝着让网络所选类别的损失 $L$ 增大的方向：',
      },
    },
    {
      kind: 'math',
      tex: "x' = x + \\epsilon \\cdot \\mathrm{sign}\\left( \\nabla_{x} L(x, c) \\right)",
    },
    {
      kind: 'p',
      text: {
        en: 'With $\\epsilon$ = 2/255, a change nobody can see, the prediction often flips. Taking several smaller steps and pulling the image back within $\\epsilon$ of the original after each (the *iterated* method) is stronger still. The panel shows the perturbation amplified, the new prediction, and how far each layer’s activations moved: a tiny change at the input grows from layer to layer until the classifier sees a different picture.',
        zh: '取 $\\epsilon$ = 2/255，这种改变谁也看不出来，预测却常常翻转。分几小步走，每一步之后都把图像拉回到距原图 $\\epsilon$ 以内（*迭代*法），效果更强。面板会显示放大后的扰动、新的预测，以及每一层的激活值移动了多少：输入处的微小改变逐层放大，直到分类器看到的已是另一幅图。',
      },
    },
    {
      kind: 'note',
      text: {
        en: 'Adversarial examples show that a network’s features are not ours: it relies on patterns that really are in the data but that people do not notice.',
        zh: '对抗样本说明，网络的特征并不是我们的特征：它依赖的是数据中确实存在、却不被人注意的模式。',
      },
    },
  ],
};

export const compare: ArticleSection = {
  id: 'compare',
  title: { en: 'Side by side: two images, two nets', zh: '并排对比：两张图像，两个网络' },
  showMe: [{ kind: 'why', method: 'compare', label: { en: 'the comparison', zh: '对比' } }],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'Many questions are about a difference. Why a cat here and a dog there? What did that edit, or ten minutes of training, change? Pin one image as A, then show another, or change the net, and compare B with A layer by layer: the relative change $\\| a_{B} - a_{A} \\| / \\| a_{A} \\|$ of every layer, and in the overview the difference of every map. Layers an edit left alone stay at 0; the change usually grows with depth, because every layer builds on the ones before. Below the list, one layer’s maps of A and of B sit side by side on one colour scale, with B − A beside them; two nets of different shapes each show a layer of their own, on scales of their own.',
        zh: '许多问题问的都是差别：为什么这里是猫、那里是狗？那次编辑、或者十分钟的训练改变了什么？把一张图像固定为 A，再换一张图像或改变网络，然后逐层比较 B 与 A：每一层的相对变化 $\\| a_{B} - a_{A} \\| / \\| a_{A} \\|$，以及网络总览中每张特征图的差。编辑没有碰到的层保持为 0；变化通常随深度增大，因为每一层都建立在前面各层之上。列表下方，同一层在 A 和 B 中的特征图并排显示、共用一个色标，旁边是 B − A；形状不同的两个网络则各自显示自己的一层，各用各的色标。',
      },
    },
  ],
};
