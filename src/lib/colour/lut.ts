/**
 * Colour look-up tables: a colour scheme sampled once into 256 packed RGBA entries, so
 * painting a map is one array read and one 32-bit write per pixel instead of a colour
 * interpolation and string parse per pixel.
 */
import { interpolateBasis } from 'd3-interpolate';
import { RD_BU_11 } from './palettes';
import { colour } from '../theme';

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

/** A colour scheme as r, g, b bytes for t in [0, 1]. */
type RgbAt = (t: number) => [number, number, number];

function lutFromRgb(rgbAt: RgbAt, css: Interpolator): Lut {
  const packed = new Uint32Array(LUT_SIZE);
  const rgb = new Uint8Array(LUT_SIZE * 3);
  for (let i = 0; i < LUT_SIZE; i++) {
    const [r, g, b] = rgbAt(i / (LUT_SIZE - 1));
    rgb[i * 3] = r;
    rgb[i * 3 + 1] = g;
    rgb[i * 3 + 2] = b;
    packed[i] = packRgba(r, g, b);
  }
  return { packed, rgb, css };
}

export function makeLut(interpolate: Interpolator): Lut {
  return lutFromRgb((t) => parseColour(interpolate(t)), interpolate);
}

const byte = (v: number): number => Math.max(0, Math.min(255, Math.round(v) || 0));
const cssOf =
  (rgbAt: RgbAt): Interpolator =>
  (t) =>
    `rgb(${rgbAt(t).join(', ')})`;

/**
 * d3's RdBu ramp (interpolateRdBu: a B-spline through its 11 colours, per channel) computed
 * in numbers: the same bytes, without a string built and parsed for each of 256 entries.
 */
const rdBu: RgbAt = (() => {
  const colours = RD_BU_11.map(parseColour);
  const [r, g, b] = [0, 1, 2].map((ch) => interpolateBasis(colours.map((c) => c[ch] ?? 0)));
  return (t) => [byte(r?.(t) ?? 0), byte(g?.(t) ?? 0), byte(b?.(t) ?? 0)];
})();

function mix(from: [number, number, number], to: [number, number, number]): RgbAt {
  return (t) =>
    [0, 1, 2].map((i) => byte((from[i] ?? 0) + ((to[i] ?? 0) - (from[i] ?? 0)) * t)) as [
      number,
      number,
      number,
    ];
}

/**
 * The schemes the overview uses. Signed values: blue for negative, near-white at 0, red for
 * positive. Non-negative values use exactly the positive half of that scale, so a ReLU map
 * looks like its conv map with the blue parts cleared, and the same value has the same
 * colour in both. Input channels are drawn as the light they carry (black to full red, ...).
 */
const SCHEME_RGB: Record<SchemeName, RgbAt> = {
  diverging: (t) => rdBu(1 - t),
  sequential: (t) => rdBu(0.5 - t / 2),
  red: mix(parseColour(colour.channelDark), parseColour(colour.channelRed)),
  green: mix(parseColour(colour.channelDark), parseColour(colour.channelGreen)),
  blue: mix(parseColour(colour.channelDark), parseColour(colour.channelBlue)),
  grey: mix(parseColour(colour.channelDark), [250, 250, 250]),
};

/** The same schemes as CSS colours, for legends. */
export const SCHEMES = Object.fromEntries(
  Object.entries(SCHEME_RGB).map(([name, rgbAt]) => [name, cssOf(rgbAt)]),
) as Record<SchemeName, Interpolator>;

/** Entry i of a table as a CSS colour. */
export function lutColour(lut: Lut, i: number): string {
  return `rgb(${lut.rgb[i * 3]}, ${lut.rgb[i * 3 + 1]}, ${lut.rgb[i * 3 + 2]})`;
}

const cache = new Map<SchemeName, Lut>();

export function schemeLut(name: SchemeName): Lut {
  let lut = cache.get(name);
  if (!lut) {
    lut = lutFromRgb(SCHEME_RGB[name], SCHEMES[name]);
    cache.set(name, lut);
  }
  return lut;
}
