/** Shared definition of UpSampling1D/2D/3D: every value repeated `size` times along each axis. */
import type { LayerDef, ParamDef } from '../types';
import type { LayerParams, Localized } from '../../spec/types';
import { ints, str } from './params';
import { readChoice, readTuple, refuseUnless, requireChannelsLast } from './kerasConfig';
import { rankError } from './windowMath';

const AXES: Record<number, Localized> = {
  1: { en: 'steps × channels', zh: '步数 × 通道' },
  2: { en: 'height × width × channels', zh: '高 × 宽 × 通道' },
  3: { en: 'depth × height × width × channels', zh: '深 × 高 × 宽 × 通道' },
};

const interpolationParam: ParamDef = {
  name: 'interpolation',
  kind: 'enum',
  default: 'nearest',
  options: ['nearest', 'bilinear'],
  label: { en: 'Interpolation', zh: '插值' },
  help: {
    en: 'nearest copies each value into a block; bilinear blends neighbouring values for smoother maps.',
    zh: 'nearest 把每个值复制成一个块；bilinear 混合相邻的值，得到更平滑的特征图。',
  },
};

export function upSampling(
  type: string,
  rank: number,
  description: Localized,
  tfjs: { keras: boolean; note?: Localized },
): LayerDef {
  const sizeParam: ParamDef = {
    name: 'size',
    kind: 'ints',
    default: Array.from({ length: rank }, () => 2),
    min: 1,
    max: 32,
    lengths: [rank],
    label: { en: 'Size', zh: '倍数' },
    help: {
      en: 'How many times each value is repeated along each axis.',
      zh: '每个值在各个维度上重复的次数。',
    },
  };
  const withInterpolation = rank === 2;
  const def: LayerDef = {
    type,
    category: 'Vision',
    description,
    params: withInterpolation ? [sizeParam, interpolationParam] : [sizeParam],
    arity: { min: 1, max: 1 },
    inferShape(p, [input = []]) {
      const bad = rankError(input, rank + 1, AXES[rank] ?? { en: 'channels last', zh: '通道在最后' });
      if (bad) return { error: bad };
      const size = ints(p, 'size');
      return { shape: input.map((n, i) => (i < rank ? n * (size[i] ?? 1) : n)) };
    },
    weights: () => [],
    countMacs: () => 0,
    keras: null,
  };
  if (tfjs.note) def.tfjsNote = tfjs.note;
  // The view reads 2-D maps; tfjs runs only UpSampling2D, so the 1-D and 3-D layers never reach it.
  if (rank === 2) def.formula = 'resample';
  if (tfjs.keras)
    def.keras = {
      className: type,
      toConfig: (p) => ({
        size: ints(p, 'size'),
        data_format: 'channels_last',
        ...(withInterpolation ? { interpolation: str(p, 'interpolation') } : {}),
      }),
      fromConfig: (c) => {
        requireChannelsLast(c);
        if (!withInterpolation) refuseUnless(c, 'interpolation', ['nearest']);
        const size = readTuple(c, 'size', rank, { dflt: Array.from({ length: rank }, () => 2) });
        const params: LayerParams = { size };
        if (withInterpolation)
          params.interpolation = readChoice(c, 'interpolation', ['nearest', 'bilinear'], 'nearest');
        return params;
      },
    };
  return def;
}
