/**
 * HardSigmoid with any slope and offset, clip(alpha·x + beta, 0, 1), as a tfjs layer. tfjs'
 * `hard_sigmoid` activation is fixed at 0.2·x + 0.5, so PyTorch's Hardsigmoid (alpha 1/6,
 * MobileNetV3's squeeze-and-excitation gate) and any ONNX HardSigmoid's attributes need their
 * own layer. The spec builds this only for params other than tfjs' (src/lib/layers/hardSigmoid.ts).
 * Its gradient comes from the ops.
 */
import { tf } from './tf';

/** The layer's config as tfjs hands it over. */
interface HardSigmoidConfig {
  name?: string;
  trainable?: boolean;
  alpha: number;
  beta: number;
}

class HardSigmoid extends tf.layers.Layer {
  static readonly className = 'HardSigmoid';
  private readonly alpha: number;
  private readonly beta: number;

  constructor(config: HardSigmoidConfig) {
    super({ name: config.name, trainable: config.trainable });
    this.alpha = config.alpha;
    this.beta = config.beta;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs;
      return tf.clipByValue(tf.add(tf.mul(x, this.alpha), this.beta), 0, 1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), alpha: this.alpha, beta: this.beta };
  }
}

let registered = false;

/** Makes `HardSigmoid` known to tfjs-layers; safe to call more than once. */
export function registerHardSigmoid(): void {
  if (registered) return;
  registered = true;
  tf.serialization.registerClass(HardSigmoid);
}
