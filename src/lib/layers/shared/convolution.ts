/**
 * Shared definition of the N-D convolutions (Conv1D, Conv2D, Conv3D): kernels of shape
 * [...window, in, out] slid over a [...spatial, channels] input, channels last as in tfjs.
 */
import type { LayerDef } from '../types';
import type { Localized } from '../../spec/types';
import { activationParam, bool, ints, num, paddingParam, str, useBiasParam } from './params';
import {
  readActivation,
  readBool,
  readInt,
  readPadding,
  readTuple,
  refuseUnless,
  requireChannelsLast,
} from './kerasConfig';
import { dilationParam, filtersParam, kernelSizeParam, stridesParam } from './windowParams';
import { product, stridedDilationError, windowNd } from './windowMath';

const ones = (n: number): number[] => Array.from({ length: n }, () => 1);

export function convolution(type: string, rank: number, description: Localized): LayerDef {
  return {
    type,
    category: 'Vision',
    description,
    params: [
      filtersParam,
      kernelSizeParam(rank),
      stridesParam(rank),
      paddingParam,
      dilationParam(rank),
      activationParam,
      useBiasParam,
    ],
    arity: { min: 1, max: 1 },
    inferShape(p, [input = []]) {
      const strides = ints(p, 'strides');
      const dilation = ints(p, 'dilation');
      const clash = stridedDilationError(strides, dilation);
      if (clash) return { error: clash };
      const r = windowNd(input, ints(p, 'kernelSize'), strides, dilation, str(p, 'padding'), {
        en: 'kernel',
        zh: '卷积核',
      });
      if ('error' in r) return r;
      return { shape: [...r.size, num(p, 'filters')] };
    },
    weights(p, [input = []]) {
      const filters = num(p, 'filters');
      const w = [{ name: 'kernel', shape: [...ints(p, 'kernelSize'), input[rank] ?? 0, filters] }];
      return bool(p, 'useBias') ? [...w, { name: 'bias', shape: [filters] }] : w;
    },
    countMacs: (p, [input = []], out) => product(out) * product(ints(p, 'kernelSize')) * (input[rank] ?? 0),
    keras: {
      className: type,
      toConfig: (p) => ({
        filters: num(p, 'filters'),
        kernel_size: ints(p, 'kernelSize'),
        strides: ints(p, 'strides'),
        padding: str(p, 'padding'),
        data_format: 'channels_last',
        dilation_rate: ints(p, 'dilation'),
        activation: str(p, 'activation'),
        use_bias: bool(p, 'useBias'),
      }),
      fromConfig: (c) => {
        requireChannelsLast(c);
        refuseUnless(c, 'groups', [1]);
        return {
          filters: readInt(c, 'filters', { min: 1 }),
          kernelSize: readTuple(c, 'kernel_size', rank),
          strides: readTuple(c, 'strides', rank, { dflt: ones(rank) }),
          padding: readPadding(c),
          dilation: readTuple(c, 'dilation_rate', rank, { dflt: ones(rank) }),
          activation: readActivation(c, 'activation', 'linear'),
          useBias: readBool(c, 'use_bias', true),
        };
      },
    },
  };
}
