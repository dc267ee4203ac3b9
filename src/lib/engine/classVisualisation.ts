/**
 * Class visualisation by gradient ascent on the input: starting from blurred noise, nudge
 * the image so the model's probability for one class grows, with the usual regularisers so
 * the result looks like a picture rather than adversarial noise: the image lives at a lower
 * resolution and is upsampled (coarse first, then finer), it is jittered every step, a total
 * variation penalty keeps it smooth and values stay in [0, 1].
 */
import { tf } from './tf';
import { createRng } from '../random';

export interface ClassVisualisationOptions {
  classIndex: number;
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

export interface ClassVisualisation {
  /** HWC float RGB in [0, 1] at the model's input size. */
  image: Float32Array;
  probability: number;
}

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

export function visualiseClass(
  model: tf.LayersModel,
  options: ClassVisualisationOptions,
): ClassVisualisation {
  const shape = model.inputs[0]?.shape ?? [];
  const size = shape[1] ?? 64;
  const channels = shape[3] ?? 3;
  const {
    classIndex,
    steps = 70,
    scales = [8, 16, 32],
    stepSize = 0.02,
    tvWeight = 3,
    saturationWeight = 0.7,
    jitter = 4,
    seed = 1,
  } = options;
  const rng = createRng(seed * 7919 + classIndex);
  const first = scales[0] ?? 8;
  const noise = Float32Array.from({ length: first * first * channels }, () => 0.5 + (rng() - 0.5) * 0.2);
  let param: tf.Tensor4D = tf.tensor4d(noise, [1, first, first, channels]);

  const objective = (p: tf.Tensor4D, dy: number, dx: number): tf.Scalar => {
    const image = tf.image.resizeBilinear(p, [size, size], true);
    const probs = model.apply(roll(image, dy, dx)) as tf.Tensor2D;
    const logP = tf.log(tf.add(probs.slice([0, classIndex], [1, 1]).reshape([]), 1e-8));
    const penalty = tf.add(
      tf.mul(tvWeight, totalVariation(image)),
      tf.mul(saturationWeight, saturation(image)),
    );
    return tf.sub(logP, penalty) as tf.Scalar;
  };

  for (const scale of scales) {
    if (param.shape[1] !== scale) {
      const next = tf.tidy(() => tf.image.resizeBilinear(param, [scale, scale], true));
      param.dispose();
      param = next;
    }
    for (let s = 0; s < steps; s++) {
      const dy = Math.round((rng() * 2 - 1) * jitter);
      const dx = Math.round((rng() * 2 - 1) * jitter);
      const next = tf.tidy(() => {
        const g = tf.grad((p: tf.Tensor) => objective(p as tf.Tensor4D, dy, dx))(param);
        const scaled = tf.mul(g, stepSize / (tf.mean(tf.abs(g)).dataSync()[0]! + 1e-8));
        return tf.clipByValue(tf.add(param, scaled), 0, 1) as tf.Tensor4D;
      });
      param.dispose();
      param = next;
    }
  }
  const result = tf.tidy(() => {
    const image = tf.image.resizeBilinear(param, [size, size], true);
    const probs = model.predict(image) as tf.Tensor2D;
    return { image: image.dataSync() as Float32Array, probability: probs.dataSync()[classIndex] ?? 0 };
  });
  param.dispose();
  return result;
}
