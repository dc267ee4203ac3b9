/**
 * One pooling output value, as tfjs computes it. The input is NHWC [H, W, C] without the
 * batch axis; pooling works on each channel on its own. With same padding tfjs does not pad
 * with zeros: cells outside the input are skipped, so max looks at the real cells only and
 * average divides by the number of real cells, not by the window size.
 */
import type { TensorData } from '../tensor/types';
import type { LayerParams } from '../spec/types';
import { hwcShape, pairParam, readHwc, requireIndex, type CellPosition } from '../tensor/layout';
import {
  outputPositions,
  planWindow,
  windowTaps,
  type OutputStep,
  type Padding,
  type WindowPlan,
  type WindowTap,
} from '../tensor/window';

export type PoolKind = 'max' | 'average';

export interface PoolLayerParams {
  poolSize: [number, number];
  strides: [number, number];
  padding: Padding;
}

/** A window cell; `value` is null for padding cells, which tfjs leaves out of the pool. */
export interface PoolCell extends WindowTap {
  value: number | null;
}

export interface PoolPositionResult {
  kind: PoolKind;
  outRow: number;
  outCol: number;
  channel: number;
  cells: PoolCell[];
  /** Index into `cells` of the value max pooling keeps: the first largest, in kernel row order (as tfjs); null for average. */
  pickedIndex: number | null;
  /** Real (non-padding) cells pooled. */
  count: number;
  /** Σ of the real cells' values (what average divides by `count`). */
  sum: number;
  value: number;
}

/** Reads a pooling layer's params from a spec layer; strides default to the pool size, as in Keras. */
export function poolParams(params: LayerParams): PoolLayerParams {
  const poolSize = pairParam(params.poolSize, [2, 2]);
  return {
    poolSize,
    strides: pairParam(params.strides, poolSize),
    padding: params.padding === 'same' ? 'same' : 'valid',
  };
}

/** 'max' or 'average' for a pooling layer type of the registry, null for any other layer. */
export function poolKindOf(layerType: string): PoolKind | null {
  if (layerType === 'MaxPooling2D') return 'max';
  if (layerType === 'AveragePooling2D') return 'average';
  return null;
}

export function poolPlan(inputShape: readonly number[], params: PoolLayerParams): WindowPlan {
  const [height = 0, width = 0] = inputShape;
  return planWindow(height, width, {
    kernel: params.poolSize,
    strides: params.strides,
    dilation: [1, 1],
    padding: params.padding,
  });
}

/** Every output position in visiting order, for the animation cursor. */
export function poolOutputPositions(inputShape: readonly number[], params: PoolLayerParams): OutputStep[] {
  return outputPositions(poolPlan(inputShape, params));
}

export function poolAt(
  input: TensorData,
  params: PoolLayerParams,
  kind: PoolKind,
  at: CellPosition,
): PoolPositionResult {
  const [, , channels] = hwcShape(input, 'pooling input');
  requireIndex(at.channel, channels, 'channel');
  const plan = poolPlan(input.shape, params);
  const cells: PoolCell[] = windowTaps(plan, at.row, at.col).map((tap) => ({
    ...tap,
    value: tap.source === 'input' ? readHwc(input, tap.row, tap.col, at.channel) : null,
  }));
  let pickedIndex: number | null = null;
  let best = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let count = 0;
  for (const [i, cell] of cells.entries()) {
    if (cell.value === null) continue;
    count++;
    sum += cell.value;
    // Strictly greater, as tfjs' cpu kernel: ties keep the earlier cell and NaN never wins.
    if (cell.value > best) {
      best = cell.value;
      pickedIndex = i;
    }
  }
  // Only when every real cell is −∞ or NaN; tfjs then outputs −∞, and the first real cell is shown.
  if (pickedIndex === null && count > 0) pickedIndex = cells.findIndex((cell) => cell.value !== null);
  const value = kind === 'max' ? best : sum / count;
  return {
    kind,
    outRow: at.row,
    outCol: at.col,
    channel: at.channel,
    cells,
    pickedIndex: kind === 'max' ? pickedIndex : null,
    count,
    sum,
    value,
  };
}
