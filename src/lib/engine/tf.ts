/**
 * The single import of TensorFlow.js. Everything else in the engine imports `tf` from here,
 * and nothing outside src/lib/engine imports it at all.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export { tf };
