/** ELU: x for positive values, alpha·(e^x − 1) for negative ones. tfjs only runs alpha = 1. */
import type { LayerDef } from './types';
import { num } from './shared/params';
import { elementwise } from './shared/fixedActivation';
import { readFloat } from './shared/kerasConfig';

export const elu: LayerDef = {
  type: 'ELU',
  ...elementwise,
  description: {
    en: 'The exponential linear unit passes positive values unchanged and bends negative ones smoothly towards −alpha with alpha·(e^x − 1). Because outputs can be negative their mean stays near zero, which speeds up learning compared with ReLU.',
    zh: '指数线性单元让正值原样通过，用 alpha·(e^x − 1) 把负值平滑地弯向 −alpha。由于输出可以为负，其均值保持在零附近，与 ReLU 相比能加快学习。',
  },
  params: [
    {
      name: 'alpha',
      kind: 'float',
      default: 1,
      min: 0,
      max: 10,
      label: { en: 'Alpha', zh: 'Alpha' },
      help: {
        en: 'The value very negative inputs approach is −alpha. tfjs 4.22 only implements alpha = 1.',
        zh: '很大的负输入趋近于 −alpha。tfjs 4.22 只实现了 alpha = 1。',
      },
    },
  ],
  inferShape(p, [input = []]) {
    if (num(p, 'alpha') !== 1)
      return {
        error: {
          en: `tfjs runs ELU only with alpha = 1, not ${num(p, 'alpha')}; use the Activation layer with elu or set alpha to 1`,
          zh: `tfjs 只能以 alpha = 1 运行 ELU，而不是 ${num(p, 'alpha')}；请改用 Activation 层的 elu，或把 alpha 设为 1`,
        },
      };
    return { shape: [...input] };
  },
  formula: 'activation',
  activationOf: (p) => (num(p, 'alpha') === 1 ? { name: 'elu' } : null),
  keras: {
    className: 'ELU',
    toConfig: (p) => ({ alpha: num(p, 'alpha') }),
    fromConfig: (c) => ({ alpha: readFloat(c, 'alpha', { dflt: 1 }) }),
  },
};
