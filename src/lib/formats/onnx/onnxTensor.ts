/**
 * TensorProto ↔ values. A tensor's element count must match what its data field holds
 * (raw_data bytes or the typed list), or the message names the tensor, the field and both
 * counts. Floats of any width become Float32Array; integers (shapes, axes) Float64Array.
 */
import { decodeFloat16 } from '../keras/float16';
import { DataType, type TensorProto } from './onnxSchema';
import { OnnxFormatError, quoted } from './onnxError';
import { ONNX_BUDGET_BYTES, toInt } from './onnxDecode';

/** A value known when the file is read: a weight, a Constant, or folded shape arithmetic. */
export interface Const {
  dims: number[];
  data: Float32Array | Float64Array;
  /** int64/int32/bool data (shape arithmetic), as opposed to floats (weights). */
  integer: boolean;
}

const TYPE_NAMES: Record<number, string> = {
  1: 'float',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'double',
  12: 'uint32',
  13: 'uint64',
  16: 'bfloat16',
};

const BYTES: Record<number, number> = {
  1: 4,
  2: 1,
  3: 1,
  4: 2,
  5: 2,
  6: 4,
  7: 8,
  9: 1,
  10: 2,
  11: 8,
  12: 4,
  13: 8,
  16: 2,
};

export function typeName(type: number): string {
  return TYPE_NAMES[type] ?? `type ${type}`;
}

function fail(what: string, en: string, zh: string, path: string): never {
  throw new OnnxFormatError({ en: `${what}: ${en}`, zh: `${what}：${zh}` }, path);
}

function readDims(t: TensorProto, what: string, path: string): { dims: number[]; count: number } {
  let count = 1;
  const dims = t.dims.map((d) => {
    const n = toInt(d);
    if (!Number.isSafeInteger(n) || n < 0)
      fail(what, `dims holds ${n}, not a size`, `dims 中的 ${n} 不是有效尺寸`, `${path}.dims`);
    count *= n;
    return n;
  });
  if (count * 4 > ONNX_BUDGET_BYTES)
    fail(
      what,
      `dims ${dims.join('×')} make ${count} values, more than the memory budget holds`,
      `dims ${dims.join('×')} 共 ${count} 个值，超出内存预算`,
      `${path}.dims`,
    );
  return { dims, count };
}

/** Little-endian raw bytes of `type` → numbers. */
function fromRaw(raw: Uint8Array, type: number, count: number): Float32Array | Float64Array {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const float =
    type === DataType.FLOAT ||
    type === DataType.FLOAT16 ||
    type === DataType.DOUBLE ||
    type === DataType.BFLOAT16;
  const out = float ? new Float32Array(count) : new Float64Array(count);
  for (let i = 0; i < count; i++) {
    switch (type) {
      case DataType.FLOAT:
        out[i] = view.getFloat32(i * 4, true);
        break;
      case DataType.DOUBLE:
        out[i] = view.getFloat64(i * 8, true);
        break;
      case DataType.FLOAT16:
        out[i] = decodeFloat16(view.getUint16(i * 2, true));
        break;
      case DataType.BFLOAT16:
        out[i] = new Float32Array(new Uint32Array([view.getUint16(i * 2, true) << 16]).buffer)[0] ?? 0;
        break;
      case DataType.INT64:
        out[i] = Number(view.getBigInt64(i * 8, true));
        break;
      case DataType.UINT64:
        out[i] = Number(view.getBigUint64(i * 8, true));
        break;
      case DataType.INT32:
        out[i] = view.getInt32(i * 4, true);
        break;
      case DataType.UINT32:
        out[i] = view.getUint32(i * 4, true);
        break;
      case DataType.INT16:
        out[i] = view.getInt16(i * 2, true);
        break;
      case DataType.UINT16:
        out[i] = view.getUint16(i * 2, true);
        break;
      case DataType.INT8:
        out[i] = view.getInt8(i);
        break;
      default:
        out[i] = view.getUint8(i);
    }
  }
  return out;
}

/** The tensor's values; `label` names it in messages (`initializer "conv1.weight"`). */
export function readTensor(t: TensorProto, label: string, path: string): Const {
  const what = label;
  const type = t.dataType ?? 0;
  if (t.dataLocation === 1 || t.externalData.length > 0) {
    const location = t.externalData.find((e) => e.key === 'location')?.value;
    fail(
      what,
      `its values are in an external file (${quoted(location)}); CNN Studio reads ONNX files that hold their weights (save without external data)`,
      `它的值在外部文件（${quoted(location)}）中；CNN Studio 只读取自带权重的 ONNX 文件（保存时不要使用外部数据）`,
      `${path}.external_data`,
    );
  }
  const size = BYTES[type];
  if (size === undefined)
    fail(
      what,
      `data_type ${typeName(type)} is not a number type CNN Studio reads`,
      `data_type ${typeName(type)} 不是 CNN Studio 能读取的数值类型`,
      `${path}.data_type`,
    );
  const { dims, count } = readDims(t, what, path);
  const integer = !(
    type === DataType.FLOAT ||
    type === DataType.FLOAT16 ||
    type === DataType.DOUBLE ||
    type === DataType.BFLOAT16
  );
  const mismatch = (field: string, got: string): never =>
    fail(
      what,
      `${field} holds ${got}; dims ${dims.join('×') || 'scalar'} of ${typeName(type)} need ${count} values (${count * size} bytes)`,
      `${field} 中有 ${got}；${typeName(type)} 类型的 dims ${dims.join('×') || '标量'} 需要 ${count} 个值（${count * size} 字节）`,
      `${path}.${field}`,
    );
  if (t.rawData && t.rawData.length > 0) {
    if (t.rawData.length !== count * size) mismatch('raw_data', `${t.rawData.length} bytes`);
    return { dims, data: fromRaw(t.rawData, type, count), integer };
  }
  const list: readonly (number | Parameters<typeof toInt>[0])[] =
    type === DataType.FLOAT
      ? t.floatData
      : type === DataType.DOUBLE
        ? t.doubleData
        : type === DataType.INT64
          ? t.int64Data
          : type === DataType.UINT64 || type === DataType.UINT32
            ? t.uint64Data
            : t.int32Data;
  const field =
    type === DataType.FLOAT
      ? 'float_data'
      : type === DataType.DOUBLE
        ? 'double_data'
        : type === DataType.INT64
          ? 'int64_data'
          : type === DataType.UINT64 || type === DataType.UINT32
            ? 'uint64_data'
            : 'int32_data';
  if (list.length !== count) mismatch(field, `${list.length} values`);
  const out = integer ? new Float64Array(count) : new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const v = list[i];
    const n = typeof v === 'number' ? v : toInt(v);
    out[i] =
      type === DataType.FLOAT16
        ? decodeFloat16(n)
        : type === DataType.BFLOAT16
          ? (new Float32Array(new Uint32Array([n << 16]).buffer)[0] ?? 0)
          : n;
  }
  return { dims, data: out, integer };
}

/** A float32 tensor for writing, values in raw_data (little-endian, as onnx.proto asks). */
export function floatTensor(name: string, dims: readonly number[], data: Float32Array): TensorProto {
  const bytes = new Uint8Array(data.length * 4);
  const view = new DataView(bytes.buffer);
  data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return emptyTensor({ name, dims: [...dims], dataType: DataType.FLOAT, rawData: bytes });
}

/** An int64 tensor for writing (shapes, axes, pads). */
export function int64Tensor(name: string, dims: readonly number[], values: readonly number[]): TensorProto {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return emptyTensor({ name, dims: [...dims], dataType: DataType.INT64, rawData: bytes });
}

function emptyTensor(t: Partial<TensorProto>): TensorProto {
  return {
    dims: [],
    floatData: [],
    int32Data: [],
    stringData: [],
    int64Data: [],
    externalData: [],
    doubleData: [],
    uint64Data: [],
    ...t,
  };
}
