/**
 * Adversarial examples: FGSM (Goodfellow et al. 2014) moves every input value by ε in the
 * direction that raises the class's cross-entropy loss, x′ = x + ε·sign(∇ₓL); the iterated
 * method (Kurakin et al. 2016) takes smaller steps and projects back into the ε box around x
 * after each. Values stay a picture's ([0, 1] intensities) and ε is a change of intensity,
 * whatever the net's preprocessing (BGR, 0–255, mean and std: `FgsmOptions.pixels`). NHWC;
 * every tensor made here is freed.
 */
import { tf } from '../tf';
import type { FgsmOptions } from '../../attribution/types';
import { AttributionError, type LayerGraph } from './layerGraph';
import { checkClass } from './saliency';

export interface FgsmTensors {
  perturbation: Float32Array;
  image: Float32Array;
  losses: number[];
  steps: number;
  /** Which loss the steps followed (see `margin`). */
  loss: 'crossEntropy' | 'margin';
}

/**
 * sign(x) as −1, 0 or 1 exactly. Not tf.sign: the wasm backend's Sign gives 0 for values
 * below about 1e-7 (sign(1e-10) is 0 there), and a sure net's gradients are that small.
 */
export function exactSign(x: tf.Tensor): tf.Tensor {
  return tf.sub(tf.cast(tf.greater(x, 0), 'float32'), tf.cast(tf.less(x, 0), 'float32'));
}

/** −log softmax(scores)[c]: the loss of class c, from the logits (or from outputs read as logits). */
function crossEntropy(graph: LayerGraph, c: number): (x: tf.Tensor) => tf.Scalar {
  return (x) => {
    const scores = graph.forward(x).scores;
    return tf.neg(tf.sum(tf.logSoftmax(scores).slice([0, c], [1, 1])));
  };
}

/**
 * The best other class's score minus class c's. When the net is so sure of c that every other
 * probability underflows in float32, the cross-entropy and its gradient are exactly 0 and
 * FGSM would not move; this margin (the loss of Carlini & Wagner) still points the way.
 */
function margin(graph: LayerGraph, c: number, classes: number): (x: tf.Tensor) => tf.Scalar {
  return (x) => {
    const scores = graph.forward(x).scores;
    const mask = tf.mul(tf.oneHot([c], classes), -1e9);
    const others = tf.max(tf.add(scores, mask), 1);
    return tf.sum(tf.sub(others, scores.slice([0, c], [1, 1]).reshape([1])));
  };
}

/**
 * One FGSM run, a step at a time (the net worker reports progress between steps): holds the
 * image, the ε box and the current image as tensors until `finish` or `dispose`.
 */
export class FgsmRun {
  readonly steps: number;
  /** The step, per channel in the net's values. */
  private readonly stepSize: tf.Tensor1D;
  private readonly sign: number;
  private readonly loss: (x: tf.Tensor) => tf.Scalar;
  private follow: (x: tf.Tensor) => tf.Scalar;
  private readonly x0: tf.Tensor4D;
  private readonly lo: tf.Tensor;
  private readonly hi: tf.Tensor;
  private x: tf.Tensor;
  private readonly losses: number[] = [];
  private readonly c: number;
  private readonly epsilon: number;
  private readonly levels: number | undefined;
  private readonly pixels: { gain: number[]; offset: number[] };
  /** Steps taken so far. */
  done = 0;

  constructor(
    private readonly graph: LayerGraph,
    private readonly classes: number,
    image: Float32Array,
    shape: [number, number, number],
    options: FgsmOptions,
  ) {
    const { classIndex: c, epsilon } = options;
    checkClass(c, classes);
    this.c = c;
    const steps = options.steps ?? 1;
    if (!(epsilon >= 0 && epsilon <= 1))
      throw new AttributionError(`ε must be between 0 and 1, not ${epsilon}`);
    if (!Number.isInteger(steps) || steps < 1 || steps > 500)
      throw new AttributionError(`steps must be a whole number from 1 to 500, not ${steps}`);
    this.steps = steps;
    if (options.levels !== undefined && !(Number.isInteger(options.levels) && options.levels >= 1))
      throw new AttributionError(`levels must be a whole number of at least 1, not ${options.levels}`);
    this.levels = options.levels;
    this.epsilon = epsilon;
    this.pixels = pixelRange(options.pixels, shape[2]);
    const { gain, offset } = this.pixels;
    const step = steps === 1 ? epsilon : (options.stepSize ?? (2.5 * epsilon) / steps);
    this.sign = options.direction === 'toward' ? -1 : 1;
    this.loss = crossEntropy(graph, c);
    this.follow = this.loss;
    this.stepSize = tf.tensor1d(gain.map((g) => g * step));
    this.x0 = tf.tensor4d(image, [1, ...shape]);
    // The ε box around the image, within the picture's black and white, in each channel's units.
    [this.lo, this.hi] = tf.tidy(() => {
      const [g, o] = [tf.tensor1d(gain), tf.tensor1d(offset)];
      const eps = tf.mul(g, epsilon);
      return [tf.maximum(tf.sub(this.x0, eps), o), tf.minimum(tf.add(this.x0, eps), tf.add(g, o))];
    });
    this.x = this.x0.clone();
  }

  /** One step of the sign of the gradient, projected back into the ε box. */
  step(): void {
    const { x, loss, classes } = this;
    const c = this.c;
    const first = this.done === 0;
    const next = tf.tidy(() => {
      const { value, grad } = tf.valueAndGrad(this.follow)(x);
      let direction = grad;
      // First step: a flat cross-entropy (a saturated softmax) hands over to the margin.
      if (first && classes > 1 && tf.max(tf.abs(grad)).dataSync()[0] === 0) {
        this.follow = margin(this.graph, c, classes);
        direction = tf.grad(this.follow)(x);
      }
      this.losses.push((this.follow === loss ? value : loss(x)).dataSync()[0] ?? 0);
      const moved = tf.add(x, tf.mul(tf.mul(this.stepSize, this.sign), exactSign(direction)));
      return tf.minimum(tf.maximum(moved, this.lo), this.hi);
    });
    x.dispose();
    this.x = next;
    this.done++;
  }

  /** The result after the steps taken; frees the run's tensors. */
  finish(): FgsmTensors {
    try {
      if (this.levels) {
        const snapped = onLevels(
          this.x.dataSync() as Float32Array,
          this.x0.dataSync() as Float32Array,
          this.pixels,
          this.epsilon,
          this.levels,
        );
        this.x.dispose();
        this.x = tf.tensor4d(snapped, this.x0.shape);
      }
      this.losses.push(tf.tidy(() => this.loss(this.x).dataSync()[0] ?? 0));
      return tf.tidy(() => ({
        perturbation: (tf.sub(this.x, this.x0).dataSync() as Float32Array).slice(),
        image: (this.x.dataSync() as Float32Array).slice(),
        losses: this.losses,
        steps: this.steps,
        loss: this.follow === this.loss ? ('crossEntropy' as const) : ('margin' as const),
      }));
    } finally {
      this.dispose();
    }
  }

  dispose(): void {
    tf.dispose([this.x, this.x0, this.lo, this.hi, this.stepSize]);
  }
}

/**
 * `x` with every value moved to the nearest of the picture's `levels` intensity levels that is
 * still within ε of `x0`'s intensity (and between black and white), in the net's values (HWC,
 * `pixels` per channel). A value whose ε box holds no level (ε under half a level around an
 * image between levels) is left as it is.
 */
export function onLevels(
  x: Float32Array,
  x0: Float32Array,
  pixels: { gain: number[]; offset: number[] },
  epsilon: number,
  levels: number,
): Float32Array {
  const { gain, offset } = pixels;
  const channels = gain.length;
  const out = new Float32Array(x.length);
  // Float32 rounding must not push a level that is exactly ε away out of the box.
  const slack = 1e-3;
  for (let i = 0; i < x.length; i++) {
    const g = gain[i % channels]!;
    const o = offset[i % channels]!;
    const start = ((x0[i]! - o) / g) * levels;
    const lo = Math.max(0, Math.ceil(start - epsilon * levels - slack));
    const hi = Math.min(levels, Math.floor(start + epsilon * levels + slack));
    if (lo > hi) {
      out[i] = x[i]!;
      continue;
    }
    const level = Math.min(hi, Math.max(lo, Math.round(((x[i]! - o) / g) * levels)));
    out[i] = (g * level) / levels + o;
  }
  return out;
}

/** Gain and offset per channel: the given ones, checked, or the identity (a plain picture). */
function pixelRange(pixels: FgsmOptions['pixels'], channels: number): { gain: number[]; offset: number[] } {
  if (!pixels) return { gain: Array<number>(channels).fill(1), offset: Array<number>(channels).fill(0) };
  const ok = (v: number[], positive: boolean): boolean =>
    v.length === channels && v.every((x) => Number.isFinite(x) && (!positive || x > 0));
  if (!ok(pixels.gain, true) || !ok(pixels.offset, false))
    throw new AttributionError(
      `the input's value range needs ${channels} finite gains (> 0) and offsets, not ${pixels.gain.length} and ${pixels.offset.length}`,
    );
  return pixels;
}

export function fgsm(
  graph: LayerGraph,
  classes: number,
  image: Float32Array,
  shape: [number, number, number],
  options: FgsmOptions,
): FgsmTensors {
  const run = new FgsmRun(graph, classes, image, shape, options);
  try {
    while (run.done < run.steps) run.step();
  } catch (e) {
    run.dispose();
    throw e;
  }
  return run.finish();
}
