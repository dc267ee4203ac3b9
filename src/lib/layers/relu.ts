/** ReLU as a layer: max(0, x), optionally capped at maxValue (ReLU6 caps at 6). */
import type { LayerDef } from './types';
import { num } from './shared/params';
import { readFloat, refuseUnless } from './shared/kerasConfig';
import { elementwise } from './shared/fixedActivation';

export const relu: LayerDef = {
  type: 'ReLU',
  ...elementwise,
  description: {
    en: 'The rectified linear unit keeps positive values and sets negative ones to zero, max(0, x). It is cheap, does not saturate for positive inputs and made training deep nets practical, starting with AlexNet. An optional cap limits large values, as ReLU6 does.',
    zh: '修正线性单元保留正值、把负值置零，即 max(0, x)。它计算简单，对正输入不会饱和，从 AlexNet 开始让训练深层网络变得可行。可选的上限会限制过大的值，ReLU6 就是如此。',
  },
  params: [
    {
      name: 'maxValue',
      kind: 'float',
      default: 0,
      min: 0,
      max: 1e6,
      label: { en: 'Max value', zh: '上限' },
      help: {
        en: 'Outputs above this are clipped to it; 0 means no cap. MobileNet uses 6.',
        zh: '超过该值的输出被截断为该值；0 表示没有上限。MobileNet 使用 6。',
      },
    },
  ],
  formula: 'activation',
  activationOf: (p) => {
    const cap = num(p, 'maxValue');
    return cap === 0
      ? { name: 'relu' }
      : cap === 6
        ? { name: 'relu6' }
        : { name: 'capped_relu', maxValue: cap };
  },
  keras: {
    className: 'ReLU',
    toConfig: (p) => (num(p, 'maxValue') > 0 ? { max_value: num(p, 'maxValue') } : {}),
    fromConfig: (c) => {
      refuseUnless(c, 'negative_slope', [0]);
      refuseUnless(c, 'threshold', [0]);
      // No cap is written as null or left out; 0 means the same here.
      return { maxValue: readFloat(c, 'max_value', { dflt: 0, ifNull: 0, min: 0 }) };
    },
  },
};
