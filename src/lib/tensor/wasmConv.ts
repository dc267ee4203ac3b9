/**
 * Conv2D as a few hundred bytes of WebAssembly, assembled here: the first image's forward
 * pass runs once, cold, on page load, and JavaScript spends most of that time interpreting
 * before it is optimised, while WebAssembly runs compiled from the first multiply (about 5×
 * faster for TinyVGG's first look on a 2-core machine). It sums in f32, as tfjs does; `conv2d`
 * in ./kernels, which it falls back to where WebAssembly is missing, sums in f64 (they agree
 * to ~1e-6).
 */
import type { TensorData } from './types';
import type { WindowPlan } from './window';

// --- A minimal structured assembler: every branch targets its own construct's label. ---
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const int = (n: number) => [0x41, ...sleb(n)];
const ADD = 0x6a;
const SUB = 0x6b;
const MUL = 0x6c;
const SHL = 0x74;
const GE_S = 0x4e;
const GE_U = 0x4f;
const F32_LOAD = [0x2a, 2, 0];
const F32_STORE = [0x38, 2, 0];
const F32_ADD = 0x92;
const F32_MUL = 0x94;
const F32_EQ = 0x5b;
/** i = 0; while (i < limit) { body; i++ } */
const loop = (i: number, limit: number, body: number[]): number[] => [
  ...int(0),
  ...set(i),
  0x02,
  0x40,
  0x03,
  0x40,
  ...get(i),
  ...get(limit),
  GE_S,
  0x0d,
  1,
  ...body,
  ...get(i),
  ...int(1),
  ADD,
  ...set(i),
  0x0c,
  0,
  0x0b,
  0x0b,
];
/** if (!cond) { body }: `cond` leaves an i32 on the stack. */
const unless = (cond: number[], body: number[]): number[] => [0x02, 0x40, ...cond, 0x0d, 0, ...body, 0x0b];
/** Byte address base + index·4. */
const at = (base: number[], index: number[]) => [...base, ...index, ...int(2), SHL, ADD];

// Parameters (0–17), then locals (18–28 i32, 29 f32), by index.
const [X, K, B, OUT, H, W, C, KH, KW, O, SH, SW, DH, DW, PT, PL, OH, OW] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
] as const;
const [OY, OX, KY, KX, IY, IX, CI, OI, OB, XB, KB, V] = [
  18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
] as const;
const ZERO_F32 = [0x43, 0, 0, 0, 0];

// out[ob + o] += v · K[kb + c·O + o] for every output channel o, unless v is 0 (common after ReLU).
// prettier-ignore
const accumulate = unless([...get(V), ...ZERO_F32, F32_EQ],
  loop(OI, O, [
    ...at(get(OB), get(OI)),
    ...at(get(OB), get(OI)), ...F32_LOAD,
    ...get(V), ...at(get(KB), [...get(CI), ...get(O), MUL, ...get(OI), ADD]), ...F32_LOAD,
    F32_MUL, F32_ADD, ...F32_STORE,
  ]));

// prettier-ignore
const body = loop(OY, OH, loop(OX, OW, [
  // ob = out + (oy·OW + ox)·O floats, set to the bias
  ...at(get(OUT), [...get(OY), ...get(OW), MUL, ...get(OX), ADD, ...get(O), MUL]), ...set(OB),
  ...loop(OI, O, [...at(get(OB), get(OI)), ...at(get(B), get(OI)), ...F32_LOAD, ...F32_STORE]),
  ...loop(KY, KH, [
    // iy = oy·SH − PT + ky·DH, compared unsigned: a negative row is outside too.
    ...unless([...get(OY), ...get(SH), MUL, ...get(PT), SUB, ...get(KY), ...get(DH), MUL, ADD, ...tee(IY), ...get(H), GE_U],
      loop(KX, KW, [
        ...unless([...get(OX), ...get(SW), MUL, ...get(PL), SUB, ...get(KX), ...get(DW), MUL, ADD, ...tee(IX), ...get(W), GE_U], [
          ...at(get(X), [...get(IY), ...get(W), MUL, ...get(IX), ADD, ...get(C), MUL]), ...set(XB),
          ...at(get(K), [...get(KY), ...get(KW), MUL, ...get(KX), ADD, ...get(C), MUL, ...get(O), MUL]), ...set(KB),
          ...loop(CI, C, [...at(get(XB), get(CI)), ...F32_LOAD, ...set(V), ...accumulate]),
        ]),
      ])),
  ]),
]));

const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content];
const name = (s: string) => [...uleb(s.length), ...[...s].map((ch) => ch.charCodeAt(0))];
// Locals: 11 × i32, 1 × f32.
const code = [2, 11, 0x7f, 1, 0x7d, ...body, 0x0b];
// prettier-ignore
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  ...section(1, [1, 0x60, 18, ...Array<number>(18).fill(0x7f), 0]), // type: (18 × i32) → ()
  ...section(3, [1, 0]), // one function of that type
  ...section(5, [1, 0, 1]), // one memory, 1 page to start
  ...section(7, [2, ...name('conv'), 0, 0, ...name('mem'), 2, 0]), // exports
  ...section(10, [1, ...uleb(code.length), ...code]),
]);

interface ConvInstance {
  conv: (...args: number[]) => void;
  mem: WebAssembly.Memory;
}

let instance: ConvInstance | null | undefined;

function load(): ConvInstance | null {
  if (instance !== undefined) return instance;
  try {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(MODULE)).exports;
    instance = { conv: exports.conv as ConvInstance['conv'], mem: exports.mem as WebAssembly.Memory };
  } catch {
    instance = null;
  }
  return instance;
}

/**
 * Σ x·K + b over every window of the plan, or null where WebAssembly cannot run (the caller
 * then computes it in JavaScript). Input [H, W, C], kernel [kh, kw, C, O], bias [O].
 */
export function conv2dWasm(
  input: TensorData,
  kernel: TensorData,
  bias: TensorData | undefined,
  plan: WindowPlan,
): TensorData | null {
  const wasm = load();
  if (!wasm) return null;
  const [height = 0, width = 0, inC = 0] = input.shape;
  const outC = kernel.shape[3] ?? 0;
  const outSize = plan.outputHeight * plan.outputWidth * outC;
  const floats = input.data.length + kernel.data.length + outC + outSize;
  const needed = Math.ceil((floats * 4) / 65536) - wasm.mem.buffer.byteLength / 65536;
  if (needed > 0) wasm.mem.grow(needed);
  const heap = new Float32Array(wasm.mem.buffer);
  const x = 0;
  const k = x + input.data.length;
  const b = k + kernel.data.length;
  const out = b + outC;
  heap.set(input.data, x);
  heap.set(kernel.data, k);
  if (bias) heap.set(bias.data.subarray(0, outC), b);
  else heap.fill(0, b, out);
  wasm.conv(
    x * 4,
    k * 4,
    b * 4,
    out * 4,
    height,
    width,
    inC,
    plan.kernel[0],
    plan.kernel[1],
    outC,
    plan.strides[0],
    plan.strides[1],
    plan.dilation[0],
    plan.dilation[1],
    plan.padTop,
    plan.padLeft,
    plan.outputHeight,
    plan.outputWidth,
  );
  return { data: heap.slice(out, out + outSize), shape: [plan.outputHeight, plan.outputWidth, outC] };
}
