/**
 * Shared definition of LocallyConnected1D/2D: like a valid convolution, but every output
 * position has its own kernel instead of sharing one. Keras stores the kernel as
 * [positions, window × in, out] and the bias as [...output spatial, out].
 */
import type { LayerDef } from '../types';
import type { Localized } from '../../spec/types';
import { bool, ints, num } from './params';
import { convParamDefs } from './windowParams';
import { product, windowNd } from './windowMath';

export function locallyConnected(type: string, rank: number, description: Localized): LayerDef {
  return {
    type,
    category: 'Vision',
    description,
    // Keras implements only valid padding for these layers, so there is no padding choice.
    params: convParamDefs(rank, { padding: false, dilation: false }),
    arity: { min: 1, max: 1 },
    inferShape(p, [input = []]) {
      const r = windowNd(input, ints(p, 'kernelSize'), ints(p, 'strides'), [], 'valid', {
        en: 'kernel',
        zh: '卷积核',
      });
      if ('error' in r) return r;
      return { shape: [...r.size, num(p, 'filters')] };
    },
    weights(p, [input = []]) {
      const r = windowNd(input, ints(p, 'kernelSize'), ints(p, 'strides'), [], 'valid', { en: '', zh: '' });
      const out = 'size' in r ? r.size : [];
      const filters = num(p, 'filters');
      const window = product(ints(p, 'kernelSize')) * (input[rank] ?? 0);
      const w = [{ name: 'kernel', shape: [product(out), window, filters] }];
      return bool(p, 'useBias') ? [...w, { name: 'bias', shape: [...out, filters] }] : w;
    },
    countMacs: (p, [input = []], out) => product(out) * product(ints(p, 'kernelSize')) * (input[rank] ?? 0),
    keras: null,
    tfjsNote: {
      en: `tfjs 4.22 has no ${type} layer (Keras 3 dropped it too); a ${rank}-D convolution with the same window has the same output shape but shares one kernel across positions.`,
      zh: `tfjs 4.22 没有 ${type} 层（Keras 3 也已移除）；窗口相同的 ${rank} 维卷积输出形状相同，但所有位置共用一个卷积核。`,
    },
  };
}
