/**
 * A few bytes of WebAssembly by hand: the encodings our small SIMD modules are assembled from
 * (wasmFilterGradientModule.ts, wasmPoolGradModule.ts), and the module frame they share: one
 * memory imported as "m"."memory" (tfjs-backend-wasm's), functions of i32 parameters and no
 * result, each exported under its name.
 */

export const I32 = 0x7f;
export const V128 = 0x7b;

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...s].map((ch) => [ch.charCodeAt(0)]));
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

// Instructions.
export const get = (i: number): number[] => [0x20, ...uleb(i)];
export const set = (i: number): number[] => [0x21, ...uleb(i)];
export const tee = (i: number): number[] => [0x22, ...uleb(i)];
export const i32c = (n: number): number[] => [0x41, ...sleb(n)];
export const ADD = [0x6a];
export const SUB = [0x6b];
export const MUL = [0x6c];
export const EQZ = [0x45];
export const simd = (op: number, ...imm: number[]): number[] => [0xfd, ...uleb(op), ...imm];
export const mem = (align: number, offset: number): number[] => [...uleb(align), ...uleb(offset)];
export const v128load = (offset: number): number[] => simd(0x00, ...mem(0, offset));
export const v128store = (offset: number): number[] => simd(0x0b, ...mem(0, offset));
export const f32load = (offset: number): number[] => [0x2a, ...mem(2, offset)];
export const f32store = (offset: number): number[] => [0x38, ...mem(2, offset)];
/** v128.load32_splat: one float read into all four lanes. */
export const loadSplat = (offset: number): number[] => simd(0x09, ...mem(2, offset));
export const FADD = simd(0xe4);
export const FMUL = simd(0xe6);
export const FGT = simd(0x44);
export const AND = simd(0x4e);
export const ANDNOT = simd(0x4f);
export const OR = simd(0x50);
export const BITSELECT = simd(0x52);

/** A function's body: its extra locals (i32s, then v128s) and code, closed with `end`. */
export function funcBody(i32s: number, v128s: number, code: number[]): number[] {
  const locals = vec([
    [...uleb(i32s), I32],
    [...uleb(v128s), V128],
  ]);
  const fn = [...locals, ...code, 0x0b];
  return [...uleb(fn.length), ...fn];
}

export interface Func {
  name: string;
  /** Count of i32 parameters. */
  params: number;
  /** From funcBody. */
  body: number[];
}

/** The module's bytes: a type per function, the memory import "m"."memory", the exports. */
export function assemble(funcs: Func[]): Uint8Array<ArrayBuffer> {
  const types = funcs.map((f) => [0x60, ...vec(Array.from({ length: f.params }, () => [I32])), ...vec([])]);
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([[...name('m'), ...name('memory'), 0x02, 0x00, 0x00]])),
    ...section(3, vec(funcs.map((_, i) => uleb(i)))),
    ...section(7, vec(funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(funcs.map((f) => f.body))),
  ];
  return new Uint8Array(bytes);
}

export type WasmFn = (...args: number[]) => void;

interface WasmModule {
  asm?: { memory?: WebAssembly.Memory };
}

/** A threaded build's memory (SharedArrayBuffer exists only where the page is cross-origin isolated). */
function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

/**
 * One of our modules, instantiated on the wasm backend's memory the first time it is asked for
 * (and again if the backend's memory object changes); null where that cannot be done: another
 * backend, a shared (threaded) memory, no SIMD, or a thread that refuses to compile synchronously.
 */
export function ownModule(
  bytes: () => Uint8Array<ArrayBuffer>,
): (backend: unknown) => Record<string, WasmFn> | null {
  let instance: { memory: WebAssembly.Memory; fns: Record<string, WasmFn> } | null = null;
  let unavailable = false;
  return (backend) => {
    if (unavailable) return null;
    const memory = (backend as { wasm?: WasmModule }).wasm?.asm?.memory;
    if (!(memory instanceof WebAssembly.Memory) || isShared(memory)) return null;
    if (instance?.memory === memory) return instance.fns;
    try {
      const made = new WebAssembly.Instance(new WebAssembly.Module(bytes()), { m: { memory } });
      instance = { memory, fns: made.exports as unknown as Record<string, WasmFn> };
      return instance.fns;
    } catch {
      unavailable = true;
      return null;
    }
  };
}
