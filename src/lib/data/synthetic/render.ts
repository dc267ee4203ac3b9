/**
 * Paints one image of the shapes dataset: a figure from PAINTERS in one colour over a
 * background of another, with a gentle lighting gradient and Gaussian pixel noise. Output is
 * 8-bit interleaved RGB, exactly a decoded photo's layout, so it goes through the same
 * preprocessing as the user's images.
 */
import { createRng, type Rng } from '../../random';
import { PAINTERS } from './painters';
import { coverage } from './sdf';

type Rgb = [number, number, number];

export interface RenderOptions {
  size: number;
  /** Largest per-image noise standard deviation, in [0, 1] units of intensity. */
  maxNoise: number;
  /** How far from the centre figures may sit, as a share of the room they have (0 = centred). */
  spread: number;
}

export const DEFAULT_RENDER: RenderOptions = { size: 64, maxNoise: 0.06, spread: 0.25 };

function luminance([r, g, b]: Rgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * A figure colour and a background colour far enough apart to see: a figure nobody could
 * make out would only teach the network to guess.
 */
function pickColours(rng: Rng): { fg: Rgb; bg: Rgb } {
  for (;;) {
    const fg: Rgb = [rng(), rng(), rng()];
    const bg: Rgb = [rng(), rng(), rng()];
    const dist = Math.hypot(fg[0] - bg[0], fg[1] - bg[1], fg[2] - bg[2]);
    if (dist > 0.5 && Math.abs(luminance(fg) - luminance(bg)) > 0.2) return { fg, bg };
  }
}

/**
 * Standard normal deviates at evenly spaced quantiles: one table look-up per noisy value
 * instead of a log, a root and a cosine, which made noise most of the generation time. Made
 * on the first image, not when the module loads: the page's first script includes this module
 * (the training section names its classes), and the page's start never draws a shape.
 */
let gaussTable: Float32Array | null = null;
function gauss(): Float32Array {
  if (gaussTable) return gaussTable;
  const n = 1024;
  const table = new Float32Array(n);
  for (let i = 0; i < n; i++) table[i] = inverseNormal((i + 0.5) / n);
  return (gaussTable = table);
}

/** Acklam's rational approximation of the normal quantile function (error < 1.2e-9). */
function inverseNormal(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = Math.min(p, 1 - p);
  let x: number;
  if (q > 0.02425) {
    const u = p - 0.5;
    const r = u * u;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * u) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
    return x;
  }
  const t = Math.sqrt(-2 * Math.log(q));
  x =
    (((((c[0]! * t + c[1]!) * t + c[2]!) * t + c[3]!) * t + c[4]!) * t + c[5]!) /
    ((((d[0]! * t + d[1]!) * t + d[2]!) * t + d[3]!) * t + 1);
  return p < 0.5 ? x : -x;
}

/** Mixes a seed and an index into an independent per-image seed (so images are random-access). */
export function imageSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

function toByte(v: number): number {
  return v <= 0 ? 0 : v >= 1 ? 255 : (v * 255 + 0.5) | 0;
}

export function renderShape(
  classIndex: number,
  seed: number,
  options: RenderOptions = DEFAULT_RENDER,
  out?: Uint8Array,
): Uint8Array {
  const painter = PAINTERS[classIndex];
  if (!painter) throw new RangeError(`no shape class ${classIndex}`);
  const { size, maxNoise, spread } = options;
  const rng = createRng(seed);
  const { fg, bg } = pickColours(rng);
  const sdf = painter(rng, size, spread);
  const gradAngle = rng() * 2 * Math.PI;
  const gx = (Math.cos(gradAngle) * rng() * 0.25) / size;
  const gy = (Math.sin(gradAngle) * rng() * 0.25) / size;
  const noise = (0.25 + 0.75 * rng()) * maxNoise;
  const pixels = out ?? new Uint8Array(size * size * 3);
  const mid = size / 2;
  const GAUSS = gauss();
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // Pixel centres, so a figure centred at size/2 is symmetric.
      const a = coverage(sdf(x + 0.5, y + 0.5));
      const light = (x - mid) * gx + (y - mid) * gy;
      const o = (y * size + x) * 3;
      // One 30-bit draw gives the three channels' noise (10 bits each into the table).
      const bits = (rng() * 1073741824) | 0;
      const n0 = GAUSS[bits & 1023]!;
      const n1 = GAUSS[(bits >>> 10) & 1023]!;
      const n2 = GAUSS[bits >>> 20]!;
      pixels[o] = toByte(bg[0] * (1 - a) + fg[0] * a + light + noise * n0);
      pixels[o + 1] = toByte(bg[1] * (1 - a) + fg[1] * a + light + noise * n1);
      pixels[o + 2] = toByte(bg[2] * (1 - a) + fg[2] * a + light + noise * n2);
    }
  return pixels;
}
