/** Summaries and formatting for `npm run bench`: medians, rounding, a plain-text table. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The value below which `q` (0..1) of the values fall, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;

export interface BenchResult {
  backend: string;
  extractMs: number;
  redrawMs: number;
  loadToOverviewMs: number;
  /** Navigation to the app answering hovers (its own overview painted, the snapshot replaced). */
  interactiveMs: number;
  /** Median time of each load stage since navigation (performance marks of the app). */
  loadStagesMs: Record<string, number>;
  heapMB: number;
  leakedTensors: number;
  /** 90th percentiles, to show the spread. */
  extractP90Ms: number;
  redrawP90Ms: number;
  /** Gzip kB and requests of a cold load before the first overview, and until the page is ready. */
  firstOverviewKB: number;
  firstOverviewRequests: number;
  readyKB: number;
  readyRequests: number;
  images: number;
  loads: number;
  /** The "Why?" panel's methods (benchAttribution.ts). */
  saliencyMs: number;
  gradCamMs: number;
  occlusionMs: number;
  fgsmMs: number;
  visualiseStepMs: number;
  attributionLeakedTensors: number;
}

export interface Target {
  key: keyof BenchResult;
  label: string;
  max: number;
  unit: string;
}

export const TARGETS: Target[] = [
  { key: 'extractMs', label: 'activation extraction (median)', max: 10, unit: 'ms' },
  { key: 'redrawMs', label: 'new image → overview redrawn (median)', max: 16, unit: 'ms' },
  { key: 'loadToOverviewMs', label: 'navigation → first overview drawn (median)', max: 250, unit: 'ms' },
  { key: 'interactiveMs', label: 'navigation → page interactive (median)', max: 400, unit: 'ms' },
  { key: 'leakedTensors', label: 'tensors left over', max: 0, unit: '' },
  { key: 'firstOverviewKB', label: 'fetched before the first overview (gzip)', max: 150, unit: ' kB' },
];

/** A text table, one row per result, with a target column per measured figure. */
export function formatTable(results: readonly BenchResult[]): string {
  const cols: [string, (r: BenchResult) => string][] = [
    ['backend', (r) => r.backend],
    ['extract ms', (r) => `${r.extractMs} (p90 ${r.extractP90Ms})`],
    ['redraw ms', (r) => `${r.redrawMs} (p90 ${r.redrawP90Ms})`],
    ['load ms', (r) => String(r.loadToOverviewMs)],
    ['interactive ms', (r) => String(r.interactiveMs)],
    ['heap MB', (r) => String(r.heapMB)],
    ['first kB', (r) => `${r.firstOverviewKB} (${r.firstOverviewRequests} req)`],
    ['leaked', (r) => String(r.leakedTensors)],
  ];
  const rows = [cols.map(([h]) => h), ...results.map((r) => cols.map(([, f]) => f(r)))];
  const widths = cols.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}

export function targetLines(r: BenchResult): string[] {
  return TARGETS.map((t) => {
    const v = r[t.key] as number;
    const ok = v <= t.max;
    return `${ok ? 'ok  ' : 'MISS'} ${t.label}: ${v}${t.unit} (target ≤ ${t.max}${t.unit})`;
  });
}
