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
  const loss = crossEntropy(graph, c);
  const x0 = tf.tensor4d(image, [1, ...shape]);
  const lo = tf.tidy(() => tf.maximum(tf.sub(x0, epsilon), 0));
  const hi = tf.tidy(() => tf.minimum(tf.add(x0, epsilon), 1));
  let x: tf.Tensor = x0.clone();
  let follow = loss;
  const losses: number[] = [];
  try {
    for (let k = 0; k < steps; k++) {
      const next = tf.tidy(() => {
        const { value, grad } = tf.valueAndGrad(follow)(x);
        let direction = grad;
        // First step: a flat cross-entropy (a saturated softmax) hands over to the margin.
        if (k === 0 && classes > 1 && tf.max(tf.abs(grad)).dataSync()[0] === 0) {
          follow = margin(graph, c, classes);
          direction = tf.grad(follow)(x);
        }
        losses.push((follow === loss ? value : loss(x)).dataSync()[0] ?? 0);
        return tf.minimum(tf.maximum(tf.add(x, tf.mul(sign * stepSize, exactSign(direction))), lo), hi);
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
      loss: follow === loss ? ('crossEntropy' as const) : ('margin' as const),
    }));
  } finally {
    tf.dispose([x, x0, lo, hi]);
  }
}
