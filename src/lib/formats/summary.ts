/**
 * A model summary in the manner of Keras' `model.summary()`: one row per layer with its
 * output shape, parameters and multiply-adds, then the totals. Pure, for the CLI and tests.
 */
import type { NetworkSpec } from '../spec/types';
import { inferShapes, totals } from '../spec/inferShapes';

export interface SummaryRow {
  name: string;
  type: string;
  /** Null when the layer has a problem (see `problem`). */
  outputShape: number[] | null;
  params: number;
  macs: number;
  problem?: string;
}

export interface Summary {
  name: string;
  layers: SummaryRow[];
  totalParams: number;
  totalMacs: number;
  valid: boolean;
}

export function summarize(spec: NetworkSpec): Summary {
  const table = inferShapes(spec);
  const byId = new Map(spec.layers.map((l) => [l.id, l]));
  const layers = table.order.map((id): SummaryRow => {
    const info = table.layers.get(id);
    const type = byId.get(id)?.type ?? '?';
    if (info?.status === 'ok')
      return { name: id, type, outputShape: info.shape, params: info.params, macs: info.macs };
    const problem = info?.status === 'error' ? info.error.en : `blocked by ${info?.by ?? '?'}`;
    return { name: id, type, outputShape: null, params: 0, macs: 0, problem };
  });
  const t = totals(table);
  return { name: spec.name, layers, totalParams: t.params, totalMacs: t.macs, valid: t.valid };
}

const count = (n: number) => n.toLocaleString('en-US');

/** The summary as a fixed-width text table. */
export function summaryText(s: Summary, source: string): string {
  const rows = s.layers.map((r) => [
    `${r.name} (${r.type})`,
    r.outputShape ? r.outputShape.join('×') : 'error',
    count(r.params),
    count(r.macs),
  ]);
  const head = ['Layer (type)', 'Output shape', 'Params', 'Multiply-adds'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((v, c) => (c < 2 ? v.padEnd(widths[c] ?? 0) : v.padStart(widths[c] ?? 0))).join('   ');
  const rule = (ch: string) => ch.repeat(widths.reduce((a, b) => a + b, 0) + 9);
  const problems = s.layers.filter((r) => r.problem).map((r) => `  ${r.problem ?? ''}`);
  return [
    `Model: "${s.name}"  (${source})`,
    rule('─'),
    line(head),
    rule('═'),
    ...rows.map(line),
    rule('═'),
    `Total parameters: ${count(s.totalParams)}`,
    `Total multiply-adds: ${count(s.totalMacs)}`,
    `Layers: ${s.layers.length}`,
    ...(problems.length > 0 ? ['Problems:', ...problems] : []),
    '',
  ].join('\n');
}
