/** ZeroPadding2D: adds rows and columns of zeros around every feature map. */
import type { LayerDef } from './types';
import { ints } from './shared/params';
import { requireChannelsLast } from './shared/kerasConfig';
import { edges, edgesFromKeras, edgesParam, edgesToKeras } from './shared/edges2d';
import { rankError } from './shared/windowMath';

export const zeroPadding2d: LayerDef = {
  type: 'ZeroPadding2D',
  category: 'Utility',
  description: {
    en: "Adds rows and columns of zeros around the edges of every feature map. Placed before a convolution with valid padding it controls exactly how the border is treated, which is how Keras' ResNet and MobileNet reproduce the padding of the original papers. It has no weights.",
    zh: '在每张特征图的边缘添加若干行和列的零。把它放在 valid 填充的卷积之前，可以精确控制边界的处理方式，Keras 的 ResNet 和 MobileNet 正是这样复现原论文的填充方式的。它没有权重。',
  },
  params: [
    edgesParam(
      'padding',
      [1, 1],
      { en: 'Padding', zh: '填充量' },
      {
        en: 'Zeros to add: [rows, columns] on both sides, or [top, bottom, left, right].',
        zh: '要添加的零：[行, 列]（两侧相同），或 [上, 下, 左, 右]。',
      },
    ),
  ],
  formula: 'resample',
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    const bad = rankError(input, 3, { en: 'height × width × channels', zh: '高 × 宽 × 通道' });
    if (bad) return { error: bad };
    const e = edges(ints(p, 'padding'));
    return { shape: [(input[0] ?? 0) + e.top + e.bottom, (input[1] ?? 0) + e.left + e.right, input[2] ?? 0] };
  },
  weights: () => [],
  countMacs: () => 0,
  keras: {
    className: 'ZeroPadding2D',
    toConfig: (p) => ({ padding: edgesToKeras(ints(p, 'padding')), data_format: 'channels_last' }),
    fromConfig: (c) => {
      requireChannelsLast(c);
      return { padding: edgesFromKeras(c, 'padding', [1, 1]) };
    },
  },
};
