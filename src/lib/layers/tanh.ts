/** Tanh: the hyperbolic tangent, squashing every value into (−1, 1). */
import { fixedActivation } from './shared/fixedActivation';

export const tanh = fixedActivation('Tanh', 'tanh', {
  en: 'Squashes every value into the range −1 to 1 with the hyperbolic tangent, an S-curve centred on 0. Being centred makes it train better than the sigmoid; it is the usual activation inside recurrent layers and was the choice of LeNet-5.',
  zh: '用双曲正切把每个值压缩到 −1 到 1 之间，这是一条以 0 为中心的 S 形曲线。以 0 为中心使它比 sigmoid 更容易训练；它是循环层内部常用的激活函数，也是 LeNet-5 的选择。',
});
