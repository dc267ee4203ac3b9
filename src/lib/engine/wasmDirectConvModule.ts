/**
 * A direct convolution for few output channels as WebAssembly SIMD loops (assembled with
 * wasmAssembler.ts, run on tfjs-backend-wasm's memory; see wasmDirectConv.ts), NHWC:
 *   out[p, o] = bias[o] + Σ_i<kh Σ_t<kw·ci x[p·xPix + i·xRow + t] · w[(i·kw·ci + t)·4·vecs + o]
 * for a row of output pixels p. For a fixed kernel row i the kw·ci input values under the
 * kernel lie next to each other in memory, as do w's rows (packed [kh·kw·ci, 4·vecs], zero-padded
 * past the real channels), so the inner loop walks both linearly.
 *
 * A module is made for one ConvShape (vecs ∈ 1..3 vectors of 4 output channels, the last holding
 * `tail` ∈ 1..4 real ones; kw·ci; the input step between output pixels), so a kernel row's loop
 * is unrolled with every offset a constant and no pointer moves. Function `c{px}` does `blocks`
 * blocks of px output pixels, the px × vecs accumulators in v128 locals (≤ 9 of them, so they
 * stay in registers with the weights and the broadcast input), and stores only real channels.
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
  type Func,
} from './wasmAssembler';

const P = {
  x: 0,
  w: 1,
  bias: 2,
  out: 3,
  blocks: 4,
  kh: 5,
  xRow: 6,
  outPix: 7,
} as const;
const PARAMS = 8;

/** What one module is specialised for: the inner loop is unrolled with these as constants. */
export interface ConvShape {
  /** Vectors of 4 output channels, 1..3. */
  vecs: number;
  /** Real channels in the last vector, 1..4. */
  tail: number;
  /** Floats under one kernel row: kw · ci. */
  kwci: number;
  /** Bytes from one output pixel's input to the next: 4 · stride · ci. */
  xPix: number;
}

/** The most pixels at a time for a vector count: px · vecs accumulators ≤ 9 (≤ 8 for vecs 1, 2). */
export const pixelsFor = (vecs: number): number => (vecs === 3 ? 3 : 4);

/** Stores the vector in `local` at `addr` + 16·j, only its first `lanes` lanes. */
function store(addr: number[], j: number, local: number, lanes: number): number[] {
  const at = 16 * j;
  if (lanes === 4) return [...addr, ...get(local), ...v128store(at)];
  if (lanes === 1) return [...addr, ...get(local), ...simd(0x5a, ...mem(2, at), 0)];
  const low = [...addr, ...get(local), ...simd(0x5b, ...mem(3, at), 0)];
  if (lanes === 2) return low;
  return [...low, ...addr, ...get(local), ...simd(0x5a, ...mem(2, at + 8), 2)];
}

/** `count` (a local) times `body`, counting it down; nothing when it starts at 0. */
function repeat(count: number, body: number[]): number[] {
  return [
    ...[0x02, 0x40, ...get(count), ...EQZ, 0x0d, 0],
    ...[0x03, 0x40, ...body, ...get(count), ...i32c(1), ...SUB, ...tee(count), 0x0d, 0, 0x0b],
    0x0b,
  ];
}

function body({ vecs, tail, kwci, xPix }: ConvShape, px: number): number[] {
  // i32 locals: the weight pointer, the kernel-row pointer, the kernel-row counter.
  const [wp, xr, i] = [PARAMS, PARAMS + 1, PARAMS + 2];
  // v128 locals: the accumulators, the weight vectors, the broadcast input.
  const v0 = PARAMS + 3;
  const acc = (p: number, j: number) => v0 + p * vecs + j;
  const wv = (j: number) => v0 + px * vecs + j;
  const xs = v0 + px * vecs + vecs;
  const all = (count: number, f: (a: number) => number[]) =>
    Array.from({ length: count }, (_, a) => f(a)).flat();
  const pj = (f: (p: number, j: number) => number[]) =>
    all(px * vecs, (a) => f(Math.floor(a / vecs), a % vecs));

  // One kernel row, unrolled: every input value and weight at a constant offset.
  const tap = (t: number) => [
    ...all(vecs, (j) => [...get(wp), ...v128load(16 * (vecs * t + j)), ...set(wv(j))]),
    ...all(px, (p) => [
      ...[...get(xr), ...loadSplat(p * xPix + 4 * t), ...set(xs)],
      ...all(vecs, (j) => [
        ...get(acc(p, j)),
        ...get(xs),
        ...get(wv(j)),
        ...FMUL,
        ...FADD,
        ...set(acc(p, j)),
      ]),
    ]),
  ];
  const kernelRow = [
    ...all(kwci, tap),
    ...[...get(xr), ...get(P.xRow), ...ADD, ...set(xr)],
    ...[...get(wp), ...i32c(16 * vecs * kwci), ...ADD, ...set(wp)],
  ];
  const outAt = (p: number) => [...get(P.out), ...i32c(p), ...get(P.outPix), ...MUL, ...ADD];
  const block = [
    ...pj((p, j) => [...get(P.bias), ...v128load(16 * j), ...set(acc(p, j))]),
    ...[...get(P.w), ...set(wp), ...get(P.x), ...set(xr), ...get(P.kh), ...set(i)],
    ...repeat(i, kernelRow),
    ...pj((p, j) => store(outAt(p), j, acc(p, j), j === vecs - 1 ? tail : 4)),
    ...[...get(P.x), ...i32c(px * xPix), ...ADD, ...set(P.x)],
    ...[...get(P.out), ...get(P.outPix), ...i32c(px), ...MUL, ...ADD, ...set(P.out)],
  ];
  return funcBody(3, px * vecs + vecs + 1, repeat(P.blocks, block));
}

/**
 * The module for one shape: `c{px}` for px = 1..pixelsFor(vecs) output pixels at a time, each
 * (x, w, bias, out, blocks, kh, xRow, outPix), addresses and steps in bytes.
 */
export function directConvModule(shape: ConvShape): Uint8Array<ArrayBuffer> {
  return assemble(
    Array.from({ length: pixelsFor(shape.vecs) }, (_, k): Func => ({
      name: `c${k + 1}`,
      params: PARAMS,
      body: body(shape, k + 1),
    })),
  );
}
