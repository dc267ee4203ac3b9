/**
 * Identity, and a Cast to the dtype a tensor already has, that share their input's data on
 * tfjs-backend-wasm instead of copying it. tfjs-core clones every tensor a gradient will need
 * (saveTensorsForBackwardMode) and casts float32 maps to float32 in several gradients and in
 * `moments`; wasm's kernels copy each time, ~800 full-map copies in one MobileNet-CIFAR training
 * step (~6% of it). The cpu backend's Identity already shares (a reference count on the data),
 * and wasm's Reshape does the same; no wasm kernel writes into its inputs, so sharing is safe.
 */
import { tf } from './tf';
import type { KernelFunc, TensorInfo } from './wasmKernelKit';

interface RefCounted {
  incRef(dataId: object): void;
}

function shared(x: TensorInfo, backend: unknown): TensorInfo {
  (backend as RefCounted).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

function identityVia(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    return x.dtype === 'string' ? fallback(args) : shared(x, args.backend);
  };
}

function castVia(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { dtype } = args.attrs as unknown as { dtype: tf.DataType };
    return dtype === x.dtype && dtype !== 'string' ? shared(x, args.backend) : fallback(args);
  };
}

let registered = false;

/** Replaces wasm's Identity and Cast with the sharing versions; safe to call more than once. */
export function registerWasmSharedCopies(): void {
  if (registered) return;
  registered = true;
  for (const [name, via] of [
    ['Identity', identityVia],
    ['Cast', castVia],
  ] as const) {
    const own = tf.getKernel(name, 'wasm');
    if (!own) continue;
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...own, kernelFunc: via(own.kernelFunc) });
  }
}
