/**
 * MaxPoolGrad of a 2×2, stride-2 pool without padding as a WebAssembly SIMD loop (assembled
 * with wasmAssembler.ts, run on tfjs-backend-wasm's memory; see wasmMaxPoolGrad.ts). The
 * windows do not overlap, so every input position gets its window's dy or 0, written once.
 *
 * `pool2x2(x, dy, dx, rows, cols, vectors, tail, rowStep, colStep, rowAdvance)`, addresses and
 * steps in bytes: for `rows` window rows from x (the next one `rowAdvance` on) of `cols`
 * windows each (`colStep` = one pixel, C floats, apart), for each channel (`vectors` blocks of
 * 4, then `tail` single ones), the four values are compared in row-major order from −∞ with
 * `>`, as the cpu backend does: the first largest takes dy (a NaN never does), the others get 0.
 * dy is read in order from its start; dx has x's layout.
 */
import {
  ADD,
  AND,
  ANDNOT,
  BITSELECT,
  EQZ,
  FGT,
  OR,
  SUB,
  assemble,
  funcBody,
  get,
  i32c,
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
  dx: 2,
  rows: 3,
  cols: 4,
  vectors: 5,
  tail: 6,
  rowStep: 7,
  colStep: 8,
  rowAdvance: 9,
} as const;
const PARAMS = 10;
// i32 locals: the window's four addresses, dx − x, the column and channel counters.
const A = [PARAMS, PARAMS + 1, PARAMS + 2, PARAMS + 3] as const;
const DELTA = PARAMS + 4;
const COL = PARAMS + 5;
const K = PARAMS + 6;
const I32_LOCALS = 7;
// v128 locals: the four values, the best so far, the four masks, dy.
const V = [PARAMS + 7, PARAMS + 8, PARAMS + 9, PARAMS + 10] as const;
const BEST = PARAMS + 11;
const M = [PARAMS + 12, PARAMS + 13, PARAMS + 14, PARAMS + 15] as const;
const G = PARAMS + 16;
const V128_LOCALS = 10;

const NEG_INF = simd(0x0c, ...Array.from({ length: 4 }, () => [0x00, 0x00, 0x80, 0xff]).flat());

/** One block of channels: 4 of them (`lane` false) or one (lane 0 only). */
function windowBlock(lane: boolean): number[] {
  const load = (addr: number[]) =>
    lane ? [...addr, ...simd(0x5c, ...mem(2, 0))] : [...addr, ...v128load(0)];
  const store = (addr: number[], value: number[]) =>
    lane ? [...addr, ...value, ...simd(0x5a, ...mem(2, 0), 0)] : [...addr, ...value, ...v128store(0)];
  const dxAt = (k: number) => [...get(A[k]!), ...get(DELTA), ...ADD];
  const code: number[] = [];
  code.push(...NEG_INF, ...set(BEST));
  for (let k = 0; k < 4; k++) {
    code.push(...load(get(A[k]!)), ...set(V[k]!));
    code.push(...get(V[k]!), ...get(BEST), ...FGT, ...set(M[k]!));
    if (k < 3) code.push(...get(V[k]!), ...get(BEST), ...get(M[k]!), ...BITSELECT, ...set(BEST));
  }
  code.push(...load(get(P.dy)), ...set(G));
  // From the last: window k wins where its mask is set and no later one's is.
  code.push(...store(dxAt(3), [...get(G), ...get(M[3]!), ...AND]));
  for (let k = 2; k >= 0; k--) {
    code.push(...store(dxAt(k), [...get(G), ...get(M[k]!), ...AND, ...get(M[3]!), ...ANDNOT]));
    if (k > 0) code.push(...get(M[k]!), ...get(M[3]!), ...OR, ...set(M[3]!));
  }
  const bytes = lane ? 4 : 16;
  for (let k = 0; k < 4; k++) code.push(...get(A[k]!), ...i32c(bytes), ...ADD, ...set(A[k]!));
  code.push(...get(P.dy), ...i32c(bytes), ...ADD, ...set(P.dy));
  return code;
}

/** `count` times `body` (count a local, run down to 0; nothing when it starts at 0). */
function repeat(count: number, body: number[]): number[] {
  return [
    ...[0x02, 0x40, ...get(count), ...EQZ, 0x0d, 0], // block; br_if count == 0
    ...[0x03, 0x40, ...body, ...get(count), ...i32c(1), ...SUB, ...tee(count), 0x0d, 0, 0x0b], // loop
    0x0b,
  ];
}

function pool2x2Body(): number[] {
  const code: number[] = [...get(P.dx), ...get(P.x), ...SUB, ...set(DELTA)];
  // Per window: the four addresses from the top left one, the channel blocks, then on by the
  // window's second pixel (the blocks moved the addresses on by the first).
  const window = [
    ...[...get(A[0]!), ...get(P.colStep), ...ADD, ...set(A[1]!)],
    ...[...get(A[0]!), ...get(P.rowStep), ...ADD, ...set(A[2]!)],
    ...[...get(A[2]!), ...get(P.colStep), ...ADD, ...set(A[3]!)],
    ...[...get(P.vectors), ...set(K)],
    ...repeat(K, windowBlock(false)),
    ...[...get(P.tail), ...set(K)],
    ...repeat(K, windowBlock(true)),
    ...[...get(A[0]!), ...get(P.colStep), ...ADD, ...set(A[0]!)],
  ];
  const row = [
    ...[...get(P.x), ...set(A[0]!), ...get(P.cols), ...set(COL)],
    ...repeat(COL, window),
    ...[...get(P.x), ...get(P.rowAdvance), ...ADD, ...set(P.x)],
  ];
  code.push(...repeat(P.rows, row));
  return funcBody(I32_LOCALS, V128_LOCALS, code);
}

export function poolGradModule(): Uint8Array<ArrayBuffer> {
  return assemble([{ name: 'pool2x2', params: PARAMS, body: pool2x2Body() }]);
}
