/**
 * Picked or dropped files sorted by what they hold, judged by content: the model description
 * (a .prototxt, model.json or spec .json, read as text) with any .bin weight shards beside it
 * keyed by file name; labels files that came with it; and training logs (a Caffe log or a
 * Keras CSVLogger file is never taken for a model).
 */
import type { Notice } from '../../app/browser/notice';
import { detectFormat } from '../../lib/formats';
import { formatBytes } from '../../lib/i18n/format';
import { isLabelFileName } from '../../lib/labels/labelFiles';
import { sniffTrainingLog } from '../../lib/trainingLogs/readLog';

export interface TextFile {
  name: string;
  text: string;
}

export interface DroppedFiles {
  /** The model description, if one came. */
  model: (TextFile & { shards: Map<string, Uint8Array> }) | null;
  /** Files that may name the model's classes. */
  labels: TextFile[];
  /** Training logs, for the logs chart. */
  logs: TextFile[];
}

/** Model descriptions are text; anything this large is some other file. */
const MAX_TEXT_BYTES = 30 * 1024 * 1024;
/** Training logs can be long (a week of Caffe output), but not this long. */
const MAX_LOG_BYTES = 200 * 1024 * 1024;

const isWeights = (f: File) => /\.bin$/i.test(f.name);

export async function readDroppedFiles(files: readonly File[]): Promise<DroppedFiles | Notice> {
  const candidates = files.filter((f) => !isWeights(f));
  for (const f of candidates)
    if (f.size > MAX_LOG_BYTES || (f.size > MAX_TEXT_BYTES && !/\.(log|txt|csv)$/i.test(f.name)))
      return { key: 'formats.fileTooLarge', vars: { file: f.name, size: formatBytes(f.size) } };
  const texts: TextFile[] = [];
  for (const file of candidates) {
    try {
      texts.push({ name: file.name, text: await file.text() });
    } catch {
      return { key: 'formats.fileUnreadable', vars: { file: file.name } };
    }
  }
  const logs = texts.filter((t) => sniffTrainingLog(t.text) !== null);
  const rest = texts.filter((t) => !logs.includes(t));
  for (const t of rest)
    if (t.text.length > MAX_TEXT_BYTES)
      return { key: 'formats.fileTooLarge', vars: { file: t.name, size: formatBytes(t.text.length) } };
  // Prefer the file that reads as a model; among several, the one named model.json.
  const models = rest.filter((t) => detectFormat(t.text, t.name) !== null);
  const labels = rest.filter((t) => !models.includes(t) && isLabelFileName(t.name));
  const chosen =
    models.find((t) => t.name === 'model.json') ??
    models[0] ??
    (rest.length === 1 && labels.length === 0 ? rest[0] : undefined);
  if (!chosen && logs.length === 0 && labels.length === 0) return { key: 'formats.noModelFile' };
  const shards = new Map<string, Uint8Array>();
  if (chosen)
    for (const f of files.filter(isWeights)) shards.set(f.name, new Uint8Array(await f.arrayBuffer()));
  return { model: chosen ? { ...chosen, shards } : null, labels, logs };
}

export function isDroppedFiles(x: DroppedFiles | Notice): x is DroppedFiles {
  return 'logs' in x;
}
