/**
 * "Why did it predict that?": what the engine's attribution methods take and give. Images,
 * gradients and perturbations are HWC float arrays (tfjs NHWC without the batch axis); maps
 * are row-major H×W. No tensors: the views get typed arrays with their shapes.
 */
import type { Explanation } from '../tensor/types';
import type { OcclusionGrid } from './occlusionGrid';
import type { ActivationChange } from './activationChange';

/**
 * The number a method explains: the class's logit (its score before softmax) when the net
 * ends in softmax, as in Simonyan et al. and Grad-CAM; otherwise the net's own output.
 */
export type ScoreKind = 'logit' | 'output';

/** The methods of the "Why?" panel (compare: two inputs or two nets side by side). */
export type AttributionMethod = 'gradCam' | 'saliency' | 'occlusion' | 'fgsm' | 'visualise' | 'compare';

export type SaliencyMethod = 'gradient' | 'smoothGrad' | 'gradientTimesInput';

export interface SaliencyOptions {
  classIndex: number;
  method: SaliencyMethod;
  /** SmoothGrad: how many noisy copies are averaged. */
  samples?: number;
  /** SmoothGrad: the noise's standard deviation as a fraction of the input's value range. */
  noise?: number;
  /** SmoothGrad: seed of the noise, so a result can be reproduced. */
  seed?: number;
}

export interface SaliencyResult {
  method: SaliencyMethod;
  classIndex: number;
  /**
   * HWC. gradient: ∂score/∂input; smoothGrad: its mean over the noisy copies;
   * gradientTimesInput: the gradient times the input, value by value.
   */
  attribution: Float32Array;
  shape: [number, number, number];
  /** The class score at the image itself. */
  score: number;
  scoreKind: ScoreKind;
}

export interface GradCamOptions {
  classIndex: number;
  /** A layer with a spatial [H, W, C] output. */
  layerId: string;
}

export interface GradCamResult {
  classIndex: number;
  layerId: string;
  /** The layer's output shape [h, w, k]. */
  shape: [number, number, number];
  /** αₖ: the gradient of the score with respect to map k, averaged over its positions. */
  weights: Float32Array;
  /** ReLU(Σₖ αₖ Aᵏ), h×w at the layer's resolution. */
  cam: Float32Array;
  score: number;
  scoreKind: ScoreKind;
}

export interface OcclusionOptions {
  classIndex: number;
  /** Side of the square patch, in input pixels. */
  size: number;
  /** Step between patch positions, in input pixels. */
  stride: number;
  /** The patch's value in every channel (inputs are in [0, 1]; 0.5 is mid grey). */
  fill?: number;
  /**
   * What drops: the net's output (the probability, for a softmax net) or the class score
   * before softmax, which still moves when the probability is saturated at 100%.
   */
  measure?: 'output' | 'score';
  /** Called after each batch with the positions done so far. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called after each batch but the last with the drops so far, one per position (NaN where
   * the patch has not been yet), so the map can fill in while a big net runs.
   */
  onPreview?: (drops: Float32Array) => void;
  /** Stops the run between batches; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Awaited between batches so the page can paint; a macrotask by default. */
  pause?: () => Promise<void>;
  /** Longest a batch should take, in ms: the batch size adapts to the net's speed. */
  budgetMs?: number;
}

export interface OcclusionResult {
  classIndex: number;
  grid: OcclusionGrid;
  measure: 'output' | 'score';
  /** The class's output (probability, for a softmax net) or score on the image itself. */
  base: number;
  /** The same with the patch at each position, rows × cols. */
  occluded: Float32Array;
  /** base − occluded: how much hiding each place costs the class. */
  drops: Float32Array;
}

export interface FgsmOptions {
  classIndex: number;
  /** Largest change of any pixel's intensity, in [0, 1] (the picture's units, see `pixels`). */
  epsilon: number;
  /**
   * How the picture's [0, 1] intensities are the net's values, per channel in the net's order
   * (preprocessing.ts pixelAffine): ε and the valid range are taken through it. Absent: the
   * input is the picture (RGB or grey in [0, 1]).
   */
  pixels?: { gain: number[]; offset: number[] };
  /** 1: FGSM; more: the iterated method, projected back into the ε box after each step. */
  steps?: number;
  /** Iterated: the size of each step; 2.5·ε/steps by default. */
  stepSize?: number;
  /** 'away': raise the class's loss (untargeted); 'toward': lower it (targeted at the class). */
  direction?: 'away' | 'toward';
  /**
   * The picture's intensity levels (255 for 8-bit): the adversarial image ends on them, as it
   * would be saved or handed back as an image, inside the ε box, and its prediction is that
   * image's. Absent: the image is left as the steps made it.
   */
  levels?: number;
}

export interface FgsmResult {
  classIndex: number;
  epsilon: number;
  steps: number;
  direction: 'away' | 'toward';
  /**
   * HWC, in the net's values: the new image minus the image; within ±ε of the picture (ε·gain
   * in a channel of a preprocessed net), and the new image stays a picture ([0, 1] intensities).
   */
  perturbation: Float32Array;
  /** HWC: the adversarial image. */
  image: Float32Array;
  shape: [number, number, number];
  /** The net's output before and after. */
  before: Float32Array;
  after: Float32Array;
  /** Cross-entropy of the class, −log softmax(score), before and after each step. */
  losses: number[];
  /**
   * The loss whose gradient's sign the steps follow: the cross-entropy, or, when the softmax is
   * saturated and that gradient is exactly 0 in float32, the margin max_{j≠c} z_j − z_c.
   */
  loss: 'crossEntropy' | 'margin';
  /** How much every layer's activations moved. */
  change: ActivationChange;
  /** The explanation of the adversarial image (every layer's output), for the overview. */
  explanation: Explanation;
}

/** What a visualisation maximises: a class, or the mean activation of one channel of a layer. */
export type VisualiseTarget =
  { kind: 'class'; classIndex: number } | { kind: 'channel'; layerId: string; channel: number };

export interface VisualiseOptions {
  target: VisualiseTarget;
  /** Steps at each resolution, coarsest first. */
  steps?: number;
  /** Resolutions of the optimised image; by default 1/8, 1/4 and 1/2 of the input's side. */
  scales?: number[];
  /** Average change per pixel per step (the gradient is normalised to this). */
  stepSize?: number;
  /** Weight of the total-variation (smoothness) penalty. */
  tvWeight?: number;
  /** Weight of a penalty on colour saturation, so colours stay closer to natural ones. */
  saturationWeight?: number;
  /** Largest random shift in input pixels, in each direction. */
  jitter?: number;
  seed?: number;
  /** Called after each chunk of steps with the steps done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Called after each chunk with the image so far (HWC, the input's size), to watch it form. */
  onPreview?: (image: Float32Array) => void;
  /** Stops the run between chunks; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Awaited between chunks so the page can paint; a macrotask by default. */
  pause?: () => Promise<void>;
  /** Longest a chunk of steps should take, in ms. */
  budgetMs?: number;
}

export interface VisualiseResult {
  target: VisualiseTarget;
  /** HWC in [0, 1] at the net's input size. */
  image: Float32Array;
  shape: [number, number, number];
  /** The class's probability (the net's output) or the channel's mean activation, at the image. */
  value: number;
  /** The same on a plain mid-grey image, for comparison. */
  greyValue: number;
  /** The net's output on the image. */
  probabilities: Float32Array;
  steps: number;
}

/** Everything the attribution panel asks of a net; only the engine implements it. */
export interface Attributor {
  readonly scoreKind: ScoreKind;
  saliency(image: Float32Array, options: SaliencyOptions): SaliencyResult;
  gradCam(image: Float32Array, options: GradCamOptions): GradCamResult;
  occlusion(image: Float32Array, options: OcclusionOptions): Promise<OcclusionResult>;
  /** `before`: the image's explanation when the caller has it (saves running the net again). */
  fgsm(image: Float32Array, options: FgsmOptions, before?: Explanation): FgsmResult;
  /** Gradient ascent on the input, in chunks of steps that yield to the page. */
  visualise(options: VisualiseOptions): Promise<VisualiseResult>;
}

/** How a long method reports and stops: progress after each chunk, a signal checked between. */
export interface RunHooks {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * The "Why?" panel's view of an `Attributor`: every method a promise, so a net in the net
 * worker answers without blocking the page (the page's own engine is wrapped as is).
 */
export interface AsyncAttributor {
  saliency(image: Float32Array, options: SaliencyOptions & RunHooks): Promise<SaliencyResult>;
  gradCam(image: Float32Array, options: GradCamOptions & RunHooks): Promise<GradCamResult>;
  occlusion(image: Float32Array, options: OcclusionOptions): Promise<OcclusionResult>;
  fgsm(image: Float32Array, options: FgsmOptions & RunHooks, before?: Explanation): Promise<FgsmResult>;
  visualise(options: VisualiseOptions): Promise<VisualiseResult>;
}

/** The page's engine as an `AsyncAttributor`: its quick methods answer at once, in one piece. */
export function asAsync(a: Attributor): AsyncAttributor {
  return {
    saliency: async (image, o) => a.saliency(image, o),
    gradCam: async (image, o) => a.gradCam(image, o),
    occlusion: (image, o) => a.occlusion(image, o),
    fgsm: async (image, o, before) => a.fgsm(image, o, before),
    visualise: (o) => a.visualise(o),
  };
}
