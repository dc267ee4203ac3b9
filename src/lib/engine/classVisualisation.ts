/**
 * Class (and channel) visualisation by gradient ascent on the input: starting from faint
 * noise around grey, nudge the image so a measure of the net grows — a class's log
 * probability, or one channel's mean activation — with the usual regularisers so the result
 * looks like a picture rather than adversarial noise: the image lives at a lower resolution
 * and is upsampled (coarse first, then finer), it is jittered every step, a total-variation
 * penalty keeps it smooth, a saturation penalty keeps colours near natural, and values stay
 * in [0, 1]. `InputAscent` takes one step at a time, so a caller can yield to the page.
 */
import { tf } from './tf';
import { createRng } from '../random';

export interface AscentSettings {
  /** Steps at each resolution, coarsest first. */
  steps?: number;
  /** Resolutions of the optimised image; each is upsampled to the model's input size. */
  scales?: number[];
  /** Average change per pixel per step (the gradient is normalised to this). */
  stepSize?: number;
  /** Weight of the total-variation (smoothness) penalty. */
  tvWeight?: number;
  /** Weight of a penalty on colour saturation, so colours stay closer to natural ones. */
  saturationWeight?: number;
  /** Largest random shift in model-input pixels, in each direction. */
  jitter?: number;
  seed?: number;
}

export interface ClassVisualisationOptions extends AscentSettings {
  classIndex: number;
}

export interface ClassVisualisation {
  /** HWC float RGB in [0, 1] at the model's input size. */
  image: Float32Array;
  probability: number;
}

/** The number to raise, for a batch of one NHWC image at the model's input size. */
export type AscentMeasure = (image: tf.Tensor4D) => tf.Scalar;

/** Shifts an NHWC image by (dy, dx) with wrap-around, differentiably. */
function roll(x: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  const [, h = 0, w = 0] = x.shape;
  const sy = ((dy % h) + h) % h;
  const sx = ((dx % w) + w) % w;
  const rows =
    sy === 0
      ? x
      : tf.concat(
          [x.slice([0, h - sy, 0, 0], [-1, sy, -1, -1]), x.slice([0, 0, 0, 0], [-1, h - sy, -1, -1])],
          1,
        );
  return sx === 0
    ? rows
    : tf.concat(
        [rows.slice([0, 0, w - sx, 0], [-1, -1, sx, -1]), rows.slice([0, 0, 0, 0], [-1, -1, w - sx, -1])],
        2,
      );
}

/** Mean squared distance of each pixel's channels from its grey level. */
function saturation(x: tf.Tensor4D): tf.Scalar {
  return tf.mean(tf.square(tf.sub(x, tf.mean(x, 3, true))));
}

function totalVariation(x: tf.Tensor4D): tf.Scalar {
  const dy = tf.sub(
    x.slice([0, 1, 0, 0], [-1, -1, -1, -1]),
    x.slice([0, 0, 0, 0], [-1, x.shape[1] - 1, -1, -1]),
  );
  const dx = tf.sub(
    x.slice([0, 0, 1, 0], [-1, -1, -1, -1]),
    x.slice([0, 0, 0, 0], [-1, -1, x.shape[2] - 1, -1]),
  );
  return tf.add(tf.mean(tf.square(dy)), tf.mean(tf.square(dx)));
}

/** 1/8, 1/4 and 1/2 of the input's side (8, 16, 32 for a 64-pixel net), at least 2 pixels. */
export function defaultScales(size: number): number[] {
  return [8, 4, 2].map((d) => Math.max(2, Math.round(size / d)));
}

/** Gradient ascent on one image, a step at a time; `dispose` frees its one tensor. */
export class InputAscent {
  readonly total: number;
  done = 0;
  private param: tf.Tensor4D;
  private readonly rng: () => number;
  private readonly settings: Required<Omit<AscentSettings, 'seed' | 'steps'>> & { steps: number };

  constructor(
    private readonly measure: AscentMeasure,
    private readonly size: number,
    channels: number,
    settings: AscentSettings,
    /** Mixed into the seed, so different targets start from different noise. */
    salt = 0,
  ) {
    const { steps = 70, scales = defaultScales(size), stepSize = 0.02, seed = 1 } = settings;
    const { tvWeight = 3, saturationWeight = 0.7, jitter = 4 } = settings;
    if (!Number.isInteger(steps) || steps < 1)
      throw new Error(`steps must be a whole number ≥ 1, not ${steps}`);
    if (scales.length === 0 || scales.some((s) => !Number.isInteger(s) || s < 2))
      throw new Error(`scales must be whole numbers ≥ 2, not [${scales.join(', ')}]`);
    this.settings = { steps, scales, stepSize, tvWeight, saturationWeight, jitter };
    this.total = steps * scales.length;
    this.rng = createRng(seed * 7919 + salt);
    const first = scales[0]!;
    const noise = Float32Array.from(
      { length: first * first * channels },
      () => 0.5 + (this.rng() - 0.5) * 0.2,
    );
    this.param = tf.tensor4d(noise, [1, first, first, channels]);
  }

  private objective(p: tf.Tensor4D, dy: number, dx: number): tf.Scalar {
    const { tvWeight, saturationWeight } = this.settings;
    const image = tf.image.resizeBilinear(p, [this.size, this.size], true);
    const penalty = tf.add(
      tf.mul(tvWeight, totalVariation(image)),
      tf.mul(saturationWeight, saturation(image)),
    );
    return tf.sub(this.measure(roll(image, dy, dx)), penalty) as tf.Scalar;
  }

  /** One step (a no-op once all are done). */
  step(): void {
    if (this.done >= this.total) return;
    const { steps, scales, stepSize, jitter } = this.settings;
    const scale = scales[Math.floor(this.done / steps)]!;
    if (this.param.shape[1] !== scale)
      this.replace(tf.tidy(() => tf.image.resizeBilinear(this.param, [scale, scale], true)));
    const dy = Math.round((this.rng() * 2 - 1) * jitter);
    const dx = Math.round((this.rng() * 2 - 1) * jitter);
    this.replace(
      tf.tidy(() => {
        const g = tf.grad((p: tf.Tensor) => this.objective(p as tf.Tensor4D, dy, dx))(this.param);
        const scaled = tf.mul(g, stepSize / (tf.mean(tf.abs(g)).dataSync()[0]! + 1e-8));
        return tf.clipByValue(tf.add(this.param, scaled), 0, 1) as tf.Tensor4D;
      }),
    );
    this.done++;
  }

  /** The image now, HWC at the model's input size. */
  image(): Float32Array {
    return tf.tidy(
      () => tf.image.resizeBilinear(this.param, [this.size, this.size], true).dataSync() as Float32Array,
    );
  }

  private replace(next: tf.Tensor4D): void {
    this.param.dispose();
    this.param = next;
  }

  dispose(): void {
    this.param.dispose();
  }
}

/** The image that maximises one class of `model`, all steps at once (the example generator's). */
export function visualiseClass(
  model: tf.LayersModel,
  options: ClassVisualisationOptions,
): ClassVisualisation {
  const shape = model.inputs[0]?.shape ?? [];
  const size = shape[1] ?? 64;
  const channels = shape[3] ?? 3;
  const { classIndex } = options;
  const logP: AscentMeasure = (x) => {
    const probs = model.apply(x) as tf.Tensor2D;
    return tf.log(tf.add(probs.slice([0, classIndex], [1, 1]).reshape([]), 1e-8));
  };
  const ascent = new InputAscent(logP, size, channels, { scales: [8, 16, 32], ...options }, classIndex);
  try {
    while (ascent.done < ascent.total) ascent.step();
    const image = ascent.image();
    const probability = tf.tidy(
      () =>
        (model.predict(tf.tensor4d(image, [1, size, size, channels])) as tf.Tensor2D).dataSync()[
          classIndex
        ] ?? 0,
    );
    return { image, probability };
  } finally {
    ascent.dispose();
  }
}
