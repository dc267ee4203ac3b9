/**
 * The parts of TensorFlow.js the app uses, for the browser build only: `vite.config.ts`
 * aliases `@tensorflow/tfjs` to this module. The full package also bundles the graph-model
 * converter, tfjs-data and the WebGL and CPU backends, about half of the page's script; the
 * app needs none of them to draw its first view. WebGL and CPU are imported on demand by
 * `initBackend` when chosen. In Node (tests, scripts) the real `@tensorflow/tfjs` is used.
 */
import '@tensorflow/tfjs-core';
// Training needs every op's gradient, and layers use the chained ops (`x.add(y)`): the full
// package registers both the same way.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
