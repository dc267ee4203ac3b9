/**
 * .caffemodel bytes → the same message tree the prototxt parser makes (so one importer maps
 * both to our layers), plus each layer's blobs as bytes. protobufjs decodes the NetParameter
 * with our schema (caffeModelSchema.ts) in one pass; blobs stay views of the file's buffer.
 * When the decoder fails, a second pass with protobufjs' Reader walks the net's layers to say
 * which one is broken (`layer[12]`, after layer "conv3"). Both passes are linear.
 */
import protobuf from 'protobufjs/light';
import type { Localized } from '../../spec/types';
import { FormatError } from '../formatError';
import type { PField, PMessage, PValue } from './prototxt';
import { LayerParameterType, NetParameterType, V1LayerParameterType } from './caffeModelSchema';
import { ProtoProblem, problemText } from './caffeBlobs';

/** The largest .caffemodel read: VGG-16's 528 MB does not fit a browser tab beside the app. */
export const CAFFEMODEL_BUDGET_BYTES = 256 * 1024 * 1024;

export class CaffeModelError extends FormatError {
  constructor(text: Localized, path?: string) {
    super('caffe', text, path === undefined ? {} : { path });
  }
}

export interface DecodedCaffeModel {
  /** The net as the prototxt importer reads it; layer k's fields carry line k + 1. */
  root: PMessage;
  /** Each layer's blobs (BlobProto bytes), by layer name. */
  blobs: Map<string, Uint8Array[]>;
  /** `layer[3]` / `layers[3]` for the layer whose fields carry line 4. */
  paths: string[];
}

/** A NetParameter starts with its name (field 1), a V1 `layers` (2) or a `layer` (100). */
export function detectCaffeModel(bytes: Uint8Array, fileName = ''): boolean {
  if (/\.caffemodel(\.h5)?$/i.test(fileName)) return !/\.h5$/i.test(fileName);
  return bytes.length > 4 && (bytes[0] === 0x0a || (bytes[0] === 0xa2 && bytes[1] === 0x06));
}

type Decoded = protobuf.Message & Record<string, unknown>;

function scalar(field: protobuf.Field, v: unknown): PValue {
  if (field.resolvedType instanceof protobuf.Enum) {
    const name = field.resolvedType.valuesById[v as number];
    return name === undefined
      ? { kind: 'number', value: v as number, raw: String(v) }
      : { kind: 'ident', value: name };
  }
  if (typeof v === 'boolean') return { kind: 'ident', value: String(v) };
  if (typeof v === 'string') return { kind: 'string', value: v };
  const n = typeof v === 'number' ? v : (v as { toNumber(): number }).toNumber();
  const value = field.type === 'float' ? shortestFloat(n) : n;
  return { kind: 'number', value, raw: String(value) };
}

/** A float32 as the shortest decimal that reads back as the same float (eps 1e-5, not 9.99999974e-6). */
function shortestFloat(n: number): number {
  const f = Math.fround(n);
  for (let digits = 1; digits < 9; digits++) {
    const d = Number(f.toPrecision(digits));
    if (Math.fround(d) === f) return d;
  }
  return f;
}

/** A decoded message as a text-format tree: present fields only, in schema order. */
function toTree(type: protobuf.Type, msg: Decoded, line: number, skip: readonly string[] = []): PMessage {
  const pos = { line, column: 1 };
  const out: PField[] = [];
  for (const field of type.fieldsArray) {
    if (skip.includes(field.name) || !Object.prototype.hasOwnProperty.call(msg, field.name)) continue;
    const raw = msg[field.name];
    const values = field.repeated ? (raw as unknown[]) : [raw];
    for (const v of values) {
      if (v === undefined || v === null) continue;
      const value: PValue =
        field.resolvedType instanceof protobuf.Type
          ? { kind: 'message', value: toTree(field.resolvedType, v as Decoded, line) }
          : scalar(field, v);
      out.push({ name: field.name, value, pos });
    }
  }
  return { fields: out, pos };
}

function damaged(where: string, why: string | Localized, path: string): CaffeModelError {
  const text = typeof why === 'string' ? { en: why, zh: why } : why;
  return new CaffeModelError(
    {
      en: `the .caffemodel is damaged or cut short in ${where}: ${text.en}`,
      zh: `.caffemodel 文件在 ${where} 处损坏或不完整：${text.zh}`,
    },
    path,
  );
}

const LAYER_FIELDS: Record<number, { name: string; type: protobuf.Type }> = {
  100: { name: 'layer', type: LayerParameterType },
  2: { name: 'layers', type: V1LayerParameterType },
};

const WIRE_NAMES = ['varint', '64-bit', 'length-delimited', 'group start', 'group end', '32-bit', '6', '7'];

/**
 * Checks that every known field of a message (and of the messages inside it) has the wire
 * type its schema type is written with: protobufjs reads a known field without looking, so a
 * damaged tag would otherwise be read as some other value. Blob payloads are skipped by length.
 */
function checkWire(type: protobuf.Type, bytes: Uint8Array): void {
  const r = protobuf.Reader.create(bytes);
  while (r.pos < r.len) {
    const tag = r.uint32();
    const id = tag >>> 3;
    const wire = tag & 7;
    if (id === 0)
      throw new ProtoProblem({
        en: 'a field numbered 0 is not valid protobuf',
        zh: '编号为 0 的字段不是有效的 protobuf',
      });
    const f = type.fieldsById[id];
    if (!f) {
      r.skipType(wire);
      continue;
    }
    const sub = f.resolvedType instanceof protobuf.Type ? f.resolvedType : null;
    const basic = (protobuf.types.basic as Record<string, number | undefined>)[f.type];
    const want = sub ? 2 : (basic ?? 0);
    const packed = f.repeated && !sub && want !== 2 && wire === 2;
    if (wire !== want && !packed)
      throw new ProtoProblem({
        en: `field ${f.name} (${id}) is written as ${WIRE_NAMES[wire]}, but a ${f.type} is ${WIRE_NAMES[want]}`,
        zh: `字段 ${f.name}（${id}）的编码类型是 ${WIRE_NAMES[wire]}，但 ${f.type} 应为 ${WIRE_NAMES[want]}`,
      });
    if (sub) {
      const len = r.uint32();
      if (r.pos + len > r.len)
        throw new ProtoProblem({
          en: `field ${f.name} needs ${len} bytes but only ${r.len - r.pos} are left`,
          zh: `字段 ${f.name} 需要 ${len} 字节，但只剩 ${r.len - r.pos} 字节`,
        });
      checkWire(sub, r.buf.subarray(r.pos, r.pos + len));
      r.pos += len;
    } else r.skipType(wire);
  }
}

/**
 * Walks the net's layers to find a broken one: decoded (after the decoder failed) or, when
 * `strict`, checked field by field (after it succeeded). Null when every layer is sound.
 */
function locate(bytes: Uint8Array, strict: boolean): CaffeModelError | null {
  const counts = new Map<string, number>();
  let previous = '';
  try {
    const r = protobuf.Reader.create(bytes);
    while (r.pos < r.len) {
      const at = r.pos;
      const tag = r.uint32();
      if (tag >>> 3 === 0)
        return damaged(
          `byte ${at}`,
          { en: 'a field numbered 0 is not valid protobuf', zh: '编号为 0 的字段不是有效的 protobuf' },
          '',
        );
      const entry = LAYER_FIELDS[tag >>> 3];
      if (!entry || (tag & 7) !== 2) {
        r.skipType(tag & 7);
        continue;
      }
      const index = counts.get(entry.name) ?? 0;
      counts.set(entry.name, index + 1);
      const len = r.uint32();
      const path = `${entry.name}[${index}]`;
      const where = `${path}${previous ? ` (after layer "${previous}")` : ''}`;
      if (r.pos + len > r.len)
        return damaged(
          where,
          {
            en: `it needs ${len} bytes but only ${r.len - r.pos} are left`,
            zh: `它需要 ${len} 字节，但只剩 ${r.len - r.pos} 字节`,
          },
          path,
        );
      const body = r.buf.subarray(r.pos, r.pos + len);
      try {
        if (strict) checkWire(entry.type, body);
        const layer = entry.type.decode(body) as Decoded;
        previous = typeof layer.name === 'string' ? layer.name : '';
      } catch (e) {
        return damaged(where, problemText(e), path);
      }
      r.pos += len;
    }
  } catch (e) {
    return damaged('the net', e instanceof Error ? e.message : String(e), '');
  }
  return null;
}

export function decodeCaffeModel(bytes: Uint8Array): DecodedCaffeModel {
  if (bytes.length > CAFFEMODEL_BUDGET_BYTES)
    throw new CaffeModelError({
      en: `the .caffemodel is ${(bytes.length / 1048576).toFixed(1)} MB; CNN Studio reads weight files up to ${CAFFEMODEL_BUDGET_BYTES / 1048576} MB (its memory budget for one model)`,
      zh: `该 .caffemodel 有 ${(bytes.length / 1048576).toFixed(1)} MB；CNN Studio 读取的权重文件最大为 ${CAFFEMODEL_BUDGET_BYTES / 1048576} MB（单个模型的内存预算）`,
    });
  if (bytes.length === 0)
    throw new CaffeModelError({ en: 'the .caffemodel is empty', zh: '.caffemodel 文件是空的' });
  let net: Decoded;
  try {
    net = NetParameterType.decode(bytes) as Decoded;
  } catch (e) {
    throw locate(bytes, false) ?? damaged('the net', e instanceof Error ? e.message : String(e), '');
  }
  const wrong = locate(bytes, true);
  if (wrong) throw wrong;
  const fields: PField[] = toTree(NetParameterType, net, 0, ['layer', 'layers']).fields;
  const blobs = new Map<string, Uint8Array[]>();
  const paths: string[] = [];
  for (const [name, type] of [
    ['layer', LayerParameterType],
    ['layers', V1LayerParameterType],
  ] as const) {
    const list = (net[name] as Decoded[] | undefined) ?? [];
    list.forEach((layer, k) => {
      paths.push(`${name}[${k}]`);
      const line = paths.length;
      fields.push({
        name,
        value: { kind: 'message', value: toTree(type, layer, line, ['blobs']) },
        pos: { line, column: 1 },
      });
      const own = (layer.blobs as Uint8Array[] | undefined) ?? [];
      if (own.length > 0 && typeof layer.name === 'string') blobs.set(layer.name, own);
    });
  }
  if (paths.length === 0)
    throw new CaffeModelError({
      en: 'the file holds no layers (NetParameter fields layer 100 and layers 2 are both empty): it is not a .caffemodel, or it is damaged',
      zh: '文件中没有任何层（NetParameter 的 layer 100 与 layers 2 字段都为空）：它不是 .caffemodel，或已损坏',
    });
  return { root: { fields, pos: { line: 0, column: 1 } }, blobs, paths };
}
