/**
 * Caffe's layers computed the way Caffe defines them, in plain TypeScript on N=1 C×H×W
 * arrays with Caffe-layout weights: the independent side of the .caffemodel tests.
 */

export interface Chw {
  c: number;
  h: number;
  w: number;
  data: Float32Array;
}

export function conv(
  x: Chw,
  weight: Float32Array,
  bias: Float32Array | null,
  o: { out: number; k: number; stride?: number; pad?: number; group?: number },
): Chw {
  const { out, k, stride = 1, pad = 0, group = 1 } = o;
  const h = Math.floor((x.h + 2 * pad - k) / stride) + 1;
  const w = Math.floor((x.w + 2 * pad - k) / stride) + 1;
  const inPer = x.c / group;
  const outPer = out / group;
  const data = new Float32Array(out * h * w);
  for (let m = 0; m < out; m++) {
    const g = Math.floor(m / outPer);
    for (let y = 0; y < h; y++)
      for (let xx = 0; xx < w; xx++) {
        let s = bias ? (bias[m] ?? 0) : 0;
        for (let c = 0; c < inPer; c++)
          for (let i = 0; i < k; i++)
            for (let j = 0; j < k; j++) {
              const iy = y * stride - pad + i;
              const ix = xx * stride - pad + j;
              if (iy < 0 || ix < 0 || iy >= x.h || ix >= x.w) continue;
              const v = x.data[((g * inPer + c) * x.h + iy) * x.w + ix] ?? 0;
              s += v * (weight[((m * inPer + c) * k + i) * k + j] ?? 0);
            }
        data[(m * h + y) * w + xx] = s;
      }
  }
  return { c: out, h, w, data };
}

/** BatchNorm with Caffe's stored sums: statistics are blob / factor (0 when factor is 0). */
export function batchNorm(x: Chw, mean: number[], variance: number[], factor: number, eps = 1e-5): Chw {
  const f = factor === 0 ? 0 : 1 / factor;
  const n = x.h * x.w;
  const data = x.data.map((v, i) => {
    const c = Math.floor(i / n);
    return (v - (mean[c] ?? 0) * f) / Math.sqrt((variance[c] ?? 0) * f + eps);
  });
  return { ...x, data };
}

export function scale(x: Chw, gamma: number[], beta: number[]): Chw {
  const n = x.h * x.w;
  return {
    ...x,
    data: x.data.map((v, i) => v * (gamma[Math.floor(i / n)] ?? 0) + (beta[Math.floor(i / n)] ?? 0)),
  };
}

export const relu = (x: Chw): Chw => ({ ...x, data: x.data.map((v) => Math.max(v, 0)) });

/** Max pooling with Caffe's ceil rounding and no padding. */
export function maxPool(x: Chw, k: number, stride: number): Chw {
  const h = Math.ceil((x.h - k) / stride) + 1;
  const w = Math.ceil((x.w - k) / stride) + 1;
  const data = new Float32Array(x.c * h * w);
  for (let c = 0; c < x.c; c++)
    for (let y = 0; y < h; y++)
      for (let xx = 0; xx < w; xx++) {
        let best = -Infinity;
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++) {
            const iy = y * stride + i;
            const ix = xx * stride + j;
            if (iy < x.h && ix < x.w) best = Math.max(best, x.data[(c * x.h + iy) * x.w + ix] ?? 0);
          }
        data[(c * h + y) * w + xx] = best;
      }
  return { c: x.c, h, w, data };
}

/** InnerProduct on the C×H×W values in Caffe's order; weight is [out, in]. */
export function innerProduct(x: Chw, weight: Float32Array, bias: Float32Array, out: number): Chw {
  const k = x.data.length;
  const data = new Float32Array(out);
  for (let m = 0; m < out; m++) {
    let s = bias[m] ?? 0;
    for (let i = 0; i < k; i++) s += (x.data[i] ?? 0) * (weight[m * k + i] ?? 0);
    data[m] = s;
  }
  return { c: out, h: 1, w: 1, data };
}

export function softmax(x: Chw): Chw {
  const max = Math.max(...x.data);
  const e = x.data.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return { ...x, data: e.map((v) => v / sum) };
}

/** Our channels-last values (h, w, c) in Caffe's order (c, h, w). */
export function toChw(hwc: Float32Array, c: number, h: number, w: number): Float32Array {
  const out = new Float32Array(hwc.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let ch = 0; ch < c; ch++) out[(ch * h + y) * w + x] = hwc[(y * w + x) * c + ch] ?? 0;
  return out;
}

export function seeded(n: number, seed: number, spread = 1): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32 - 0.5) * 2 * spread;
  });
}
