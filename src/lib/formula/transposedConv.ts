/**
 * Conv2DTranspose at one output value, as tfjs computes it (conv2dTranspose is the gradient
 * of a convolution with respect to its input). Maps are NHWC [H, W, C] without the batch
 * axis; the kernel is stored [kh, kw, outC, inC]. Every input cell (i, j) of channel ci
 * "stamps" x[i, j, ci] · K[:, :, o, ci] onto the output with its top-left corner at
 * (i·sh − padTop, j·sw − padLeft); overlapping stamps add up, then the bias and the
 * activation are applied. With same padding the output is exactly input × stride and
 * padTop = ⌊max(kh − sh, 0) / 2⌋ (tfjs' forward-convolution padding for that output size);
 * valid padding crops nothing. The same numbers come from an ordinary stride-1 convolution
 * of the input spread out with sh − 1 zeros between rows (sw − 1 between columns), padded by
 * kh − 1 − padTop, with the kernel turned by 180°.
 */
import type { LayerWeights, TensorData } from '../tensor/types';
import type { LayerParams } from '../spec/types';
import { findWeight, hwcShape, pairParam, readHwc, requireIndex, type CellPosition } from '../tensor/layout';
import { transposedSize } from '../layers/conv2dTranspose';
import { activateAt } from './convolution';

export interface TransposedParams {
  kernel: [number, number];
  strides: [number, number];
  padding: 'valid' | 'same';
  activation: string;
}

export interface TransposedWeights {
  /** [kh, kw, outC, inC]. */
  kernel: TensorData;
  bias?: TensorData;
}

export interface TransposedPlan extends TransposedParams {
  inputHeight: number;
  inputWidth: number;
  inputChannels: number;
  outputHeight: number;
  outputWidth: number;
  outputChannels: number;
  /** Output rows/cols a stamp starts above/left of i·stride. */
  padTop: number;
  padLeft: number;
}

export function transposedParams(params: LayerParams): TransposedParams {
  return {
    kernel: pairParam(params.kernelSize, [3, 3]),
    strides: pairParam(params.strides, [1, 1]),
    padding: params.padding === 'same' ? 'same' : 'valid',
    activation: typeof params.activation === 'string' ? params.activation : 'linear',
  };
}

export function transposedWeights(weights: readonly LayerWeights[] | undefined): TransposedWeights {
  const kernel = findWeight(weights, 'kernel');
  if (!kernel || kernel.shape.length !== 4) throw new RangeError('the layer has no [kh, kw, out, in] kernel');
  const bias = findWeight(weights, 'bias');
  return bias ? { kernel, bias } : { kernel };
}

function padBefore(kernel: number, stride: number, padding: string): number {
  return padding === 'same' ? Math.floor(Math.max(kernel - stride, 0) / 2) : 0;
}

export function transposedPlan(
  input: TensorData,
  weights: TransposedWeights,
  p: TransposedParams,
): TransposedPlan {
  const [inputHeight, inputWidth, inputChannels] = hwcShape(input, 'transposed convolution input');
  const [kh = 1, kw = 1, outputChannels = 1, kernelIn] = weights.kernel.shape;
  if (kernelIn !== inputChannels)
    throw new RangeError(`the kernel takes ${kernelIn} input channels, the input has ${inputChannels}`);
  const [sh, sw] = p.strides;
  return {
    ...p,
    kernel: [kh, kw],
    inputHeight,
    inputWidth,
    inputChannels,
    outputHeight: transposedSize(inputHeight, kh, sh, p.padding),
    outputWidth: transposedSize(inputWidth, kw, sw, p.padding),
    outputChannels,
    padTop: padBefore(kh, sh, p.padding),
    padLeft: padBefore(kw, sw, p.padding),
  };
}

/** Index of K[kr, kc, o, ci] in the [kh, kw, outC, inC] kernel. */
export function transposedKernelIndex(
  plan: TransposedPlan,
  kr: number,
  kc: number,
  o: number,
  ci: number,
): number {
  return ((kr * plan.kernel[1] + kc) * plan.outputChannels + o) * plan.inputChannels + ci;
}

/** Where input cell (row, col)'s stamp starts on the output (may be above/left of 0). */
export function stampOrigin(plan: TransposedPlan, row: number, col: number): { top: number; left: number } {
  return { top: row * plan.strides[0] - plan.padTop, left: col * plan.strides[1] - plan.padLeft };
}

/** An input cell whose stamp covers the output cell, and the kernel tap that lands there. */
export interface StampHit {
  row: number;
  col: number;
  kernelRow: number;
  kernelCol: number;
}

/** Every input cell that stamps onto output (row, col), in input row order. */
export function stampsCovering(plan: TransposedPlan, row: number, col: number): StampHit[] {
  requireIndex(row, plan.outputHeight, 'output row');
  requireIndex(col, plan.outputWidth, 'output column');
  const hits: StampHit[] = [];
  const [kh, kw] = plan.kernel;
  const [sh, sw] = plan.strides;
  for (let kr = 0; kr < kh; kr++) {
    const r = row + plan.padTop - kr;
    if (r < 0 || r % sh !== 0 || r / sh >= plan.inputHeight) continue;
    for (let kc = 0; kc < kw; kc++) {
      const c = col + plan.padLeft - kc;
      if (c < 0 || c % sw !== 0 || c / sw >= plan.inputWidth) continue;
      hits.push({ row: r / sh, col: c / sw, kernelRow: kr, kernelCol: kc });
    }
  }
  return hits.sort((a, b) => a.row - b.row || a.col - b.col);
}

export interface TransposedTerm extends StampHit {
  value: number;
  weight: number;
  product: number;
}

export interface TransposedChannel {
  inChannel: number;
  terms: TransposedTerm[];
  sum: number;
}

export interface TransposedResult {
  at: CellPosition;
  channels: TransposedChannel[];
  bias: number;
  preActivation: number;
  activation: string;
  value: number;
}

function sumsAt(input: TensorData, w: TransposedWeights, plan: TransposedPlan, hits: StampHit[], o: number) {
  return Array.from({ length: plan.inputChannels }, (_, ci) => {
    const terms = hits.map((h) => {
      const value = readHwc(input, h.row, h.col, ci);
      const weight = w.kernel.data[transposedKernelIndex(plan, h.kernelRow, h.kernelCol, o, ci)] ?? 0;
      return { ...h, value, weight, product: value * weight };
    });
    return { inChannel: ci, terms, sum: terms.reduce((s, t) => s + t.product, 0) };
  });
}

/** One output value, input channel by input channel. */
export function transposedAt(
  input: TensorData,
  weights: TransposedWeights,
  params: TransposedParams,
  at: CellPosition,
): TransposedResult {
  const plan = transposedPlan(input, weights, params);
  requireIndex(at.channel, plan.outputChannels, 'output channel');
  const hits = stampsCovering(plan, at.row, at.col);
  const biasOf = (o: number) => weights.bias?.data[o] ?? 0;
  const channels = sumsAt(input, weights, plan, hits, at.channel);
  const preActivation = channels.reduce((s, c) => s + c.sum, 0) + biasOf(at.channel);
  const all = () =>
    Array.from(
      { length: plan.outputChannels },
      (_, o) => sumsAt(input, weights, plan, hits, o).reduce((s, c) => s + c.sum, 0) + biasOf(o),
    );
  return {
    at,
    channels,
    bias: biasOf(at.channel),
    preActivation,
    activation: params.activation,
    value: activateAt(params.activation, preActivation, all, at.channel),
  };
}

/** Input cell (row, col) of channel ci times the kernel slice for output channel o: its stamp. */
export function stampValues(
  input: TensorData,
  weights: TransposedWeights,
  plan: TransposedPlan,
  cell: CellPosition,
  outChannel: number,
): Float32Array {
  const [kh, kw] = plan.kernel;
  const x = readHwc(input, cell.row, cell.col, cell.channel);
  return Float32Array.from({ length: kh * kw }, (_, t) => {
    const k =
      weights.kernel.data[transposedKernelIndex(plan, Math.floor(t / kw), t % kw, outChannel, cell.channel)];
    return x * (k ?? 0);
  });
}

/**
 * The equivalent stride-1 convolution's input along one axis: the input spread out with
 * stride − 1 zeros between cells and kernel − 1 − padBefore zeros before it. Returns, for each
 * position of that spread axis, the input index there or null for an inserted zero.
 */
export function spreadAxis(inSize: number, kernel: number, stride: number, before: number, outSize: number) {
  const lead = kernel - 1 - before;
  const length = outSize + kernel - 1;
  return Array.from({ length }, (_, p) => {
    const q = p - lead;
    return q >= 0 && q % stride === 0 && q / stride < inSize ? q / stride : null;
  });
}
