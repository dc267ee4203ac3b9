/**
 * A tiny protobuf writer for .caffemodel test fixtures, independent of protobufjs and of the
 * importer's schema: field numbers are written here from Caffe's caffe.proto by hand, so a
 * wrong number in our schema makes the tests fail instead of agreeing with itself.
 */

export type Field =
  | { n: number; varint: number }
  | { n: number; bytes: Uint8Array }
  | { n: number; f32: number }
  | { n: number; f64: number };

function varint(out: number[], v: number): void {
  let x = v < 0 ? BigInt.asUintN(64, BigInt(v)) : BigInt(v);
  do {
    let byte = Number(x & 0x7fn);
    x >>= 7n;
    if (x > 0n) byte |= 0x80;
    out.push(byte);
  } while (x > 0n);
}

export function message(fields: Field[]): Uint8Array {
  const out: number[] = [];
  for (const f of fields) {
    if ('varint' in f) {
      varint(out, f.n << 3);
      varint(out, f.varint);
    } else if ('bytes' in f) {
      varint(out, (f.n << 3) | 2);
      varint(out, f.bytes.length);
      for (const b of f.bytes) out.push(b);
    } else if ('f32' in f) {
      varint(out, (f.n << 3) | 5);
      const b = new Uint8Array(4);
      new DataView(b.buffer).setFloat32(0, f.f32, true);
      out.push(...b);
    } else {
      varint(out, (f.n << 3) | 1);
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, f.f64, true);
      out.push(...b);
    }
  }
  return Uint8Array.from(out);
}

export const str = (n: number, s: string): Field => ({ n, bytes: new TextEncoder().encode(s) });
export const sub = (n: number, fields: Field[]): Field => ({ n, bytes: message(fields) });
export const u = (n: number, v: number): Field => ({ n, varint: v });
export const f32 = (n: number, v: number): Field => ({ n, f32: v });

export function packedFloats(values: ArrayLike<number>): Uint8Array {
  const b = new Uint8Array(values.length * 4);
  const view = new DataView(b.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] ?? 0, true);
  return b;
}

export function packedDoubles(values: ArrayLike<number>): Uint8Array {
  const b = new Uint8Array(values.length * 8);
  const view = new DataView(b.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i] ?? 0, true);
  return b;
}

function packedVarints(values: number[]): Uint8Array {
  const out: number[] = [];
  for (const v of values) varint(out, v);
  return Uint8Array.from(out);
}

export type BlobStyle = 'shape' | 'legacy' | 'unpacked' | 'double';

/** BlobProto: shape 7 { dim 1 packed }, num 1 / channels 2 / height 3 / width 4, data 5, double_data 8. */
export function blob(dims: number[], values: ArrayLike<number>, style: BlobStyle = 'shape'): Uint8Array {
  const head: Field[] =
    style === 'legacy'
      ? [1, 1, 1, 1, ...dims].slice(-4).map((d, k) => u(k + 1, d))
      : [sub(7, [{ n: 1, bytes: packedVarints(dims) }])];
  if (style === 'unpacked') return message([...head, ...Array.from(values, (v) => f32(5, v))]);
  if (style === 'double') return message([...head, { n: 8, bytes: packedDoubles(values) }]);
  return message([...head, { n: 5, bytes: packedFloats(values) }]);
}

export interface LayerDef {
  name: string;
  type: string;
  bottom?: string[];
  top?: string[];
  blobs?: Uint8Array[];
  /** Extra fields (the *_param blocks), numbered for LayerParameter or V1LayerParameter. */
  params?: Field[];
}

/** LayerParameter: name 1, type 2, bottom 3, top 4, blobs 7. */
export function layer(d: LayerDef): Field {
  return sub(100, [
    str(1, d.name),
    str(2, d.type),
    ...(d.bottom ?? []).map((b) => str(3, b)),
    ...(d.top ?? []).map((t) => str(4, t)),
    ...(d.blobs ?? []).map((b) => ({ n: 7, bytes: b })),
    ...(d.params ?? []),
  ]);
}

/** V1LayerParameter: bottom 2, top 3, name 4, type 5 (enum), blobs 6. */
export function v1Layer(d: Omit<LayerDef, 'type'> & { type: number }): Field {
  return sub(2, [
    ...(d.bottom ?? []).map((b) => str(2, b)),
    ...(d.top ?? []).map((t) => str(3, t)),
    str(4, d.name),
    u(5, d.type),
    ...(d.blobs ?? []).map((b) => ({ n: 6, bytes: b })),
    ...(d.params ?? []),
  ]);
}

/** NetParameter: name 1, input 3, input_dim 4, layer 100 / layers 2. */
export function net(name: string, layers: Field[], input?: { name: string; dims: number[] }): Uint8Array {
  const head: Field[] = [str(1, name)];
  if (input) head.push(str(3, input.name), ...input.dims.map((d) => u(4, d)));
  return message([...head, ...layers]);
}
