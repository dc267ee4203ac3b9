/**
 * A convolution layer's kernels as small pictures, the way first-layer filters are usually
 * shown: a kernel over 3 input channels is drawn as an RGB patch (so an edge detector looks
 * like a light/dark edge and a colour detector has that colour); other kernels as a
 * blue-white-red map of their mean over input channels. One scale for the whole layer, so
 * kernels that grew stronger also look stronger. Kernels are [kh, kw, in, out] (tfjs layout).
 */

export interface KernelImage {
  /** HWC RGB in [0, 1]. */
  data: Float32Array;
  height: number;
  width: number;
}

/** The first weight listed with a 4-D kernel layout, `layer/kernel`: the first convolution's kernels. */
export function firstKernel<T extends { name: string; shape: readonly number[] }>(
  weights: Iterable<T>,
): T | null {
  for (const w of weights) if (w.name.endsWith('/kernel') && w.shape.length === 4) return w;
  return null;
}

/** What training changed: `now − start`, element by element (same layout). */
export function weightChange(now: Float32Array, start: Float32Array): Float32Array {
  const out = new Float32Array(now.length);
  for (let i = 0; i < now.length; i++) out[i] = now[i]! - (start[i] ?? 0);
  return out;
}

/** Blue (negative) – white – red (positive), t in [−1, 1]. */
function diverging(t: number): [number, number, number] {
  const a = Math.min(1, Math.abs(t));
  return t >= 0 ? [1, 1 - a * 0.85, 1 - a * 0.85] : [1 - a * 0.85, 1 - a * 0.6, 1];
}

export function kernelImages(data: Float32Array, shape: readonly number[], max = 64): KernelImage[] {
  const [kh = 0, kw = 0, cin = 0, cout = 0] = shape;
  let scale = 0;
  for (const v of data) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) scale = 1;
  const out: KernelImage[] = [];
  for (let o = 0; o < Math.min(cout, max); o++) {
    const img = new Float32Array(kh * kw * 3);
    for (let y = 0; y < kh; y++)
      for (let x = 0; x < kw; x++) {
        const base = (y * kw + x) * cin * cout + o;
        const p = (y * kw + x) * 3;
        if (cin === 3) {
          for (let c = 0; c < 3; c++) img[p + c] = 0.5 + data[base + c * cout]! / (2 * scale);
        } else {
          let sum = 0;
          for (let c = 0; c < cin; c++) sum += data[base + c * cout]!;
          img.set(diverging(sum / cin / scale), p);
        }
      }
    out.push({ data: img, height: kh, width: kw });
  }
  return out;
}
