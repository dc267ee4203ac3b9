/**
 * A training log read from a file (Caffe's glog output, Keras' CSVLogger): named series of
 * values against the iteration (Caffe) or epoch (Keras) they were logged at, and the seconds
 * since the run started where the log has timestamps.
 */
import type { Localized } from '../spec/types';

/** The four charts of Caffe's plot_training_log, plus any other value the log holds. */
export type StandardMetric = 'testAccuracy' | 'testLoss' | 'trainLoss' | 'learningRate';

export const STANDARD_METRICS: readonly StandardMetric[] = [
  'testAccuracy',
  'testLoss',
  'trainLoss',
  'learningRate',
];

/** One series' values, column by column: `x[i]` is the iteration or epoch of `value[i]`. */
export interface LogSeries {
  /** How the log names the value: `loss`, `Test net #0 accuracy`, `val_accuracy`. */
  name: string;
  x: number[];
  /** Seconds since the run started, or NaN where the log has no time. */
  seconds: number[];
  /** NaN where the log says nan (a diverged run), ±Infinity for inf. */
  value: number[];
}

export interface ParsedLog {
  /** The file name, as the legend shows it (untrusted: escaped wherever it goes). */
  file: string;
  kind: 'caffe' | 'keras-csv';
  /** What x counts: Caffe's solver iterations or Keras' epochs. */
  xUnit: 'iteration' | 'epoch';
  /** The log has timestamps, so its values can be drawn against seconds. */
  hasSeconds: boolean;
  /** Every series the log holds, keyed by a stable id (`train:loss`, `test0:accuracy`, `csv:val_loss`). */
  series: Map<string, LogSeries>;
  /** Which series each standard chart draws, where the log has one. */
  standard: Partial<Record<StandardMetric, string>>;
}

/** Why a file could not be read as a training log; `line` is 1-based where known. */
export class LogFormatError extends Error {
  constructor(
    readonly file: string,
    readonly text: Localized,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${text.en}`);
  }
}

export function newSeries(name: string): LogSeries {
  return { name, x: [], seconds: [], value: [] };
}

/** Appends a point to the series `key` of `map`, making the series on first use. */
export function addPoint(
  map: Map<string, LogSeries>,
  key: string,
  name: string,
  point: { x: number; seconds: number; value: number },
): void {
  let s = map.get(key);
  if (!s) {
    s = newSeries(name);
    map.set(key, s);
  }
  s.x.push(point.x);
  s.seconds.push(point.seconds);
  s.value.push(point.value);
}

/**
 * A number as C++ streams and Python print it (`0.5`, `1e-05`, `-nan`, `inf`), or null when the
 * text is not one. Stricter than Number(): no hex, no empty string, no trailing garbage.
 */
export function readLogNumber(text: string): number | null {
  const t = text.trim();
  if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(t)) return Number(t);
  const lower = t.toLowerCase();
  if (/^[-+]?nan$/.test(lower)) return Number.NaN;
  if (/^[-+]?inf(?:inity)?$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  return null;
}
