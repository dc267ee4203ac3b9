/** Pure helpers of a sliding-window view's current step: where the window is, and the engine's value there. */
import type { TensorData } from '../../../lib/tensor/types';
import type { OutputStep, WindowPlan } from '../../../lib/tensor/window';
import type { CellBox } from './types';

/** The input cells the (dilated) window covers at `step`, padding included. */
export function windowBoxAt(step: OutputStep, plan: WindowPlan): CellBox {
  return { top: step.top, left: step.left, rows: plan.effectiveKernel[0], cols: plan.effectiveKernel[1] };
}

/** The value of an [H, W, C] map at (row, col, channel); undefined without a map or outside it. */
export function hwcValueAt(
  map: TensorData | undefined,
  row: number,
  col: number,
  channel: number,
): number | undefined {
  if (!map) return undefined;
  const width = map.shape[1] ?? 1;
  const channels = map.shape[2] ?? 1;
  return map.data[(row * width + col) * channels + channel];
}
