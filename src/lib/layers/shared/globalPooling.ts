/**
 * Shared definition of the global pooling layers: one value per channel, taken over the
 * whole of every spatial axis, so a [...spatial, channels] input becomes [channels].
 */
import type { LayerDef } from '../types';
import type { Localized } from '../../spec/types';
import { rankError } from './windowMath';
import { globalPoolForward } from './forward';
import { refuseUnless, requireChannelsLast } from './kerasConfig';

const AXES: Record<number, Localized> = {
  1: { en: 'steps × channels', zh: '步数 × 通道' },
  2: { en: 'height × width × channels', zh: '高 × 宽 × 通道' },
  3: { en: 'depth × height × width × channels', zh: '深 × 高 × 宽 × 通道' },
};

export function globalPooling(
  type: string,
  rank: number,
  description: Localized,
  tfjsNote?: Localized,
): LayerDef {
  const def: LayerDef = {
    type,
    category: 'Vision',
    description,
    params: [],
    arity: { min: 1, max: 1 },
    inferShape(_p, [input = []]) {
      const bad = rankError(input, rank + 1, AXES[rank] ?? { en: 'channels last', zh: '通道在最后' });
      if (bad) return { error: bad };
      return { shape: [input[rank] ?? 0] };
    },
    weights: () => [],
    countMacs: () => 0,
    forward: globalPoolForward(type.startsWith('GlobalMax') ? 'max' : 'average'),
    keras: tfjsNote
      ? null
      : {
          className: type,
          toConfig: () => ({ data_format: 'channels_last' }),
          fromConfig: (c) => {
            requireChannelsLast(c);
            // keepdims: true keeps the spatial axes at size 1, a different output shape.
            refuseUnless(c, 'keepdims', [false]);
            return {};
          },
        },
  };
  if (tfjsNote) def.tfjsNote = tfjsNote;
  // The view reads a map or a sequence; a 3-D volume would need a view of its own.
  if (rank <= 2) {
    def.formula = 'globalPooling';
    def.poolKind = type.startsWith('GlobalMax') ? 'max' : 'average';
  }
  return def;
}

export function noGlobalPooling3dNote(kind: 'max' | 'average'): Localized {
  const pool = kind === 'max' ? 'MaxPooling3D' : 'AveragePooling3D';
  return {
    en: `tfjs 4.22 has no global 3-D pooling layer; a ${pool} whose pool size equals the input volume followed by Flatten gives the same values.`,
    zh: `tfjs 4.22 没有全局三维池化层；用池化窗口等于整个输入体积的 ${pool}，再接 Flatten，可得到相同的值。`,
  };
}
