/**
 * HardSigmoid: tfjs' (and Keras 2's) piecewise-linear sigmoid, max(0, min(1, 0.2·x + 0.5)).
 * Keras 3 and MobileNetV3 use relu6(x + 3) / 6 instead, which tfjs does not offer.
 */
import { fixedActivation } from './shared/fixedActivation';

export const hardSigmoid = fixedActivation('HardSigmoid', 'hard_sigmoid', {
  en: 'A cheap straight-line stand-in for the sigmoid: 0.2·x + 0.5, clipped to the range 0 to 1. It needs no exponential, which matters on phones and microcontrollers. This is the tfjs and Keras 2 definition; MobileNetV3 and Keras 3 use the slightly different relu6(x + 3) / 6.',
  zh: 'sigmoid 的廉价直线替代：0.2·x + 0.5，并截断到 0 到 1 之间。它不需要指数运算，这在手机和微控制器上很重要。这是 tfjs 和 Keras 2 的定义；MobileNetV3 和 Keras 3 使用略有不同的 relu6(x + 3) / 6。',
});
