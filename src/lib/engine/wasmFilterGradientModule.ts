/**
 * A small WebAssembly SIMD module, assembled here byte by byte, that accumulates a convolution's
 * filter gradient for one image and one kernel tap (see wasmFilterGradient.ts). It imports the
 * memory of tfjs-backend-wasm, so it reads x and dy where they lie and writes into a tensor
 * the backend made: no copies.
 *
 * Function `g{ci}_{vecs}_{tail}` (ci ∈ 1..4 input channels, vecs ∈ 1..3 vectors of 4 output
 * channels, the last one holding `tail` ∈ 1..4 of them) takes
 * (x, dy, out, rows, cols, xRowStep, xColStep, dyRowStep, dyColStep, outRowStep), all in bytes,
 * and does, for every pixel (r, c) of the rows × cols block,
 *   out[i][o] += x[r·xRowStep + c·xColStep + i] · dy[r·dyRowStep + c·dyColStep + o]
 * with the ci × 4·vecs accumulators held in v128 locals. A partial last vector is read with
 * load32_zero / load64_zero (+ load32_lane), so nothing past dy's row is read.
 */

const I32 = 0x7f;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...s].map((ch) => [ch.charCodeAt(0)]));
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

// Instructions.
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const i32c = (n: number) => [0x41, ...sleb(n)];
const ADD = [0x6a];
const SUB = [0x6b];
const MUL = [0x6c];
const EQZ = [0x45];
const simd = (op: number, ...imm: number[]) => [0xfd, ...uleb(op), ...imm];
const mem = (align: number, offset: number) => [...uleb(align), ...uleb(offset)];
const f32load = (offset: number) => [0x2a, ...mem(2, offset)];
const v128load = (offset: number) => simd(0x00, ...mem(0, offset));
const v128store = (offset: number) => simd(0x0b, ...mem(0, offset));
const SPLAT = simd(0x13);
const FADD = simd(0xe4);
const FMUL = simd(0xe6);

const P = {
  x: 0,
  dy: 1,
  out: 2,
  rows: 3,
  cols: 4,
  xRow: 5,
  xCol: 6,
  dyRow: 7,
  dyCol: 8,
  outRow: 9,
} as const;
const PARAMS = 10;

/** dy's vector j at address `local` (+16j), `lanes` of its 4 lanes valid. */
function loadDy(local: number, j: number, lanes: number): number[] {
  const at = 16 * j;
  if (lanes === 4) return [...get(local), ...v128load(at)];
  if (lanes === 1) return [...get(local), ...simd(0x5c, ...mem(0, at))];
  const low = [...get(local), ...simd(0x5d, ...mem(0, at))];
  if (lanes === 2) return low;
  // load32_lane takes the address, then the vector; lane 2 is the 3rd float.
  return [...get(local), ...low, ...simd(0x56, ...mem(0, at + 8), 2)];
}

function body(ci: number, vecs: number, tail: number): number[] {
  // rows and the x, dy addresses count down / move on in their params' places.
  const xp = PARAMS;
  const dp = PARAMS + 1;
  const c = PARAMS + 2;
  const acc = (i: number, j: number) => PARAMS + 3 + i * vecs + j;
  const d = (j: number) => PARAMS + 3 + ci * vecs + j;
  const xs = PARAMS + 3 + ci * vecs + vecs;
  const vCount = ci * vecs + vecs + 1;
  const locals = vec([
    [...uleb(3), I32],
    [...uleb(vCount), V128],
  ]);
  const outAddr = (i: number) => [...get(P.out), ...get(P.outRow), ...i32c(i), ...MUL, ...ADD];
  const code: number[] = [];
  for (let i = 0; i < ci; i++)
    for (let j = 0; j < vecs; j++) code.push(...outAddr(i), ...v128load(16 * j), ...set(acc(i, j)));
  code.push(0x02, 0x40); // block $exit
  code.push(...get(P.rows), ...EQZ, 0x0d, 0, ...get(P.cols), ...EQZ, 0x0d, 0);
  code.push(0x03, 0x40); // loop $row
  code.push(...get(P.x), ...set(xp), ...get(P.dy), ...set(dp), ...get(P.cols), ...set(c));
  code.push(0x03, 0x40); // loop $col
  for (let j = 0; j < vecs; j++) code.push(...loadDy(dp, j, j === vecs - 1 ? tail : 4), ...set(d(j)));
  for (let i = 0; i < ci; i++) {
    code.push(...get(xp), ...f32load(4 * i), ...SPLAT, ...set(xs));
    for (let j = 0; j < vecs; j++)
      code.push(...get(acc(i, j)), ...get(xs), ...get(d(j)), ...FMUL, ...FADD, ...set(acc(i, j)));
  }
  code.push(...get(xp), ...get(P.xCol), ...ADD, ...set(xp));
  code.push(...get(dp), ...get(P.dyCol), ...ADD, ...set(dp));
  code.push(...get(c), ...i32c(1), ...SUB, 0x22, ...uleb(c), 0x0d, 0); // c-- ; br_if $col
  code.push(0x0b); // end $col
  code.push(...get(P.x), ...get(P.xRow), ...ADD, ...set(P.x));
  code.push(...get(P.dy), ...get(P.dyRow), ...ADD, ...set(P.dy));
  code.push(...get(P.rows), ...i32c(1), ...SUB, 0x22, ...uleb(P.rows), 0x0d, 0); // rows-- ; br_if $row
  code.push(0x0b, 0x0b); // end $row, end $exit
  for (let i = 0; i < ci; i++)
    for (let j = 0; j < vecs; j++) code.push(...outAddr(i), ...get(acc(i, j)), ...v128store(16 * j));
  code.push(0x0b);
  const fn = [...locals, ...code];
  return [...uleb(fn.length), ...fn];
}

export interface Variant {
  ci: number;
  vecs: number;
  tail: number;
}

export const variantName = ({ ci, vecs, tail }: Variant): string => `g${ci}_${vecs}_${tail}`;

/** Every variant: ci 1..4, vecs 1..3, tail 1..4. */
export function allVariants(): Variant[] {
  const out: Variant[] = [];
  for (let ci = 1; ci <= 4; ci++)
    for (let vecs = 1; vecs <= 3; vecs++) for (let tail = 1; tail <= 4; tail++) out.push({ ci, vecs, tail });
  return out;
}

/** The module's bytes: one function type, the memory import "m"."memory", the variants. */
export function filterGradientModule(variants: Variant[] = allVariants()): Uint8Array<ArrayBuffer> {
  const type = [0x60, ...vec(Array.from({ length: PARAMS }, () => [I32])), ...vec([])];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([type])),
    ...section(2, vec([[...name('m'), ...name('memory'), 0x02, 0x00, 0x00]])),
    ...section(3, vec(variants.map(() => [0]))),
    ...section(7, vec(variants.map((v, i) => [...name(variantName(v)), 0x00, ...uleb(i)]))),
    ...section(10, vec(variants.map((v) => body(v.ci, v.vecs, v.tail)))),
  ];
  return new Uint8Array(bytes);
}
