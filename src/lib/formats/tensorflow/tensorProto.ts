/**
 * A TensorProto's values (tensor.proto): packed little-endian `tensor_content` bytes or the
 * repeated `float_val` / `int_val` / … fields, where fewer values than elements repeat the
 * last one (a single `float_val: 0` fills the tensor), as TensorFlow reads them. Floats
 * come out as a Float32Array (the engine's type), integers and booleans as numbers.
 */
import type { PField, PMessage } from '../protoText';
import { decodeFloat16 } from '../keras/float16';
import { baseType, FLOAT_TYPES, type DataType } from './dataTypes';
import { boolOf, dataTypeOf, floatOf, intOf, messageOf, readShape, TfFormatError } from './graphDef';

export interface TfTensor {
  dtype: DataType;
  shape: number[];
  values: Float32Array | number[];
}

/** Largest tensor read into memory, in elements (1 GiB of float32). */
export const MAX_TENSOR_ELEMENTS = 256 * 1024 * 1024;

const TENSOR_FIELDS = [
  'dtype',
  'tensor_shape',
  'version_number',
  'tensor_content',
  'half_val',
  'float_val',
  'double_val',
  'int_val',
  'string_val',
  'scomplex_val',
  'int64_val',
  'bool_val',
  'dcomplex_val',
  'resource_handle_val',
  'variant_val',
  'uint32_val',
  'uint64_val',
  'float8_val',
];

/** Bytes per element in tensor_content, and which repeated field holds the values otherwise. */
const LAYOUT: Record<string, { bytes: number; field: string }> = {
  DT_FLOAT: { bytes: 4, field: 'float_val' },
  DT_DOUBLE: { bytes: 8, field: 'double_val' },
  DT_HALF: { bytes: 2, field: 'half_val' },
  DT_BFLOAT16: { bytes: 2, field: 'half_val' },
  DT_INT32: { bytes: 4, field: 'int_val' },
  DT_INT16: { bytes: 2, field: 'int_val' },
  DT_INT8: { bytes: 1, field: 'int_val' },
  DT_UINT8: { bytes: 1, field: 'int_val' },
  DT_UINT16: { bytes: 2, field: 'int_val' },
  DT_INT64: { bytes: 8, field: 'int64_val' },
  DT_UINT32: { bytes: 4, field: 'uint32_val' },
  DT_UINT64: { bytes: 8, field: 'uint64_val' },
  DT_BOOL: { bytes: 1, field: 'bool_val' },
};

function bfloat16(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, (bits & 0xffff) << 16);
  return view.getFloat32(0);
}

/** One element of packed content at byte `at`. */
function unpack(view: DataView, at: number, type: string): number {
  switch (type) {
    case 'DT_FLOAT':
      return view.getFloat32(at, true);
    case 'DT_DOUBLE':
      return view.getFloat64(at, true);
    case 'DT_HALF':
      return decodeFloat16(view.getUint16(at, true));
    case 'DT_BFLOAT16':
      return bfloat16(view.getUint16(at, true));
    case 'DT_INT32':
      return view.getInt32(at, true);
    case 'DT_INT16':
      return view.getInt16(at, true);
    case 'DT_INT8':
      return view.getInt8(at);
    case 'DT_UINT8':
    case 'DT_BOOL':
      return view.getUint8(at);
    case 'DT_UINT16':
      return view.getUint16(at, true);
    case 'DT_UINT32':
      return view.getUint32(at, true);
    default:
      // 64-bit integers: shape and axis values, far below 2^53.
      return Number(view.getBigInt64(at, true));
  }
}

function scalarOf(f: PField, type: string): number {
  if (type === 'DT_BOOL') return boolOf(f) ? 1 : 0;
  if (type === 'DT_HALF') return decodeFloat16(intOf(f));
  if (type === 'DT_BFLOAT16') return bfloat16(intOf(f));
  return FLOAT_TYPES.has(type) ? floatOf(f) : intOf(f);
}

/** Reads a TensorProto message; `where` names the node for messages. */
export function readTensor(msg: PMessage, where: string): TfTensor {
  const fields = new Map<string, PField[]>();
  for (const f of msg.fields) {
    if (!TENSOR_FIELDS.includes(f.name))
      throw new TfFormatError(
        `${where}: TensorProto has no field "${f.name}"`,
        `${where}：TensorProto 没有字段 “${f.name}”`,
        f.pos,
      );
    fields.set(f.name, [...(fields.get(f.name) ?? []), f]);
  }
  const fail = (en: string, zh: string, pos = msg.pos): never => {
    throw new TfFormatError(`${where}: ${en}`, `${where}：${zh}`, pos);
  };
  const dtypeField = fields.get('dtype')?.[0];
  if (!dtypeField) return fail('the tensor has no dtype', '张量没有 dtype');
  const dtype = dataTypeOf(dtypeField);
  const type = baseType(dtype);
  const layout = LAYOUT[type] ?? fail(`tensors of ${type} are not read`, `不读取 ${type} 类型的张量`);
  const shapeField = fields.get('tensor_shape')?.[0];
  const shape = shapeField ? (readShape(messageOf(shapeField)).dims ?? []) : [];
  if (shape.some((d) => d < 0))
    fail(
      `a constant's shape cannot have an unknown size (${shape.join('×')})`,
      `常量的形状不能有未知大小（${shape.join('×')}）`,
    );
  const count = shape.reduce((a, b) => a * b, 1);
  if (count > MAX_TENSOR_ELEMENTS)
    fail(
      `the tensor has ${count} elements, more than the ${MAX_TENSOR_ELEMENTS} CNN Studio holds in memory`,
      `张量有 ${count} 个元素，超过 CNN Studio 在内存中能容纳的 ${MAX_TENSOR_ELEMENTS} 个`,
    );
  const values: Float32Array | number[] = FLOAT_TYPES.has(type)
    ? new Float32Array(count)
    : new Array<number>(count).fill(0);
  const content = fields.get('tensor_content')?.[0];
  if (content) {
    const bytes = content.value.kind === 'bytes' ? content.value.value : new Uint8Array();
    if (bytes.length !== count * layout.bytes)
      fail(
        `tensor_content has ${bytes.length} bytes, but ${shape.join('×') || 'a scalar'} of ${type} needs ${count * layout.bytes}`,
        `tensor_content 有 ${bytes.length} 字节，但 ${shape.join('×') || '标量'} 的 ${type} 需要 ${count * layout.bytes} 字节`,
        content.pos,
      );
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let k = 0; k < count; k++) values[k] = unpack(view, k * layout.bytes, type);
    return { dtype, shape, values };
  }
  const given = fields.get(layout.field) ?? [];
  if (given.length > count)
    fail(
      `${layout.field} has ${given.length} values for ${count} elements (${shape.join('×') || 'a scalar'})`,
      `${layout.field} 有 ${given.length} 个值，但只有 ${count} 个元素（${shape.join('×') || '标量'}）`,
      given[count]?.pos,
    );
  given.forEach((f, k) => (values[k] = scalarOf(f, type)));
  // TensorFlow repeats the last value given to fill the rest.
  const last = given.length > 0 ? (values[given.length - 1] ?? 0) : 0;
  for (let k = given.length; k < count; k++) values[k] = last;
  return { dtype, shape, values };
}
