/**
 * Messages between the page and the model-reading worker. The page hands over a model file
 * (a binary file as its Blob, unread; a description as the text it already read) and gets
 * back progress, then the imported model with its weights' buffers transferred (no copy), or
 * the format error as plain data that `fromWire` turns back into the FormatError the importer
 * threw, so the message the user sees is the one a main-thread import would have shown.
 */
import type { Localized } from '../../spec/types';
import { FormatError, type ErrorPlace, type FormatName } from '../formatError';
import type { Imported } from '../types';

export interface OpenRequest {
  type: 'open';
  id: number;
  /** The file's name, which picks the reader (.onnx, .caffemodel, …) and names the net. */
  name: string;
  /** A binary model (ONNX, .caffemodel), read in the worker with progress. */
  file?: Blob;
  /** A description read as text, or the deploy prototxt that came with a .caffemodel. */
  text: string;
  /** model.json's weight shards by file name. */
  shards: Map<string, Uint8Array>;
}

/** Where the worker is: reading the bytes (so far of all), then decoding what it read. */
export type OpenStage = { phase: 'read'; loaded: number; total: number } | { phase: 'parse'; total: number };

export type WireError =
  | { kind: 'format'; format: FormatName; text: Localized; place: ErrorPlace }
  | { kind: 'unreadable' }
  | { kind: 'other'; message: string };

export type FromModelWorker =
  | ({ type: 'progress'; id: number } & OpenStage)
  | { type: 'opened'; id: number; imported: Imported }
  | { type: 'failed'; id: number; error: WireError };

/** The browser could not read the file's bytes (moved, deleted, no permission). */
export class UnreadableFileError extends Error {
  constructor() {
    super('the file could not be read');
  }
}

export function toWire(e: unknown): WireError {
  if (e instanceof FormatError) return { kind: 'format', format: e.format, text: e.text, place: e.place };
  if (e instanceof UnreadableFileError) return { kind: 'unreadable' };
  return { kind: 'other', message: e instanceof Error ? e.message : String(e) };
}

/** The error the worker caught, as the page would have caught it. */
export function fromWire(w: WireError): Error {
  if (w.kind === 'format') return new FormatError(w.format, w.text, w.place);
  if (w.kind === 'unreadable') return new UnreadableFileError();
  return new Error(w.message);
}

/**
 * The buffers the import's weights live in, each once (several weights may be views of one
 * buffer, and a buffer listed twice makes postMessage throw).
 */
export function transferablesOf(imported: Imported): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const w of imported.weights?.values() ?? []) {
    if (w.buffer instanceof ArrayBuffer && w.buffer.byteLength > 0) buffers.add(w.buffer);
  }
  return [...buffers];
}
