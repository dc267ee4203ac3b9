/**
 * The slow methods a piece at a time, for the net worker: SmoothGrad one noisy copy after
 * another and the iterated FGSM one step after another, with progress after each piece, a
 * pause between pieces (so a cancel message is heard) and a signal to stop. The numbers are
 * those of `saliency` and `fgsm`: the same seeded noise, the same steps.
 */
import { tf } from '../tf';
import type { FgsmOptions, RunHooks, SaliencyOptions, SaliencyResult } from '../../attribution/types';
import type { LayerGraph } from './layerGraph';
import { checkSaliency, classScore, saliency, smoothGradNoise } from './saliency';
import { FgsmRun, type FgsmTensors } from './fgsm';

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function saliencyInSteps(
  graph: LayerGraph,
  classes: number,
  image: Float32Array,
  shape: [number, number, number],
  options: SaliencyOptions & RunHooks,
  pause: () => Promise<void> = macrotask,
): Promise<SaliencyResult> {
  if (options.method !== 'smoothGrad') return saliency(graph, classes, image, shape, options);
  const { samples, noise } = checkSaliency(options, classes);
  const { classIndex: c, signal } = options;
  const score = classScore(graph, c);
  const x = tf.tensor4d(image, [1, ...shape]);
  const eps = smoothGradNoise(x, shape, samples, noise, options.seed);
  let sum: tf.Tensor = tf.zerosLike(x);
  try {
    const value = tf.tidy(() => score(x).dataSync()[0] ?? 0);
    for (let k = 0; k < samples; k++) {
      signal?.throwIfAborted();
      const next = tf.tidy(() => {
        const noisy = tf.add(x, tf.slice(eps, [k, 0, 0, 0], [1, -1, -1, -1]));
        return tf.add(sum, tf.grad(score)(noisy));
      });
      sum.dispose();
      sum = next;
      options.onProgress?.(k + 1, samples);
      if (k + 1 < samples) await pause();
    }
    const attribution = tf.tidy(() => (tf.div(sum, samples).dataSync() as Float32Array).slice());
    return {
      method: 'smoothGrad',
      classIndex: c,
      shape,
      scoreKind: graph.scoreKind,
      attribution,
      score: value,
    };
  } finally {
    tf.dispose([x, eps, sum]);
  }
}

export async function fgsmInSteps(
  graph: LayerGraph,
  classes: number,
  image: Float32Array,
  shape: [number, number, number],
  options: FgsmOptions & RunHooks,
  pause: () => Promise<void> = macrotask,
): Promise<FgsmTensors> {
  const run = new FgsmRun(graph, classes, image, shape, options);
  try {
    while (run.done < run.steps) {
      options.signal?.throwIfAborted();
      run.step();
      options.onProgress?.(run.done, run.steps);
      if (run.done < run.steps) await pause();
    }
  } catch (e) {
    run.dispose();
    throw e;
  }
  return run.finish();
}
