/** ThresholdedReLU: x where x > theta, otherwise 0. */
import type { LayerDef } from './types';
import { num } from './shared/params';
import { elementwise } from './shared/fixedActivation';
import { readFloat } from './shared/kerasConfig';

export const thresholdedRelu: LayerDef = {
  type: 'ThresholdedReLU',
  ...elementwise,
  description: {
    en: 'Passes a value only when it is larger than a threshold theta and outputs zero otherwise, so weak responses are silenced completely. Unlike a ReLU shifted by theta, the values that pass keep their full size.',
    zh: '只有当值大于阈值 theta 时才让它通过，否则输出零，从而完全抑制弱响应。与平移了 theta 的 ReLU 不同，通过的值保持原有大小。',
  },
  params: [
    {
      name: 'theta',
      kind: 'float',
      default: 1,
      min: 0,
      max: 1e6,
      label: { en: 'Threshold', zh: '阈值' },
      help: { en: 'Values at or below this become zero.', zh: '小于或等于该值的数变为零。' },
    },
  ],
  formula: 'activation',
  activationOf: (p) => ({ name: 'thresholded_relu', theta: num(p, 'theta') }),
  keras: {
    className: 'ThresholdedReLU',
    toConfig: (p) => ({ theta: num(p, 'theta') }),
    fromConfig: (c) => ({ theta: readFloat(c, 'theta', { dflt: 1 }) }),
  },
};
