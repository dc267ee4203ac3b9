/**
 * The one preprocessing every image goes through, in training (Node) and in the browser:
 * fit to a square (centre crop or letterbox), resize to the model's input size and scale
 * to [0, 1]. Output is HWC float32 RGB, the layout tfjs expects.
 *
 * Upscaling interpolates bilinearly between pixel centres; downscaling averages every
 * source pixel the output pixel covers, so large photos do not alias.
 */

export type FitMode = 'crop' | 'letterbox';

export interface RawImage {
  width: number;
  height: number;
  /** Interleaved 8-bit pixels, `channels` per pixel (3 = RGB, 4 = RGBA; alpha is ignored). */
  data: Uint8Array | Uint8ClampedArray;
  channels: 3 | 4;
}

export interface PreprocessOptions {
  size: number;
  fit: FitMode;
}

export const PREPROCESSING_DESCRIPTION =
  'RGB, fit to a square (centre crop by default, or letterbox with the mean colour), resized to the input size (bilinear when upscaling, area average when downscaling), values divided by 255';

interface Region {
  x0: number;
  y0: number;
  w: number;
  h: number;
}

/** The part of the source that fills the output square, and where in the square it goes. */
function layout(img: RawImage, size: number, fit: FitMode): { src: Region; dst: Region } {
  const { width: W, height: H } = img;
  if (fit === 'crop') {
    const side = Math.min(W, H);
    return {
      src: { x0: (W - side) / 2, y0: (H - side) / 2, w: side, h: side },
      dst: { x0: 0, y0: 0, w: size, h: size },
    };
  }
  const scale = size / Math.max(W, H);
  const w = Math.max(1, Math.round(W * scale));
  const h = Math.max(1, Math.round(H * scale));
  return {
    src: { x0: 0, y0: 0, w: W, h: H },
    dst: { x0: Math.floor((size - w) / 2), y0: Math.floor((size - h) / 2), w, h },
  };
}

function meanColour(img: RawImage): [number, number, number] {
  const sum = [0, 0, 0];
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) sum[c]! += img.data[i * img.channels + c]!;
  return [sum[0]! / n / 255, sum[1]! / n / 255, sum[2]! / n / 255];
}

/**
 * For one axis: which source pixels each output pixel reads and with what weights. Upscaling
 * gives two taps (bilinear between pixel centres); downscaling gives every covered pixel,
 * weighted by how much of it is covered. Tables are built once per image and axis, so the
 * pixel loop below is plain multiply-adds.
 */
interface AxisTaps {
  start: Int32Array;
  count: Int32Array;
  index: Int32Array;
  weight: Float32Array;
}

function axisTaps(srcStart: number, srcLength: number, srcSize: number, outLength: number): AxisTaps {
  const scale = srcLength / outLength;
  const start = new Int32Array(outLength);
  const count = new Int32Array(outLength);
  const index: number[] = [];
  const weight: number[] = [];
  for (let o = 0; o < outLength; o++) {
    start[o] = index.length;
    if (scale > 1) {
      const a = srcStart + o * scale;
      const b = srcStart + (o + 1) * scale;
      for (let p = Math.floor(a); p < Math.ceil(b); p++) {
        const w = Math.min(p + 1, b) - Math.max(p, a);
        if (w <= 0) continue;
        index.push(Math.min(Math.max(p, 0), srcSize - 1));
        weight.push(w / scale);
      }
    } else {
      const centre = Math.min(Math.max(srcStart + (o + 0.5) * scale - 0.5, 0), srcSize - 1);
      const p0 = Math.floor(centre);
      const f = centre - p0;
      index.push(p0, Math.min(p0 + 1, srcSize - 1));
      weight.push(1 - f, f);
    }
    count[o] = index.length - start[o]!;
  }
  return { start, count, index: Int32Array.from(index), weight: Float32Array.from(weight) };
}

export function preprocessImage(img: RawImage, options: PreprocessOptions): Float32Array {
  const { size, fit } = options;
  if (img.width < 1 || img.height < 1) throw new Error('the image has no pixels');
  if (img.data.length < img.width * img.height * img.channels)
    throw new Error('the pixel buffer is shorter than width × height × channels');
  const out = new Float32Array(size * size * 3);
  if (img.width === size && img.height === size) return copyScaled(img, out);
  const { src, dst } = layout(img, size, fit);
  if (dst.w !== size || dst.h !== size) {
    const fill = meanColour(img);
    for (let i = 0; i < size * size; i++) out.set(fill, i * 3);
  }
  const xs = axisTaps(src.x0, src.w, img.width, dst.w);
  const ys = axisTaps(src.y0, src.h, img.height, dst.h);
  const { data, channels, width } = img;
  for (let oy = 0; oy < dst.h; oy++) {
    const y0 = ys.start[oy]!;
    const yn = ys.count[oy]!;
    for (let ox = 0; ox < dst.w; ox++) {
      const x0 = xs.start[ox]!;
      const xn = xs.count[ox]!;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let j = 0; j < yn; j++) {
        const wy = ys.weight[y0 + j]!;
        const row = ys.index[y0 + j]! * width;
        for (let i = 0; i < xn; i++) {
          const w = wy * xs.weight[x0 + i]!;
          const p = (row + xs.index[x0 + i]!) * channels;
          r += data[p]! * w;
          g += data[p + 1]! * w;
          b += data[p + 2]! * w;
        }
      }
      const o = ((oy + dst.y0) * size + ox + dst.x0) * 3;
      out[o] = r / 255;
      out[o + 1] = g / 255;
      out[o + 2] = b / 255;
    }
  }
  return out;
}

/**
 * An image already the input's size, as the resampling loop gives it (one tap of weight 1 per
 * pixel, whichever the fit: the same numbers), without its tables and taps: the page's first
 * example is, and this runs once per image, mostly before the engine has optimised the loop.
 */
function copyScaled(img: RawImage, out: Float32Array): Float32Array {
  const { data, channels } = img;
  const n = img.width * img.height;
  for (let i = 0, p = 0, o = 0; i < n; i++, p += channels, o += 3) {
    out[o] = data[p]! / 255;
    out[o + 1] = data[p + 1]! / 255;
    out[o + 2] = data[p + 2]! / 255;
  }
  return out;
}
