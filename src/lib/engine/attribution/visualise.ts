/**
 * Feature visualisation in the "Why?" panel: the image that maximises a class's log
 * probability (its score when the net does not end in softmax) or the mean activation of one
 * channel of any layer, by `InputAscent`. The value reported is the channel's mean as the net
 * computes it (after its activation). Steps run in chunks of about `budgetMs`, with a pause
 * between chunks so the page keeps painting, progress after each and a signal to stop.
 */
import { tf } from '../tf';
import type { VisualiseOptions, VisualiseResult, VisualiseTarget } from '../../attribution/types';
import { InputAscent, type AscentMeasure } from '../classVisualisation';
import { AttributionError, linear, type LayerGraph } from './layerGraph';
import { checkClass } from './saliency';

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Activations flat below zero: a channel silent everywhere would give no gradient at all. */
const FLAT_BELOW = new Set(['relu', 'relu6']);

/**
 * The channel's mean activation over every position of the layer's output. `beforeActivation`:
 * for a layer with a fused ReLU, the mean before it (the ascent's objective, as in Olah et
 * al.'s "pre_relu" targets), so a channel silent on grey still has a gradient to climb.
 */
function channelMean(
  model: tf.LayersModel,
  graph: LayerGraph,
  layerId: string,
  channel: number,
  beforeActivation: boolean,
): AscentMeasure {
  const id = graph.outputIdOf(layerId);
  const layer = model.getLayer(layerId);
  const holder = layer as unknown as { activation?: unknown };
  const swap = beforeActivation && FLAT_BELOW.has(String(layer.getConfig().activation));
  const read = (x: tf.Tensor4D): tf.Tensor | undefined => graph.forward(x).values.get(id);
  return (x) => {
    let out: tf.Tensor | undefined;
    if (swap) {
      const saved = holder.activation;
      holder.activation = linear();
      try {
        out = read(x);
      } finally {
        holder.activation = saved;
      }
    } else out = read(x);
    if (!out) throw new AttributionError(`the layer "${layerId}" produced no output`);
    const channels = out.shape[out.rank - 1] ?? 0;
    if (!Number.isInteger(channel) || channel < 0 || channel >= channels)
      throw new AttributionError(
        `channel ${channel} is not one of layer "${layerId}"’s ${channels} channels (0–${channels - 1})`,
      );
    // A slice, not tf.gather: gather's gradient (UnsortedSegmentSum) has no wasm kernel.
    const begin = out.shape.map((_, axis) => (axis === out.rank - 1 ? channel : 0));
    const size = out.shape.map((_, axis) => (axis === out.rank - 1 ? 1 : -1));
    return tf.mean(tf.slice(out, begin, size));
  };
}

/** What the ascent raises: log p(class) (or the class's output), or the channel's mean. */
function measureOf(
  model: tf.LayersModel,
  graph: LayerGraph,
  classes: number,
  target: VisualiseTarget,
  beforeActivation: boolean,
): AscentMeasure {
  if (target.kind === 'channel')
    return channelMean(model, graph, target.layerId, target.channel, beforeActivation);
  const c = target.classIndex;
  checkClass(c, classes);
  return (x) => {
    const scores = graph.forward(x).scores;
    const picked = graph.scoreKind === 'logit' ? tf.logSoftmax(scores) : scores;
    return picked.slice([0, c], [1, 1]).reshape([]) as tf.Scalar;
  };
}

export async function visualise(
  model: tf.LayersModel,
  graph: LayerGraph,
  classes: number,
  shape: [number, number, number],
  options: VisualiseOptions,
): Promise<VisualiseResult> {
  const { target, signal } = options;
  const [size, , channels] = shape;
  const pause = options.pause ?? macrotask;
  const budget = options.budgetMs ?? 30;
  const measure = measureOf(model, graph, classes, target, false);
  const objective = measureOf(model, graph, classes, target, true);
  // The value reported: the class's output (its probability) or the channel's mean.
  const valueAt = (image: Float32Array): { value: number; probabilities: Float32Array } =>
    tf.tidy(() => {
      const x = tf.tensor4d(image, [1, ...shape]);
      const probabilities = (model.predict(x) as tf.Tensor2D).dataSync() as Float32Array;
      const value =
        target.kind === 'class' ? (probabilities[target.classIndex] ?? 0) : measure(x).dataSync()[0]!;
      return { value, probabilities: probabilities.slice() };
    });
  const grey = valueAt(new Float32Array(size * size * channels).fill(0.5));
  signal?.throwIfAborted();
  const salt = target.kind === 'class' ? target.classIndex : target.channel;
  const ascent = new InputAscent(objective, size, channels, options, salt);
  try {
    while (ascent.done < ascent.total) {
      const t0 = performance.now();
      do ascent.step();
      while (ascent.done < ascent.total && performance.now() - t0 < budget);
      options.onProgress?.(ascent.done, ascent.total);
      if (options.onPreview && ascent.done < ascent.total) options.onPreview(ascent.image());
      await pause();
      signal?.throwIfAborted();
    }
    const image = ascent.image();
    const reached = valueAt(image);
    return { target, image, shape, ...reached, greyValue: grey.value, steps: ascent.total };
  } finally {
    ascent.dispose();
  }
}
