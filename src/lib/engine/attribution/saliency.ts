/**
 * Saliency: the gradient of one class's score with respect to the input image (Simonyan et
 * al. 2013); SmoothGrad, its mean over copies of the image with Gaussian noise added
 * (Smilkov et al. 2017); and gradient × input. NHWC; every tensor made here is freed.
 */
import { tf } from '../tf';
import type { SaliencyOptions, SaliencyResult } from '../../attribution/types';
import { AttributionError, type LayerGraph } from './layerGraph';

const DEFAULTS = { samples: 25, noise: 0.15, seed: 1 };

/** The score of class `c`, summed over the batch (so each copy gets its own gradient). */
export function classScore(graph: LayerGraph, c: number): (x: tf.Tensor) => tf.Scalar {
  return (x) => {
    const scores = graph.forward(x).scores;
    return tf.sum(scores.slice([0, c], [-1, 1]));
  };
}

export function checkClass(classIndex: number, classes: number): void {
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes)
    throw new AttributionError(
      `class ${classIndex} is not one of the net's ${classes} outputs (0–${classes - 1})`,
    );
}

/** The sample count and noise of SmoothGrad, checked (with the class) before any work. */
export function checkSaliency(options: SaliencyOptions, classes: number): { samples: number; noise: number } {
  checkClass(options.classIndex, classes);
  const samples = options.samples ?? DEFAULTS.samples;
  const noise = options.noise ?? DEFAULTS.noise;
  if (options.method === 'smoothGrad' && (!Number.isInteger(samples) || samples < 1))
    throw new AttributionError(`SmoothGrad needs at least one sample, not ${samples}`);
  if (options.method === 'smoothGrad' && !(noise >= 0))
    throw new AttributionError(`noise must be 0 or more, not ${noise}`);
  return { samples, noise };
}

/** SmoothGrad's seeded Gaussian noise for `samples` copies of `x`, σ a fraction of x's range. */
export function smoothGradNoise(
  x: tf.Tensor,
  shape: [number, number, number],
  samples: number,
  noise: number,
  seed = DEFAULTS.seed,
): tf.Tensor {
  return tf.tidy(() => {
    const range = tf.sub(tf.max(x), tf.min(x));
    const sigma = tf.mul(noise, tf.maximum(range, 1e-6));
    return tf.mul(tf.randomNormal([samples, ...shape], 0, 1, 'float32', seed), sigma);
  });
}

export function saliency(
  graph: LayerGraph,
  classes: number,
  image: Float32Array,
  shape: [number, number, number],
  options: SaliencyOptions,
): SaliencyResult {
  const { classIndex: c, method } = options;
  const { samples, noise } = checkSaliency(options, classes);
  const score = classScore(graph, c);
  const out = tf.tidy(() => {
    const x = tf.tensor4d(image, [1, ...shape]);
    const { value, grad } = tf.valueAndGrad(score)(x);
    let attribution: tf.Tensor = grad;
    if (method === 'smoothGrad') {
      const eps = smoothGradNoise(x, shape, samples, noise, options.seed);
      const noisy = tf.add(tf.tile(x, [samples, 1, 1, 1]), eps);
      attribution = tf.mean(tf.grad(score)(noisy), 0, true);
    } else if (method === 'gradientTimesInput') attribution = tf.mul(grad, x);
    return { attribution: (attribution.dataSync() as Float32Array).slice(), score: value.dataSync()[0] ?? 0 };
  });
  return { method, classIndex: c, shape, scoreKind: graph.scoreKind, ...out };
}
