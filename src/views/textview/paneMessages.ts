/** The text pane's messages for a format's refusal: where the problem is, and why a model cannot be written. */
import type { I18n } from '../../app/state/i18n.svelte';
import { FormatError, formatInfo, type ModelFormat } from '../../lib/formats';
import type { Message } from './PaneMessage.svelte';

/** A reader's error with its line and column (text formats) or its place in the file (`graph.node[3]`). */
export function errorMessage(i18n: I18n, e: FormatError): Message {
  const pos = e.place.pos ?? null;
  const where = pos ? `${i18n.t('formats.errorAt', { line: pos.line, column: pos.column })}: ` : '';
  const path = e.place.path ? ` (${e.place.path})` : '';
  return { kind: 'error', text: `${where}${i18n.l(e.text)}${path}`, pos };
}

/** Why the model cannot be written in format `f`. */
export function cannotWrite(i18n: I18n, e: unknown, f: ModelFormat | 'onnx'): Message {
  const reason = e instanceof FormatError ? i18n.l(e.localized()) : String(e);
  const format = f === 'onnx' ? 'ONNX' : formatInfo(f).label;
  return { kind: 'error', text: i18n.t('formats.cannotWrite', { format, reason }), pos: null };
}
