/**
 * Mini-batch training of a LayersModel on plain typed arrays, shared by the Node training
 * command and the browser. Each call makes its tensors and disposes them before returning.
 */
import { tf } from './tf';
import { inputConvKernels, withoutInputGradients } from './inputGradientSkip';
import { FusedAdam } from './fusedAdam';

export type OptimizerName = 'sgd' | 'momentum' | 'adam';

export interface TrainerOptions {
  optimizer: OptimizerName;
  learningRate: number;
  /**
   * Decoupled weight decay (AdamW, Loshchilov & Hutter): after each step every conv and dense
   * kernel shrinks by learningRate · weightDecay of itself. Biases and batch-norm γ, β are left
   * alone. 0 or absent: none.
   */
  weightDecay?: number;
}

export interface BatchResult {
  loss: number;
  accuracy: number;
}

export interface SavedTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

function makeOptimizer({ optimizer, learningRate }: TrainerOptions): tf.Optimizer {
  if (optimizer === 'sgd') return tf.train.sgd(learningRate);
  if (optimizer === 'momentum') return tf.train.momentum(learningRate, 0.9);
  // tf.train.adam's defaults (β1 0.9, β2 0.999, the backend's ε), one kernel per variable on wasm.
  return new FusedAdam(learningRate, 0.9, 0.999);
}

export class Trainer {
  private readonly optimizer: tf.Optimizer;
  private readonly classes: number;
  private readonly inputShape: number[];
  private readonly weightDecay: number;
  private learningRate: number;
  /** The first convolutions' kernels, whose input gradient (the images') a step skips. */
  private readonly firstKernels: () => tf.Tensor[];

  constructor(
    readonly model: tf.LayersModel,
    options: TrainerOptions,
  ) {
    this.optimizer = makeOptimizer(options);
    this.weightDecay = options.weightDecay ?? 0;
    this.learningRate = options.learningRate;
    model.compile({ optimizer: this.optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const out = model.outputs[0]?.shape ?? [];
    this.classes = out[out.length - 1] ?? 0;
    this.inputShape = (model.inputs[0]?.shape ?? []).slice(1).map((d) => d ?? 0);
    this.firstKernels = inputConvKernels(model);
  }

  /** The optimizers read their learning rate at every step, so a schedule can change it. */
  setLearningRate(lr: number): void {
    (this.optimizer as unknown as { learningRate: number }).learningRate = lr;
    this.learningRate = lr;
  }

  private decayKernels(): void {
    const keep = 1 - this.learningRate * this.weightDecay;
    tf.tidy(() => {
      for (const w of this.model.trainableWeights)
        if (/kernel$/.test(w.originalName)) w.write(tf.mul(w.read(), keep));
    });
  }

  async trainBatch(images: Float32Array, labels: ArrayLike<number>): Promise<BatchResult> {
    const count = labels.length;
    const x = tf.tensor(images, [count, ...this.inputShape]);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), this.classes).toFloat());
    try {
      const r = await withoutInputGradients(this.firstKernels(), () => this.model.trainOnBatch(x, y));
      if (this.weightDecay > 0) this.decayKernels();
      const [loss = NaN, accuracy = NaN] = Array.isArray(r) ? r : [r];
      return { loss, accuracy };
    } finally {
      tf.dispose([x, y]);
    }
  }

  async optimizerState(): Promise<SavedTensor[]> {
    const named = await this.optimizer.getWeights();
    return named.map(({ name, tensor }) => ({
      name,
      shape: tensor.shape,
      data: tensor.dataSync() as Float32Array,
    }));
  }

  async restoreOptimizerState(saved: SavedTensor[]): Promise<void> {
    const named = saved.map(({ name, shape, data }) => ({ name, tensor: tf.tensor(data, shape) }));
    await this.optimizer.setWeights(named);
  }

  dispose(): void {
    this.optimizer.dispose();
  }
}

/** Class probabilities for `count` preprocessed images laid end to end, in batches. */
export function predictProbabilities(
  model: tf.LayersModel,
  images: Float32Array,
  count: number,
  batch = 256,
): Float32Array {
  const inputShape = (model.inputs[0]?.shape ?? []).slice(1).map((d) => d ?? 0);
  const per = inputShape.reduce((a, b) => a * b, 1);
  const parts: Float32Array[] = [];
  for (let i = 0; i < count; i += batch) {
    const n = Math.min(batch, count - i);
    parts.push(
      tf.tidy(() => {
        const x = tf.tensor(images.subarray(i * per, (i + n) * per), [n, ...inputShape]);
        return (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
      }),
    );
  }
  const classes = parts[0] ? parts[0].length / Math.min(batch, count) : 0;
  const out = new Float32Array(count * classes);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
