/**
 * An image as a given net takes it: fitted and resized (`preprocessImage`), then turned into
 * the net's channels, order, scale and normalisation (its Input layer's preprocessing).
 */
import type { NetworkSpec } from '../spec/types';
import { preprocessImage, type FitMode, type RawImage } from './preprocess';
import {
  applyPreprocessing,
  channelLights,
  readPreprocessing,
  type ChannelLight,
  type Preprocessing,
  type PreprocessingResult,
} from './preprocessing';

/** The preprocessing of a net's one image input; an error names the field that is wrong. */
export function preprocessingOf(spec: NetworkSpec): PreprocessingResult {
  const input = spec.layers.find((l) => l.type === 'Input');
  const shape = input && Array.isArray(input.params.shape) ? input.params.shape : [];
  const read = readPreprocessing(input?.params ?? {}, shape);
  return read.ok || !input
    ? read
    : { ok: false, error: { en: `${input.id}: ${read.error.en}`, zh: `${input.id}：${read.error.zh}` } };
}

export type { FitMode, RawImage };

/**
 * What `imageForNet` does to an image besides reading it, checked at once (a net whose Input
 * preprocessing is wrong throws here): plain data, so the work itself can be done elsewhere
 * (the net worker, with `imageForPlan`) and give the same numbers.
 */
export interface NetInputPlan {
  size: number;
  fit: FitMode;
  /** null: plain RGB in [0, 1] (no net yet). */
  preprocessing: Preprocessing | null;
}

export function netInputPlan(spec: NetworkSpec | null, size: number, fit: FitMode): NetInputPlan {
  if (!spec) return { size, fit, preprocessing: null };
  const read = preprocessingOf(spec);
  if (!read.ok) throw new Error(read.error.en);
  return { size, fit, preprocessing: read.value };
}

/** The image as `plan` says (`imageForNet` with the plan's net, size and fit). */
export function imageForPlan(raw: RawImage, plan: NetInputPlan): Float32Array {
  const rgb = preprocessImage(raw, { size: plan.size, fit: plan.fit });
  return plan.preprocessing ? applyPreprocessing(rgb, plan.preprocessing) : rgb;
}

/** `spec` null (no net yet): plain RGB in [0, 1], as every image was before preprocessing was the model's. */
export function imageForNet(
  raw: RawImage,
  spec: NetworkSpec | null,
  size: number,
  fit: FitMode,
): Float32Array {
  return imageForPlan(raw, netInputPlan(spec, size, fit));
}

/** The net's input channels as light (for the overview and formula views); null for a non-image input. */
export function inputLightsOf(spec: NetworkSpec | null | undefined): ChannelLight[] | null {
  if (!spec) return null;
  const read = preprocessingOf(spec);
  return read.ok ? channelLights(read.value) : null;
}
