/**
 * Hard-swish, x · relu6(x + 3) / 6, as a tfjs activation: tfjs 4.22 has none, so a net with
 * MobileNetV3's activation could be shaped but not run. Registered under the name Keras uses
 * (`hard_swish`, read by tfjs as `hardSwish`), so `Activation({activation: 'hard_swish'})`
 * builds, saves and loads like any built-in activation. Its gradient comes from the ops.
 */
import { tf } from './tf';

class HardSwish extends tf.serialization.Serializable {
  static readonly className = 'hardSwish';

  apply(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.mul(x, tf.div(tf.relu6(tf.add(x, 3)), 6)));
  }

  getConfig(): tf.serialization.ConfigDict {
    return {};
  }
}

let registered = false;

/** Makes `hard_swish` known to tfjs-layers; safe to call more than once. */
export function registerHardSwish(): void {
  if (registered) return;
  registered = true;
  tf.serialization.registerClass(HardSwish);
}
