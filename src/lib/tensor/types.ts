/** What the engine hands to the views: plain typed arrays with their shapes, no tensors. */

export interface TensorData {
  data: Float32Array;
  /** Without the batch axis, NHWC. */
  shape: number[];
}

export interface LayerWeights {
  /** Weight name as tfjs names it: `kernel`, `bias`, … */
  name: string;
  value: TensorData;
}

export interface Explanation {
  /** Every layer's output for the image, keyed by layer id (the input layer included). */
  activations: Map<string, TensorData>;
  /** The last layer's output: class probabilities for a classifier. */
  probabilities: Float32Array;
  /** Every layer's weights (kernels, biases), keyed by layer id; empty lists for weightless layers. */
  weights: Map<string, LayerWeights[]>;
}
