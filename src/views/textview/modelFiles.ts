/**
 * Picked or dropped files sorted by what they hold, judged by content: the model (an ONNX
 * file left unread for the model-reading worker, or a description — .prototxt, .pbtxt, model.json or spec .json — read as
 * text with any .bin weight shards beside it keyed by file name); labels files that came with
 * it; and training logs (a Caffe log or a Keras CSVLogger file is never taken for a model).
 */
import type { Notice } from '../../app/browser/notice';
import { detectFormat } from '../../lib/formats';
import { formatBytes } from '../../lib/i18n/format';
import { PBTXT_MAX_CHARS } from '../../lib/formats/tensorflow/pbtxtImport';
import { ONNX_BUDGET_BYTES } from '../../lib/formats/onnx/onnxDecode';
import { CAFFEMODEL_BUDGET_BYTES } from '../../lib/formats/caffe/caffeModelDecode';
import { isCaffeModelName } from '../../lib/formats/modelRead/importModel';
import { isLabelFileName } from '../../lib/labels/labelFiles';
import { sniffTrainingLog } from '../../lib/trainingLogs/readLog';

export interface TextFile {
  name: string;
  text: string;
}

export interface ModelFiles extends TextFile {
  shards: Map<string, Uint8Array>;
  /**
   * The file when it is binary (ONNX, .caffemodel), not yet read: the model-reading worker
   * reads it with progress. `text` is then empty, or for a .caffemodel the deploy prototxt
   * dropped with it.
   */
  file?: Blob;
}

export interface DroppedFiles {
  /** The model, if one came. */
  model: ModelFiles | null;
  /** Files that may name the model's classes. */
  labels: TextFile[];
  /** Training logs, for the logs chart. */
  logs: TextFile[];
}

/** Model descriptions are text; anything this large is some other file. */
const MAX_TEXT_BYTES = 30 * 1024 * 1024;
/** Training logs can be long (a week of Caffe output), but not this long. */
const MAX_LOG_BYTES = 200 * 1024 * 1024;

/** A GraphDef may carry its weights as constants (a frozen graph), so it may be larger; logs too. */
function budgetOf(f: { name: string }): number {
  if (/\.pbtxt$/i.test(f.name)) return PBTXT_MAX_CHARS;
  if (/\.(log|txt|csv)$/i.test(f.name)) return MAX_LOG_BYTES;
  return MAX_TEXT_BYTES;
}

const isWeights = (f: File) => /\.bin$/i.test(f.name);
const isOnnx = (f: File) => /\.onnx$/i.test(f.name);
const isBinaryModel = (f: File) => isOnnx(f) || isCaffeModelName(f.name);

const tooLarge = (name: string, size: number, budget: number): Notice => ({
  key: 'formats.fileTooLarge',
  vars: { file: name, size: formatBytes(size), budget: formatBytes(budget) },
});

/**
 * A binary model, refused by its size before any of it is read when over the memory budget
 * (256 MB: see ONNX_BUDGET_BYTES); the worker reads it.
 */
function binaryModel(file: File): ModelFiles | Notice {
  const budget = isOnnx(file) ? ONNX_BUDGET_BYTES : CAFFEMODEL_BUDGET_BYTES;
  if (file.size > budget)
    return {
      key: 'formats.modelOverBudget',
      vars: { file: file.name, size: formatBytes(file.size), budget: formatBytes(budget) },
    };
  return { name: file.name, text: '', shards: new Map(), file };
}

export async function readDroppedFiles(files: readonly File[]): Promise<DroppedFiles | Notice> {
  const binaryFile = files.find(isBinaryModel);
  const candidates = files.filter((f) => !isWeights(f) && !isBinaryModel(f));
  for (const f of candidates) if (f.size > budgetOf(f)) return tooLarge(f.name, f.size, budgetOf(f));
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
    if (t.text.length > budgetOf(t) && !/\.pbtxt$/i.test(t.name))
      return tooLarge(t.name, t.text.length, budgetOf(t));
  if (binaryFile) {
    const binary = binaryModel(binaryFile);
    if (!('shards' in binary)) return binary;
    // A .caffemodel's deploy prototxt, dropped with it, gives the layers its blobs go into.
    const deploy = isCaffeModelName(binaryFile.name)
      ? rest.find((t) => detectFormat(t.text, t.name) === 'caffe')
      : undefined;
    const model = deploy ? { ...binary, text: deploy.text } : binary;
    return { model, labels: rest.filter((t) => t !== deploy && isLabelFileName(t.name)), logs };
  }
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
