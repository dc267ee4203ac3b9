/** Softsign: x / (1 + |x|), a tanh-like curve that approaches its limits slowly. */
import { fixedActivation } from './shared/fixedActivation';

export const softsign = fixedActivation('Softsign', 'softsign', {
  en: 'Computes x / (1 + |x|), an S-curve between −1 and 1 like tanh. It approaches its limits polynomially rather than exponentially, so it saturates more gently and large inputs still have a usable slope.',
  zh: '计算 x / (1 + |x|)，与 tanh 一样是 −1 到 1 之间的 S 形曲线。它以多项式而不是指数的速度接近极限，因此饱和得更平缓，大的输入仍有可用的斜率。',
});
