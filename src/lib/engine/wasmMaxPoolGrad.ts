/**
 * MaxPoolGrad for tfjs-backend-wasm as one pass over the wasm heap. wasm's own kernel visits,
 * for every input position, each window that could hold it and searches that window for its
 * maximum again; on TinyVGG's 2×2 pools (a [32, 60, 60, 10] map) it took ~19% of a training
 * step, more than the forward convolutions. Here each window is searched once and its gradient
 * routed to where its maximum is: the first largest value in row-major order, as the cpu backend
 * picks it (`maxPoolPositions`), added in where windows overlap. The common 2×2, stride-2 pool
 * runs in our SIMD module (wasmPoolGradModule.ts), 4 channels at a time: on TinyVGG's
 * [32, 60, 60, 10] map ~4× faster than the JS loop (Node, same-run medians 3.7 vs 14.8 ms).
 */
import { tf } from './tf';
import { scope, type KernelFunc, type KernelScope, type TensorInfo } from './wasmKernelKit';
import { ownModule, type WasmFn } from './wasmAssembler';
import { poolGradModule } from './wasmPoolGradModule';

const simdKernels = ownModule(poolGradModule);
let simdOn = true;

/** Turns the SIMD 2×2 loop off (the JS one runs instead), for same-run A/B benchmarks. */
export function setSimdPoolGrad(on: boolean): void {
  simdOn = on;
}

/**
 * The 2×2, stride-2 pool without padding in our SIMD module (wasmPoolGradModule.ts), image by
 * image. Positions no window covers (an odd last row or column) must already be 0.
 */
function simdTwoByTwo(
  fns: Record<string, WasmFn>,
  k: KernelScope,
  x: TensorInfo,
  dy: TensorInfo,
  dx: TensorInfo,
  [OH, OW]: [number, number],
): void {
  const [n = 1, H = 1, W = 1, C = 1] = x.shape;
  const xAt = k.values(x).byteOffset;
  const dyAt = k.values(dy).byteOffset;
  const dxAt = k.values(dx).byteOffset;
  const image = 4 * H * W * C;
  for (let b = 0; b < n; b++)
    fns.pool2x2!(
      xAt + b * image,
      dyAt + 4 * b * OH * OW * C,
      dxAt + b * image,
      OH,
      OW,
      C >> 2,
      C & 3,
      4 * W * C,
      4 * C,
      8 * W * C,
    );
}

/**
 * The common 2×2, stride-2 pool without padding, unrolled (~1.5–2× faster than the general
 * loops): each window's four values compared in row-major order, the first largest taking dy.
 */
function routeTwoByTwo(
  x: Float32Array,
  g: Float32Array,
  d: Float32Array,
  [n, H, W, C]: number[],
  OH: number,
  OW: number,
): void {
  const rowStep = W! * C!;
  let out = 0;
  for (let b = 0; b < n!; b++)
    for (let oh = 0; oh < OH; oh++) {
      let corner = (b * H! + 2 * oh) * rowStep;
      for (let ow = 0; ow < OW; ow++, corner += 2 * C!)
        for (let c = 0; c < C!; c++, out++) {
          const i0 = corner + c;
          const i1 = i0 + C!;
          const i2 = i0 + rowStep;
          const i3 = i2 + C!;
          // From −∞ like the cpu backend, so a NaN never takes the gradient.
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          const v0 = x[i0]!;
          if (v0 > best) {
            best = v0;
            at = i0;
          }
          const v1 = x[i1]!;
          if (v1 > best) {
            best = v1;
            at = i1;
          }
          const v2 = x[i2]!;
          if (v2 > best) {
            best = v2;
            at = i2;
          }
          if (x[i3]! > best) at = i3;
          if (at >= 0) d[at] = d[at]! + g[out]!;
        }
    }
}

function maxPoolGradVia(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as {
      filterSize: [number, number] | number;
      strides: [number, number] | number;
      pad: 'valid' | 'same' | number;
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
    };
    if (input.dtype !== 'float32' || dy.dtype !== 'float32' || input.shape.length !== 4)
      return fallback(args);
    const info = tf.backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      filterSize,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const { batchSize, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
    const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info;
    const { top, left } = info.padInfo;
    const k = scope(backend);
    const dx = k.output(input.shape);
    // Views after making the output: a new tensor can grow the heap and empty older views.
    const x = k.values(input);
    const g = k.values(dy);
    const d = k.values(dx);
    const whole = fh === 2 && fw === 2 && sh === 2 && sw === 2 && top === 0 && left === 0;
    const fits = whole && 2 * OH <= H && 2 * OW <= W;
    // Every position is written when the windows tile the map exactly.
    const fns = fits && simdOn ? simdKernels(backend) : null;
    if (!fns || 2 * OH < H || 2 * OW < W) d.fill(0);
    if (fns) {
      simdTwoByTwo(fns, k, input, dy, dx, [OH, OW]);
      return dx;
    }
    if (fits) routeTwoByTwo(x, g, d, [batchSize, H, W, C], OH, OW);
    else {
      const rowStep = W * C;
      for (let b = 0; b < batchSize; b++)
        for (let oh = 0; oh < OH; oh++) {
          const h0 = oh * sh - top;
          const hMin = Math.max(0, h0);
          const hMax = Math.min(H, h0 + fh);
          for (let ow = 0; ow < OW; ow++) {
            const w0 = ow * sw - left;
            const wMin = Math.max(0, w0);
            const wMax = Math.min(W, w0 + fw);
            const corner = ((b * H + hMin) * W + wMin) * C;
            const out = ((b * OH + oh) * OW + ow) * C;
            for (let c = 0; c < C; c++) {
              let best = Number.NEGATIVE_INFINITY;
              let at = -1;
              for (let h = hMin, row = corner + c; h < hMax; h++, row += rowStep)
                for (let w = wMin, i = row; w < wMax; w++, i += C) {
                  const v = x[i]!;
                  if (v > best) {
                    best = v;
                    at = i;
                  }
                }
              if (at >= 0) d[at] = d[at]! + g[out + c]!;
            }
          }
        }
    }
    return dx;
  };
}

let registered = false;

/** Replaces wasm's MaxPoolGrad with the one-pass version; safe to call more than once. */
export function registerWasmMaxPoolGrad(): void {
  if (registered) return;
  registered = true;
  const own = tf.getKernel('MaxPoolGrad', 'wasm');
  if (!own) return;
  tf.unregisterKernel('MaxPoolGrad', 'wasm');
  tf.registerKernel({ ...own, kernelFunc: maxPoolGradVia(own.kernelFunc) });
}
