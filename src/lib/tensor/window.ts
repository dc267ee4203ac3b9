/**
 * Sliding-window geometry shared by convolution and pooling, with tfjs' rules. Maps are
 * NHWC [H, W, C] without the batch axis; everything here works on the H×W plane only.
 * Output size: valid ⌊(in − effK) / s⌋ + 1, same ⌈in / s⌉, effK = (k − 1)·dilation + 1.
 * Same padding adds total = max(0, (out − 1)·s + effK − in) zeros per axis, ⌊total/2⌋ before
 * (top/left) and the rest after, so an odd total puts the extra zero at the bottom/right.
 */
import { requireIndex } from './layout';

export type Padding = 'valid' | 'same';

export interface WindowGeometry {
  /** Taps of the window, [rows, cols]: the kernel size, or the pool size. */
  kernel: [number, number];
  strides: [number, number];
  /** Spacing between taps; 1 for pooling. */
  dilation: [number, number];
  padding: Padding;
}

export interface WindowPlan extends WindowGeometry {
  inputHeight: number;
  inputWidth: number;
  outputHeight: number;
  outputWidth: number;
  padTop: number;
  padBottom: number;
  padLeft: number;
  padRight: number;
  /** Extent the dilated window covers, [rows, cols]. */
  effectiveKernel: [number, number];
}

/** One tap of the window at one output position, in input coordinates. */
export interface WindowTap {
  kernelRow: number;
  kernelCol: number;
  /** Input row/col; outside 0…H−1 / 0…W−1 exactly when `source` is 'padding'. */
  row: number;
  col: number;
  source: 'input' | 'padding';
}

/** One output position in the order the window visits them (row by row). */
export interface OutputStep {
  outRow: number;
  outCol: number;
  /** Input coordinates of the window's top-left tap; negative inside top/left padding. */
  top: number;
  left: number;
}

/** An output that reads a given input cell, and through which kernel tap it does. */
export interface FedOutput {
  outRow: number;
  outCol: number;
  kernelRow: number;
  kernelCol: number;
}

/**
 * Output size of a sliding window (convolution or pooling) along one axis, with the rules
 * tfjs and Keras use: valid = ⌊(in − effective kernel) / stride⌋ + 1, same = ⌈in / stride⌉,
 * where the effective kernel is (k − 1)·dilation + 1. The one copy of this formula: shape
 * inference, the formula views and the forward pass all use it.
 */
export function windowOutputSize(
  input: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: string,
): number {
  if (padding === 'same') return Math.ceil(input / stride);
  const effective = (kernel - 1) * dilation + 1;
  return Math.floor((input - effective) / stride) + 1;
}

function axisPlan(size: number, taps: number, stride: number, dilation: number, padding: Padding) {
  const effective = (taps - 1) * dilation + 1;
  const out = windowOutputSize(size, taps, stride, dilation, padding);
  if (padding === 'same') {
    const total = Math.max(0, (out - 1) * stride + effective - size);
    const before = Math.floor(total / 2);
    return { out, before, after: total - before, effective };
  }
  return { out, before: 0, after: 0, effective };
}

/** Output size and padding of a window over an H×W input; throws when nothing fits. */
export function planWindow(inputHeight: number, inputWidth: number, geometry: WindowGeometry): WindowPlan {
  const numbers = [inputHeight, inputWidth, ...geometry.kernel, ...geometry.strides, ...geometry.dilation];
  if (numbers.some((n) => !Number.isInteger(n) || n < 1))
    throw new RangeError(`window sizes must be whole numbers ≥ 1, got ${numbers.join(', ')}`);
  const rows = axisPlan(
    inputHeight,
    geometry.kernel[0],
    geometry.strides[0],
    geometry.dilation[0],
    geometry.padding,
  );
  const cols = axisPlan(
    inputWidth,
    geometry.kernel[1],
    geometry.strides[1],
    geometry.dilation[1],
    geometry.padding,
  );
  if (rows.out < 1 || cols.out < 1)
    throw new RangeError(
      `a ${rows.effective}×${cols.effective} window does not fit a ${inputHeight}×${inputWidth} input without padding`,
    );
  return {
    ...geometry,
    inputHeight,
    inputWidth,
    outputHeight: rows.out,
    outputWidth: cols.out,
    padTop: rows.before,
    padBottom: rows.after,
    padLeft: cols.before,
    padRight: cols.after,
    effectiveKernel: [rows.effective, cols.effective],
  };
}

function requireInside(row: number, col: number, height: number, width: number, what: string): void {
  requireIndex(row, height, `${what} row`);
  requireIndex(col, width, `${what} column`);
}

/** Input coordinates of the top-left tap of the window that makes output (outRow, outCol). */
export function windowOrigin(
  plan: WindowPlan,
  outRow: number,
  outCol: number,
): { top: number; left: number } {
  return { top: outRow * plan.strides[0] - plan.padTop, left: outCol * plan.strides[1] - plan.padLeft };
}

/** The window's taps at one output position, kernel row by kernel row. */
export function windowTaps(plan: WindowPlan, outRow: number, outCol: number): WindowTap[] {
  requireInside(outRow, outCol, plan.outputHeight, plan.outputWidth, 'output');
  const { top, left } = windowOrigin(plan, outRow, outCol);
  const taps: WindowTap[] = [];
  for (let kernelRow = 0; kernelRow < plan.kernel[0]; kernelRow++) {
    const row = top + kernelRow * plan.dilation[0];
    for (let kernelCol = 0; kernelCol < plan.kernel[1]; kernelCol++) {
      const col = left + kernelCol * plan.dilation[1];
      const inside = row >= 0 && row < plan.inputHeight && col >= 0 && col < plan.inputWidth;
      taps.push({ kernelRow, kernelCol, row, col, source: inside ? 'input' : 'padding' });
    }
  }
  return taps;
}

/** Every output position in visiting order, for the animation cursor. */
export function outputPositions(plan: WindowPlan): OutputStep[] {
  const steps: OutputStep[] = [];
  for (let outRow = 0; outRow < plan.outputHeight; outRow++)
    for (let outCol = 0; outCol < plan.outputWidth; outCol++)
      steps.push({ outRow, outCol, ...windowOrigin(plan, outRow, outCol) });
  return steps;
}

/** Outputs along one axis (0 rows, 1 columns) whose window has a tap on input index `at`, by output index. */
function axisReaders(plan: WindowPlan, axis: 0 | 1, at: number): { out: number; tap: number }[] {
  const stride = plan.strides[axis];
  const padBefore = axis === 0 ? plan.padTop : plan.padLeft;
  const outSize = axis === 0 ? plan.outputHeight : plan.outputWidth;
  const readers: { out: number; tap: number }[] = [];
  for (let tap = 0; tap < plan.kernel[axis]; tap++) {
    // out·stride − padBefore + tap·dilation = at must hold for a whole out in range.
    const offset = at + padBefore - tap * plan.dilation[axis];
    if (offset >= 0 && offset % stride === 0 && offset / stride < outSize)
      readers.push({ out: offset / stride, tap });
  }
  // Later taps belong to earlier outputs; the view wants visiting order.
  return readers.sort((a, b) => a.out - b.out);
}

/** The inverse map: which outputs read input cell (row, col), in output visiting order. */
export function outputsFedBy(plan: WindowPlan, row: number, col: number): FedOutput[] {
  requireInside(row, col, plan.inputHeight, plan.inputWidth, 'input');
  const columns = axisReaders(plan, 1, col);
  return axisReaders(plan, 0, row).flatMap((r) =>
    columns.map((c) => ({ outRow: r.out, outCol: c.out, kernelRow: r.tap, kernelCol: c.tap })),
  );
}

/** Whether a hovered cell is a cell of the input (hovering can also land in the padding). */
export function insideInput(plan: WindowPlan, cell: { row: number; col: number } | null): boolean {
  return (
    cell !== null &&
    cell.row >= 0 &&
    cell.row < plan.inputHeight &&
    cell.col >= 0 &&
    cell.col < plan.inputWidth
  );
}

/** The output cells that read a hovered input cell; none when nothing, or only padding, is hovered. */
export function outputCellsFedBy(
  plan: WindowPlan,
  cell: { row: number; col: number } | null,
): { row: number; col: number }[] {
  if (!cell || !insideInput(plan, cell)) return [];
  return outputsFedBy(plan, cell.row, cell.col).map((f) => ({ row: f.outRow, col: f.outCol }));
}
