/**
 * The net worker's "Why?" answers: the engine's attribution methods run on a model the worker
 * holds, the slow ones a piece at a time (SmoothGrad samples, occlusion batches, FGSM steps,
 * visualisation chunks) with progress after each piece and a signal checked between pieces.
 * Every result's arrays are the method's own copies, so they can be transferred.
 */
import type { EngineAttributor } from '../attribution/attributor';
import type { Explainer } from '../explain';
import type { Explanation } from '../../tensor/types';
import { activationChange } from '../../attribution/activationChange';
import type { AttributeAnswer, AttributeRequest } from './attributionProtocol';

/** An explanation with its own copies of every activation (the next `explain` may reuse its). */
function ownCopy(explainer: Explainer, image: Float32Array): Explanation {
  const e = explainer.explain(image);
  const activations = new Map(
    [...e.activations].map(([id, t]) => [id, { data: t.data.slice(), shape: [...t.shape] }]),
  );
  return { activations, probabilities: e.probabilities.slice(), weights: new Map() };
}

export interface AttributeHooks {
  signal: AbortSignal;
  progress: (done: number, total: number, preview: Float32Array | null) => void;
}

/**
 * A method's progress hooks when the page may want previews (occlusion's drops so far, the
 * visualisation so far): each chunk but the last is reported once, with its preview (which
 * the method hands over right after its progress); without previews, progress alone.
 */
function previewing(
  hooks: AttributeHooks,
  preview: boolean | undefined,
): { onProgress: (done: number, total: number) => void; onPreview?: (values: Float32Array) => void } {
  let last = { done: 0, total: 0 };
  return {
    onProgress: (done, total) => {
      last = { done, total };
      if (!preview || done >= total) hooks.progress(done, total, null);
    },
    onPreview: preview ? (values) => hooks.progress(last.done, last.total, values) : undefined,
  };
}

export async function attribute(
  attributor: EngineAttributor,
  explainer: Explainer,
  r: AttributeRequest,
  hooks: AttributeHooks,
): Promise<AttributeAnswer> {
  const { signal } = hooks;
  const onProgress = (done: number, total: number): void => hooks.progress(done, total, null);
  signal.throwIfAborted();
  switch (r.method) {
    case 'saliency': {
      const result = await attributor.saliencyInSteps(r.image, { ...r.options, signal, onProgress });
      return { method: 'saliency', result };
    }
    case 'gradCam':
      return { method: 'gradCam', result: attributor.gradCam(r.image, r.options) };
    case 'occlusion': {
      const result = await attributor.occlusion(r.image, {
        ...r.options,
        signal,
        ...previewing(hooks, r.preview),
      });
      return { method: 'occlusion', result };
    }
    case 'fgsm': {
      const result = await attributor.fgsmInSteps(r.image, { ...r.options, signal, onProgress });
      signal.throwIfAborted();
      // The change layer by layer is worked out here too: millions of values for a 224-pixel net.
      const before = ownCopy(explainer, r.image);
      const after = ownCopy(explainer, result.image);
      const change = activationChange(before, after);
      const activations = [...after.activations];
      return { method: 'fgsm', result, activations, change };
    }
    case 'visualise': {
      const result = await attributor.visualise({ ...r.options, signal, ...previewing(hooks, r.preview) });
      return { method: 'visualise', result };
    }
  }
}
