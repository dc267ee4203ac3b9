/**
 * GroupedConv2D: a Conv2D whose input and output channels are split into groups that only
 * see each other (Caffe's `group`, PyTorch's `groups`). AlexNet needs it for its published
 * parameter count. tfjs 4.22 has no such layer: the engine registers one (src/lib/engine/
 * groupedConv.ts); Keras files spell it as Keras 3 and tf.keras ≥ 2.3 do, `Conv2D` with `groups`.
 */
import type { LayerDef } from './types';
import { bool, ints, num } from './shared/params';
import { convParamDefs } from './shared/windowParams';
import { product } from './shared/windowMath';
import { convWindow } from './shared/convolution';
import { conv2d } from './conv2d';
import { convParamsFromKeras } from './shared/windowParams';
import { readInt } from './shared/kerasConfig';

export const groupedConv2d: LayerDef = {
  type: 'GroupedConv2D',
  category: 'Vision',
  description: {
    en: "A convolution whose channels are split into groups: the kernels of each group only look at that group's share of the input channels. AlexNet was split in two this way so that each half fitted on one of its two GPUs; ResNeXt later used many groups on purpose. Weights and multiply-adds shrink by the number of groups.",
    zh: '把通道分成若干组的卷积：每组的卷积核只看该组分到的那部分输入通道。AlexNet 就这样分成两半，使每一半能放进它的两块 GPU 之一；后来 ResNeXt 有意使用了许多组。权重和乘加次数都按组数缩小。',
  },
  params: convParamDefs(2, {
    extra: [
      {
        name: 'groups',
        kind: 'int',
        default: 2,
        min: 1,
        max: 4096,
        label: { en: 'Groups', zh: '分组数' },
        help: {
          en: 'How many independent groups the channels are split into; both the input channels and the filters must divide by it.',
          zh: '通道被分成的独立组数；输入通道数和卷积核数都必须能被它整除。',
        },
      },
    ],
  }),
  formula: 'groupedConvolution',
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    const r = convWindow(p, input);
    if ('error' in r) return r;
    const groups = num(p, 'groups');
    const channels = input[2] ?? 0;
    const filters = num(p, 'filters');
    if (channels % groups !== 0 || filters % groups !== 0)
      return {
        error: {
          en: `${channels} input channels and ${filters} filters must both divide into ${groups} groups`,
          zh: `${channels} 个输入通道和 ${filters} 个卷积核都必须能平均分成 ${groups} 组`,
        },
      };
    return { shape: [...r.size, filters] };
  },
  weights(p, [input = []]) {
    const filters = num(p, 'filters');
    const perGroup = Math.floor((input[2] ?? 0) / num(p, 'groups'));
    const w = [{ name: 'kernel', shape: [...ints(p, 'kernelSize'), perGroup, filters] }];
    return bool(p, 'useBias') ? [...w, { name: 'bias', shape: [filters] }] : w;
  },
  countMacs: (p, [input = []], out) =>
    product(out) * product(ints(p, 'kernelSize')) * Math.floor((input[2] ?? 0) / num(p, 'groups')),
  keras: {
    // The engine's own tfjs layer; Keras files get `Conv2D` (kerasJson.ts renames it).
    className: 'GroupedConv2D',
    toConfig: (p) => ({ ...conv2d.keras?.toConfig(p), groups: num(p, 'groups') }),
    fromConfig: (c) => {
      const { groups, ...rest } = c;
      return { ...convParamsFromKeras(rest, 2), groups: readInt({ groups }, 'groups', { min: 1 }) };
    },
  },
};
