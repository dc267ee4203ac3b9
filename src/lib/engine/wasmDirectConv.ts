/**
 * Conv2D and FusedConv2D (bias, no activation) on the wasm backend as a direct SIMD loop
 * (wasmDirectConvModule.ts) for convolutions with few output channels, like TinyVGG's 10.
 * XNNPACK computes output channels in tiles of 8, so 10 channels cost 16 lanes of work; here
 * they take 12 (three vectors of 4), with the bias in the accumulators' start. Padding is
 * added as zeros first (a PadV2), so the loop only ever sees a valid convolution; strides move
 * its input pointer. The input gradient (wasmConvGradients.ts) is a Conv2D too and runs here.
 * The values equal XNNPACK's up to float32 rounding of sums in another order.
 */
import { tf } from './tf';
import { scope, type KernelFunc, type TensorInfo } from './wasmKernelKit';
import { ownModule } from './wasmAssembler';
import { directConvModule, pixelsFor, type ConvShape } from './wasmDirectConvModule';
import type { WasmFn } from './wasmAssembler';

/** One module per shape, made when first needed. */
const modules = new Map<string, (backend: unknown) => Record<string, WasmFn> | null>();

function kernels(shape: ConvShape, backend: unknown): Record<string, WasmFn> | null {
  const key = `${shape.vecs} ${shape.tail} ${shape.kwci} ${shape.xPix}`;
  let made = modules.get(key);
  if (!made) modules.set(key, (made = ownModule(() => directConvModule(shape))));
  return made(backend);
}
let enabled = true;

/** Turns this path off (XNNPACK runs every convolution), for same-run A/B benchmarks. */
export function setDirectConv(on: boolean): void {
  enabled = on;
}

const MAX_CHANNELS = 12;
/** The most floats under one kernel row (the unrolled loop's length). */
const MAX_ROW = 64;

interface ConvAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: string;
  dilations?: [number, number] | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  activation?: string;
}

/** The convolution, or null when this path does not apply (the caller falls back). */
function directConv(
  x: TensorInfo,
  filter: TensorInfo,
  bias: TensorInfo | undefined,
  attrs: ConvAttrs,
  backend: unknown,
): TensorInfo | null {
  const [kh = 1, kw = 1, ci = 1, co = 1] = filter.shape;
  if (!enabled || co > MAX_CHANNELS || kh * kw === 1 || kw * ci > MAX_ROW || x.shape.length !== 4)
    return null;
  if (x.dtype !== 'float32' || filter.dtype !== 'float32') return null;
  if (attrs.dataFormat !== undefined && attrs.dataFormat !== 'NHWC') return null;
  if (bias && (bias.dtype !== 'float32' || bias.shape.reduce((a, b) => a * b, 1) !== co)) return null;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filter.shape as [number, number, number, number],
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1 || info.outWidth < 4) return null;
  const vecs = Math.ceil(co / 4);
  const tail = co - 4 * (vecs - 1);
  const fns = kernels({ vecs, tail, kwci: kw * ci, xPix: 4 * info.strideWidth * ci }, backend);
  if (!fns) return null;
  const k = scope(backend);
  try {
    const { top, bottom, left, right } = info.padInfo;
    const input =
      top + bottom + left + right > 0
        ? k.run(
            'PadV2',
            { x },
            {
              paddings: [
                [0, 0],
                [top, bottom],
                [left, right],
                [0, 0],
              ],
              constantValue: 0,
            },
          )
        : x;
    const [n = 1, H = 1, W = 1] = input.shape;
    const { outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw } = info;
    const coPad = 4 * vecs;
    const K = kh * kw * ci;
    // The weights as [K, coPad] and the bias after them, zero-padded.
    const packed = k.run('Fill', {}, { shape: [K * coPad + coPad], value: 0, dtype: 'float32' });
    const out = k.output([n, OH, OW, co]);
    // Views after making the output: a new tensor can grow the heap and empty older views.
    const p = k.values(packed);
    const f = k.values(filter);
    for (let r = 0; r < K; r++) p.set(f.subarray(r * co, r * co + co), r * coPad);
    if (bias) p.set(k.values(bias), K * coPad);
    const w = p.byteOffset;
    const b = w + 4 * K * coPad;
    const xAt = k.values(input).byteOffset;
    const outAt = k.values(out).byteOffset;
    const px = pixelsFor(vecs);
    const full = Math.floor(OW / px);
    const rest = OW - full * px;
    const main = fns[`c${px}`]!;
    const edge = rest > 0 ? fns[`c${rest}`]! : null;
    const [xRow, xPix, outPix] = [4 * W * ci, 4 * sw * ci, 4 * co];
    for (let i = 0; i < n; i++)
      for (let oh = 0; oh < OH; oh++) {
        const xr = xAt + xRow * (i * H + oh * sh);
        const or = outAt + outPix * (i * OH + oh) * OW;
        main(xr, w, b, or, full, kh, xRow, outPix);
        edge?.(xr + full * px * xPix, w, b, or + full * px * outPix, 1, kh, xRow, outPix);
      }
    return out;
  } finally {
    k.free();
  }
}

function via(fallback: KernelFunc, fused: boolean): KernelFunc {
  return (args) => {
    const { x, filter, bias, preluActivationWeights } = args.inputs as Record<string, TensorInfo | undefined>;
    const attrs = args.attrs as unknown as ConvAttrs;
    const linear = !fused || ((attrs.activation ?? 'linear') === 'linear' && !preluActivationWeights);
    const out =
      x && filter && linear ? directConv(x, filter, fused ? bias : undefined, attrs, args.backend) : null;
    return out ?? fallback(args);
  };
}

let registered = false;

/** Wraps wasm's Conv2D and FusedConv2D once; safe to call more than once. */
export function registerWasmDirectConv(): void {
  if (registered) return;
  registered = true;
  for (const [name, fused] of [
    ['Conv2D', false],
    ['FusedConv2D', true],
  ] as const) {
    const own = tf.getKernel(name, 'wasm');
    if (!own) continue;
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...own, kernelFunc: via(own.kernelFunc, fused) });
  }
}
