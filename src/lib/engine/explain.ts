/**
 * Extracts every layer's activation for one image with a single multi-output execution of
 * the model, plus the layers' weights as typed arrays. No tensor outlives a call.
 */
import { tf } from './tf';
import type { Explanation, LayerWeights, TensorData } from '../tensor/types';
import { weightName } from './build';

export class Explainer {
  private readonly probe: tf.LayersModel;
  private readonly ids: string[];
  private readonly outputNames: string[];
  private weightCache: Map<string, LayerWeights[]> | null = null;

  constructor(readonly model: tf.LayersModel) {
    // Input layers are not outputs of the graph; their activation is the image itself.
    const inner = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
    this.ids = inner.map((l) => l.name);
    this.probe = tf.model({ inputs: model.inputs, outputs: inner.map((l) => l.output as tf.SymbolicTensor) });
    this.outputNames = this.probe.outputs.map((o) => o.name);
  }

  get inputShape(): number[] {
    return (this.model.inputs[0]?.shape ?? []).slice(1).map((d) => d ?? 0);
  }

  /** Runs the model once on a preprocessed HWC image and returns every layer's output. */
  explain(image: Float32Array): Explanation {
    const shape = this.inputShape;
    const outputs = tf.tidy(() => {
      const x = tf.tensor(image, [1, ...shape]);
      // `execute`, not `predict`: predict's batching loop slices the input into batches first.
      const y = this.probe.execute(x, this.outputNames);
      return Array.isArray(y) ? y : [y];
    });
    const activations = new Map<string, TensorData>();
    const inputName = this.model.inputLayers[0]?.name ?? 'input';
    activations.set(inputName, { data: image, shape });
    try {
      outputs.forEach((t, i) => {
        activations.set(this.ids[i] ?? `out_${i}`, {
          data: t.dataSync() as Float32Array,
          shape: t.shape.slice(1),
        });
      });
    } finally {
      tf.dispose(outputs);
    }
    const last = activations.get(this.ids[this.ids.length - 1] ?? '');
    return { activations, probabilities: last ? last.data : new Float32Array(), weights: this.weights() };
  }

  /** Predicts a batch of preprocessed images laid end to end; returns the last layer's rows. */
  predictBatch(images: Float32Array, count: number): Float32Array {
    const shape = this.inputShape;
    return tf.tidy(() => {
      const y = this.model.predict(tf.tensor(images, [count, ...shape])) as tf.Tensor;
      return y.dataSync() as Float32Array;
    });
  }

  /** Each layer's weights (kernels, biases) as typed arrays; read once per set of weights. */
  weights(): Map<string, LayerWeights[]> {
    if (this.weightCache) return this.weightCache;
    const cache = new Map<string, LayerWeights[]>();
    for (const layer of this.model.layers) {
      cache.set(
        layer.name,
        layer.weights.map((w) => ({
          name: weightName(layer.name, w.originalName).slice(layer.name.length + 1),
          value: { data: w.read().dataSync() as Float32Array, shape: w.shape.map((d) => d ?? 0) },
        })),
      );
    }
    this.weightCache = cache;
    return cache;
  }

  /** Call after the model's weights change (training, editing). */
  invalidateWeights(): void {
    this.weightCache = null;
  }

  dispose(): void {
    // The probe shares its layers and weights with the model, so there is nothing of its own
    // to free; disposing it would free the model's weights too.
    this.weightCache = null;
  }
}
