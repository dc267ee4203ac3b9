/**
 * A model file's import, wherever it runs (the model-reading worker, tests, the CLI): a
 * binary file (ONNX, .caffemodel, with a deploy prototxt as `text`) or a description read as
 * text with any weight shards. Errors are the importers' FormatErrors.
 */
import { importText } from '../index';
import type { Imported } from '../types';
import { parseOnnx } from '../onnx/onnxImport';
import { parseCaffeModel } from '../caffe/caffeModelImport';
import { readBlob } from './readProgress';
import type { OpenRequest, OpenStage } from './protocol';

export const isCaffeModelName = (name: string): boolean => /\.caffemodel$/i.test(name);

export interface ModelSource {
  name: string;
  text: string;
  shards: Map<string, Uint8Array>;
  bytes?: Uint8Array;
}

/** Reads the model the source holds; a FormatError says what is wrong with it. */
export function importModelSource(read: ModelSource): Imported {
  if (read.bytes && isCaffeModelName(read.name))
    return parseCaffeModel(read.bytes, read.text === '' ? undefined : read.text, read.name);
  if (read.bytes) return parseOnnx(read.bytes, read.name);
  return importText(read.text, undefined, read.shards.size > 0 ? { shards: read.shards } : {});
}

/** Reads the request's file (reporting bytes read), then imports it (reporting that it decodes). */
export async function openModel(
  request: Omit<OpenRequest, 'type' | 'id'>,
  onStage: (stage: OpenStage) => void,
): Promise<Imported> {
  const { name, text, shards, file } = request;
  if (!file) {
    onStage({ phase: 'parse', total: text.length });
    return importModelSource({ name, text, shards });
  }
  const bytes = await readBlob(file, (loaded, total) => onStage({ phase: 'read', loaded, total }));
  onStage({ phase: 'parse', total: bytes.length });
  return importModelSource({ name, text, shards, bytes });
}
