/** What a class or a channel looks for: feature visualisation by gradient ascent on the input. */
import type { ArticleSection } from '../types';

export const visualisation: ArticleSection = {
  id: 'visualisation',
  title: { en: 'What does it look for? Feature visualisation', zh: '它在找什么？特征可视化' },
  showMe: [
    {
      kind: 'why',
      method: 'visualise',
      label: { en: 'the image that maximises the class', zh: '使该类别最大的图像' },
    },
  ],
  blocks: [
    {
      kind: 'p',
      text: {
        en: 'The other methods explain one image. This one asks the network to draw: start from faint noise and change the *image* step by step in the direction of the gradient, the way training changes the weights, until the class is as probable as it can be. Aimed at one channel of any layer instead, it raises that channel’s mean activation and shows the pattern the channel responds to: edges and colours in the first layers, textures and parts deeper in.',
        zh: '前面的方法都在解释一张图像；这一种则请网络来画：从微弱的噪声出发，沿梯度方向一步步修改*图像*（就像训练修改权重那样），直到这个类别的概率尽可能高。如果改为瞄准任意一层的某个通道，它就让这个通道的平均激活增大，显示出这个通道响应的图案：前几层是边缘和颜色，更深的层是纹理和部件。',
      },
    },
    {
      kind: 'math',
      tex: '\\hat{x} = \\mathrm{arg}\\max_{x} \\; \\log p_{c}(x) - \\lambda \\, \\mathrm{TV}(x)',
      caption: {
        en: 'Gradient ascent on the log probability of class $c$, minus a total-variation penalty $\\mathrm{TV}(x)$, the summed squared differences between neighbouring pixels, weighted by $\\lambda$.',
        zh: '对类别 $c$ 的对数概率做梯度上升，减去由 $\\lambda$ 加权的全变差惩罚 $\\mathrm{TV}(x)$，即相邻像素之差的平方和。',
      },
    },
    {
      kind: 'p',
      text: {
        en: 'Without regularisation the ascent finds noise that only the network finds convincing, an adversarial example grown from grey. The usual remedies keep it a picture: the image is optimised coarse to fine (at 1/8, 1/4 and 1/2 of the input’s size, then scaled up), shifted by a few pixels at random every step (jitter) so no single pixel arrangement is rewarded, and kept smooth by the penalty above. The panel shows the probability reached next to the one on a plain grey image.',
        zh: '没有正则化时，梯度上升会找到只有网络才“认得”的噪声，也就是从灰色图像长出来的对抗样本。常用的办法让它保持为一幅图：图像由粗到细地优化（先在输入尺寸的 1/8、1/4、1/2 上，再放大），每一步随机平移几个像素（抖动），使任何单一的像素排列都得不到奖励，并由上面的惩罚项保持平滑。面板会把达到的概率与纯灰图像上的概率并列显示。',
      },
    },
  ],
};
