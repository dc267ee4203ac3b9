/**
 * HardSwish: x · relu6(x + 3) / 6, MobileNetV3's cheap swish. tfjs has no such activation; the
 * engine registers one under Keras' name (src/lib/engine/hardSwish.ts).
 */
import { fixedActivation } from './shared/fixedActivation';

export const hardSwish = fixedActivation('HardSwish', 'hard_swish', {
  en: "A cheap version of swish made from straight pieces: x · relu6(x + 3) / 6. It is 0 below −3, equal to x above 3 and a gentle curve in between, and needs no exponential. MobileNetV3 uses it in its deeper layers, where it gives most of swish's accuracy at a fraction of the cost on phones.",
  zh: '由直线段构成的廉价版 swish：x · relu6(x + 3) / 6。它在 −3 以下为 0，在 3 以上等于 x，中间是一段平缓的曲线，且不需要指数运算。MobileNetV3 在较深的层中使用它，在手机上以很小的代价获得 swish 的大部分精度。',
});
