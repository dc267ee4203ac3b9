/**
 * Faster Sum and Mean over leading axes on tfjs-backend-wasm. Batch-norm training reduces
 * [n, h, w, c] maps over n, h and w at every layer (moments forward, dγ, dβ and the mean's
 * gradient backward). wasm's kernels only reduce innermost axes, so they first transpose the
 * whole map to [c, n·h·w]; that transpose costs ~10× the sum itself. A sum over the leading
 * axes is a matrix product instead, x[p, c]ᵀ · ones[p, 1] (1/p in place of ones for the mean),
 * which wasm's BatchMatMul does without moving x. x must be the transposed left operand and the
 * ones the right one: BatchMatMul packs its right operand anew for every new tensor (XNNPACK
 * caches it by tensor), ~10× slower than the product itself, so the ones columns are made once
 * per length and kept. Other reductions keep wasm's kernels.
 */
import { tf } from './tf';
import { scope, type KernelFunc, type TensorInfo } from './wasmKernelKit';

function leadingAxes(axis: number | number[], rank: number): number | null {
  const axes = (Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)).sort((a, b) => a - b);
  // Reducing every axis, or only the last one, is already cheap in wasm's own kernel.
  if (axes.length === 0 || axes.length >= rank) return null;
  return axes.every((a, i) => a === i) ? axes.length : null;
}

/** The constant columns, per backend and (length, value); never disposed (a few kB each). */
const columns = new WeakMap<object, Map<string, TensorInfo>>();

function constantColumn(backend: object, rows: number, value: number): TensorInfo {
  let cache = columns.get(backend);
  if (!cache) columns.set(backend, (cache = new Map()));
  const key = `${rows}:${value}`;
  let column = cache.get(key);
  if (!column) {
    column = scope(backend).keep('Fill', {}, { shape: [1, rows, 1], value, dtype: 'float32' });
    cache.set(key, column);
  }
  return column;
}

function viaMatMul(fallback: KernelFunc, mean: boolean): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { x } = inputs as { x: TensorInfo };
    const { axis, keepDims } = attrs as unknown as { axis: number | number[]; keepDims: boolean };
    const lead = leadingAxes(axis, x.shape.length);
    if (lead === null || x.dtype !== 'float32') return fallback(args);
    const rows = x.shape.slice(0, lead).reduce((a, b) => a * b, 1);
    const rest = x.shape.slice(lead);
    const cols = rest.reduce((a, b) => a * b, 1);
    if (rows < 2 || cols === 0) return fallback(args);
    const k = scope(backend);
    try {
      const weights = constantColumn(backend as object, rows, mean ? 1 / rows : 1);
      const product = k.run(
        'BatchMatMul',
        { a: k.reshape(x, [1, rows, cols]), b: weights },
        { transposeA: true, transposeB: false },
      );
      const shape = keepDims ? [...x.shape.slice(0, lead).map(() => 1), ...rest] : rest;
      return k.keep('Reshape', { x: product }, { shape });
    } finally {
      k.free();
    }
  };
}

let registered = false;

/** Replaces wasm's Sum and Mean with versions that reduce leading axes by a product. */
export function registerWasmReductions(): void {
  if (registered) return;
  registered = true;
  for (const [name, mean] of [
    ['Sum', false],
    ['Mean', true],
  ] as const) {
    const own = tf.getKernel(name, 'wasm');
    if (!own) continue;
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...own, kernelFunc: viaMatMul(own.kernelFunc, mean) });
  }
}
