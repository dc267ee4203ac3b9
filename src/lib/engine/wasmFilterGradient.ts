/**
 * Conv2DBackpropFilter on the wasm backend as one direct loop in our own SIMD module
 * (wasmFilterGradientModule.ts), for every convolution whose dilation is 1:
 *   dW[kh, kw, ci, co] = Σ_b,oh,ow x[b, oh·s + kh − padT, ow·s + kw − padL, ci] · dy[b, oh, ow, co]
 * XNNPACK's convolution, which the composed path uses (x as a [ci, H, W, b] image and dy as a
 * [oh, ow, b, co] filter), runs this product with a huge inner dimension and re-reads its
 * multi-megabyte packed filter for every small tile of the 9·ci output rows, and needs three
 * transposes around it: on TinyVGG that was ~45% of a training step. Here each call covers one
 * image and one tap (kh, kw), so x's and dy's image stays in cache across the taps, and
 * accumulates a block of ≤ 4 input × ≤ 12 output channels in registers over that image's pixels.
 */
import { tf } from './tf';
import { filterGradientModule, variantName } from './wasmFilterGradientModule';
import { scope, type TensorInfo } from './wasmKernelKit';
import { ownModule } from './wasmAssembler';

const kernels = ownModule(() => filterGradientModule());
let enabled = true;

/** Turns this path off (the composed XNNPACK one runs instead), for same-run A/B benchmarks. */
export function setDirectFilterGradient(on: boolean): void {
  enabled = on;
}

/** Output positions o with 0 ≤ o·s + k − pad < size, as [lo, hi). */
function span(out: number, size: number, s: number, k: number, pad: number): [number, number] {
  const lo = Math.max(0, Math.ceil((pad - k) / s));
  const hi = Math.min(out, Math.floor((size - 1 + pad - k) / s) + 1);
  return [lo, Math.max(lo, hi)];
}

/** The filter gradient, or null when this path does not apply (the caller falls back). */
export function simdFilterGradient(
  x: TensorInfo,
  dy: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  backend: unknown,
): TensorInfo | null {
  if (!enabled || info.dilationHeight !== 1 || info.dilationWidth !== 1) return null;
  const fns = kernels(backend);
  if (!fns) return null;
  const [n = 1, H = 1, W = 1, ci = 1] = x.shape;
  const [, oh = 1, ow = 1, co = 1] = dy.shape;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const coPad = Math.ceil(co / 4) * 4;
  const k = scope(backend);
  try {
    const padded = coPad !== co;
    // Not tracked by the scope: it is the result when no lanes need dropping.
    const acc = k.output([kh, kw, ci, coPad]);
    k.values(acc).fill(0);
    const xBase = k.values(x).byteOffset;
    const dyBase = k.values(dy).byteOffset;
    const outBase = k.values(acc).byteOffset;
    const xRow = 4 * sh * W * ci;
    const xCol = 4 * sw * ci;
    for (let b = 0; b < n; b++)
      for (let i = 0; i < kh; i++) {
        const [r0, r1] = span(oh, H, sh, i, top);
        if (r1 === r0) continue;
        for (let j = 0; j < kw; j++) {
          const [c0, c1] = span(ow, W, sw, j, left);
          if (c1 === c0) continue;
          const xAt = ((b * H + r0 * sh + i - top) * W + c0 * sw + j - left) * ci;
          const dyAt = ((b * oh + r0) * ow + c0) * co;
          for (let p = 0; p < ci; p += 4) {
            const cis = Math.min(4, ci - p);
            const outAt = ((i * kw + j) * ci + p) * coPad;
            for (let o = 0; o < co; o += 12) {
              const left4 = co - o;
              const vecs = Math.min(3, Math.ceil(left4 / 4));
              const tail = left4 >= 12 ? 4 : left4 - 4 * (vecs - 1);
              fns[variantName({ ci: cis, vecs, tail })]!(
                xBase + 4 * (xAt + p),
                dyBase + 4 * (dyAt + o),
                outBase + 4 * (outAt + o),
                r1 - r0,
                c1 - c0,
                xRow,
                xCol,
                4 * ow * co,
                4 * co,
                4 * coPad,
              );
            }
          }
        }
      }
    if (!padded) return acc;
    // Drop the padding lanes, [kh, kw, ci, coPad] → [kh, kw, ci, co], in a JS loop: at most a
    // few thousand values, where a Slice kernel's setup cost more than the copy.
    const out = k.output([kh, kw, ci, co]);
    // Views after making the output: a new tensor can grow the heap and empty older views.
    const from = k.values(acc);
    const to = k.values(out);
    for (let r = 0, rows = kh * kw * ci; r < rows; r++)
      to.set(from.subarray(r * coPad, r * coPad + co), r * co);
    (backend as tf.KernelBackend).disposeData(acc.dataId);
    return out;
  } finally {
    k.free();
  }
}
