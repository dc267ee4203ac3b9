/**
 * A parsed .pbtxt read as TensorFlow's GraphDef: its NodeDefs with their typed AttrValues,
 * checked against the fields of TensorFlow's schema (graph.proto, node_def.proto,
 * attr_value.proto, tensor_shape.proto, versions.proto) so a misspelt field is named with
 * its line and column, as TensorFlow's own text parser would refuse it. A MetaGraphDef or
 * SavedModel text file is read through to the GraphDef it holds.
 */
import { FormatError, type TextPos } from '../formatError';
import type { Localized } from '../../spec/types';
import { parseProtoText, type PField, type PMessage, type PValue } from '../protoText';
import { DATA_TYPES, type DataType } from './dataTypes';

export class TfFormatError extends FormatError {
  constructor(en: string, zh: string, pos?: TextPos) {
    super('pbtxt', { en, zh }, pos ? { pos } : {});
  }
}

export interface TfShape {
  /** Sizes, -1 where unknown; null when even the rank is unknown. */
  dims: number[] | null;
}

export interface AttrList {
  s: string[];
  i: number[];
  f: number[];
  b: boolean[];
  type: DataType[];
  shape: TfShape[];
  tensor: PMessage[];
}

export type AttrValue =
  | { kind: 's'; value: string }
  | { kind: 'i' | 'f'; value: number }
  | { kind: 'b'; value: boolean }
  | { kind: 'type'; value: DataType }
  | { kind: 'shape'; value: TfShape }
  /** Decoded on use (tensorProto.ts): most tensors are never needed. */
  | { kind: 'tensor'; value: PMessage }
  | { kind: 'list'; value: AttrList }
  | { kind: 'func' | 'placeholder'; value: string }
  | { kind: 'none' };

export interface TfNode {
  name: string;
  op: string;
  /** As written: `node`, `node:1`, `^control`. */
  inputs: string[];
  attrs: Map<string, { value: AttrValue; pos: TextPos }>;
  pos: TextPos;
}

export interface GraphDef {
  nodes: TfNode[];
  /** versions.producer, when given. */
  producer: number | null;
}

const fail = (f: { pos: TextPos }, text: Localized): never => {
  throw new TfFormatError(text.en, text.zh, f.pos);
};

/** The fields of `msg` by name, refusing a name the message type does not have. */
function fieldsOf(msg: PMessage, type: string, known: readonly string[]): Map<string, PField[]> {
  const out = new Map<string, PField[]>();
  for (const f of msg.fields) {
    if (!known.includes(f.name))
      fail(f, {
        en: `${type} has no field "${f.name}" (it has ${known.join(', ')})`,
        zh: `${type} 没有字段 “${f.name}”（它的字段有 ${known.join('、')}）`,
      });
    const list = out.get(f.name);
    if (list) list.push(f);
    else out.set(f.name, [f]);
  }
  return out;
}

/** The one value of a singular field (protobuf's text parser refuses a second one). */
function single(fields: Map<string, PField[]>, name: string, type: string): PField | undefined {
  const list = fields.get(name);
  if (list && list.length > 1)
    fail(list[1] ?? list[0] ?? { pos: { line: 1, column: 1 } }, {
      en: `${type}.${name} is given twice`,
      zh: `${type}.${name} 出现了两次`,
    });
  return list?.[0];
}

export function textOf(f: PField): string {
  const v = f.value;
  if (v.kind === 'string') return v.value;
  return fail(f, { en: `${f.name} must be a string in quotes`, zh: `${f.name} 必须是带引号的字符串` });
}

export function messageOf(f: PField): PMessage {
  const v = f.value;
  if (v.kind === 'message') return v.value;
  return fail(f, { en: `${f.name} must be a block { … }`, zh: `${f.name} 必须是一个块 { … }` });
}

/** An integer field: a whole-number literal within what a JS number holds exactly. */
export function intOf(f: PField): number {
  const v: PValue = f.value;
  if (v.kind !== 'number' || !Number.isSafeInteger(v.value) || !/^[-+]?(0[xX][0-9a-fA-F]+|\d+)$/.test(v.raw))
    fail(f, {
      en: `${f.name} must be a whole number, not ${v.kind === 'number' ? v.raw : v.kind}`,
      zh: `${f.name} 必须是整数，而不是 ${v.kind === 'number' ? v.raw : v.kind}`,
    });
  return (v as { value: number }).value;
}

export function floatOf(f: PField): number {
  const v = f.value;
  if (v.kind === 'number') return v.value;
  // inf and nan are numbers to our scanner; a bare identifier here is a mistake.
  return fail(f, { en: `${f.name} must be a number`, zh: `${f.name} 必须是数字` });
}

export function boolOf(f: PField): boolean {
  const v = f.value;
  if (v.kind === 'ident' && (v.value === 'true' || v.value === 'false')) return v.value === 'true';
  if (v.kind === 'number' && (v.value === 0 || v.value === 1)) return v.value === 1;
  return fail(f, { en: `${f.name} must be true or false`, zh: `${f.name} 必须是 true 或 false` });
}

/** A DataType written as its name (DT_FLOAT) or number (1). */
export function dataTypeOf(f: PField): DataType {
  const v = f.value;
  const found =
    v.kind === 'ident'
      ? DATA_TYPES.find((t) => t.name === v.value)
      : v.kind === 'number'
        ? DATA_TYPES.find((t) => t.code === v.value)
        : undefined;
  return (
    found ??
    fail(f, {
      en: `${f.name}: ${v.kind === 'ident' || v.kind === 'number' ? String(v.value) : 'this'} is not a TensorFlow data type (DT_FLOAT, DT_INT32, …)`,
      zh: `${f.name}：${v.kind === 'ident' || v.kind === 'number' ? String(v.value) : '这'}不是 TensorFlow 数据类型（DT_FLOAT、DT_INT32 等）`,
    })
  );
}

export function readShape(msg: PMessage): TfShape {
  const f = fieldsOf(msg, 'TensorShapeProto', ['dim', 'unknown_rank']);
  const unknown = single(f, 'unknown_rank', 'TensorShapeProto');
  if (unknown && boolOf(unknown)) return { dims: null };
  const dims = (f.get('dim') ?? []).map((d) => {
    const dim = fieldsOf(messageOf(d), 'TensorShapeProto.Dim', ['size', 'name']);
    const size = single(dim, 'size', 'Dim');
    const n = size ? intOf(size) : 0;
    if (n < -1) fail(size ?? d, { en: `a dimension of size ${n}`, zh: `维度大小为 ${n}` });
    return n;
  });
  return { dims };
}

const LIST_FIELDS = ['s', 'i', 'f', 'b', 'type', 'shape', 'tensor', 'func'] as const;

function readList(msg: PMessage): AttrList {
  const f = fieldsOf(msg, 'AttrValue.ListValue', LIST_FIELDS);
  const all = (name: string) => f.get(name) ?? [];
  return {
    s: all('s').map(textOf),
    i: all('i').map(intOf),
    f: all('f').map(floatOf),
    b: all('b').map(boolOf),
    type: all('type').map(dataTypeOf),
    shape: all('shape').map((s) => readShape(messageOf(s))),
    tensor: all('tensor').map(messageOf),
  };
}

const ATTR_FIELDS = ['list', 's', 'i', 'f', 'b', 'type', 'shape', 'tensor', 'placeholder', 'func'] as const;

function readAttrValue(msg: PMessage): AttrValue {
  const f = fieldsOf(msg, 'AttrValue', ATTR_FIELDS);
  if (msg.fields.length > 1)
    fail(msg.fields[1] ?? msg, {
      en: 'an AttrValue holds one value (list, s, i, f, b, type, shape, tensor, func or placeholder), not several',
      zh: 'AttrValue 只能有一个值（list、s、i、f、b、type、shape、tensor、func 或 placeholder 之一），不能有多个',
    });
  const [field] = msg.fields;
  if (!field) return { kind: 'none' };
  single(f, field.name, 'AttrValue');
  switch (field.name) {
    case 'list':
      return { kind: 'list', value: readList(messageOf(field)) };
    case 's':
      return { kind: 's', value: textOf(field) };
    case 'i':
      return { kind: 'i', value: intOf(field) };
    case 'f':
      return { kind: 'f', value: floatOf(field) };
    case 'b':
      return { kind: 'b', value: boolOf(field) };
    case 'type':
      return { kind: 'type', value: dataTypeOf(field) };
    case 'shape':
      return { kind: 'shape', value: readShape(messageOf(field)) };
    case 'tensor':
      return { kind: 'tensor', value: messageOf(field) };
    case 'func':
      return { kind: 'func', value: String(nameOfFunc(messageOf(field))) };
    default:
      return { kind: 'placeholder', value: textOf(field) };
  }
}

function nameOfFunc(msg: PMessage): string {
  const f = msg.fields.find((x) => x.name === 'name');
  return f ? textOf(f) : '';
}

const NODE_FIELDS = ['name', 'op', 'input', 'device', 'attr', 'experimental_debug_info', 'experimental_type'];

function readNode(field: PField): TfNode {
  const msg = messageOf(field);
  const f = fieldsOf(msg, 'NodeDef', NODE_FIELDS);
  const nameField = single(f, 'name', 'NodeDef');
  const opField = single(f, 'op', 'NodeDef');
  single(f, 'device', 'NodeDef');
  const name = nameField ? textOf(nameField) : '';
  if (name === '') fail(field, { en: 'a node without a name', zh: '有一个节点没有名称' });
  const op = opField ? textOf(opField) : '';
  if (op === '') fail(field, { en: `node "${name}" has no op`, zh: `节点 “${name}” 没有 op` });
  const attrs = new Map<string, { value: AttrValue; pos: TextPos }>();
  for (const a of f.get('attr') ?? []) {
    const entry = fieldsOf(messageOf(a), 'NodeDef.AttrEntry', ['key', 'value']);
    const key = single(entry, 'key', 'attr');
    const value = single(entry, 'value', 'attr');
    const k = key ? textOf(key) : '';
    if (attrs.has(k))
      fail(a, {
        en: `node "${name}": attr "${k}" is given twice`,
        zh: `节点 “${name}”：attr “${k}” 出现了两次`,
      });
    attrs.set(k, { value: value ? readAttrValue(messageOf(value)) : { kind: 'none' }, pos: a.pos });
  }
  return { name, op, inputs: (f.get('input') ?? []).map(textOf), attrs, pos: field.pos };
}

const GRAPH_FIELDS = ['node', 'versions', 'version', 'library', 'debug_info'];
const META_GRAPH_FIELDS = [
  'meta_info_def',
  'graph_def',
  'saver_def',
  'collection_def',
  'signature_def',
  'asset_file_def',
  'object_graph_def',
];

/** The GraphDef message of a GraphDef, MetaGraphDef or SavedModel text file. */
function graphMessage(root: PMessage): PMessage {
  const names = new Set(root.fields.map((f) => f.name));
  if (names.has('meta_graphs')) {
    const first = root.fields.find((f) => f.name === 'meta_graphs');
    return first ? graphMessage(messageOf(first)) : root;
  }
  if (names.has('graph_def')) {
    const f = fieldsOf(root, 'MetaGraphDef', META_GRAPH_FIELDS);
    const g = single(f, 'graph_def', 'MetaGraphDef');
    return g ? messageOf(g) : root;
  }
  return root;
}

/** Strings kept as raw bytes: a tensor's packed content and its string values. */
const BYTES_FIELDS: ReadonlySet<string> = new Set(['tensor_content', 'string_val']);

export function readGraphDef(text: string): GraphDef {
  const root = parseProtoText(text, {
    error: (en, zh, pos) => new TfFormatError(en, zh, pos),
    bytesFields: BYTES_FIELDS,
  });
  const msg = graphMessage(root);
  const f = fieldsOf(msg, 'GraphDef', GRAPH_FIELDS);
  const versions = single(f, 'versions', 'GraphDef');
  let producer: number | null = null;
  if (versions) {
    const v = fieldsOf(messageOf(versions), 'VersionDef', ['producer', 'min_consumer', 'bad_consumers']);
    const p = single(v, 'producer', 'VersionDef');
    producer = p ? intOf(p) : null;
  }
  return { nodes: (f.get('node') ?? []).map(readNode), producer };
}
