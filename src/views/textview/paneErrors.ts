/**
 * The text pane's message lines: a format error with its place, the first layer whose shape
 * fails, why a model cannot be written, and what opening or applying a model did.
 */
import type { I18n } from '../../app/state/i18n.svelte';
import { FormatError, type Imported, type ModelFormat } from '../../lib/formats';
import { WEIGHTS_NOT_GIVEN } from '../../lib/formats/keras/kerasJson';
import { formatCount } from '../../lib/i18n/format';
import type { Message } from './message';
import { firstProblem, type Applied } from './applyModel';

export function paneError(i18n: I18n, e: FormatError): Message {
  const pos = e.place.pos ?? null;
  const where = pos ? `${i18n.t('formats.errorAt', { line: pos.line, column: pos.column })}: ` : '';
  const path = e.place.path ? ` (${e.place.path})` : '';
  return { kind: 'error', text: `${where}${i18n.l(e.text)}${path}`, pos };
}

/** The text format to show a description's error in: the one it was read as, or the pane's. */
export function textFormatOf(e: FormatError, shown: ModelFormat): ModelFormat {
  return e.format === 'spec' || e.format === 'keras' || e.format === 'caffe' || e.format === 'pbtxt'
    ? e.format
    : shown;
}

/** Why the model cannot be written in the format labelled `format`. */
export function writeProblem(i18n: I18n, e: unknown, format: string): Message {
  const reason = e instanceof FormatError ? i18n.l(e.localized()) : String(e);
  return { kind: 'error', text: i18n.t('formats.cannotWrite', { format, reason }), pos: null };
}

/** The first layer of an import whose shape cannot be worked out, at its place in the text. */
export function layerProblem(i18n: I18n, imported: Imported): (Message & { kind: 'error' }) | null {
  const problem = firstProblem(imported);
  if (!problem) return null;
  const pos = imported.layerPos.get(problem.layer) ?? null;
  const where = pos ? `${i18n.t('formats.errorAt', { line: pos.line, column: pos.column })}: ` : '';
  return { kind: 'error', text: `${where}${i18n.l(problem.text)}`, pos };
}

/** What opening a file or applying the text did, with the import's notes and `extra` ones first. */
export function appliedMessage(
  i18n: I18n,
  imported: Imported,
  applied: Applied,
  how: { how: 'edit' | 'open'; fileName: string; extra: string[] },
): Message {
  const count = formatCount(imported.spec.layers.length);
  const head = applied.withWeights
    ? i18n.t('formats.appliedWeights', { file: how.fileName, count })
    : how.how === 'open'
      ? i18n.t('formats.opened', { file: how.fileName, count })
      : i18n.t('formats.applied', { count });
  const notes = [...how.extra, ...imported.notes.map((n) => i18n.l(n))];
  // A model.json whose weight files were left behind says so already.
  if (how.how === 'open' && !imported.weights && !imported.notes.includes(WEIGHTS_NOT_GIVEN))
    notes.push(i18n.t('formats.freshWeights'));
  if (applied.notRunnable)
    notes.unshift(i18n.t('formats.notRunnable', { reason: i18n.l(applied.notRunnable) }));
  return { kind: applied.notRunnable ? 'info' : 'ok', text: head, notes };
}
