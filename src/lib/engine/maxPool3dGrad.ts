/**
 * MaxPool3DGrad, ours on wasm and cpu. tfjs 4.22's wasm kernel routes the gradient wrongly: with
 * all-negative windows almost all of it is lost (a [1, 5, 7, 6, 3] input's 180 units of dy came
 * back as 0.5), and mixed-sign windows get too much or too little. The cpu kernel records each
 * window's maximum as `row · filterHeight + col` but reads it back as `row · filterWidth + col`,
 * so a window higher than wide (or wider than high) sends dy to the wrong cell. Here each window
 * is searched once from −∞ and its dy added where its maximum is, the last of equal largest
 * values in depth, row, column order as the cpu backend picks it (tests/maxPool3dGrad.test.ts).
 */
import { tf } from './tf';
import { scope, type KernelFunc, type TensorInfo } from './wasmKernelKit';

type Triple = [number, number, number];
type PoolInfo = ReturnType<typeof tf.backend_util.computePool3DInfo>;

interface GradAttrs {
  filterSize: Triple | number;
  strides: Triple | number;
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The pooling's geometry, or null where the general kernel should run (other dtypes, ranks). */
function poolInfo(dy: TensorInfo, input: TensorInfo, attrs: unknown): PoolInfo | null {
  if (input.dtype !== 'float32' || dy.dtype !== 'float32' || input.shape.length !== 5) return null;
  const { filterSize, strides, pad, dimRoundingMode } = attrs as GradAttrs;
  const shape = input.shape as [number, number, number, number, number];
  return tf.backend_util.computePool3DInfo(shape, filterSize, strides, 1, pad, dimRoundingMode);
}

/** Adds each window's dy `g` into `d` (zeroed, the input's size) where `x` is largest in it. */
function route(x: ArrayLike<number>, g: ArrayLike<number>, d: Float32Array, info: PoolInfo): void {
  const { batchSize, inDepth: D, inHeight: H, inWidth: W, inChannels: C } = info;
  const { outDepth: OD, outHeight: OH, outWidth: OW } = info;
  const { strideDepth: sd, strideHeight: sh, strideWidth: sw } = info;
  const { filterDepth: fd, filterHeight: fh, filterWidth: fw } = info;
  const { front, top, left } = info.padInfo;
  const rowStep = W * C;
  const sliceStep = H * rowStep;
  let out = 0;
  for (let b = 0; b < batchSize; b++)
    for (let od = 0; od < OD; od++) {
      const d0 = od * sd - front;
      const [dMin, dMax] = [Math.max(0, d0), Math.min(D, d0 + fd)];
      for (let oh = 0; oh < OH; oh++) {
        const h0 = oh * sh - top;
        const [hMin, hMax] = [Math.max(0, h0), Math.min(H, h0 + fh)];
        for (let ow = 0; ow < OW; ow++) {
          const w0 = ow * sw - left;
          const [wMin, wMax] = [Math.max(0, w0), Math.min(W, w0 + fw)];
          const corner = (((b * D + dMin) * H + hMin) * W + wMin) * C;
          for (let c = 0; c < C; c++, out++) {
            let best = Number.NEGATIVE_INFINITY;
            let at = -1;
            for (let z = dMin, slice = corner + c; z < dMax; z++, slice += sliceStep)
              for (let h = hMin, row = slice; h < hMax; h++, row += rowStep)
                for (let w = wMin, i = row; w < wMax; w++, i += C) {
                  const v = x[i]!;
                  if (v >= best) {
                    best = v;
                    at = i;
                  }
                }
            if (at >= 0) d[at] = d[at]! + g[out]!;
          }
        }
      }
    }
}

/** On wasm: one pass over the heap, like ./wasmMaxPoolGrad for 2-D. */
function onWasm(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    const info = poolInfo(dy, input, args.attrs);
    if (!info) return fallback(args);
    const k = scope(args.backend);
    const dx = k.output(input.shape);
    // Views after making the output: a new tensor can grow the heap and empty older views.
    const d = k.values(dx);
    d.fill(0);
    route(k.values(input), k.values(dy), d, info);
    return dx;
  };
}

interface CpuBackend {
  readSync(dataId: unknown): ArrayLike<number>;
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

function onCpu(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    const info = poolInfo(dy, input, args.attrs);
    if (!info) return fallback(args);
    const backend = args.backend as unknown as CpuBackend;
    const d = new Float32Array(input.shape.reduce((a, b) => a * b, 1));
    route(backend.readSync(input.dataId), backend.readSync(dy.dataId), d, info);
    return backend.makeTensorInfo(input.shape, 'float32', d);
  };
}

let registered = false;

/** Replaces the wasm and cpu MaxPool3DGrad kernels with ours; safe to call more than once. */
export function registerMaxPool3dGrad(): void {
  if (registered) return;
  registered = true;
  for (const [name, wrap] of [
    ['wasm', onWasm],
    ['cpu', onCpu],
  ] as const) {
    const own = tf.getKernel('MaxPool3DGrad', name);
    if (!own) continue;
    tf.unregisterKernel('MaxPool3DGrad', name);
    tf.registerKernel({ ...own, kernelFunc: wrap(own.kernelFunc) });
  }
}
