/**
 * Opening a dropped model file off the main thread, as the text pane needs the outcome: the
 * import, a description's FormatError (the pane shows the text so its place can be marked),
 * a message (a binary file's FormatError, a file that could not be read, a reader that failed), or nothing
 * when a newer file took over.
 */
import type { I18n } from '../../app/state/i18n.svelte';
import { FormatError, type Imported } from '../../lib/formats';
import { UnreadableFileError, type OpenStage } from '../../lib/formats/modelRead/protocol';
import type { Message } from './message';
import { paneError } from './paneErrors';
import type { ModelFiles } from './modelFiles';
import { openModelOffThread, SupersededOpen } from './modelReadClient';

export type OpenOutcome =
  | { kind: 'imported'; imported: Imported }
  | { kind: 'textError'; error: FormatError }
  | { kind: 'message'; message: Message }
  | { kind: 'superseded' };

export async function openDropped(
  i18n: I18n,
  model: ModelFiles,
  onStage: (stage: OpenStage) => void,
): Promise<OpenOutcome> {
  const { name, text, shards, file } = model;
  try {
    const imported = await openModelOffThread({ name, text, shards, ...(file ? { file } : {}) }, onStage);
    return { kind: 'imported', imported };
  } catch (e) {
    if (e instanceof SupersededOpen) return { kind: 'superseded' };
    if (e instanceof FormatError)
      // A binary file has no text to show: the message names the node or tensor instead.
      return file ? { kind: 'message', message: paneError(i18n, e) } : { kind: 'textError', error: e };
    const text =
      e instanceof UnreadableFileError
        ? i18n.t('formats.fileNotRead', { file: name })
        : i18n.t('formats.readerFailed', { file: name, reason: e instanceof Error ? e.message : String(e) });
    return { kind: 'message', message: { kind: 'error', text, pos: null } };
  }
}
