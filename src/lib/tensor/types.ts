/** What the engine hands to the views: plain typed arrays with their shapes, no tensors. */
import type { AsyncAttributor, Attributor } from '../attribution/types';
import type { NetInputPlan, RawImage } from '../preprocess/netInput';

export type { Attributor };

export interface TensorData {
  data: Float32Array;
  /** Without the batch axis, NHWC. */
  shape: number[];
  /**
   * The smallest and largest finite value of each channel (the last axis), when whoever made
   * the data had them at hand: the net worker sends them with a big net's activations, so the
   * page need not read every value again to colour the maps.
   */
  stats?: { min: Float32Array; max: Float32Array };
}

export interface LayerWeights {
  /** Weight name as tfjs names it: `kernel`, `bias`, … */
  name: string;
  value: TensorData;
}

export interface Explanation {
  /** Every layer's output for the image, keyed by layer id (the input layer included). */
  activations: Map<string, TensorData>;
  /** The last layer's output: class probabilities for a classifier. */
  probabilities: Float32Array;
  /** Every layer's weights (kernels, biases), keyed by layer id; empty lists for weightless layers. */
  weights: Map<string, LayerWeights[]>;
}

/**
 * Something that runs a network for the explainer: the plain-TypeScript first look before
 * TensorFlow.js has started, the engine after. The explainer's state holds one and never
 * asks which: everything it needs of a net goes through these methods.
 */
export interface NetRunner {
  /** [H, W, C] of the input. */
  readonly inputShape: number[];
  /** Every layer's output for one preprocessed HWC image (throws for a runner with `explainAsync`). */
  explain(image: Float32Array): Explanation;
  /**
   * Present when the net runs off the main thread (a big net in the net worker): the same
   * as `explain`, without blocking the page. Callers use it whenever a runner has it.
   */
  explainAsync?(image: Float32Array): Promise<Explanation>;
  /**
   * With `explainAsync`, it may also take the image as decoded and make the input itself (off
   * the page): `imageForPlan(raw, plan)`, returned with its explanation.
   */
  explainImageAsync?(
    raw: RawImage,
    plan: NetInputPlan,
  ): Promise<{ input: Float32Array; explanation: Explanation }>;
  /** Copies of every weight, keyed `layer/weight` as tfjs names them. */
  namedWeights(): Map<string, Float32Array>;
  /** The shape of every weight, keyed like `namedWeights`, without reading values. */
  weightShapes(): Map<string, number[]>;
  /**
   * Puts the named values into the net; names it lacks, or values of another length, are
   * ignored. Returns the layers that have weights.
   */
  setWeights(named: ReadonlyMap<string, Float32Array>): Set<string>;
  /** Frees what the runner holds (tensors); it is not used afterwards. */
  dispose(): void;
  /**
   * Saliency, Grad-CAM, occlusion and adversarial examples for this net; only the engine has
   * it (they need gradients). Throws, naming why, for a net they cannot explain.
   */
  attributor?(): Attributor;
  /** The same methods run off the page (a net in the net worker), each a promise with progress. */
  asyncAttributor?(): AsyncAttributor;
}
