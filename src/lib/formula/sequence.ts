/**
 * 1-D window layers (Conv1D, MaxPooling1D, AveragePooling1D) as their 2-D views see them: a
 * sequence [T, C] is a map of one row [1, T, C], a window of k steps is a 1 × k window, and a
 * Conv1D kernel [k, in, out] is the conv kernel [1, k, in, out] (same row-major data). tfjs
 * itself runs conv1d as conv2d on exactly this reshape.
 */
import type { LayerParams } from '../spec/types';
import type { LayerWeights, TensorData } from '../tensor/types';

/** [T, C] → [1, T, C]; a map is returned as it is. */
export function sequenceAsMap(t: TensorData): TensorData {
  if (t.shape.length === 3) return t;
  if (t.shape.length !== 2)
    throw new RangeError(`a sequence is steps × channels, got [${t.shape.join(', ')}]`);
  return { data: t.data, shape: [1, ...t.shape] };
}

function single(value: unknown, fallback: number): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
  return fallback;
}

/**
 * The layer's params with each 1-D window param (`kernelSize: [k]`, `strides: [s]`, …) made
 * the 2-D [1, k] of a one-row map. `windowParam` names the param that sets the window and
 * the stride's default (pooling strides default to the pool size, as in Keras).
 */
export function sequenceWindowParams(
  params: LayerParams,
  windowParam: 'kernelSize' | 'poolSize',
): LayerParams {
  const window = single(params[windowParam], windowParam === 'poolSize' ? 2 : 3);
  const strides = single(params.strides, windowParam === 'poolSize' ? window : 1);
  const out: LayerParams = { ...params, [windowParam]: [1, window], strides: [1, strides] };
  if (windowParam === 'kernelSize') out.dilation = [1, single(params.dilation, 1)];
  return out;
}

/** A Conv1D's weights with its kernel [k, in, out] as the conv kernel [1, k, in, out]. */
export function sequenceConvWeights(weights: readonly LayerWeights[]): LayerWeights[] {
  return weights.map((w) =>
    w.name === 'kernel' && w.value.shape.length === 3
      ? { name: w.name, value: { data: w.value.data, shape: [1, ...w.value.shape] } }
      : w,
  );
}
