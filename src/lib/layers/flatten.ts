/** Flatten: lays a multi-dimensional tensor out as one vector, in row-major (NHWC) order. */
import type { LayerDef } from './types';
import { product } from './shared/windowMath';
import { requireChannelsLast } from './shared/kerasConfig';

export const flatten: LayerDef = {
  type: 'Flatten',
  category: 'Utility',
  description: {
    en: 'Lays all values of its input out in one long vector, row by row and channel by channel, so that a dense layer can look at all of them. Nothing is computed and nothing is learned.',
    zh: '把输入的所有数值按行、按通道排成一个长向量，以便全连接层能看到全部数值。它不做计算，也不学习。',
  },
  params: [],
  formula: 'flatten',
  // Row-major NHWC data is already laid out in flattening order.
  forward: (_p, [x]) => ({ data: x?.data ?? new Float32Array(), shape: [x?.data.length ?? 0] }),
  arity: { min: 1, max: 1 },
  inferShape: (_p, [input = []]) => ({ shape: [product(input)] }),
  weights: () => [],
  countMacs: () => 0,
  keras: {
    className: 'Flatten',
    toConfig: () => ({}),
    // Channels first would flatten the values in another order.
    fromConfig: (c) => {
      requireChannelsLast(c);
      return {};
    },
  },
};
