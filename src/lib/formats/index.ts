/**
 * All model formats behind one door: which ones exist, guessing a file's format, and
 * reading or writing text in any of them. Every failure is a FormatError with a place.
 */
import type { NetworkSpec } from '../spec/types';
import { FormatError } from './formatError';
import { detectSpecJson, parseSpecJson, serializeSpecJson } from './specJson';
import {
  detectKerasJson,
  parseKerasJson,
  serializeKerasJson,
  type KerasParseOptions,
} from './keras/kerasJson';
import { detectPrototxt, parsePrototxtNet } from './caffe/caffeImport';
import { serializePrototxt } from './caffe/caffeExport';
import { serializePytorch } from './pytorch/pytorchExport';
import { detectPbtxt, parsePbtxt } from './tensorflow/pbtxtImport';
import { serializePbtxt } from './tensorflow/pbtxtExport';
import type { Imported } from './types';

export type ModelFormat = 'spec' | 'keras' | 'caffe' | 'pbtxt' | 'pytorch';

export interface FormatInfo {
  id: ModelFormat;
  /** Shown in menus; format names are not translated. */
  label: string;
  fileName(specName: string): string;
  mime: string;
  /** False for formats CNN Studio writes but cannot read back (PyTorch source). */
  readable: boolean;
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'model';
}

export const FORMATS: readonly FormatInfo[] = [
  {
    id: 'spec',
    label: 'CNN Studio JSON',
    fileName: (n) => `${slug(n)}.spec.json`,
    mime: 'application/json',
    readable: true,
  },
  {
    id: 'keras',
    label: 'Keras / TF.js model.json',
    fileName: () => 'model.json',
    mime: 'application/json',
    readable: true,
  },
  {
    id: 'caffe',
    label: 'Caffe prototxt',
    fileName: (n) => `${slug(n)}.prototxt`,
    mime: 'text/plain',
    readable: true,
  },
  {
    id: 'pbtxt',
    label: 'TensorFlow GraphDef (.pbtxt)',
    fileName: (n) => `${slug(n)}.pbtxt`,
    mime: 'text/plain',
    readable: true,
  },
  {
    id: 'pytorch',
    label: 'PyTorch (nn.Module)',
    fileName: (n) => `${slug(n).toLowerCase()}.py`,
    mime: 'text/x-python',
    readable: false,
  },
];

export function formatInfo(id: ModelFormat): FormatInfo {
  return FORMATS.find((f) => f.id === id) ?? (FORMATS[0] as FormatInfo);
}

/** The readable format a text is in, from its content (the file name only breaks ties). */
export function detectFormat(text: string, fileName = ''): Exclude<ModelFormat, 'pytorch'> | null {
  if (detectSpecJson(text)) return 'spec';
  if (detectKerasJson(text)) return 'keras';
  if (detectPrototxt(text)) return 'caffe';
  if (detectPbtxt(text)) return 'pbtxt';
  if (/\.pbtxt$/i.test(fileName) && !text.trimStart().startsWith('{')) return 'pbtxt';
  if (/\.prototxt$/i.test(fileName) && !text.trimStart().startsWith('{')) return 'caffe';
  return null;
}

export function importText(text: string, format?: ModelFormat, options: KerasParseOptions = {}): Imported {
  const kind = format ?? detectFormat(text);
  if (text.trim() === '')
    throw new FormatError(kind ?? 'unknown', { en: 'the text is empty', zh: '文本是空的' });
  switch (kind) {
    case 'spec':
      return parseSpecJson(text);
    case 'keras':
      return parseKerasJson(text, options);
    case 'caffe':
      return parsePrototxtNet(text);
    case 'pbtxt':
      return parsePbtxt(text);
    case 'pytorch':
      throw new FormatError('pytorch', {
        en: 'PyTorch source can be exported but not read back; edit the model in another format',
        zh: 'PyTorch 源码只能导出、不能读回；请在其他格式中编辑模型',
      });
    default:
      throw new FormatError('unknown', {
        en: 'this is not a model file CNN Studio reads: expected CNN Studio JSON, a Keras / TensorFlow.js model.json, a Caffe .prototxt or a TensorFlow GraphDef .pbtxt',
        zh: '这不是 CNN Studio 能读取的模型文件：应为 CNN Studio JSON、Keras / TensorFlow.js model.json、Caffe .prototxt 或 TensorFlow GraphDef .pbtxt',
      });
  }
}

/**
 * The model as text in `format`. `weights` (named `layer/kernel`) go into formats that hold
 * them in the text itself (a GraphDef's constants); the others leave them out.
 */
export function exportText(
  spec: NetworkSpec,
  format: ModelFormat,
  weights?: ReadonlyMap<string, Float32Array>,
): string {
  switch (format) {
    case 'spec':
      return serializeSpecJson(spec);
    case 'keras':
      return serializeKerasJson(spec).json;
    case 'caffe':
      return serializePrototxt(spec);
    case 'pbtxt':
      return serializePbtxt(spec, weights);
    case 'pytorch':
      return serializePytorch(spec);
  }
}

export { FormatError };
export type { Imported };
