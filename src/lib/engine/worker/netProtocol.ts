/**
 * Messages between the page and the net worker, which builds big networks in TensorFlow.js
 * (their random initialisation included) and runs them, so the page's main thread never
 * blocks on them. Plain data only: typed arrays travel as transferables, maps as entry lists.
 * Every request carries an `id` that its one reply repeats; a model is named by `model`.
 */
import type { NetworkSpec } from '../../spec/types';
import type { AttributeAnswer, AttributeRequest, ProgressMessage } from './attributionProtocol';
import { floatArraysIn } from './attributionProtocol';
import type { NetInputPlan, RawImage } from '../../preprocess/netInput';

/** A tensor's values with its shape (no batch axis for activations). */
export interface Values {
  data: Float32Array;
  shape: number[];
  /** Activations: each channel's smallest and largest finite value (TensorData.stats). */
  stats?: { min: Float32Array; max: Float32Array };
}

/** Saved weights a build may take values from, with the layers whose values are untrained. */
export interface WeightBankMessage {
  values: [string, Float32Array][];
  shapes: [string, number[]][];
  untrained: string[];
}

export type ToNetWorker =
  | { type: 'init'; id: number; wasmPaths: Record<string, string> }
  | {
      type: 'build';
      id: number;
      model: number;
      spec: NetworkSpec;
      /** Where weights come from when names and shapes fit, preferred in order. */
      banks: WeightBankMessage[];
      /** Values put in by name after the build (those that fit); null for none. */
      given: [string, Float32Array][] | null;
      /** A preprocessed HWC image to explain right away, or null. */
      image: Float32Array | null;
    }
  | { type: 'explain'; id: number; model: number; image: Float32Array }
  /**
   * An image as decoded, made the net's input here (`imageForPlan`, off the page's thread) and
   * explained; answered by `explained` with the input it made.
   */
  | { type: 'explainImage'; id: number; model: number; raw: RawImage; plan: NetInputPlan }
  | { type: 'setWeights'; id: number; model: number; values: [string, Float32Array][] }
  | { type: 'dispose'; id: number; model: number }
  /** "Why?" on a held model; answered by `attributed`, with `progress` messages before. */
  | { type: 'attribute'; id: number; model: number; request: AttributeRequest }
  /** Stops request `target` between its pieces (it answers with an error); no answer of its own. */
  | { type: 'cancel'; id: number; target: number };

/** Every layer's output for one image, keyed by layer id (the input included). */
export type ActivationsMessage = [string, Values][];

export interface BuiltMessage {
  type: 'built';
  id: number;
  inputShape: number[];
  inputName: string;
  /** Every weight after the build, keyed `layer/weight`, in the model's order. */
  weights: [string, Values][];
  layersWithWeights: string[];
  /** From the weight plan: layers left untrained and layers re-initialised for a new shape. */
  untrained: string[];
  reinitialised: string[];
  activations: ActivationsMessage | null;
}

export type FromNetWorker =
  | { type: 'ready'; id: number; backend: string }
  | BuiltMessage
  | { type: 'explained'; id: number; activations: ActivationsMessage; input?: Float32Array }
  | { type: 'done'; id: number }
  | { type: 'attributed'; id: number; answer: AttributeAnswer }
  | ProgressMessage
  | { type: 'error'; id: number; message: string };

/** The buffers of a message's typed arrays, each once, for `postMessage`'s transfer list. */
export function transferList(arrays: Iterable<Float32Array>): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}

/** The typed arrays a reply carries (to transfer them rather than copy). */
export function arraysOf(message: FromNetWorker | ToNetWorker): Float32Array[] {
  const out: Float32Array[] = [];
  const entries = (list: [string, Values][] | null) => list?.forEach(([, v]) => out.push(v.data));
  if (message.type === 'built') {
    entries(message.weights);
    entries(message.activations);
  } else if (message.type === 'explained') {
    entries(message.activations);
    if (message.input) out.push(message.input);
  } else if (message.type === 'build') {
    for (const b of message.banks) for (const [, v] of b.values) out.push(v);
    message.given?.forEach(([, v]) => out.push(v));
    if (message.image) out.push(message.image);
  } else if (message.type === 'explain') out.push(message.image);
  else if (message.type === 'setWeights') message.values.forEach(([, v]) => out.push(v));
  else if (message.type === 'attribute') floatArraysIn(message.request, out);
  else if (message.type === 'attributed') floatArraysIn(message.answer, out);
  else if (message.type === 'progress' && message.preview) out.push(message.preview);
  return out;
}
