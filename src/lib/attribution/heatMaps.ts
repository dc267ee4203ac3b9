/**
 * From attributions to the heat map drawn over the image: channels folded into one value per
 * pixel, a small map resized to the input, a robust colour range. Maps are row-major H×W;
 * attributions are HWC.
 */

export type ChannelFold = 'maxAbs' | 'sum';

/**
 * One value per pixel: the largest |value| over the channels (saliency, Simonyan et al.), or
 * the signed sum (gradient × input, whose sum over a pixel is its share of the score).
 */
export function foldChannels(data: Float32Array, shape: readonly number[], fold: ChannelFold): Float32Array {
  const [h = 0, w = 0, c = 1] = shape;
  const out = new Float32Array(h * w);
  for (let p = 0; p < h * w; p++) {
    let v = 0;
    for (let k = 0; k < c; k++) {
      const x = data[p * c + k] ?? 0;
      v = fold === 'sum' ? v + x : Math.max(v, Math.abs(x));
    }
    out[p] = v;
  }
  return out;
}

/**
 * Bilinear resize with half-pixel centres (as tf.image.resizeBilinear with halfPixelCenters):
 * pixel i of the output samples the input at (i + 0.5)·in/out − 0.5, clamped to the edges.
 * Done here rather than by the browser's smoothing, so the drawn pixels can be checked.
 */
export function resizeBilinear(
  map: Float32Array,
  h: number,
  w: number,
  outH: number,
  outW: number,
): Float32Array {
  const out = new Float32Array(outH * outW);
  // Each output column's two input columns and weight, once (not per row): a 224-pixel map
  // is 50,000 pixels, read on the page's thread when a result arrives.
  const axis = (n: number, m: number) => {
    const lo = new Int32Array(m);
    const hi = new Int32Array(m);
    const f = new Float32Array(m);
    for (let i = 0; i < m; i++) {
      const s = Math.min(n - 1, Math.max(0, ((i + 0.5) * n) / m - 0.5));
      lo[i] = Math.floor(s);
      hi[i] = Math.min(n - 1, lo[i]! + 1);
      f[i] = s - lo[i]!;
    }
    return { lo, hi, f };
  };
  const ys = axis(h, outH);
  const xs = axis(w, outW);
  for (let y = 0; y < outH; y++) {
    const r0 = ys.lo[y]! * w;
    const r1 = ys.hi[y]! * w;
    const fy = ys.f[y]!;
    for (let x = 0; x < outW; x++) {
      const x0 = xs.lo[x]!;
      const x1 = xs.hi[x]!;
      const fx = xs.f[x]!;
      const top = map[r0 + x0]! * (1 - fx) + map[r0 + x1]! * fx;
      const bottom = map[r1 + x0]! * (1 - fx) + map[r1 + x1]! * fx;
      out[y * outW + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/**
 * The colour range of a map: symmetric ±m for signed maps, [0, m] otherwise, where m is the
 * given quantile of |value| (0.99: a few extreme pixels do not wash out the rest, as is usual
 * for saliency). Never zero, so an all-zero map stays blank rather than dividing by zero.
 */
export function heatRange(map: Float32Array, signed: boolean, quantile = 0.99): { lo: number; hi: number } {
  const m = quantileOfMagnitudes(map, quantile);
  const top = m > 0 ? m : 1e-12;
  return signed ? { lo: -top, hi: top } : { lo: 0, hi: top };
}

/**
 * The value at rank ⌊q·(n − 1)⌋ of the sorted |values| (0 for an empty map): the largest for
 * q = 1, else found by selection in linear time rather than a sort.
 */
function quantileOfMagnitudes(map: Float32Array, q: number): number {
  const n = map.length;
  if (n === 0) return 0;
  const mags = new Float32Array(n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(map[i]!) || 0;
    mags[i] = v;
    if (v > largest) largest = v;
  }
  const k = Math.min(n - 1, Math.floor(q * (n - 1)));
  if (k === n - 1) return largest;
  // Quickselect (Hoare partition, middle pivot): mags[k] ends where a full sort would put it.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = mags[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (mags[i]! < pivot) i++;
      while (mags[j]! > pivot) j--;
      if (i <= j) {
        const t = mags[i]!;
        mags[i++] = mags[j]!;
        mags[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return mags[k]!;
}

/**
 * Below this largest |value| (float32's relative precision, 2⁻²³) a heat map says the score
 * hardly depends on the image at all: its colours only stretch differences too small to mean
 * anything. Untrained deep nets do this when the image's signal fades layer by layer.
 */
export const FAINT_HEAT = 2 ** -23;

/** The largest |value| of a map (0 for an empty one; NaN counts as 0). */
export function largestMagnitude(map: Float32Array): number {
  let largest = 0;
  for (const v of map) {
    const m = Math.abs(v);
    if (m > largest) largest = m;
  }
  return largest;
}

/** Whether a map has values of both signs worth a diverging scale. */
export function isSigned(map: Float32Array): boolean {
  let neg = 0;
  let pos = 0;
  for (const v of map) {
    if (v < neg) neg = v;
    if (v > pos) pos = v;
  }
  return neg < 0 && -neg > 1e-3 * pos;
}
