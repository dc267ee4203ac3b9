/**
 * Reading a model for the Node commands (`inspect`, `convert`) the way the app reads one:
 * a file in any format the app opens (with the weight shards a model.json lists, read from
 * beside it), a share link (a URL with `#net=…` or the bare hash), or a zoo model. Files are
 * read through a size cap, so a huge file or a device such as /dev/zero ends in a message.
 * Every problem is a ModelInputError whose message is one line naming the input and place.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ZOO, zooEntry } from '../lib/zoo';
import { detectFormat, formatInfo, importText, type ModelFormat } from '../lib/formats';
import { FormatError } from '../lib/formats/formatError';
import { parseJsonText } from '../lib/formats/jsonText';
import { decodeShareHash, ShareLinkError } from '../lib/formats/shareLink';
import type { Imported } from '../lib/formats/types';
import { checkBudget, detectOnnx } from '../lib/formats/onnx/onnxDecode';
import { parseOnnx } from '../lib/formats/onnx/onnxImport';
import { CAFFEMODEL_BUDGET_BYTES } from '../lib/formats/caffe/caffeModelDecode';
import { parseCaffeModel } from '../lib/formats/caffe/caffeModelImport';

export class ModelInputError extends Error {}

/** Largest file read (model.json, prototxt, spec, or one weight shard). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface LoadedModel extends Imported {
  /** How the input was read, for the summary's heading: `file, Caffe prototxt`. */
  source: string;
  /** The format it was read as; null for zoo models and share links. */
  format: ModelFormat | 'onnx' | null;
}

/** A message part made safe for one line: control characters and line breaks shown escaped. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/** The bytes of a file, refusing more than MAX_INPUT_BYTES without reading further. */
export function readCapped(path: string, label = path): Buffer {
  if (!existsSync(path)) throw new ModelInputError(`${label}: file not found`);
  if (statSync(path).isDirectory())
    throw new ModelInputError(
      `${label}: is a folder; give the model file (.onnx, model.json, .prototxt, .pbtxt or .json)`,
    );
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(16 * 1024 * 1024, MAX_INPUT_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      chunks.push(chunk.subarray(0, n));
      if (total > MAX_INPUT_BYTES)
        throw new ModelInputError(
          `${label}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB, the most CNN Studio reads; no model file is that large`,
        );
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function located(target: string, e: FormatError): ModelInputError {
  const pos = e.place.pos ? `:${e.place.pos.line}:${e.place.pos.column}` : '';
  const path = e.place.path ? ` (${e.place.path})` : '';
  return new ModelInputError(`${target}${pos}${path}: ${e.text.en}`);
}

/** True for a share link: a URL or hash holding `net=`, or the bare `net=1.…`. */
export function isShareLink(target: string): boolean {
  return /^(https?:\/\/[^#]*)?#net=/.test(target) || target.startsWith('net=');
}

function readShareLink(target: string): LoadedModel {
  const hash = target.slice(target.indexOf('net='));
  try {
    return {
      spec: decodeShareHash(hash),
      notes: [],
      layerPos: new Map(),
      source: 'share link',
      format: null,
    };
  } catch (e) {
    if (e instanceof ShareLinkError) throw new ModelInputError(`share link: ${e.text.en}`);
    throw e;
  }
}

/** The shard files a model.json lists, read from its folder by file name (as the app keys them). */
function readShards(file: string, text: string): Map<string, Uint8Array> {
  const shards = new Map<string, Uint8Array>();
  let top: unknown;
  try {
    top = parseJsonText(text).value;
  } catch {
    return shards; // the import itself reports the syntax error with its place
  }
  const manifest =
    typeof top === 'object' && top !== null ? (top as Record<string, unknown>).weightsManifest : null;
  if (!Array.isArray(manifest)) return shards;
  for (const group of manifest) {
    const paths =
      typeof group === 'object' && group !== null ? (group as Record<string, unknown>).paths : null;
    if (!Array.isArray(paths)) continue;
    for (const p of paths) {
      if (typeof p !== 'string') continue;
      const name = p.split('/').pop() ?? p;
      const path = join(dirname(file), name);
      if (!existsSync(path))
        throw new ModelInputError(
          `${path}: weight file not found (listed in ${basename(file)}'s weightsManifest)`,
        );
      shards.set(name, readCapped(path));
    }
  }
  return shards;
}

/** An .onnx file: refused by size before it is read when it is over the memory budget. */
function readOnnx(target: string, bytes?: Buffer): LoadedModel {
  try {
    if (!bytes) checkBudget(statSync(target).size);
    const imported = parseOnnx(bytes ?? readCapped(target), target);
    return { ...imported, source: `${target}, ONNX (opset ${imported.opset})`, format: 'onnx' };
  } catch (e) {
    if (e instanceof FormatError) throw located(target, e);
    throw e;
  }
}

/**
 * The deploy prototxt that goes with a .caffemodel: `name.prototxt` beside it, else
 * `deploy.prototxt` in the same folder (the model zoos' layout); none means the file alone.
 */
function prototxtFor(target: string): string | null {
  const same = target.replace(/\.caffemodel$/i, '.prototxt');
  const deploy = join(dirname(target), 'deploy.prototxt');
  for (const p of [same, deploy]) if (p !== target && existsSync(p) && !statSync(p).isDirectory()) return p;
  return null;
}

/** A .caffemodel, with the deploy prototxt found beside it or alone (it holds its layers too). */
function readCaffeModel(target: string): LoadedModel {
  const size = statSync(target).size;
  if (size > CAFFEMODEL_BUDGET_BYTES)
    throw new ModelInputError(
      `${target}: the .caffemodel is ${(size / 1048576).toFixed(1)} MB; CNN Studio reads weight files up to ${CAFFEMODEL_BUDGET_BYTES / 1048576} MB (its memory budget for one model)`,
    );
  const prototxt = prototxtFor(target);
  const place = prototxt ?? target;
  try {
    const text = prototxt ? readCapped(prototxt).toString('utf8') : undefined;
    const imported = parseCaffeModel(readCapped(target), text, target);
    const with_ = prototxt ? ` with ${prototxt}` : ' (its own layer definitions)';
    return { ...imported, source: `${target}, Caffe weights${with_}`, format: 'caffe' };
  } catch (e) {
    if (e instanceof FormatError)
      throw located(e.place.pos ? place : prototxt ? `${target} with ${prototxt}` : target, e);
    throw e;
  }
}

function readFile(target: string): LoadedModel {
  if (/\.caffemodel$/i.test(target) && existsSync(target) && !statSync(target).isDirectory())
    return readCaffeModel(target);
  if (/\.onnx$/i.test(target) && existsSync(target) && !statSync(target).isDirectory())
    return readOnnx(target);
  const bytes = readCapped(target);
  if (detectOnnx(bytes)) return readOnnx(target, bytes);
  const text = bytes.toString('utf8');
  const format = detectFormat(text, target);
  if (!format)
    throw new ModelInputError(
      `${target}: not a model file CNN Studio reads (expected an ONNX .onnx, a Caffe .prototxt or .caffemodel, a TensorFlow GraphDef .pbtxt, a Keras / TensorFlow.js model.json or CNN Studio spec JSON)`,
    );
  const shards = format === 'keras' ? readShards(target, text) : new Map<string, Uint8Array>();
  try {
    const imported = importText(text, format, shards.size > 0 ? { shards } : {});
    return { ...imported, source: `${target}, ${formatInfo(format).label}`, format };
  } catch (e) {
    if (e instanceof FormatError) throw located(target, e);
    throw e;
  }
}

/** Reads a model file, a share link or `zoo:name`; throws ModelInputError saying what is wrong. */
export function loadModel(target: string): LoadedModel {
  if (target.startsWith('zoo:')) {
    const id = target.slice(4);
    const entry = zooEntry(id);
    if (!entry)
      throw new ModelInputError(
        `${target}: no such zoo model; the zoo has ${ZOO.map((e) => `zoo:${e.card.id}`).join(', ')}`,
      );
    return { spec: entry.spec(), notes: [], layerPos: new Map(), source: `zoo model ${id}`, format: null };
  }
  if (isShareLink(target)) return readShareLink(target);
  return readFile(target);
}
