/** ReLU6: min(max(0, x), 6), the ReLU that MobileNet uses; written as Keras' ReLU(max_value=6). */
import type { LayerDef } from './types';
import { elementwise } from './shared/fixedActivation';

export const relu6: LayerDef = {
  type: 'ReLU6',
  ...elementwise,
  description: {
    en: 'A ReLU whose output is capped at 6: min(max(0, x), 6). The cap keeps values in a small known range, so they survive being stored as 8-bit numbers on phones; MobileNet v1 and v2 use it after every convolution.',
    zh: '输出上限为 6 的 ReLU：min(max(0, x), 6)。上限让数值保持在一个已知的小范围内，因此在手机上以 8 位数存储时不会失真；MobileNet v1 和 v2 在每个卷积之后都使用它。',
  },
  params: [],
  formula: 'activation',
  activationOf: () => ({ name: 'relu6' }),
  keras: { className: 'ReLU', toConfig: () => ({ max_value: 6 }), fromConfig: () => ({}) },
};
