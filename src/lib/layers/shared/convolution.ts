/**
 * Shared definition of the N-D convolutions (Conv1D, Conv2D, Conv3D): kernels of shape
 * [...window, in, out] slid over a [...spatial, channels] input, channels last as in tfjs.
 */
import type { LayerDef } from '../types';
import type { LayerParams, Localized, Shape } from '../../spec/types';
import { bool, ints, num, str } from './params';
import { convParamDefs, convParamsFromKeras } from './windowParams';
import { product, stridedDilationError, windowNd } from './windowMath';

/**
 * Where a convolution's kernel window fits on the input, as its params say (kernel size,
 * strides, dilation, padding): the output's spatial size, or why there is none.
 */
export function convWindow(p: LayerParams, input: Shape): { size: number[] } | { error: Localized } {
  const strides = ints(p, 'strides');
  const dilation = ints(p, 'dilation');
  const clash = stridedDilationError(strides, dilation);
  if (clash) return { error: clash };
  return windowNd(input, ints(p, 'kernelSize'), strides, dilation, str(p, 'padding'), {
    en: 'kernel',
    zh: '卷积核',
  });
}

export function convolution(type: string, rank: number, description: Localized): LayerDef {
  return {
    type,
    category: 'Vision',
    description,
    params: convParamDefs(rank),
    arity: { min: 1, max: 1 },
    inferShape(p, [input = []]) {
      const r = convWindow(p, input);
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
      fromConfig: (c) => convParamsFromKeras(c, rank, { refuse: { groups: [1] } }),
    },
  };
}
