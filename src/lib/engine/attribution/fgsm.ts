/**
 * Adversarial examples: FGSM (Goodfellow et al. 2014) moves every input value by ε in the
 * direction that raises the class's cross-entropy loss, x′ = x + ε·sign(∇ₓL); the iterated
 * method (Kurakin et al. 2016) takes smaller steps and projects back into the ε box around x
 * after each. Values stay in [0, 1]. NHWC; every tensor made here is freed.
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
}

/** −log softmax(scores)[c]: the loss of class c, from the logits (or from outputs read as logits). */
function lossOf(graph: LayerGraph, c: number): (x: tf.Tensor) => tf.Scalar {
  return (x) => {
    const scores = graph.forward(x).scores;
    return tf.neg(tf.sum(tf.logSoftmax(scores).slice([0, c], [1, 1])));
  };
}

export function fgsm(
  graph: LayerGraph,
  classes: number,
  image: Float32Array,
  shape: [number, number, number],
  options: FgsmOptions,
): FgsmTensors {
  const { classIndex: c, epsilon } = options;
  checkClass(c, classes);
  const steps = options.steps ?? 1;
  if (!(epsilon >= 0 && epsilon <= 1))
    throw new AttributionError(`ε must be between 0 and 1, not ${epsilon}`);
  if (!Number.isInteger(steps) || steps < 1 || steps > 500)
    throw new AttributionError(`steps must be a whole number from 1 to 500, not ${steps}`);
  const stepSize = steps === 1 ? epsilon : (options.stepSize ?? (2.5 * epsilon) / steps);
  const sign = options.direction === 'toward' ? -1 : 1;
  const loss = lossOf(graph, c);
  const gradient = tf.valueAndGrad(loss);
  const x0 = tf.tensor4d(image, [1, ...shape]);
  const lo = tf.tidy(() => tf.maximum(tf.sub(x0, epsilon), 0));
  const hi = tf.tidy(() => tf.minimum(tf.add(x0, epsilon), 1));
  let x: tf.Tensor = x0.clone();
  const losses: number[] = [];
  try {
    for (let k = 0; k < steps; k++) {
      const next = tf.tidy(() => {
        const { value, grad } = gradient(x);
        losses.push(value.dataSync()[0] ?? 0);
        return tf.minimum(tf.maximum(tf.add(x, tf.mul(sign * stepSize, tf.sign(grad))), lo), hi);
      });
      x.dispose();
      x = next;
    }
    losses.push(tf.tidy(() => loss(x).dataSync()[0] ?? 0));
    return tf.tidy(() => ({
      perturbation: (tf.sub(x, x0).dataSync() as Float32Array).slice(),
      image: (x.dataSync() as Float32Array).slice(),
      losses,
      steps,
    }));
  } finally {
    tf.dispose([x, x0, lo, hi]);
  }
}
