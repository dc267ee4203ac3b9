/**
 * Colour look-up tables: a colour scheme sampled once into 256 packed RGBA entries, so
 * painting a map is one array read and one 32-bit write per pixel instead of a colour
 * interpolation and string parse per pixel.
 */
import { interpolateRdBu } from 'd3-scale-chromatic';

export const LUT_SIZE = 256;

/** A colour scheme as a function of t in [0, 1], returning any CSS `rgb()` or `#rrggbb` string. */
export type Interpolator = (t: number) => string;

export interface Lut {
  /** One packed pixel per entry, in the byte order of an ImageData buffer on this machine. */
  packed: Uint32Array;
  /** The same colours as r, g, b bytes, for legends and tests. */
  rgb: Uint8Array;
  /** CSS colours at a few stops, for drawing the legend gradient. */
  css: (t: number) => string;
}

export type SchemeName = 'diverging' | 'sequential' | 'red' | 'green' | 'blue' | 'grey';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Parses `rgb(r, g, b)` and `#rrggbb`; anything else is a programming error. */
export function parseColour(css: string): [number, number, number] {
  const m = /^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)/.exec(css);
  if (m) return [Math.round(Number(m[1])), Math.round(Number(m[2])), Math.round(Number(m[3]))];
  const h = /^#([0-9a-f]{6})$/i.exec(css);
  if (h) {
    const n = parseInt(h[1] ?? '0', 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  throw new Error(`cannot parse colour "${css}"`);
}

export function packRgba(r: number, g: number, b: number, a = 255): number {
  return LITTLE_ENDIAN
    ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0
    : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

export function makeLut(interpolate: Interpolator): Lut {
  const packed = new Uint32Array(LUT_SIZE);
  const rgb = new Uint8Array(LUT_SIZE * 3);
  for (let i = 0; i < LUT_SIZE; i++) {
    const [r, g, b] = parseColour(interpolate(i / (LUT_SIZE - 1)));
    rgb.set([r, g, b], i * 3);
    packed[i] = packRgba(r, g, b);
  }
  return { packed, rgb, css: interpolate };
}

function mix(from: [number, number, number], to: [number, number, number]): Interpolator {
  return (t) => `rgb(${from.map((f, i) => Math.round(f + ((to[i] ?? 0) - f) * t)).join(', ')})`;
}

/**
 * The schemes the overview uses. Signed values: blue for negative, near-white at 0, red for
 * positive. Non-negative values use exactly the positive half of that scale, so a ReLU map
 * looks like its conv map with the blue parts cleared, and the same value has the same
 * colour in both. Input channels are drawn as the light they carry (black to full red, ...).
 */
export const SCHEMES: Record<SchemeName, Interpolator> = {
  diverging: (t) => interpolateRdBu(1 - t),
  sequential: (t) => interpolateRdBu(0.5 - t / 2),
  red: mix([20, 20, 24], [235, 40, 40]),
  green: mix([20, 20, 24], [40, 200, 70]),
  blue: mix([20, 20, 24], [50, 110, 240]),
  grey: mix([20, 20, 24], [250, 250, 250]),
};

const cache = new Map<SchemeName, Lut>();

export function schemeLut(name: SchemeName): Lut {
  let lut = cache.get(name);
  if (!lut) {
    lut = makeLut(SCHEMES[name]);
    cache.set(name, lut);
  }
  return lut;
}
