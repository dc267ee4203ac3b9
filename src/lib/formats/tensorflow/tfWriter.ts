/**
 * Writing NodeDefs as protobuf text, one attr per line (`attr { key: "T" value { type:
 * DT_FLOAT } }`), attrs sorted by key as TensorFlow prints its maps. Names go through
 * prototxtString; tensors are written with `float_val` / `int_val` when small and as
 * little-endian `tensor_content` bytes (octal escapes, split over lines) when large.
 */
import { prototxtString } from '../escape';
import { formatScalar } from '../protoText';

export interface TensorText {
  dtype: 'DT_FLOAT' | 'DT_INT32';
  shape: number[];
  /** All values, or one value that fills the tensor (TensorFlow repeats the last one). */
  values: ArrayLike<number>;
}

export type Attr =
  | { type: string }
  | { s: string }
  | { i: number }
  | { f: number }
  | { b: boolean }
  | { shape: number[] }
  | { ints: number[] }
  | { tensor: TensorText };

export interface NodeText {
  name: string;
  op: string;
  inputs: string[];
  attrs: Record<string, Attr>;
}

const shapeText = (dims: number[]) => dims.map((d) => `dim { size: ${d} }`).join(' ');

/** Bytes as they go between the quotes of a protobuf string, one table entry per byte value. */
const BYTE_TEXT: string[] = Array.from({ length: 256 }, (_, b) => {
  if (b === 0x22) return '\\"';
  if (b === 0x27) return "\\'";
  if (b === 0x5c) return '\\\\';
  if (b >= 0x20 && b < 0x7f) return String.fromCharCode(b);
  return `\\${b.toString(8).padStart(3, '0')}`;
});

/** Bytes per line of a tensor_content literal (adjacent literals are one string). */
const LINE_BYTES = 4096;

function contentText(values: ArrayLike<number>, dtype: TensorText['dtype'], indent: string): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let k = 0; k < values.length; k++)
    if (dtype === 'DT_FLOAT') view.setFloat32(k * 4, values[k] ?? 0, true);
    else view.setInt32(k * 4, values[k] ?? 0, true);
  const lines: string[] = [];
  for (let start = 0; start < bytes.length; start += LINE_BYTES) {
    const chunk: string[] = [];
    for (let k = start; k < Math.min(start + LINE_BYTES, bytes.length); k++)
      chunk.push(BYTE_TEXT[bytes[k] ?? 0] ?? '');
    lines.push(`"${chunk.join('')}"`);
  }
  return lines.join(`\n${indent}`);
}

/** Values written one by one up to this many; beyond, as packed content. */
const LISTED = 16;

function numberText(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return formatScalar(v);
}

export function tensorText(t: TensorText, indent = '    '): string {
  const head = `dtype: ${t.dtype} tensor_shape {${t.shape.length > 0 ? ` ${shapeText(t.shape)} ` : ''}}`;
  const field = t.dtype === 'DT_FLOAT' ? 'float_val' : 'int_val';
  if (t.values.length <= LISTED)
    return `tensor { ${head} ${Array.from(t.values, (v) => `${field}: ${numberText(v)}`).join(' ')} }`;
  return `tensor {\n${indent}  ${head}\n${indent}  tensor_content: ${contentText(t.values, t.dtype, `${indent}    `)}\n${indent}}`;
}

function attrText(a: Attr): string {
  if ('type' in a) return `type: ${a.type}`;
  if ('s' in a) return `s: ${prototxtString(a.s)}`;
  if ('i' in a) return `i: ${a.i}`;
  if ('f' in a) return `f: ${numberText(a.f)}`;
  if ('b' in a) return `b: ${a.b}`;
  if ('shape' in a) return `shape { ${shapeText(a.shape)} }`;
  if ('ints' in a) return `list { ${a.ints.map((i) => `i: ${i}`).join(' ')} }`;
  return tensorText(a.tensor);
}

export function nodeText(n: NodeText): string {
  const lines = [`  name: ${prototxtString(n.name)}`, `  op: ${prototxtString(n.op)}`];
  for (const input of n.inputs) lines.push(`  input: ${prototxtString(input)}`);
  for (const key of Object.keys(n.attrs).sort()) {
    const a = n.attrs[key] as Attr;
    lines.push(`  attr { key: ${prototxtString(key)} value { ${attrText(a)} } }`);
  }
  return `node {\n${lines.join('\n')}\n}\n`;
}
