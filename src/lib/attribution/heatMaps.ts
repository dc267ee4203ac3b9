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
  const axis = (i: number, n: number, m: number): [number, number, number] => {
    const s = Math.min(n - 1, Math.max(0, ((i + 0.5) * n) / m - 0.5));
    const lo = Math.floor(s);
    return [lo, Math.min(n - 1, lo + 1), s - lo];
  };
  for (let y = 0; y < outH; y++) {
    const [y0, y1, fy] = axis(y, h, outH);
    for (let x = 0; x < outW; x++) {
      const [x0, x1, fx] = axis(x, w, outW);
      const top = map[y0 * w + x0]! * (1 - fx) + map[y0 * w + x1]! * fx;
      const bottom = map[y1 * w + x0]! * (1 - fx) + map[y1 * w + x1]! * fx;
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
  const mags = Float32Array.from(map, Math.abs).sort();
  const m = mags.length ? mags[Math.min(mags.length - 1, Math.floor(quantile * (mags.length - 1)))]! : 0;
  const top = m > 0 ? m : 1e-12;
  return signed ? { lo: -top, hi: top } : { lo: 0, hi: top };
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
