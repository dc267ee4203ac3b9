/**
 * Picked or dropped files as one model: an ONNX file read as bytes, or the description (a
 * .prototxt, .pbtxt, model.json or spec .json) read as text with any .bin weight shards beside
 * it keyed by file name.
 */
import type { Notice } from '../../app/browser/notice';
import { detectFormat, importText, type Imported } from '../../lib/formats';
import { formatBytes } from '../../lib/i18n/format';
import { PBTXT_MAX_CHARS } from '../../lib/formats/tensorflow/pbtxtImport';
import { ONNX_BUDGET_BYTES } from '../../lib/formats/onnx/onnxDecode';
import { parseOnnx } from '../../lib/formats/onnx/onnxImport';

export interface ModelFiles {
  name: string;
  text: string;
  shards: Map<string, Uint8Array>;
  /** The file's bytes when it is binary (ONNX); `text` is then empty. */
  bytes?: Uint8Array;
}

/** Reads the model the files hold; a FormatError says what is wrong with it. */
export function importModelFiles(read: ModelFiles): Imported {
  if (read.bytes) return parseOnnx(read.bytes, read.name);
  return importText(read.text, undefined, read.shards.size > 0 ? { shards: read.shards } : {});
}

async function readOnnx(file: File): Promise<ModelFiles | Notice> {
  if (file.size > ONNX_BUDGET_BYTES)
    return {
      key: 'formats.modelOverBudget',
      vars: { file: file.name, size: formatBytes(file.size), budget: formatBytes(ONNX_BUDGET_BYTES) },
    };
  try {
    return { name: file.name, text: '', shards: new Map(), bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return { key: 'formats.fileUnreadable', vars: { file: file.name } };
  }
}

/** Model descriptions are text; anything this large is some other file. */
const MAX_TEXT_BYTES = 30 * 1024 * 1024;

/** A GraphDef may carry its weights as constants (a frozen graph), so it may be larger. */
function budgetOf(f: File): number {
  return /\.pbtxt$/i.test(f.name) ? PBTXT_MAX_CHARS : MAX_TEXT_BYTES;
}

const isWeights = (f: File) => /\.bin$/i.test(f.name);

export async function readModelFiles(files: readonly File[]): Promise<ModelFiles | Notice> {
  const onnx = files.find((f) => /\.onnx$/i.test(f.name));
  if (onnx) return readOnnx(onnx);
  const candidates = files.filter((f) => !isWeights(f));
  for (const f of candidates)
    if (f.size > budgetOf(f))
      return {
        key: 'formats.fileTooLarge',
        vars: { file: f.name, size: formatBytes(f.size), budget: formatBytes(budgetOf(f)) },
      };
  const texts: { file: File; text: string }[] = [];
  for (const file of candidates) {
    try {
      texts.push({ file, text: await file.text() });
    } catch {
      return { key: 'formats.fileUnreadable', vars: { file: file.name } };
    }
  }
  // Prefer the file that reads as a model; among several, the one named model.json.
  const models = texts.filter((t) => detectFormat(t.text, t.file.name) !== null);
  const chosen =
    models.find((t) => t.file.name === 'model.json') ??
    models[0] ??
    (texts.length === 1 ? texts[0] : undefined);
  if (!chosen) return { key: 'formats.noModelFile' };
  const shards = new Map<string, Uint8Array>();
  for (const f of files.filter(isWeights)) shards.set(f.name, new Uint8Array(await f.arrayBuffer()));
  return { name: chosen.file.name, text: chosen.text, shards };
}

export function isModelFiles(x: ModelFiles | Notice): x is ModelFiles {
  return 'text' in x;
}
