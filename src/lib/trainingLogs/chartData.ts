/**
 * The lines of one plot_training_log chart: one metric of every log against iterations (or
 * epochs) or seconds. A log without that metric, or without timestamps on the seconds axis,
 * is listed instead of drawn. Long series are thinned to a fixed number of points, keeping
 * each bucket's lowest and highest value, so a spike or a NaN gap survives.
 */
import type { ParsedLog, StandardMetric } from './types';

export type LogAxis = 'iterations' | 'seconds';

export interface ChartPoint {
  x: number;
  /** NaN or ±Infinity where the log said nan / inf: drawn as a gap. */
  y: number;
}

export interface ChartLine {
  /** Index of the log among those loaded (its colour and legend entry). */
  log: number;
  file: string;
  points: ChartPoint[];
}

/** Lines that share an x axis: Caffe iterations, Keras epochs, or seconds. */
export interface ChartGroup {
  xUnit: 'iteration' | 'epoch' | 'seconds';
  lines: ChartLine[];
  xMax: number;
  yDomain: [number, number];
}

export interface ChartData {
  /** One group per x unit the drawn logs count in (iterations and epochs are not mixed on one axis). */
  groups: ChartGroup[];
  /** Logs that have no series for the metric. */
  missing: string[];
  /** Logs left out on the seconds axis because they have no timestamps. */
  noSeconds: string[];
}

/** At most this many points per line: far more than a chart's width in pixels. */
export const MAX_POINTS = 2000;

/** Keeps the first and last point and, per bucket, the points holding its lowest and highest y. */
export function thin(points: ChartPoint[], max = MAX_POINTS): ChartPoint[] {
  if (points.length <= max) return points;
  // Up to three points a bucket: its lowest, its highest and its first gap.
  const buckets = Math.max(1, Math.floor((max - 2) / 3));
  const size = (points.length - 2) / buckets;
  const out: ChartPoint[] = [points[0] as ChartPoint];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor(b * size);
    const to = Math.min(points.length - 1, 1 + Math.floor((b + 1) * size));
    let lo = -1;
    let hi = -1;
    let gap = -1;
    for (let i = from; i < to; i++) {
      const y = (points[i] as ChartPoint).y;
      if (!Number.isFinite(y)) {
        if (gap < 0) gap = i;
        continue;
      }
      if (lo < 0 || y < (points[lo] as ChartPoint).y) lo = i;
      if (hi < 0 || y > (points[hi] as ChartPoint).y) hi = i;
    }
    for (const i of [lo, hi, gap].filter((k) => k >= 0).sort((a, b) => a - b))
      if (out[out.length - 1] !== points[i]) out.push(points[i] as ChartPoint);
  }
  out.push(points[points.length - 1] as ChartPoint);
  return out;
}

export function chartData(logs: readonly ParsedLog[], metric: StandardMetric, axis: LogAxis): ChartData {
  const missing: string[] = [];
  const noSeconds: string[] = [];
  const groups = new Map<ChartGroup['xUnit'], ChartGroup>();
  logs.forEach((log, i) => {
    const key = log.standard[metric];
    const s = key ? log.series.get(key) : undefined;
    if (!s || s.x.length === 0) {
      missing.push(log.file);
      return;
    }
    if (axis === 'seconds' && !log.hasSeconds) {
      noSeconds.push(log.file);
      return;
    }
    const unit = axis === 'seconds' ? 'seconds' : log.xUnit;
    let group = groups.get(unit);
    if (!group) {
      group = { xUnit: unit, lines: [], xMax: 0, yDomain: [0, 0] };
      groups.set(unit, group);
    }
    const xs = axis === 'seconds' ? s.seconds : s.x;
    const points = xs.map((x, k) => ({ x, y: s.value[k] ?? Number.NaN })).filter((p) => Number.isFinite(p.x));
    for (const p of points) {
      group.xMax = Math.max(group.xMax, p.x);
      if (Number.isFinite(p.y))
        group.yDomain = [Math.min(group.yDomain[0], p.y), Math.max(group.yDomain[1], p.y)];
    }
    group.lines.push({ log: i, file: log.file, points: thin(points) });
  });
  for (const g of groups.values()) {
    const [lo, hi] = g.yDomain;
    // Accuracies read against the whole 0–1 range; other values from 0 to their largest.
    g.yDomain = [lo, metric === 'testAccuracy' && hi <= 1 ? 1 : hi > lo ? hi : lo + 1];
  }
  const order: ChartGroup['xUnit'][] = ['iteration', 'epoch', 'seconds'];
  return { groups: order.flatMap((u) => groups.get(u) ?? []), missing, noSeconds };
}

/** How far a log goes: its last iteration (or epoch), and its last second where it has times. */
export function logSpan(log: ParsedLog): { x: number; seconds: number | null } {
  let x = 0;
  let seconds = Number.NaN;
  for (const s of log.series.values()) {
    for (const v of s.x) if (v > x) x = v;
    for (const v of s.seconds) if (!(v <= seconds)) seconds = v;
  }
  return { x, seconds: Number.isFinite(seconds) ? seconds : null };
}
