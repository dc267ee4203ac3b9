/**
 * A parsed prototxt read as a Caffe net: its declared inputs and its layers in one
 * shape, whether written with today's `layer { type: "Convolution" }` or the legacy
 * `layers { type: CONVOLUTION }` (V1) syntax, with typed field access that reports the
 * line and column of a bad value.
 */
import type { TextPos } from '../formatError';
import { CaffeFormatError, type PField, type PMessage } from './prototxt';

export interface CaffeLayer {
  name: string;
  /** Today's type name, e.g. `Convolution`, also for V1 files. */
  type: string;
  bottoms: string[];
  tops: string[];
  msg: PMessage;
  pos: TextPos;
}

export interface CaffeInput {
  blob: string;
  /** NCHW dims as written, batch included. */
  dims: number[];
  pos: TextPos;
}

export interface CaffeNet {
  name: string;
  inputs: CaffeInput[];
  layers: CaffeLayer[];
  /** Layers left out because they only run in the TRAIN phase. */
  trainOnly: number;
}

/** V1 enum names → today's type names. */
export const V1_TYPES: Record<string, string> = {
  ABSVAL: 'AbsVal',
  ACCURACY: 'Accuracy',
  ARGMAX: 'ArgMax',
  BNLL: 'BNLL',
  CONCAT: 'Concat',
  CONTRASTIVE_LOSS: 'ContrastiveLoss',
  CONVOLUTION: 'Convolution',
  DATA: 'Data',
  DECONVOLUTION: 'Deconvolution',
  DROPOUT: 'Dropout',
  DUMMY_DATA: 'DummyData',
  EUCLIDEAN_LOSS: 'EuclideanLoss',
  ELTWISE: 'Eltwise',
  EXP: 'Exp',
  FLATTEN: 'Flatten',
  HDF5_DATA: 'HDF5Data',
  HDF5_OUTPUT: 'HDF5Output',
  HINGE_LOSS: 'HingeLoss',
  IM2COL: 'Im2col',
  IMAGE_DATA: 'ImageData',
  INFOGAIN_LOSS: 'InfogainLoss',
  INNER_PRODUCT: 'InnerProduct',
  LRN: 'LRN',
  MEMORY_DATA: 'MemoryData',
  MULTINOMIAL_LOGISTIC_LOSS: 'MultinomialLogisticLoss',
  MVN: 'MVN',
  POOLING: 'Pooling',
  POWER: 'Power',
  RELU: 'ReLU',
  SIGMOID: 'Sigmoid',
  SIGMOID_CROSS_ENTROPY_LOSS: 'SigmoidCrossEntropyLoss',
  SILENCE: 'Silence',
  SOFTMAX: 'Softmax',
  SOFTMAX_LOSS: 'SoftmaxWithLoss',
  SPLIT: 'Split',
  SLICE: 'Slice',
  TANH: 'TanH',
  WINDOW_DATA: 'WindowData',
  THRESHOLD: 'Threshold',
};

export function field(msg: PMessage, name: string): PField | undefined {
  return msg.fields.find((f) => f.name === name);
}

export function fields(msg: PMessage, name: string): PField[] {
  return msg.fields.filter((f) => f.name === name);
}

export function sub(msg: PMessage, name: string): PMessage | undefined {
  const f = field(msg, name);
  if (!f) return undefined;
  if (f.value.kind !== 'message')
    throw new CaffeFormatError(`${name} must be a block { ... }`, `${name} 必须是一个块 { ... }`, f.pos);
  return f.value.value;
}

export function str(msg: PMessage, name: string, fallback?: string): string {
  const f = field(msg, name);
  if (!f) {
    if (fallback !== undefined) return fallback;
    throw new CaffeFormatError(`missing ${name}`, `缺少 ${name}`, msg.pos);
  }
  if (f.value.kind === 'string' || f.value.kind === 'ident') return f.value.value;
  throw new CaffeFormatError(
    `${name} must be a name, not ${f.value.kind === 'number' ? f.value.raw : 'a block'}`,
    `${name} 必须是名称`,
    f.pos,
  );
}

function numberOf(f: PField, integer: boolean): number {
  const v = f.value;
  if (v.kind !== 'number' || !Number.isFinite(v.value))
    throw new CaffeFormatError(`${f.name} must be a number`, `${f.name} 必须是数字`, f.pos);
  // Protobuf's text format takes only integer literals in an integer field: `8.0` is refused.
  if (integer && (!Number.isInteger(v.value) || !/^[-+]?(0[xX][0-9a-fA-F]+|\d+)$/.test(v.raw)))
    throw new CaffeFormatError(
      `${f.name} must be a whole number, not ${v.raw}`,
      `${f.name} 必须是整数，而不是 ${v.raw}`,
      f.pos,
    );
  if (integer && Math.abs(v.value) > 1e7)
    throw new CaffeFormatError(`${f.name} = ${v.raw} is far too large`, `${f.name} = ${v.raw} 太大了`, f.pos);
  return v.value;
}

export function int(msg: PMessage, name: string, fallback: number): number {
  const f = field(msg, name);
  return f ? numberOf(f, true) : fallback;
}

function unsigned(f: PField): number {
  const n = numberOf(f, true);
  if (n < 0)
    throw new CaffeFormatError(
      `${f.name} must be 0 or more (an unsigned integer), not ${n}`,
      `${f.name} 必须是 0 或更大的整数（无符号整数），而不是 ${n}`,
      f.pos,
    );
  return n;
}

/** A `uint32` field (sizes, counts, `group`): protobuf refuses a negative value. */
export function uint(msg: PMessage, name: string, fallback: number): number {
  const f = field(msg, name);
  return f ? unsigned(f) : fallback;
}

export function uints(msg: PMessage, name: string): number[] {
  return fields(msg, name).map(unsigned);
}

export function float(msg: PMessage, name: string, fallback: number): number {
  const f = field(msg, name);
  return f ? numberOf(f, false) : fallback;
}

export function ints(msg: PMessage, name: string): number[] {
  return fields(msg, name).map((f) => numberOf(f, true));
}

export function bool(msg: PMessage, name: string, fallback: boolean): boolean {
  const f = field(msg, name);
  if (!f) return fallback;
  if (f.value.kind === 'ident' && (f.value.value === 'true' || f.value.value === 'false'))
    return f.value.value === 'true';
  if (f.value.kind === 'number' && (f.value.value === 0 || f.value.value === 1)) return f.value.value === 1;
  throw new CaffeFormatError(`${name} must be true or false`, `${name} 必须是 true 或 false`, f.pos);
}

/** An enum field written as a name (`MAX`) or as its number (`0`). */
export function enumOf(msg: PMessage, name: string, options: readonly string[], fallback: string): string {
  const f = field(msg, name);
  if (!f) return fallback;
  const v = f.value;
  const picked =
    v.kind === 'ident' || v.kind === 'string' ? v.value : v.kind === 'number' ? options[v.value] : undefined;
  if (picked === undefined || !options.includes(picked))
    throw new CaffeFormatError(
      `${name} must be one of ${options.join(', ')}`,
      `${name} 必须是 ${options.join('、')} 之一`,
      f.pos,
    );
  return picked;
}

function shapeDims(msg: PMessage): number[] {
  return ints(msg, 'dim');
}

/** True when an include/exclude rule leaves the layer out of the TEST (deploy) phase. */
function trainOnly(layer: PMessage): boolean {
  for (const inc of fields(layer, 'include'))
    if (
      inc.value.kind === 'message' &&
      enumOf(inc.value.value, 'phase', ['TRAIN', 'TEST'], 'TEST') === 'TRAIN'
    )
      return true;
  for (const exc of fields(layer, 'exclude'))
    if (
      exc.value.kind === 'message' &&
      enumOf(exc.value.value, 'phase', ['TRAIN', 'TEST'], 'TRAIN') === 'TEST'
    )
      return true;
  return false;
}

function readInputs(root: PMessage): CaffeInput[] {
  const names = fields(root, 'input');
  const shapes = fields(root, 'input_shape');
  const dims = ints(root, 'input_dim');
  return names.map((f, k) => {
    if (f.value.kind !== 'string' && f.value.kind !== 'ident')
      throw new CaffeFormatError(
        'input must be a blob name in quotes',
        'input 必须是带引号的 blob 名称',
        f.pos,
      );
    const shape = shapes[k];
    const d = shape?.value.kind === 'message' ? shapeDims(shape.value.value) : dims.slice(k * 4, k * 4 + 4);
    if (d.length === 0)
      throw new CaffeFormatError(
        `input "${f.value.value}" has no size: give four input_dim lines or an input_shape { dim: … } block`,
        `输入 “${f.value.value}” 没有大小：请写四行 input_dim 或一个 input_shape { dim: … } 块`,
        f.pos,
      );
    return { blob: f.value.value, dims: d, pos: f.pos };
  });
}

export function readCaffeNet(root: PMessage): CaffeNet {
  const layerFields = [...fields(root, 'layer'), ...fields(root, 'layers')].sort(
    (a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column,
  );
  let skipped = 0;
  const layers: CaffeLayer[] = [];
  // Names given in the file, so that the names made up for unnamed layers avoid them.
  const given = new Set(
    layerFields.flatMap((f) => {
      const n = f.value.kind === 'message' ? field(f.value.value, 'name')?.value : undefined;
      return n?.kind === 'string' || n?.kind === 'ident' ? [n.value] : [];
    }),
  );
  layerFields.forEach((f, k) => {
    if (f.value.kind !== 'message')
      throw new CaffeFormatError(
        `${f.name} must be a block { ... }`,
        `${f.name} 必须是一个块 { ... }`,
        f.pos,
      );
    const msg = f.value.value;
    if (trainOnly(msg)) {
      skipped++;
      return;
    }
    const rawType = str(msg, 'type', '');
    const type = f.name === 'layers' ? (V1_TYPES[rawType] ?? rawType) : rawType;
    if (!type) throw new CaffeFormatError('the layer has no type', '该层没有 type', f.pos);
    const blobs = (name: string) =>
      fields(msg, name).map((b) => {
        if (b.value.kind !== 'string' && b.value.kind !== 'ident')
          throw new CaffeFormatError(
            `${name} must be a blob name in quotes`,
            `${name} 必须是带引号的 blob 名称`,
            b.pos,
          );
        return b.value.value;
      });
    let made = `${type.toLowerCase()}${k + 1}`;
    while (given.has(made)) made = `${made}_`;
    const name = str(msg, 'name', made);
    if (name === '')
      throw new CaffeFormatError(
        'the layer name is empty; give it a name',
        '层名为空；请给它起个名字',
        field(msg, 'name')?.pos ?? f.pos,
      );
    layers.push({
      name,
      type,
      bottoms: blobs('bottom'),
      tops: blobs('top'),
      msg,
      pos: f.pos,
    });
  });
  return { name: str(root, 'name', 'net'), inputs: readInputs(root), layers, trainOnly: skipped };
}
