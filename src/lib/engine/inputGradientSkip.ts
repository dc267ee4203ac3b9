/**
 * A training step never needs the gradient of the loss with respect to the images, but tfjs's
 * fused conv2d (which every Conv2D layer with a bias uses) computes its input gradient eagerly
 * together with its filter gradient. For the first convolution that is the largest of the input
 * gradients (a 3-channel output at full resolution, which XNNPACK runs at its least efficient)
 * and ~15% of a TinyVGG step, thrown away by the tape. While `withoutInputGradients` runs, the
 * wasm Conv2DBackpropInput returns zeros for a convolution whose filter is one of the given
 * tensors (matched by their current data, which an optimizer's assign replaces each step).
 */
import { tf } from './tf';

const skipped = new Set<object>();

/** Whether the input gradient of a convolution with this filter is not wanted right now. */
export function inputGradientSkipped(filter: tf.TensorInfo): boolean {
  return skipped.size > 0 && skipped.has(filter.dataId);
}

export async function withoutInputGradients<T>(filters: tf.Tensor[], run: () => Promise<T>): Promise<T> {
  for (const f of filters) skipped.add(f.dataId);
  try {
    return await run();
  } finally {
    skipped.clear();
  }
}

/**
 * The kernels of the Conv2D layers that read the model's input directly: their input gradient
 * is the images' and nothing upstream needs it. Read at each step (the variables' data changes).
 */
export function inputConvKernels(model: tf.LayersModel): () => tf.Tensor[] {
  const inputIds = new Set(model.inputs.map((t) => t.id));
  const layers = model.layers.filter(
    (layer) =>
      layer.getClassName() === 'Conv2D' &&
      layer.inboundNodes.length === 1 &&
      layer.inboundNodes[0]!.inputTensors.every((t) => inputIds.has(t.id)),
  );
  const kernels = layers.flatMap((l) => l.trainableWeights.filter((w) => /kernel$/.test(w.originalName)));
  return () => kernels.map((w) => w.read());
}
