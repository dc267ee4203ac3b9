/** Swish (SiLU): x · sigmoid(x). */
import { fixedActivation } from './shared/fixedActivation';

export const swish = fixedActivation('Swish', 'swish', {
  en: 'Multiplies every value by its own sigmoid, x · sigmoid(x). It behaves like ReLU for large inputs but is smooth and lets small negative values through, which an automated search found to train deeper nets slightly better; EfficientNet uses it throughout.',
  zh: '把每个值乘以它自己的 sigmoid，即 x · sigmoid(x)。对较大的输入它与 ReLU 相似，但它是平滑的，并让小的负值通过；一项自动搜索发现它能让更深的网络训练得稍好一些，EfficientNet 全程使用它。',
});
