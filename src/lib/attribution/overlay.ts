/**
 * A heat map laid over its image, as RGBA bytes at the image's size: the image in dimmed
 * grey, so that colour means the map alone, and the map's colour on top with an opacity that
 * grows with |value|, so places that do not matter show the picture through.
 */
import { LUT_SIZE, schemeLut } from '../colour/lut';
import { displayRgb, isPlainRgb, pixelAffine, type Preprocessing } from '../preprocess/preprocessing';

/** Grey level of the image under the map, and how much of it shows. */
const GREY_WEIGHT = 0.55;
const GREY_LIFT = 0.4;
/** Opacity of the map at the top of its range. */
const MAX_ALPHA = 0.9;

export interface OverlayInput {
  /** HWC in [0, 1]; one channel is drawn as grey, three as colour. */
  image: Float32Array;
  channels: number;
  width: number;
  height: number;
  /** H×W at the image's size. */
  map: Float32Array;
  range: { lo: number; hi: number };
}

/** The map's position in its range as t ∈ [0, 1] (signed maps: 0.5 is zero). */
export function heatT(v: number, range: { lo: number; hi: number }): number {
  const t = (v - range.lo) / (range.hi - range.lo);
  return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
}

export function overlayPixels(o: OverlayInput): Uint8ClampedArray {
  const signed = o.range.lo < 0;
  const lut = schemeLut(signed ? 'diverging' : 'sequential');
  const out = new Uint8ClampedArray(o.width * o.height * 4);
  for (let p = 0; p < o.width * o.height; p++) {
    let lum = 0;
    if (o.channels >= 3) {
      const r = o.image[p * o.channels]!;
      const g = o.image[p * o.channels + 1]!;
      const b = o.image[p * o.channels + 2]!;
      lum = 0.299 * r + 0.587 * g + 0.114 * b;
    } else lum = o.image[p * o.channels] ?? 0;
    const grey = 255 * (GREY_LIFT + GREY_WEIGHT * lum);
    const t = heatT(o.map[p] ?? 0, o.range);
    const strength = signed ? Math.abs(t - 0.5) * 2 : t;
    const alpha = MAX_ALPHA * Math.sqrt(strength);
    const i = Math.min(LUT_SIZE - 1, Math.round(t * (LUT_SIZE - 1)));
    for (let k = 0; k < 3; k++) out[p * 4 + k] = Math.round(grey * (1 - alpha) + lut.rgb[i * 3 + k]! * alpha);
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** An HWC image in [0, 1] as RGBA bytes (grey for one channel). */
export function imagePixels(
  image: Float32Array,
  channels: number,
  width: number,
  height: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let k = 0; k < 3; k++)
      out[p * 4 + k] = Math.round(255 * (image[p * channels + (channels >= 3 ? k : 0)] ?? 0));
    out[p * 4 + 3] = 255;
  }
  return out;
}

/**
 * A perturbation made visible: 0 is mid grey and ±range is black or full colour, channel by
 * channel ("amplified": a change of ε = 2/255 would be invisible drawn as it is).
 */
export function perturbationPixels(
  delta: Float32Array,
  channels: number,
  width: number,
  height: number,
  range: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  const scale = range > 0 ? 127.5 / range : 0;
  for (let p = 0; p < width * height; p++) {
    for (let k = 0; k < 3; k++)
      out[p * 4 + k] = Math.round(127.5 + (delta[p * channels + (channels >= 3 ? k : 0)] ?? 0) * scale);
    out[p * 4 + 3] = 255;
  }
  return out;
}

/**
 * A change of a net's input (FGSM's perturbation, in the net's values) as a change of the
 * picture: intensities in [0, 1] units, RGB (a BGR net's blue change drawn in blue). A plain
 * net's change is returned as it is.
 */
export function pictureDelta(delta: Float32Array, preprocessing: Preprocessing | null): Float32Array {
  if (!preprocessing || isPlainRgb(preprocessing)) return delta;
  const { gain } = pixelAffine(preprocessing);
  const c = preprocessing.channels;
  const from = c === 3 && preprocessing.order === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  const out = new Float32Array(delta.length);
  for (let i = 0; i < delta.length; i += c)
    for (let k = 0; k < c; k++) out[i + k] = delta[i + from[k]!]! / gain[from[k]!]!;
  return out;
}

/**
 * A net's input as the image the user gave, HWC in [0, 1] with its channel count: the
 * preprocessing undone (see netImagePixels), or the input itself for a plain net.
 */
export function netImageRgb(
  values: Float32Array,
  preprocessing: Preprocessing | null,
  width: number,
  height: number,
): { image: Float32Array; channels: number } {
  if (!preprocessing) return { image: values, channels: Math.max(1, values.length / (width * height)) };
  return { image: displayRgb(values, preprocessing), channels: 3 };
}

/**
 * A net's input (HWC in its own channels, order and values) as the RGBA bytes of the image the
 * user gave: the preprocessing undone (BGR, 0–255, mean and std), so a thumbnail shows the
 * picture rather than the numbers. `preprocessing` null: the values are RGB (or grey) in [0, 1].
 */
export function netImagePixels(
  values: Float32Array,
  preprocessing: Preprocessing | null,
  width: number,
  height: number,
): Uint8ClampedArray {
  const { image, channels } = netImageRgb(values, preprocessing, width, height);
  return imagePixels(image, channels, width, height);
}
