/**
 * The kernels a conv-like neuron slides over its inputs, one small 2-D slice per input
 * channel, found by shape: a rank-4 weight [kh, kw, in, out] whose `in` matches the input.
 */
import type { LayerWeights } from '../tensor/types';

export interface KernelSlices {
  rows: number;
  cols: number;
  /** Input channel → that channel's kh×kw weights, row-major. */
  slices: Map<number, Float32Array>;
  /** Largest |weight| among the slices, for a symmetric colour range. */
  magnitude: number;
}

export function kernelSlices(
  weights: readonly LayerWeights[] | undefined,
  inChannels: number,
  outChannels: number,
  outChannel: number,
): KernelSlices | null {
  const w = weights?.find((x) => x.value.shape.length === 4 && x.value.shape[2] === inChannels);
  if (!w) return null;
  const [rows = 0, cols = 0, inC = 0, k = 0] = w.value.shape;
  if (k === 0) return null;
  const slices = new Map<number, Float32Array>();
  let magnitude = 0;
  // A plain conv has one kernel per output channel; a depthwise one `k` per input channel.
  const depthwise = k !== outChannels;
  const first = depthwise ? Math.floor(outChannel / k) : 0;
  const end = depthwise ? first + 1 : inC;
  const o = depthwise ? outChannel % k : outChannel;
  for (let ci = first; ci < end && ci < inC; ci++) {
    const slice = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const v = w.value.data[((r * cols + c) * inC + ci) * k + o] ?? 0;
        slice[r * cols + c] = v;
        magnitude = Math.max(magnitude, Math.abs(v));
      }
    slices.set(ci, slice);
  }
  return { rows, cols, slices, magnitude };
}
