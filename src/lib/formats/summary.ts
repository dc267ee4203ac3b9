/**
 * A model summary in the manner of Keras' `model.summary()`: one row per layer with its
 * output shape, parameters and multiply-adds, then the totals. Parameters are counted as
 * Keras counts them: every weight, learnable or not (BatchNormalization's moving mean and
 * variance are the non-trainable ones), so totals match `model.count_params()`. Pure, for
 * the CLI and tests.
 */
import type { NetworkSpec } from '../spec/types';
import { inferShapes, totals } from '../spec/inferShapes';
import { getLayerDef } from '../layers/registry';
import { product } from '../layers/shared/windowMath';

export const PARAMETER_CONVENTION =
  'Keras-style: learnable weights plus BatchNormalization moving mean and variance, which are the non-trainable ones';

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
  trainableParams: number;
  nonTrainableParams: number;
  totalMacs: number;
  valid: boolean;
}

export function summarize(spec: NetworkSpec): Summary {
  const table = inferShapes(spec);
  const byId = new Map(spec.layers.map((l) => [l.id, l]));
  let nonTrainable = 0;
  const layers = table.order.map((id): SummaryRow => {
    const info = table.layers.get(id);
    const layer = byId.get(id);
    const type = layer?.type ?? '?';
    if (info?.status === 'ok') {
      const def = getLayerDef(type);
      for (const w of (layer && def?.weights(layer.params, info.inputShapes)) || [])
        if (w.trainable === false) nonTrainable += product(w.shape);
      return { name: id, type, outputShape: info.shape, params: info.params, macs: info.macs };
    }
    const problem = info?.status === 'error' ? info.error.en : `blocked by ${info?.by ?? '?'}`;
    return { name: id, type, outputShape: null, params: 0, macs: 0, problem };
  });
  const t = totals(table);
  return {
    name: spec.name,
    layers,
    totalParams: t.params,
    trainableParams: t.params - nonTrainable,
    nonTrainableParams: nonTrainable,
    totalMacs: t.macs,
    valid: t.valid,
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** Longest name shown in the table; the JSON keeps names whole. */
export const TABLE_NAME_CHARS = 40;

/** A name for one cell: line breaks and control characters escaped, long ones cut with "…". */
export function cellText(text: string, max = TABLE_NAME_CHARS): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '·');
}

/** A problem line: the layer's name shortened where the message starts with it. */
function problemText(r: SummaryRow): string {
  const text = r.problem ?? '';
  const rest = text.startsWith(`${r.name}: `) ? text.slice(r.name.length + 2) : text;
  return `${cellText(r.name)}: ${cellText(rest, 300)}`;
}

/** The summary as a fixed-width text table. */
export function summaryText(s: Summary, source: string, notes: readonly string[] = []): string {
  const rows = s.layers.map((r) => [
    `${cellText(r.name)} (${r.type})`,
    r.outputShape ? r.outputShape.join('×') : 'error',
    count(r.params),
    count(r.macs),
  ]);
  const head = ['Layer (type)', 'Output shape', 'Params', 'Multiply-adds'];
  const widths = head.map((h, c) => rows.reduce((w, r) => Math.max(w, (r[c] ?? '').length), h.length));
  const line = (cells: string[]) =>
    cells.map((v, c) => (c < 2 ? v.padEnd(widths[c] ?? 0) : v.padStart(widths[c] ?? 0))).join('   ');
  const rule = (ch: string) => ch.repeat(widths.reduce((a, b) => a + b, 0) + 9);
  const problems = s.layers.filter((r) => r.problem).map((r) => `  ${problemText(r)}`);
  return [
    `Model: "${cellText(s.name, 80)}"  (${cellText(source, 200)})`,
    rule('─'),
    line(head),
    rule('═'),
    ...rows.map(line),
    rule('═'),
    `Total parameters: ${count(s.totalParams)}`,
    `  trainable: ${count(s.trainableParams)}, non-trainable: ${count(s.nonTrainableParams)}`,
    `  (counted ${PARAMETER_CONVENTION})`,
    `Total multiply-adds: ${count(s.totalMacs)}`,
    `Total FLOPs (2 per multiply-add): ${count(2 * s.totalMacs)}`,
    `Layers: ${s.layers.length}`,
    ...(notes.length > 0 ? ['Notes:', ...notes.map((n) => `  ${cellText(n, 300)}`)] : []),
    ...(problems.length > 0 ? ['Problems:', ...problems] : []),
    '',
  ].join('\n');
}
