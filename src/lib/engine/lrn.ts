/**
 * Local response normalisation as a tfjs layer: tfjs 4.22 has the op
 * (`tf.localResponseNormalization`, with kernels on every backend and a gradient) but no layer,
 * so AlexNet, CaffeNet and GoogLeNet, and any Caffe or TF file with an LRN, could be shaped but
 * not run. The layer's params are the op's: depth radius, bias, alpha, beta.
 */
import { tf } from './tf';

/** The layer's config as tfjs hands it over (keys in camel case). */
interface LrnConfig {
  name?: string;
  trainable?: boolean;
  depthRadius: number;
  bias: number;
  alpha: number;
  beta: number;
}

class LRN extends tf.layers.Layer {
  static readonly className = 'LRN';
  private readonly depthRadius: number;
  private readonly bias: number;
  private readonly alpha: number;
  private readonly beta: number;

  constructor(config: LrnConfig) {
    super({ name: config.name, trainable: config.trainable });
    this.depthRadius = config.depthRadius;
    this.bias = config.bias;
    this.alpha = config.alpha;
    this.beta = config.beta;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      return tf.localResponseNormalization(x, this.depthRadius, this.bias, this.alpha, this.beta);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      depthRadius: this.depthRadius,
      bias: this.bias,
      alpha: this.alpha,
      beta: this.beta,
    };
  }
}

let registered = false;

/** Makes `LRN` known to tfjs-layers; safe to call more than once. */
export function registerLrn(): void {
  if (registered) return;
  registered = true;
  tf.serialization.registerClass(LRN);
}
