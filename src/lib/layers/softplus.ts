/** Softplus: log(1 + e^x), a smooth version of ReLU. */
import { fixedActivation } from './shared/fixedActivation';

export const softplus = fixedActivation('Softplus', 'softplus', {
  en: 'Computes log(1 + e^x), a smooth curve that looks like ReLU: close to 0 for negative inputs and close to x for positive ones, but without the kink at 0. Its output is always positive, so it is used where a value must be, such as a predicted standard deviation.',
  zh: '计算 log(1 + e^x)，这是一条形似 ReLU 的平滑曲线：负输入时接近 0，正输入时接近 x，但在 0 处没有折角。它的输出总是正的，因此用于必须为正的量，例如预测的标准差。',
});
