/**
 * One run of the "Why?" panel's current method with its settings, through an
 * `AsyncAttributor`: the page's engine for a small net, the net worker for one that runs there
 * (so a 224-pixel net never pauses the page). Every method reports progress where it has
 * pieces and stops when the signal aborts.
 */
import { camDisplay, occlusionDisplay, saliencyDisplay } from '../../lib/attribution/display';
import type { AsyncAttributor, AttributionMethod } from '../../lib/attribution/types';
import type { Explanation } from '../../lib/tensor/types';
import type { MessageKey } from '../../lib/i18n';
import { isPlainRgb, pixelAffine, type Preprocessing } from '../../lib/preprocess/preprocessing';
import type { AttributionResult, AttributionState } from './attributionState.svelte';

export interface RunContext {
  attributor: AsyncAttributor;
  input: Float32Array;
  explanation: Explanation;
  classIndex: number;
  /** The side of the net's square input. */
  side: number;
  /** How the net reads the picture (null: RGB or grey in [0, 1]); FGSM's ε is in the picture's units. */
  preprocessing: Preprocessing | null;
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
  /** Visualise: the image so far; occlusion: the drops so far (NaN where not measured yet). */
  onPreview: (image: Float32Array) => void;
}

type Settings = Pick<
  AttributionState,
  | 'method'
  | 'saliencyMethod'
  | 'samples'
  | 'noise'
  | 'layer'
  | 'patch'
  | 'occlusionMeasure'
  | 'epsilon'
  | 'steps'
  | 'direction'
  | 'visualise'
>;

/** The result of `s.method` (not compare); null when Grad-CAM finds no layer with maps. */
export async function runMethod(s: Settings, ctx: RunContext): Promise<AttributionResult | null> {
  const { attributor, input, explanation, classIndex: c, signal, onProgress } = ctx;
  const base = { input, explanation, ms: 0 };
  const hooks = { signal, onProgress };
  switch (s.method) {
    case 'saliency': {
      const o = { classIndex: c, method: s.saliencyMethod, samples: s.samples, noise: s.noise };
      const result = await attributor.saliency(input, { ...o, ...hooks });
      return { ...base, kind: 'saliency', result, heat: saliencyDisplay(result) };
    }
    case 'gradCam': {
      const layerId = s.layer;
      if (!layerId) return null;
      const result = await attributor.gradCam(input, { classIndex: c, layerId, ...hooks });
      return { ...base, kind: 'gradCam', result, heat: camDisplay(result, ctx.side, ctx.side) };
    }
    case 'occlusion': {
      const o = { classIndex: c, ...s.patch, measure: s.occlusionMeasure };
      const result = await attributor.occlusion(input, { ...o, ...hooks, onPreview: ctx.onPreview });
      return { ...base, kind: 'occlusion', result, heat: occlusionDisplay(result) };
    }
    case 'visualise': {
      const o = { target: s.visualise.target(c), ...s.visualise.options() };
      const result = await attributor.visualise({ ...o, ...hooks, onPreview: ctx.onPreview });
      return { ...base, kind: 'visualise', result };
    }
    default: {
      const p = ctx.preprocessing;
      const pixels = p && !isPlainRgb(p) ? pixelAffine(p) : undefined;
      // The adversarial image ends on 8-bit levels: the image "Explain the adversarial image" hands on.
      const o = {
        classIndex: c,
        epsilon: s.epsilon,
        steps: s.steps,
        direction: s.direction,
        pixels,
        levels: 255,
      };
      const result = await attributor.fgsm(input, { ...o, ...hooks }, explanation);
      return { ...base, kind: 'fgsm', result };
    }
  }
}

/** What the progress counts: patch positions, SmoothGrad's noisy copies, or steps. */
export function progressKey(method: AttributionMethod): MessageKey {
  if (method === 'occlusion') return 'attribution.progress';
  if (method === 'saliency') return 'attribution.progressSamples';
  return method === 'visualise' ? 'visualise.progress' : 'attribution.progressSteps';
}
