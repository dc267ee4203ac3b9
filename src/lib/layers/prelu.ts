/** PReLU: a leaky ReLU whose negative slopes are learned, one per value unless axes share one. */
import type { LayerDef } from './types';
import { ints } from './shared/params';
import { readIntList, readTuple } from './shared/kerasConfig';
import { elementwise } from './shared/fixedActivation';
import { fmtShape } from './shared/windowMath';

export const prelu: LayerDef = {
  type: 'PReLU',
  ...elementwise,
  description: {
    en: 'A leaky ReLU whose negative slope is learned instead of fixed. By default every value of the input has its own slope; sharing the slope along the height and width axes gives one per channel, as in the paper that first trained a net to beat human accuracy on ImageNet.',
    zh: '负斜率可学习而非固定的 Leaky ReLU。默认输入的每个值都有自己的斜率；沿高和宽两个维度共享斜率，则每个通道一个斜率，这正是首个在 ImageNet 上超越人类精度的网络所用的方式。',
  },
  params: [
    {
      name: 'sharedAxes',
      kind: 'ints',
      default: [],
      min: 1,
      max: 5,
      lengths: [0, 1, 2, 3, 4],
      label: { en: 'Shared axes', zh: '共享维度' },
      help: {
        en: 'Axes, counted from 1 after the batch axis, along which one slope is shared; [1, 2] on an image gives one slope per channel. Empty: a slope for every value.',
        zh: '共享同一斜率的维度，从批次之后的 1 开始计数；对图像取 [1, 2] 即每个通道一个斜率。为空时每个值一个斜率。',
      },
    },
  ],
  inferShape(p, [input = []]) {
    const shared = ints(p, 'sharedAxes');
    if (shared.some((a) => a > input.length))
      return {
        error: {
          en: `shared axes ${shared.join(', ')} do not all exist for an input of ${fmtShape(input)}`,
          zh: `对 ${fmtShape(input)} 的输入，共享维度 ${shared.join(', ')} 并不都存在`,
        },
      };
    return { shape: [...input] };
  },
  weights(p, [input = []]) {
    const shared = ints(p, 'sharedAxes');
    return [{ name: 'alpha', shape: input.map((n, i) => (shared.includes(i + 1) ? 1 : n)) }];
  },
  formula: 'activation',
  // The slope differs by position: the view reads it from the layer's `alpha` weight.
  activationOf: () => ({ name: 'prelu' }),
  keras: {
    className: 'PReLU',
    toConfig: (p) => {
      const shared = ints(p, 'sharedAxes');
      return shared.length > 0 ? { shared_axes: shared } : {};
    },
    fromConfig: (c) => ({
      sharedAxes:
        c.shared_axes === undefined || c.shared_axes === null
          ? []
          : typeof c.shared_axes === 'number'
            ? readTuple(c, 'shared_axes', 1)
            : readIntList(c, 'shared_axes', 1),
    }),
  },
};
