/**
 * How far every layer's activations moved between two explanations of the same net (an image
 * and its adversarial copy, or two images): per layer the relative change ‖a′ − a‖ / ‖a‖, per
 * channel (the last axis, NHWC) the mean absolute change, and the signed difference itself
 * for the overview.
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

export function layerChange(layerId: string, before: TensorData, after: TensorData): LayerChange | null {
  if (before.data.length !== after.data.length || before.shape.join() !== after.shape.join()) return null;
  const channelCount = before.shape.length > 1 ? (before.shape[before.shape.length - 1] ?? 1) : 1;
  const channels = new Float32Array(channelCount);
  const diff = new Float32Array(before.data.length);
  let num = 0;
  let den = 0;
  for (let i = 0; i < diff.length; i++) {
    const a = before.data[i]!;
    const d = after.data[i]! - a;
    diff[i] = d;
    num += d * d;
    den += a * a;
    channels[i % channelCount]! += Math.abs(d);
  }
  const perChannel = diff.length / channelCount;
  for (let c = 0; c < channelCount; c++) channels[c]! /= perChannel || 1;
  const norm = Math.sqrt(num);
  return {
    layerId,
    relative: den > 0 ? norm / Math.sqrt(den) : norm,
    channels,
    difference: { data: diff, shape: before.shape },
  };
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

/** The `count` layers that changed most, largest first. */
export function mostChanged(change: ActivationChange, count: number): LayerChange[] {
  return [...change.layers].sort((a, b) => b.relative - a.relative).slice(0, count);
}
