/**
 * Chart-ready series from a training log: loss or accuracy against steps or seconds (the two
 * x axes of Caffe's plot_training_log), the noisy per-batch values, a smoothed line through
 * them and the validation points. Long runs are thinned to a fixed number of points so the
 * chart costs the same after 100 or 100,000 steps.
 */
import type { TrainingLog } from './log';

export type CurveMetric = 'loss' | 'accuracy';
export type CurveAxis = 'step' | 'seconds';

export interface CurvePoint {
  x: number;
  y: number;
}

export interface CurveSeries {
  train: CurvePoint[];
  smoothed: CurvePoint[];
  validation: CurvePoint[];
  learningRate: CurvePoint[];
}

/**
 * Exponential moving average with TensorBoard's debiasing, so the first points are not
 * dragged towards zero.
 */
export function smooth(values: readonly number[], weight: number): number[] {
  const out: number[] = [];
  let last = 0;
  let debias = 1;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      out.push(v);
      continue;
    }
    last = last * weight + (1 - weight) * v;
    debias *= weight;
    out.push(debias < 1 ? last / (1 - debias) : v);
  }
  return out;
}

/** Every k-th point (and always the last) so at most `max` remain. */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const stride = Math.ceil(points.length / max);
  const out: T[] = [];
  for (let i = 0; i < points.length; i += stride) out.push(points[i]!);
  if (out[out.length - 1] !== points[points.length - 1]) out.push(points[points.length - 1]!);
  return out;
}

export function curveSeries(
  log: TrainingLog,
  metric: CurveMetric,
  axis: CurveAxis,
  smoothing = 0.9,
  maxPoints = 600,
): CurveSeries {
  const xs = log.steps.map((s) => (axis === 'step' ? s.step : s.seconds));
  const ys = log.steps.map((s) => s[metric]);
  const sm = smooth(ys, smoothing);
  const finite = (p: CurvePoint): boolean => Number.isFinite(p.y);
  return {
    train: thin(
      xs.map((x, i) => ({ x, y: ys[i]! })),
      maxPoints,
    ).filter(finite),
    smoothed: thin(
      xs.map((x, i) => ({ x, y: sm[i]! })),
      maxPoints,
    ).filter(finite),
    validation: log.validation
      .map((v) => ({ x: axis === 'step' ? v.step : v.seconds, y: v[metric] }))
      .filter(finite),
    learningRate: thin(
      log.steps.map((s) => ({ x: axis === 'step' ? s.step : s.seconds, y: s.learningRate })),
      maxPoints,
    ),
  };
}
