/**
 * Remaining time from recent progress: the speed over the last `window` seconds of training,
 * so the estimate follows a machine that got busier instead of averaging over the whole run.
 */

export interface ProgressPoint {
  step: number;
  seconds: number;
}

export function estimateRemaining(
  points: readonly ProgressPoint[],
  totalSteps: number,
  window = 15,
): number | null {
  const last = points[points.length - 1];
  if (!last || points.length < 3) return null;
  let first = points[0]!;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (last.seconds - p.seconds > window) break;
    first = p;
  }
  const dt = last.seconds - first.seconds;
  const ds = last.step - first.step;
  if (dt <= 0 || ds <= 0) return null;
  return Math.max(0, ((totalSteps - last.step) * dt) / ds);
}
