/**
 * Bytes → ModelProto through protobufjs, within a memory budget. When the decoder fails (a
 * file cut short, damaged bytes), a second pass with protobufjs' Reader walks the model's
 * and the graph's fields to say which entry is broken: `graph.node[12]`, after which node.
 * Both passes read each byte a bounded number of times: reading is linear.
 */
import protobuf from 'protobufjs/light';
import { ModelProtoType, type Int64, type ModelProto } from './onnxSchema';
import { OnnxFormatError, megabytes, quoted } from './onnxError';

/**
 * The largest ONNX file read: the file and the float32 weights made from it must both fit
 * in a browser tab beside the app (the explainer refuses nets over 70M parameters anyway).
 */
export const ONNX_BUDGET_BYTES = 256 * 1024 * 1024;

/** A ModelProto starts with ir_version (field 1, a small varint) in every exporter's output. */
export function detectOnnx(bytes: Uint8Array, fileName = ''): boolean {
  if (/\.onnx$/i.test(fileName)) return true;
  const version = bytes[1] ?? 0;
  return bytes.length > 8 && bytes[0] === 0x08 && version >= 1 && version <= 30;
}

export function toInt(v: Int64 | undefined | null, fallback = 0): number {
  if (v === undefined || v === null) return fallback;
  return typeof v === 'number' ? v : v.toNumber();
}

const WIRE_LENGTH = 2;

interface Entry {
  name: string;
  type: protobuf.Type;
}

const root = ModelProtoType.root;
const GRAPH_FIELDS: Record<number, Entry> = {
  1: { name: 'node', type: root.lookupType('onnx.NodeProto') },
  5: { name: 'initializer', type: root.lookupType('onnx.TensorProto') },
  11: { name: 'input', type: root.lookupType('onnx.ValueInfoProto') },
  12: { name: 'output', type: root.lookupType('onnx.ValueInfoProto') },
  13: { name: 'value_info', type: root.lookupType('onnx.ValueInfoProto') },
};
const MODEL_FIELDS: Record<number, string> = {
  7: 'graph',
  8: 'opset_import',
  14: 'metadata_props',
  2: 'producer_name',
};

function damaged(where: string, why: string, path: string): OnnxFormatError {
  return new OnnxFormatError(
    {
      en: `the file is damaged or cut short in ${where}: ${why}`,
      zh: `文件在 ${where} 处损坏或不完整：${why}`,
    },
    path,
  );
}

function cutShort(where: string, need: number, left: number, path: string): OnnxFormatError {
  return new OnnxFormatError(
    {
      en: `the file is cut short: ${where} needs ${need} bytes but only ${left} are left`,
      zh: `文件不完整：${where} 需要 ${need} 字节，但只剩 ${left} 字节`,
    },
    path,
  );
}

/** Names an entry of the graph by its own name when it decodes, else by the one before it. */
function walkGraph(bytes: Uint8Array, start: number, end: number): OnnxFormatError | null {
  const r = protobuf.Reader.create(bytes.subarray(start, end));
  const counts = new Map<string, number>();
  let previous = '';
  while (r.pos < r.len) {
    const tag = r.uint32();
    const entry = GRAPH_FIELDS[tag >>> 3];
    if (!entry || (tag & 7) !== WIRE_LENGTH) {
      r.skipType(tag & 7);
      continue;
    }
    const index = counts.get(entry.name) ?? 0;
    counts.set(entry.name, index + 1);
    const len = r.uint32();
    const path = `graph.${entry.name}[${index}]`;
    const after = previous ? ` (after ${previous})` : '';
    if (r.pos + len > r.len) return cutShort(`${path}${after}`, len, r.len - r.pos, path);
    try {
      const decoded = entry.type.decode(r.buf.subarray(r.pos, r.pos + len)) as { name?: string };
      previous = `${entry.name} ${quoted(decoded.name)}`;
    } catch (e) {
      return damaged(`${path}${after}`, e instanceof Error ? e.message : String(e), path);
    }
    r.pos += len;
  }
  return null;
}

/** Why the decoder failed, located as closely as the fields allow. */
function locate(bytes: Uint8Array, error: unknown): OnnxFormatError {
  const why = error instanceof Error ? error.message : String(error);
  try {
    const r = protobuf.Reader.create(bytes);
    while (r.pos < r.len) {
      const at = r.pos;
      const tag = r.uint32();
      const field = tag >>> 3;
      if (field === 0) return damaged(`byte ${at}`, 'a field numbered 0 is not valid protobuf', '');
      if ((tag & 7) !== WIRE_LENGTH) {
        r.skipType(tag & 7);
        continue;
      }
      const len = r.uint32();
      const name = MODEL_FIELDS[field] ?? `field ${field}`;
      if (field === 7) {
        const inner = walkGraph(bytes, r.pos, Math.min(r.pos + len, r.len));
        if (inner) return inner;
      }
      if (r.pos + len > r.len) return cutShort(`the model's ${name}`, len, r.len - r.pos, name);
      r.pos += len;
    }
  } catch (e) {
    return damaged('the model', e instanceof Error ? e.message : String(e), '');
  }
  return damaged('the model', why, '');
}

/** Refuses a file over the budget with both sizes, before anything is decoded. */
export function checkBudget(size: number): void {
  if (size > ONNX_BUDGET_BYTES)
    throw new OnnxFormatError({
      en: `the model is ${megabytes(size)}; CNN Studio reads ONNX files up to ${megabytes(ONNX_BUDGET_BYTES)} (its memory budget for one model)`,
      zh: `该模型有 ${megabytes(size)}；CNN Studio 读取的 ONNX 文件最大为 ${megabytes(ONNX_BUDGET_BYTES)}（单个模型的内存预算）`,
    });
}

export function decodeModel(bytes: Uint8Array): ModelProto {
  checkBudget(bytes.length);
  if (bytes.length === 0) throw new OnnxFormatError({ en: 'the file is empty', zh: '文件是空的' });
  let model: ModelProto;
  try {
    model = ModelProtoType.decode(bytes) as unknown as ModelProto;
  } catch (e) {
    throw locate(bytes, e);
  }
  if (!model.graph)
    throw new OnnxFormatError(
      {
        en: 'the file has no graph (ModelProto field 7): it is not an ONNX model, or it is damaged',
        zh: '文件中没有 graph（ModelProto 字段 7）：它不是 ONNX 模型，或已损坏',
      },
      'graph',
    );
  return model;
}

/** The version of the default (ai.onnx) operator set the model imports. */
export function defaultOpset(model: ModelProto): number {
  const entry = model.opsetImport.find((o) => !o.domain || o.domain === 'ai.onnx');
  const version = toInt(entry?.version, 0);
  if (!entry || version < 1)
    throw new OnnxFormatError(
      {
        en: 'the model imports no version of the standard operator set (opset_import has no entry for the domain "" / ai.onnx)',
        zh: '模型没有导入标准算子集的任何版本（opset_import 中没有域 "" / ai.onnx 的条目）',
      },
      'opset_import',
    );
  return version;
}
