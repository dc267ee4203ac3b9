/** LeakyReLU: x for positive values, alpha·x for negative ones. */
import type { LayerDef } from './types';
import { num } from './shared/params';
import { readFloat } from './shared/kerasConfig';
import { elementwise } from './shared/fixedActivation';

export const leakyRelu: LayerDef = {
  type: 'LeakyReLU',
  ...elementwise,
  description: {
    en: 'Like ReLU, but negative values are multiplied by a small slope instead of being set to zero. Units therefore never go completely silent ("dead"), because some gradient always flows back through them.',
    zh: '与 ReLU 类似，但负值乘以一个小斜率而不是置零。因此单元永远不会完全沉默（“死亡”），因为总有一些梯度能反向流过它们。',
  },
  params: [
    {
      name: 'alpha',
      kind: 'float',
      default: 0.3,
      min: 0,
      max: 1,
      label: { en: 'Negative slope', zh: '负斜率' },
      help: {
        en: 'Factor for negative inputs (tfjs and Keras 2 default to 0.3).',
        zh: '负输入的乘数（tfjs 与 Keras 2 默认为 0.3）。',
      },
    },
  ],
  formula: 'activation',
  activationOf: (p) => ({ name: 'leaky_relu', alpha: num(p, 'alpha') }),
  keras: {
    className: 'LeakyReLU',
    toConfig: (p) => ({ alpha: num(p, 'alpha') }),
    // Keras 2 and tfjs write `alpha`, Keras 3 `negative_slope`; both default to 0.3.
    fromConfig: (c) => ({
      alpha: readFloat(c, c.alpha === undefined ? 'negative_slope' : 'alpha', { dflt: 0.3 }),
    }),
  },
};
