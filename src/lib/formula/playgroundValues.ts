/**
 * Example numbers for the hyperparameter playground, so the products at each kernel position
 * can be followed by hand: a W×W input of small whole numbers, a K×K kernel of −1, 0 and 1,
 * and the convolution over the input padded by P zeros on every side. Maps are row-major
 * planes (one channel); positions use padded coordinates as in ./playground, where input
 * cell (r, c) sits at (r + P, c + P).
 */
import type { PlaygroundSettings } from './playground';

/** 0…9, varying along both axes so neighbouring windows differ. */
export function exampleInput(size: number): number[] {
  return Array.from({ length: size * size }, (_, i) => (Math.floor(i / size) * 3 + (i % size) * 2 + 1) % 10);
}

/** A vertical edge detector: −1 on the left columns, 1 on the right ones, 0 in the middle. */
export function exampleKernel(size: number): number[] {
  const mid = (size - 1) / 2;
  return Array.from({ length: size * size }, (_, i) => {
    const col = i % size;
    return col < mid ? -1 : col > mid ? 1 : 0;
  });
}

/** The value at padded cell (row, col): an input value inside, 0 in the padding. */
export function paddedValue(
  settings: PlaygroundSettings,
  input: readonly number[],
  row: number,
  col: number,
): number {
  const r = row - settings.padding;
  const c = col - settings.padding;
  if (r < 0 || c < 0 || r >= settings.inputSize || c >= settings.inputSize) return 0;
  return input[r * settings.inputSize + c] ?? 0;
}

export interface WindowProducts {
  /** The K×K window values, row-major (zeros in the padding). */
  window: number[];
  products: number[];
  sum: number;
}

/** The window at padded top-left (top, left), multiplied element-wise with the kernel. */
export function windowProducts(
  settings: PlaygroundSettings,
  input: readonly number[],
  kernel: readonly number[],
  top: number,
  left: number,
): WindowProducts {
  const k = settings.kernelSize;
  const window = Array.from({ length: k * k }, (_, i) =>
    paddedValue(settings, input, top + Math.floor(i / k), left + (i % k)),
  );
  const products = window.map((v, i) => v * (kernel[i] ?? 0));
  return { window, products, sum: products.reduce((a, b) => a + b, 0) };
}

/** The whole output map for a list of positions (row by row), as the kernel sums them. */
export function exampleOutput(
  settings: PlaygroundSettings,
  input: readonly number[],
  kernel: readonly number[],
  positions: readonly { top: number; left: number }[],
): number[] {
  return positions.map((p) => windowProducts(settings, input, kernel, p.top, p.left).sum);
}

/** Indices of the positions (in `positions`) whose window covers padded cell (row, col). */
export function positionsCovering(
  kernelSize: number,
  positions: readonly { top: number; left: number }[],
  row: number,
  col: number,
): number[] {
  const out: number[] = [];
  positions.forEach((p, i) => {
    if (row >= p.top && row < p.top + kernelSize && col >= p.left && col < p.left + kernelSize) out.push(i);
  });
  return out;
}
