/** ActivityRegularization: adds an L1/L2 penalty on the values passing through; tfjs lacks it. */
import type { LayerDef, ParamDef } from './types';

function penalty(name: 'l1' | 'l2', en: string, zh: string): ParamDef {
  return {
    name,
    kind: 'float',
    default: 0,
    min: 0,
    max: 10,
    label: { en: `${name.toUpperCase()} factor`, zh: `${name.toUpperCase()} 系数` },
    help: { en, zh },
  };
}

export const activityRegularization: LayerDef = {
  type: 'ActivityRegularization',
  category: 'Utility',
  description: {
    en: 'Passes its input through unchanged but adds a penalty on the size of those values to the training loss. An L1 penalty pushes most of them to exactly zero, giving sparse codes; an L2 penalty keeps them all small. It has no weights.',
    zh: '原样传递输入，但把这些数值大小的惩罚项加到训练损失上。L1 惩罚把大部分值推到恰好为零，得到稀疏编码；L2 惩罚让所有值都保持较小。它没有权重。',
  },
  params: [
    penalty(
      'l1',
      'Weight of the sum of absolute values added to the loss.',
      '加到损失上的绝对值之和的权重。',
    ),
    penalty('l2', 'Weight of the sum of squared values added to the loss.', '加到损失上的平方和的权重。'),
  ],
  arity: { min: 1, max: 1 },
  inferShape: (_p, [input = []]) => ({ shape: [...input] }),
  weights: () => [],
  countMacs: () => 0,
  keras: null,
  tfjsNote: {
    en: 'tfjs 4.22 has no ActivityRegularization layer; set activityRegularizer on the layer before it instead.',
    zh: 'tfjs 4.22 没有 ActivityRegularization 层；可改为在它前面的层上设置 activityRegularizer。',
  },
};
