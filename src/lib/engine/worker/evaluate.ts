/**
 * Loss, accuracy and confusion of a model on a set of images, predicted in chunks so the
 * floats for the whole set never sit in memory at once.
 */
import { tf } from '../tf';
import type { ImageSource } from '../../data/imageSet';
import { crossEntropy, evaluatePredictions } from '../../data/metrics';
import type { FinalEvaluation } from '../../training/protocol';
import { gatherForNet, type NetFeed } from '../../training/netFeed';

const CHUNK = 64;

export function evaluateSource(
  model: tf.LayersModel,
  source: ImageSource,
  indices: ArrayLike<number>,
  classes: number,
  feed: NetFeed,
): FinalEvaluation {
  const per = source.size * source.size * feed.channels;
  const rgb = new Float32Array(source.size * source.size * 3);
  const probabilities = new Float32Array(indices.length * classes);
  const labels = new Int32Array(indices.length);
  const x = new Float32Array(CHUNK * per);
  for (let start = 0; start < indices.length; start += CHUNK) {
    const n = Math.min(CHUNK, indices.length - start);
    const chunk = Array.from({ length: n }, (_, i) => indices[start + i]!);
    gatherForNet(source, chunk, feed, x, rgb);
    chunk.forEach((index, i) => (labels[start + i] = source.label(index)));
    const p = tf.tidy(() => {
      const input = tf.tensor(x.subarray(0, n * per), [n, source.size, source.size, feed.channels]);
      return (model.predict(input) as tf.Tensor).dataSync() as Float32Array;
    });
    probabilities.set(p, start * classes);
  }
  const ev = evaluatePredictions(probabilities, labels, classes);
  return {
    accuracy: ev.accuracy,
    loss: crossEntropy(probabilities, labels, classes),
    confusion: ev.confusion,
    perClass: ev.perClass,
  };
}
