/** `LayerDef.forward` implementations shared by several layer modules. */
import type { LayerDef } from '../types';
import type { TensorData } from '../../tensor/types';
import { poolParams } from '../../formula/pooling';
import { globalPool, pool2d } from '../../tensor/kernels';

type Forward = NonNullable<LayerDef['forward']>;

function only(inputs: readonly TensorData[], type: string): TensorData {
  const [x] = inputs;
  if (!x) throw new RangeError(`${type} got no input`);
  return x;
}

/** MaxPooling2D / AveragePooling2D. */
export function pool2dForward(kind: 'max' | 'average'): Forward {
  return (p, inputs) => {
    const { poolSize, strides, padding } = poolParams(p);
    return pool2d(only(inputs, 'Pooling'), { kernel: poolSize, strides, dilation: [1, 1], padding }, kind);
  };
}

/** Global pooling over every spatial axis, whatever their number. */
export function globalPoolForward(kind: 'max' | 'average'): Forward {
  return (_p, inputs) => globalPool(only(inputs, 'Global pooling'), kind);
}

/** Layers that only act while training (dropout, noise, regularisers) pass values through when the net is used. */
export const passThrough: Forward = (_p, inputs) => only(inputs, 'Layer');

/**
 * What the layers that only act while training share: one input, its shape unchanged, no
 * weights and no multiply-adds, and values passed through when the net is used.
 */
export const trainingOnly = {
  arity: { min: 1, max: 1 },
  inferShape: (_p, [input = []]) => ({ shape: [...input] }),
  weights: () => [],
  forward: passThrough,
  countMacs: () => 0,
} satisfies Pick<LayerDef, 'arity' | 'inferShape' | 'weights' | 'forward' | 'countMacs'>;
