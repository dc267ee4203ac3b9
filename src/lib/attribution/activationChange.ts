/**
 * How far every layer's activations moved between two explanations of the same net (an image
 * and its adversarial copy, or two images): per layer the relative change ‖a′ − a‖ / ‖a‖, per
 * channel (the last axis, NHWC) the mean absolute change, and the signed difference itself
 * for the overview. The difference's values are made when first read (a 224-pixel net's are
 * some 40 MB, and most comparisons never draw them): the pass over both layers keeps only its
 * sums and each channel's range.
 */
import type { Explanation, TensorData } from '../tensor/types';

export interface LayerChange {
  layerId: string;
  /** ‖a′ − a‖₂ / ‖a‖₂ (‖a′ − a‖₂ when the layer's output is all zero). */
  relative: number;
  /** Mean |a′ − a| of each channel. */
  channels: Float32Array;
  /** a′ − a, in the layer's shape. */
  difference: TensorData;
}

export interface ActivationChange {
  /** In the explanation's layer order. */
  layers: LayerChange[];
}

/**
 * Values summed between two looks at the clock in `activationChangeInSlices`: 16k, some 2 ms
 * before the engine has optimised the loop (the first comparison of a page's life), so that a
 * task ends near its budget rather than a whole slice past it.
 */
const SLICE = 1 << 14;

/**
 * One layer's change, worked out `slice` values at a time: it yields after each slice and
 * returns the change (null: the layers differ in shape). The sums run in one order whatever
 * the slice, so every slicing gives the same numbers to the bit.
 */
function* layerChangeSteps(
  layerId: string,
  before: TensorData,
  after: TensorData,
  slice: number,
): Generator<void, LayerChange | null> {
  if (before.data.length !== after.data.length || before.shape.join() !== after.shape.join()) return null;
  const channelCount = before.shape.length > 1 ? (before.shape[before.shape.length - 1] ?? 1) : 1;
  const channels = new Float32Array(channelCount);
  const length = before.data.length;
  // Each channel's range of the difference (as channelStats finds it), so the overview can
  // colour B − A without another pass over its values on the page.
  const min = new Float32Array(channelCount).fill(Infinity);
  const max = new Float32Array(channelCount).fill(-Infinity);
  let num = 0;
  let den = 0;
  for (let start = 0; start < length; start += slice) {
    const end = Math.min(length, start + slice);
    for (let i = start, c = start % channelCount; i < end; i++) {
      const a = before.data[i]!;
      const d = after.data[i]! - a;
      num += d * d;
      den += a * a;
      channels[c]! += Math.abs(d);
      // The value the difference's array holds (float32).
      const v = Math.fround(d);
      if (v < min[c]! && v > -Infinity) min[c] = v;
      if (v > max[c]! && v < Infinity) max[c] = v;
      if (++c === channelCount) c = 0;
    }
    if (end < length) yield;
  }
  const perChannel = length / channelCount;
  for (let c = 0; c < channelCount; c++) {
    channels[c]! /= perChannel || 1;
    if (min[c]! > max[c]!) min[c] = max[c] = 0;
  }
  const norm = Math.sqrt(num);
  return {
    layerId,
    relative: den > 0 ? norm / Math.sqrt(den) : norm,
    channels,
    difference: lazyDifference(before, after, { min, max }),
  };
}

/**
 * after − before as a TensorData whose values are worked out when `data` is first read (then
 * kept), with each channel's range `stats`. Reading it gives the same float32 values as
 * subtracting at once; both layers must not change meanwhile (explanations never do).
 */
export function lazyDifference(
  before: TensorData,
  after: TensorData,
  stats?: TensorData['stats'],
): TensorData {
  let data: Float32Array | null = null;
  return {
    get data(): Float32Array {
      if (!data) {
        data = new Float32Array(before.data.length);
        const a = before.data;
        const b = after.data;
        for (let i = 0; i < data.length; i++) data[i] = b[i]! - a[i]!;
      }
      return data;
    },
    shape: before.shape,
    ...(stats ? { stats } : {}),
  };
}

export function layerChange(layerId: string, before: TensorData, after: TensorData): LayerChange | null {
  const steps = layerChangeSteps(layerId, before, after, Number.POSITIVE_INFINITY);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Every layer both explanations have, with the same shape, in `before`'s order. */
export function activationChange(before: Explanation, after: Explanation): ActivationChange {
  const layers: LayerChange[] = [];
  for (const [id, a] of before.activations) {
    const b = after.activations.get(id);
    const change = b ? layerChange(id, a, b) : null;
    if (change) layers.push(change);
  }
  return { layers };
}

export interface SliceOptions {
  /** Lets the page breathe (a task, a frame); called whenever `budgetMs` of work has been done. */
  pause: () => Promise<void>;
  /** Work between pauses, in ms (default 5: with the page's own work, tasks stay well under 50 ms). */
  budgetMs?: number;
  signal?: AbortSignal;
  /** The clock (default performance.now). */
  now?: () => number;
}

/**
 * `activationChange` a slice at a time, pausing whenever `budgetMs` of work is done, so that a
 * 224-pixel net's ten million values never hold the page's thread for long; the same numbers.
 * Rejects with the signal's reason once it aborts.
 */
export async function activationChangeInSlices(
  before: Explanation,
  after: Explanation,
  o: SliceOptions,
): Promise<ActivationChange> {
  const now = o.now ?? (() => performance.now());
  const budget = o.budgetMs ?? 5;
  const layers: LayerChange[] = [];
  let since = now();
  const breathe = async (): Promise<void> => {
    if (now() - since < budget) return;
    await o.pause();
    o.signal?.throwIfAborted();
    since = now();
  };
  o.signal?.throwIfAborted();
  for (const [id, a] of before.activations) {
    const b = after.activations.get(id);
    if (!b) continue;
    const steps = layerChangeSteps(id, a, b, SLICE);
    for (;;) {
      const next = steps.next();
      if (next.done) {
        if (next.value) layers.push(next.value);
        break;
      }
      await breathe();
    }
    await breathe();
  }
  return { layers };
}

/** The `count` layers that changed most, largest first. */
export function mostChanged(change: ActivationChange, count: number): LayerChange[] {
  return [...change.layers].sort((a, b) => b.relative - a.relative).slice(0, count);
}
