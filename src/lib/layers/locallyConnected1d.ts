/** LocallyConnected1D: a 1-D valid convolution whose kernel differs at every step. */
import { locallyConnected } from './shared/locallyConnected';

export const locallyConnected1d = locallyConnected('LocallyConnected1D', 1, {
  en: 'Works like a one-dimensional convolution, but every output step has its own kernel instead of all steps sharing one. It can learn patterns that only make sense at a fixed place in the sequence, at the price of many more weights.',
  zh: '与一维卷积相似，但每个输出步都有自己的卷积核，而不是所有步共用一个。它能学到只在序列固定位置才有意义的模式，代价是权重多得多。',
});
