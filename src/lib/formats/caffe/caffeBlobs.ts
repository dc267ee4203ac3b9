/**
 * One BlobProto's bytes → its dims and float values. The dims come from `shape` (7) or, in
 * older files, from num/channels/height/width (1–4); the values from `data` (5, float, packed
 * or one tag per value) or `double_data` (8). Packed floats are viewed in place when aligned
 * (the file's buffer is not copied), otherwise copied once; each byte is read once.
 */
import protobuf from 'protobufjs/light';
import type { Localized } from '../../spec/types';
import { BlobProtoType } from './caffeModelSchema';

/** What is wrong with a blob or a message, in both languages; the caller adds where. */
export class ProtoProblem extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

const problem = (en: string, zh: string) => new ProtoProblem({ en, zh });

/** A caught error's text in both languages (protobufjs' own messages are English only). */
export function problemText(e: unknown): Localized {
  if (e instanceof ProtoProblem) return e.text;
  const en = e instanceof Error ? e.message : String(e);
  return { en, zh: en };
}

export interface Blob {
  dims: number[];
  data: Float32Array;
}

const DATA = 5;
const DOUBLE_DATA = 8;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;

interface BlobHeader {
  shape?: { dim?: (number | { toNumber(): number })[] };
  num?: number;
  channels?: number;
  height?: number;
  width?: number;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** `n` float32 values at `bytes[at…]`: a view when aligned, else a copy. */
function floatsAt(bytes: Uint8Array, at: number, n: number): Float32Array {
  const offset = bytes.byteOffset + at;
  if (littleEndian && offset % 4 === 0) return new Float32Array(bytes.buffer, offset, n);
  const view = new DataView(bytes.buffer, offset, n * 4);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

function doublesAt(bytes: Uint8Array, at: number, n: number): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, n * 8);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

function joined(chunks: Float32Array[]): Float32Array {
  if (chunks.length === 1) return chunks[0] ?? new Float32Array(0);
  const out = new Float32Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The values of fields 5 and 8, in file order; a ProtoProblem says what is wrong. */
function readValues(bytes: Uint8Array): Float32Array {
  const r = protobuf.Reader.create(bytes);
  const floats: Float32Array[] = [];
  const doubles: Float32Array[] = [];
  let single: number[] = [];
  const flush = () => {
    if (single.length > 0) floats.push(Float32Array.from(single));
    single = [];
  };
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0)
      throw problem('a field numbered 0 is not valid protobuf', '编号为 0 的字段不是有效的 protobuf');
    if ((field === DATA || field === DOUBLE_DATA) && wire === WIRE_LENGTH) {
      flush();
      const len = r.uint32();
      const size = field === DATA ? 4 : 8;
      if (r.pos + len > r.len)
        throw problem(
          `its values need ${len} bytes but only ${r.len - r.pos} are left (the file is cut short)`,
          `它的数值需要 ${len} 字节，但只剩 ${r.len - r.pos} 字节（文件不完整）`,
        );
      if (len % size !== 0)
        throw problem(
          `its ${len} bytes of values are not whole ${size}-byte numbers`,
          `它的 ${len} 字节数值不是完整的 ${size} 字节数`,
        );
      const n = len / size;
      (field === DATA ? floats : doubles).push(
        field === DATA ? floatsAt(bytes, r.pos, n) : doublesAt(bytes, r.pos, n),
      );
      r.pos += len;
    } else if (field === DATA && wire === WIRE_FIXED32) single.push(r.float());
    else if (field === DOUBLE_DATA && wire === WIRE_FIXED64) {
      flush();
      doubles.push(Float32Array.of(r.double()));
    } else r.skipType(wire);
  }
  flush();
  if (floats.length > 0 && doubles.length > 0)
    throw problem('it has both data and double_data', '它同时有 data 和 double_data');
  return joined(floats.length > 0 ? floats : doubles);
}

function dimsOf(h: BlobHeader): number[] {
  const dims = h.shape?.dim?.map((d) => (typeof d === 'number' ? d : d.toNumber()));
  if (dims && dims.length > 0) return dims;
  // Old files write 1×1×1×n vectors and 1×1×out×in matrices: see sameDims in caffeWeights.ts.
  const legacy = [h.num ?? 0, h.channels ?? 0, h.height ?? 0, h.width ?? 0];
  return legacy.every((d) => d === 0) ? [] : legacy;
}

/** Reads a BlobProto; a ProtoProblem says what is wrong, the caller names the layer and blob. */
export function readBlob(bytes: Uint8Array): Blob {
  let header: BlobHeader;
  try {
    header = BlobProtoType.decode(bytes) as unknown as BlobHeader;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw problem(`it is damaged or cut short (${why})`, `它已损坏或不完整（${why}）`);
  }
  const dims = dimsOf(header);
  const data = readValues(bytes);
  const want = dims.reduce((a, b) => a * b, 1);
  if (dims.some((d) => d < 0 || !Number.isInteger(d)))
    throw problem(`its shape ${dims.join('×')} is not valid`, `它的形状 ${dims.join('×')} 无效`);
  if (dims.length > 0 && data.length !== want)
    throw problem(
      `its shape ${dims.join('×')} needs ${want} values but it holds ${data.length}`,
      `它的形状 ${dims.join('×')} 需要 ${want} 个值，但它有 ${data.length} 个`,
    );
  return { dims: dims.length > 0 ? dims : [data.length], data };
}
