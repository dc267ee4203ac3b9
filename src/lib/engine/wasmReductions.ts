/**
 * Faster Sum and Mean over leading axes on tfjs-backend-wasm. Batch-norm training reduces
 * [n, h, w, c] maps over n, h and w at every layer (moments forward, dγ, dβ and the mean's
 * gradient backward). wasm's kernels only reduce innermost axes, so they first transpose the
 * whole map to [c, n·h·w]; that transpose costs ~10× the sum itself. A mean over the leading
 * axes is an average pooling of the map seen as [rows, 1, 1, c]-shaped windows, which XNNPACK
 * does in one streaming pass with SIMD across channels, keeping x where it is; the sum is that
 * mean times the count. Two stages (windows of up to 256 rows, then the averages of those) are
 * ~3× faster than one very tall window on MobileNet's maps; a matrix product (xᵀ · ones, an
 * earlier version) was 3–9× slower than either, and ones · x slower still, since XNNPACK packs
 * its right operand anew for every new tensor. Other reductions keep wasm's kernels.
 */
import { tf } from './tf';
import { scope, type KernelFunc, type TensorInfo } from './wasmKernelKit';

function leadingAxes(axis: number | number[], rank: number): number | null {
  const axes = (Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)).sort((a, b) => a - b);
  // Reducing every axis, or only the last one, is already cheap in wasm's own kernel.
  if (axes.length === 0 || axes.length >= rank) return null;
  return axes.every((a, i) => a === i) ? axes.length : null;
}

/**
 * A window size for the first stage: the largest divisor of `rows` from 16 to 256, or `rows`
 * itself (one stage) when there is none. XNNPACK rejects a 1×1 pooling window, so every window
 * pooled has at least two rows.
 */
function firstWindow(rows: number): number {
  if (rows > 512) for (let g = 256; g >= 16; g--) if (rows % g === 0) return g;
  return rows;
}

function averageRows(k: ReturnType<typeof scope>, x: TensorInfo, rows: number, cols: number): TensorInfo {
  const pool = (input: TensorInfo, batch: number, window: number): TensorInfo =>
    k.run(
      'AvgPool',
      { x: k.reshape(input, [batch, window, 1, cols]) },
      { filterSize: [window, 1], strides: [1, 1], pad: 'valid' },
    );
  const g = firstWindow(rows);
  const partial = pool(x, rows / g, g);
  return g === rows ? partial : pool(partial, 1, rows / g);
}

function viaPooling(fallback: KernelFunc, mean: boolean): KernelFunc {
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
      const average = averageRows(k, x, rows, cols);
      const product = mean
        ? average
        : k.run('Multiply', {
            a: average,
            b: k.run('Fill', {}, { shape: [], value: rows, dtype: 'float32' }),
          });
      const shape = keepDims ? [...x.shape.slice(0, lead).map(() => 1), ...rest] : rest;
      return k.keep('Reshape', { x: product }, { shape });
    } finally {
      k.free();
    }
  };
}

let registered = false;

/** Replaces wasm's Sum and Mean with versions that reduce leading axes by average pooling. */
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
    tf.registerKernel({ ...own, kernelFunc: viaPooling(own.kernelFunc, mean) });
  }
}
