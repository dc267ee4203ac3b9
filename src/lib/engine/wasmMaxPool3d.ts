/**
 * MaxPool3D on tfjs-backend-wasm 4.22 starts each window's maximum at FLT_MIN, the smallest
 * positive float (1.18e-38), not at −∞: a window whose values are all negative outputs
 * 1.18e-38 instead of its largest value (the cpu backend and Keras give the largest). Max is
 * separable, so this kernel takes, for each output slice, the element-wise Maximum of the input
 * slices its window covers along depth (padding slices left out, as pooling skips them), then
 * wasm's 2-D MaxPool over height and width, which is right; the slices are stacked back.
 */
import { tf } from './tf';
import { scope, type KernelFunc, type TensorInfo } from './wasmKernelKit';
import { windowOutputSize } from '../tensor/window';

interface Pool3dAttrs {
  filterSize: number | [number, number, number];
  strides: number | [number, number, number];
  pad: unknown;
  dimRoundingMode?: unknown;
  dataFormat?: string;
}

const triple = (v: number | [number, number, number]): [number, number, number] =>
  typeof v === 'number' ? [v, v, v] : v;

function viaSlices(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { x } = inputs as { x: TensorInfo };
    const a = attrs as unknown as Pool3dAttrs;
    const pad = a.pad;
    // Explicit numeric padding and rounding modes keep wasm's own kernel (Keras never uses them).
    if ((pad !== 'valid' && pad !== 'same') || a.dimRoundingMode != null || x.dtype !== 'float32')
      return fallback(args);
    if (a.dataFormat !== undefined && a.dataFormat !== 'NDHWC') return fallback(args);
    const [n = 1, depth = 1, h = 1, w = 1, c = 1] = x.shape;
    const [fd, fh, fw] = triple(a.filterSize);
    const [sd, sh, sw] = triple(a.strides);
    const outDepth = windowOutputSize(depth, fd, sd, 1, pad);
    const total = pad === 'same' ? Math.max(0, (outDepth - 1) * sd + fd - depth) : 0;
    const front = Math.floor(total / 2);
    const k = scope(backend);
    try {
      const slice = (d: number) =>
        k.reshape(k.run('Slice', { x }, { begin: [0, d, 0, 0, 0], size: [n, 1, h, w, c] }), [n, h, w, c]);
      const pooled: TensorInfo[] = [];
      for (let od = 0; od < outDepth; od++) {
        let m: TensorInfo | null = null;
        for (let z = 0; z < fd; z++) {
          const d = od * sd - front + z;
          if (d < 0 || d >= depth) continue;
          const s = slice(d);
          m = m ? k.run('Maximum', { a: m, b: s }) : s;
        }
        if (!m) throw new Error(`MaxPool3D: output slice ${od} covers no input slice`);
        pooled.push(k.run('MaxPool', { x: m }, { filterSize: [fh, fw], strides: [sh, sw], pad }));
      }
      return k.keep('Pack', pooled, { axis: 1 });
    } finally {
      k.free();
    }
  };
}

let registered = false;

/** Replaces wasm's MaxPool3D with one that gives the largest value of all-negative windows too. */
export function registerWasmMaxPool3d(): void {
  if (registered) return;
  registered = true;
  const own = tf.getKernel('MaxPool3D', 'wasm');
  if (!own) return;
  tf.unregisterKernel('MaxPool3D', 'wasm');
  tf.registerKernel({ ...own, kernelFunc: viaSlices(own.kernelFunc) });
}
