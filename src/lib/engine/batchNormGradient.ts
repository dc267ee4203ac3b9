/**
 * A leaner gradient for FusedBatchNorm, registered in place of tfjs-core's. With
 * r = 1/√(σ² + ε) and y = γ·(x − μ)·r + β, per channel:
 *   dx = dy·γr,  dμ = −γr·Σdy,  dσ² = −½γr³·Σdy(x − μ),  dγ = r·Σdy(x − μ),  dβ = Σdy.
 * tfjs-core computes the same values but tiles r to the full [n, h, w, c] shape (a slow generic
 * loop on wasm: a third of a ResNet-8 training step) and multiplies whole maps where a sum over
 * the batch first leaves a vector of c values. Here only dy·γr, x − μ, dy·(x − μ) and two sums
 * touch full-sized tensors; everything else is per channel. The values are unchanged.
 */
import { tf } from './tf';

interface BatchNormAttrs {
  varianceEpsilon: number;
}

const gradient: tf.GradConfig = {
  kernelName: 'FusedBatchNorm',
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const { varianceEpsilon } = attrs as unknown as BatchNormAttrs;
    const [x, mean, variance, scale] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor | undefined];
    const g = dy as tf.Tensor;
    const gamma = scale ?? tf.scalar(1);
    // Axes summed over: all but the channel axis when the statistics are per channel.
    const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
    const reduce = (t: tf.Tensor) => (axes.length > 0 ? tf.reshape(tf.sum(t, axes), mean.shape) : t);
    const r = tf.rsqrt(tf.add(variance, varianceEpsilon));
    const sumDy = reduce(g);
    const sumDyCentred = reduce(tf.mul(g, tf.sub(x, mean)));
    return {
      x: () => tf.mul(g, tf.mul(gamma, r)),
      mean: () => tf.mul(tf.neg(tf.mul(gamma, r)), sumDy),
      variance: () => tf.mul(tf.mul(tf.mul(gamma, tf.pow(r, 3)), -0.5), sumDyCentred),
      scale: () => tf.mul(r, sumDyCentred),
      offset: () => sumDy,
    };
  },
};

let registered = false;

/** Replaces tfjs-core's FusedBatchNorm gradient for every backend; safe to call more than once. */
export function registerBatchNormGradient(): void {
  if (registered) return;
  registered = true;
  tf.registerGradient(gradient);
}
