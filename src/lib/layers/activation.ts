/** Activation: applies a fixed function to every value; the shape does not change. */
import type { LayerDef } from './types';
import { activationParam, str } from './shared/params';
import { readActivation } from './shared/kerasConfig';

export const activation: LayerDef = {
  type: 'Activation',
  category: 'Activation',
  description: {
    en: 'Applies a fixed function to every value on its own. Without such non-linear functions a stack of layers could only compute one linear map; ReLU, the most common, keeps positive values and sets negative ones to zero.',
    zh: '对每个数值单独应用一个固定函数。没有这种非线性函数，多层网络只能表示一个线性映射；最常用的 ReLU 保留正值，把负值变为零。',
  },
  params: [{ ...activationParam, default: 'relu' }],
  formula: 'activation',
  activationOf: (p) => ({ name: str(p, 'activation') }),
  arity: { min: 1, max: 1 },
  inferShape: (_p, [input = []]) => ({ shape: [...input] }),
  weights: () => [],
  countMacs: () => 0,
  keras: {
    className: 'Activation',
    toConfig: (p) => ({ activation: str(p, 'activation') }),
    fromConfig: (c) => ({ activation: readActivation(c, 'activation', undefined) }),
  },
};
