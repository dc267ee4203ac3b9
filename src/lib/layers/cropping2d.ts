/** Cropping2D: removes rows and columns from the edges of every feature map. */
import type { LayerDef } from './types';
import { ints } from './shared/params';
import { requireChannelsLast } from './shared/kerasConfig';
import { edges, edgesFromKeras, edgesParam, edgesToKeras } from './shared/edges2d';
import { fmtShape, rankError } from './shared/windowMath';

export const cropping2d: LayerDef = {
  type: 'Cropping2D',
  category: 'Utility',
  description: {
    en: 'Cuts rows and columns off the edges of every feature map. U-Net crops its encoder maps this way so that they line up with the smaller decoder maps before the two are joined. It has no weights.',
    zh: '从每张特征图的边缘裁掉若干行和列。U-Net 这样裁剪编码器的特征图，使其在拼接前与较小的解码器特征图对齐。它没有权重。',
  },
  params: [
    edgesParam(
      'cropping',
      [1, 1],
      { en: 'Cropping', zh: '裁剪量' },
      {
        en: 'Rows and columns to remove: [rows, columns] on both sides, or [top, bottom, left, right].',
        zh: '要裁掉的行和列：[行, 列]（两侧相同），或 [上, 下, 左, 右]。',
      },
    ),
  ],
  formula: 'resample',
  arity: { min: 1, max: 1 },
  inferShape(p, [input = []]) {
    const bad = rankError(input, 3, { en: 'height × width × channels', zh: '高 × 宽 × 通道' });
    if (bad) return { error: bad };
    const e = edges(ints(p, 'cropping'));
    const h = (input[0] ?? 0) - e.top - e.bottom;
    const w = (input[1] ?? 0) - e.left - e.right;
    if (h < 1 || w < 1)
      return {
        error: {
          en: `cropping ${e.top}+${e.bottom} rows and ${e.left}+${e.right} columns leaves nothing of a ${fmtShape(input)} input`,
          zh: `裁掉 ${e.top}+${e.bottom} 行和 ${e.left}+${e.right} 列后，${fmtShape(input)} 的输入什么也不剩`,
        },
      };
    return { shape: [h, w, input[2] ?? 0] };
  },
  weights: () => [],
  countMacs: () => 0,
  keras: {
    className: 'Cropping2D',
    toConfig: (p) => ({ cropping: edgesToKeras(ints(p, 'cropping')), data_format: 'channels_last' }),
    fromConfig: (c) => {
      requireChannelsLast(c);
      return { cropping: edgesFromKeras(c, 'cropping', [0, 0]) };
    },
  },
};
