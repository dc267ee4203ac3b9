/**
 * Occlusion sensitivity (Zeiler & Fergus 2014): a grey patch slides over the image and the
 * class's output is read at every position. The occluded copies go through the model in
 * batches whose size adapts so each takes about `budgetMs`, with a pause between batches so
 * the page keeps painting, progress after each and a signal to stop.
 */
import { tf } from '../tf';
import type { OcclusionOptions, OcclusionResult } from '../../attribution/types';
import { fillOccluded, occlusionGrid } from '../../attribution/occlusionGrid';
import { checkClass } from './saliency';
import type { LayerGraph } from './layerGraph';

const MAX_BATCH = 32;

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The class's output (or score) for `count` images laid end to end. */
type Measure = (images: Float32Array, count: number) => Float32Array;

function measureOf(
  model: tf.LayersModel,
  graph: LayerGraph,
  shape: number[],
  c: number,
  score: boolean,
): Measure {
  return (images, count) =>
    tf.tidy(() => {
      const x = tf.tensor(images, [count, ...shape]);
      const y = score ? graph.forward(x).scores : (model.predict(x) as tf.Tensor2D);
      return (y.slice([0, c], [count, 1]).dataSync() as Float32Array).slice();
    });
}

export async function occlusion(
  model: tf.LayersModel,
  graph: LayerGraph,
  classes: number,
  image: Float32Array,
  shape: [number, number, number],
  options: OcclusionOptions,
): Promise<OcclusionResult> {
  const { classIndex: c, signal } = options;
  checkClass(c, classes);
  const [h, w, channels] = shape;
  const grid = occlusionGrid(h, w, options.size, options.stride);
  const fill = options.fill ?? 0.5;
  const pause = options.pause ?? macrotask;
  const budget = options.budgetMs ?? 30;
  const total = grid.rows * grid.cols;
  const one = h * w * channels;
  const measure = options.measure ?? 'output';
  const classOutputs = measureOf(model, graph, shape, c, measure === 'score');
  signal?.throwIfAborted();
  const base = classOutputs(image, 1)[0] ?? 0;
  const occluded = new Float32Array(total);
  // Start small: the first batch measures the net's speed for the size of the next ones.
  // Batches are powers of two up to 32 (model.predict's own batch), and a short last batch is
  // padded to its size: every new batch shape makes the wasm backend (XNNPACK) set up its
  // operators again, which costs more than the pass itself.
  let batch = 4;
  const buffer = new Float32Array(MAX_BATCH * one);
  for (let start = 0; start < total;) {
    signal?.throwIfAborted();
    const count = Math.min(batch, total - start);
    const t0 = performance.now();
    fillOccluded(image, channels, grid, start, count, fill, buffer);
    for (let k = count; k < batch; k++) buffer.copyWithin(k * one, (count - 1) * one, count * one);
    occluded.set(classOutputs(buffer.subarray(0, batch * one), batch).subarray(0, count), start);
    const fits = budget / Math.max((performance.now() - t0) / batch, 1e-3);
    batch = 2 ** Math.max(0, Math.min(Math.log2(MAX_BATCH), Math.floor(Math.log2(Math.max(1, fits)))));
    start += count;
    options.onProgress?.(start, total);
    if (options.onPreview && start < total)
      options.onPreview(Float32Array.from(occluded, (v, i) => (i < start ? base - v : NaN)));
    if (start < total) await pause();
  }
  signal?.throwIfAborted();
  const drops = occluded.map((v) => base - v);
  return { classIndex: c, grid, measure, base, occluded, drops };
}
