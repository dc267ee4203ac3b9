/** Shared definition of the N-D pooling layers; max and average differ only in name and text. */
import type { LayerDef } from '../types';
import type { Localized } from '../../spec/types';
import { ints, paddingParam, str } from './params';
import { readPadding, readTuple, requireChannelsLast } from './kerasConfig';
import { poolSizeParam, stridesParam } from './windowParams';
import { windowNd } from './windowMath';

export function pooling(type: string, rank: number, description: Localized): LayerDef {
  const two = Array.from({ length: rank }, () => 2);
  return {
    type,
    category: 'Vision',
    description,
    params: [
      poolSizeParam(rank),
      {
        ...stridesParam(rank, 2, 64),
        help: {
          en: 'How far the window moves; equal to the pool size for non-overlapping pooling.',
          zh: '窗口每次移动的距离；与窗口大小相同时窗口互不重叠。',
        },
      },
      paddingParam,
    ],
    arity: { min: 1, max: 1 },
    inferShape(p, [input = []]) {
      const r = windowNd(input, ints(p, 'poolSize'), ints(p, 'strides'), [], str(p, 'padding'), {
        en: 'pooling window',
        zh: '池化窗口',
      });
      if ('error' in r) return r;
      return { shape: [...r.size, input[rank] ?? 0] };
    },
    weights: () => [],
    countMacs: () => 0,
    keras: {
      className: type,
      toConfig: (p) => ({
        pool_size: ints(p, 'poolSize'),
        strides: ints(p, 'strides'),
        padding: str(p, 'padding'),
        data_format: 'channels_last',
      }),
      fromConfig: (c) => {
        requireChannelsLast(c);
        // Keras: strides default to the pool size when absent or null.
        const poolSize = readTuple(c, 'pool_size', rank, { dflt: two });
        return {
          poolSize,
          strides: readTuple(c, 'strides', rank, { dflt: poolSize, ifNull: poolSize }),
          padding: readPadding(c),
        };
      },
    },
  };
}
