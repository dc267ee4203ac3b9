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
 * with the ci × 4·vecs accumulators held in v128 locals, x's values broadcast by load32_splat. A partial last vector is read with
 * load32_zero / load64_zero (+ load32_lane), so nothing past dy's row is read.
 */

import {
  ADD,
  EQZ,
  FADD,
  FMUL,
  MUL,
  SUB,
  assemble,
  funcBody,
  get,
  i32c,
  loadSplat,
  mem,
  set,
  simd,
  tee,
  v128load,
  v128store,
} from './wasmAssembler';

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
    code.push(...get(xp), ...loadSplat(4 * i), ...set(xs));
    for (let j = 0; j < vecs; j++)
      code.push(...get(acc(i, j)), ...get(xs), ...get(d(j)), ...FMUL, ...FADD, ...set(acc(i, j)));
  }
  code.push(...get(xp), ...get(P.xCol), ...ADD, ...set(xp));
  code.push(...get(dp), ...get(P.dyCol), ...ADD, ...set(dp));
  code.push(...get(c), ...i32c(1), ...SUB, ...tee(c), 0x0d, 0); // c-- ; br_if $col
  code.push(0x0b); // end $col
  code.push(...get(P.x), ...get(P.xRow), ...ADD, ...set(P.x));
  code.push(...get(P.dy), ...get(P.dyRow), ...ADD, ...set(P.dy));
  code.push(...get(P.rows), ...i32c(1), ...SUB, ...tee(P.rows), 0x0d, 0); // rows-- ; br_if $row
  code.push(0x0b, 0x0b); // end $row, end $exit
  for (let i = 0; i < ci; i++)
    for (let j = 0; j < vecs; j++) code.push(...outAddr(i), ...get(acc(i, j)), ...v128store(16 * j));
  return funcBody(3, vCount, code);
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

/** The module's bytes: the memory import "m"."memory" and the variants. */
export function filterGradientModule(variants: Variant[] = allVariants()): Uint8Array<ArrayBuffer> {
  return assemble(
    variants.map((v) => ({ name: variantName(v), params: PARAMS, body: body(v.ci, v.vecs, v.tail) })),
  );
}
