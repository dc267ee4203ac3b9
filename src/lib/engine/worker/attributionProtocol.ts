/**
 * The "Why?" panel's requests to the net worker and their answers: saliency, Grad-CAM,
 * occlusion, FGSM and visualisation on a net the worker holds. Options are the engine's own
 * without their callbacks (progress comes back as `progress` messages; a `cancel` message
 * stops a run between its pieces). Plain data only: typed arrays travel as transferables.
 */
import type {
  FgsmOptions,
  GradCamOptions,
  GradCamResult,
  OcclusionOptions,
  OcclusionResult,
  SaliencyOptions,
  SaliencyResult,
  VisualiseOptions,
  VisualiseResult,
} from '../../attribution/types';
import type { FgsmTensors } from '../attribution/fgsm';
import type { ActivationChange } from '../../attribution/activationChange';

type Plain<T> = Omit<T, 'onProgress' | 'onPreview' | 'signal' | 'pause'>;

export type AttributeRequest =
  | { method: 'saliency'; image: Float32Array; options: Plain<SaliencyOptions> }
  | { method: 'gradCam'; image: Float32Array; options: Plain<GradCamOptions> }
  /** `preview`: progress messages carry the drops so far (see OcclusionOptions.onPreview). */
  | { method: 'occlusion'; image: Float32Array; options: Plain<OcclusionOptions>; preview?: boolean }
  | { method: 'fgsm'; image: Float32Array; options: Plain<FgsmOptions> }
  /** `preview`: send the image so far with each progress message. */
  | { method: 'visualise'; options: Plain<VisualiseOptions>; preview: boolean };

export type AttributeAnswer =
  | { method: 'saliency'; result: SaliencyResult }
  | { method: 'gradCam'; result: GradCamResult }
  | { method: 'occlusion'; result: OcclusionResult }
  /** The run's numbers, every layer's output for the adversarial image, and how far each moved. */
  | {
      method: 'fgsm';
      result: FgsmTensors;
      activations: [string, { data: Float32Array; shape: number[] }][];
      change: ActivationChange;
    }
  | { method: 'visualise'; result: VisualiseResult };

/** Sent while a request runs: pieces done of all, and (visualisation) the image so far. */
export interface ProgressMessage {
  type: 'progress';
  id: number;
  done: number;
  total: number;
  preview: Float32Array | null;
}

/** Every Float32Array in a plain value (objects and arrays walked), each once. */
export function floatArraysIn(value: unknown, out: Float32Array[] = []): Float32Array[] {
  if (value instanceof Float32Array) out.push(value);
  else if (Array.isArray(value)) for (const v of value) floatArraysIn(v, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value as Record<string, unknown>)) floatArraysIn(v, out);
  return out;
}
