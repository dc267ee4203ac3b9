/**
 * Loss, accuracy and confusion of a model on a set of images, predicted in chunks so the
 * floats for the whole set never sit in memory at once — unless the set is small enough to keep
 * (see `validationSet`): a run validates the same images every few steps, and gathering them
 * anew each time (bytes to floats, the net's preprocessing) cost about a sixth of a validation.
 */
import { tf } from '../tf';
import type { ImageSource } from '../../data/imageSet';
import { crossEntropy, evaluatePredictions } from '../../data/metrics';
import type { FinalEvaluation } from '../../training/protocol';
import { gatherForNet, type NetFeed } from '../../training/netFeed';

const CHUNK = 64;
/** The most floats a run keeps for its validation images (64 MB). */
const KEEP_FLOATS = 16 * 1024 * 1024;

export type Evaluate = (model: tf.LayersModel) => FinalEvaluation;

/** Probabilities for `n` images of `x` (as the net takes them) from `start`, into `out`. */
function predictInto(
  model: tf.LayersModel,
  x: Float32Array,
  n: number,
  shape: [number, number, number],
  out: Float32Array,
  at: number,
): void {
  const p = tf.tidy(() => {
    const input = tf.tensor(x.subarray(0, n * shape[0] * shape[1] * shape[2]), [n, ...shape]);
    return (model.predict(input) as tf.Tensor).dataSync() as Float32Array;
  });
  out.set(p, at);
}

function summarise(probabilities: Float32Array, labels: Int32Array, classes: number): FinalEvaluation {
  const ev = evaluatePredictions(probabilities, labels, classes);
  return {
    accuracy: ev.accuracy,
    loss: crossEntropy(probabilities, labels, classes),
    confusion: ev.confusion,
    perClass: ev.perClass,
  };
}

export function evaluateSource(
  model: tf.LayersModel,
  source: ImageSource,
  indices: ArrayLike<number>,
  classes: number,
  feed: NetFeed,
): FinalEvaluation {
  const shape: [number, number, number] = [source.size, source.size, feed.channels];
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
    predictInto(model, x, n, shape, probabilities, start * classes);
  }
  return summarise(probabilities, labels, classes);
}

/** A validation set gathered once, as the net takes it: `n` images of `shape`, end to end. */
export interface KeptSet {
  x: Float32Array;
  labels: Int32Array;
  shape: [number, number, number];
}

/** Whether a set of `count` images of `source` is small enough to keep (KEEP_FLOATS). */
export function keepable(source: ImageSource, count: number, feed: NetFeed): boolean {
  return count * source.size * source.size * feed.channels <= KEEP_FLOATS;
}

/** Gathers `indices` of `source` once, as the net takes them (see `keepable` for the size). */
export function gatherSet(source: ImageSource, indices: ArrayLike<number>, feed: NetFeed): KeptSet {
  const per = source.size * source.size * feed.channels;
  const x = gatherForNet(source, indices, feed, new Float32Array(indices.length * per));
  const labels = Int32Array.from({ length: indices.length }, (_, i) => source.label(indices[i]!));
  return { x, labels, shape: [source.size, source.size, feed.channels] };
}

/** Loss, accuracy and confusion of `model` on a kept set, predicted in chunks of CHUNK. */
export function evaluateKept(model: tf.LayersModel, set: KeptSet, classes: number): FinalEvaluation {
  const per = set.shape[0] * set.shape[1] * set.shape[2];
  const n = set.labels.length;
  const probabilities = new Float32Array(n * classes);
  for (let start = 0; start < n; start += CHUNK) {
    const k = Math.min(CHUNK, n - start);
    predictInto(model, set.x.subarray(start * per), k, set.shape, probabilities, start * classes);
  }
  return summarise(probabilities, set.labels, classes);
}

/**
 * An evaluation of one fixed set of images: gathered once and kept when the set has at most
 * KEEP_FLOATS floats, otherwise gathered chunk by chunk at every call (evaluateSource).
 */
export function validationSet(
  source: ImageSource,
  indices: ArrayLike<number>,
  classes: number,
  feed: NetFeed,
): Evaluate {
  if (!keepable(source, indices.length, feed))
    return (model) => evaluateSource(model, source, indices, classes, feed);
  let kept: KeptSet | null = null;
  return (model) => evaluateKept(model, (kept ??= gatherSet(source, indices, feed)), classes);
}
