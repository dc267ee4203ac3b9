/**
 * Paints for the rasteriser: colours, linear and radial gradients, seeded value noise and
 * shading. Every paint is a function of the scene position (0–100 units, y down).
 */
import { createRng } from '../../src/lib/random';
import { clamp01, type Paint, type RGB } from './raster';

/** `#rrggbb` as an RGB triple in [0, 1]. */
export function hex(code: string): RGB {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(code);
  if (!m) throw new Error(`hex: not a #rrggbb colour: ${code}`);
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}

export const mix = (a: RGB, b: RGB, t: number): RGB => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** The colour scaled in brightness (1 = unchanged), clamped to [0, 1]. */
export const shade = (c: RGB, k: number): RGB => [clamp01(c[0] * k), clamp01(c[1] * k), clamp01(c[2] * k)];

export const paintAt = (p: Paint, x: number, y: number): RGB => (typeof p === 'function' ? p(x, y) : p);

type Stops = readonly (readonly [number, RGB])[];

/** The colour at t along stops sorted by position (clamped at both ends). */
export function ramp(stops: Stops, t: number): RGB {
  const first = stops[0];
  if (!first) return [0, 0, 0];
  if (t <= first[0]) return first[1];
  for (let i = 1; i < stops.length; i++) {
    const [p1, c1] = stops[i]!;
    const [p0, c0] = stops[i - 1]!;
    if (t <= p1) return mix(c0, c1, (t - p0) / Math.max(p1 - p0, 1e-9));
  }
  return stops[stops.length - 1]![1];
}

/** A gradient along the line from (x0, y0) (t = 0) to (x1, y1) (t = 1). */
export function linear(x0: number, y0: number, x1: number, y1: number, stops: Stops): Paint {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy || 1;
  return (x, y) => ramp(stops, ((x - x0) * dx + (y - y0) * dy) / len2);
}

/** A gradient in rings around (cx, cy), t = distance / r (elliptical when ry is given). */
export function radial(cx: number, cy: number, r: number, stops: Stops, ry = r): Paint {
  return (x, y) => ramp(stops, Math.hypot((x - cx) / r, (y - cy) / ry));
}

/** Seeded value noise with smooth interpolation, ~[0, 1]; `scale` units per cell. */
export function valueNoise(seed: number, scale: number): (x: number, y: number) => number {
  const rng = createRng(seed);
  const N = 256;
  const table = Float32Array.from({ length: N * N }, () => rng());
  const at = (i: number, j: number): number => table[(((j % N) + N) % N) * N + (((i % N) + N) % N)]!;
  const smooth = (t: number): number => t * t * (3 - 2 * t);
  return (x, y) => {
    const u = x / scale;
    const v = y / scale;
    const i = Math.floor(u);
    const j = Math.floor(v);
    const fu = smooth(u - i);
    const fv = smooth(v - j);
    const top = at(i, j) + (at(i + 1, j) - at(i, j)) * fu;
    const bottom = at(i, j + 1) + (at(i + 1, j + 1) - at(i, j + 1)) * fu;
    return top + (bottom - top) * fv;
  };
}

/** Fractal noise: octaves of value noise, each half the size and weight of the last, ~[0, 1]. */
export function fbm(seed: number, scale: number, octaves = 4): (x: number, y: number) => number {
  const layers = Array.from({ length: octaves }, (_, k) => valueNoise(seed + k * 7919, scale / 2 ** k));
  const total = layers.reduce((s, _, k) => s + 0.5 ** k, 0);
  return (x, y) => layers.reduce((s, f, k) => s + f(x, y) * 0.5 ** k, 0) / total;
}

/** A paint whose brightness varies with noise: amount 0.2 = ±20 %. */
export function mottled(base: Paint, noise: (x: number, y: number) => number, amount: number): Paint {
  return (x, y) => shade(paintAt(base, x, y), 1 + (noise(x, y) - 0.5) * 2 * amount);
}

/**
 * Shading of a rounded body lit from (lx, ly) (a direction): brighter on the side facing the
 * light, darker at the far rim, computed as if the ellipse (cx, cy, rx, ry) were a dome.
 */
export function domeShade(
  base: Paint,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  light: readonly [number, number] = [-0.5, -0.7],
  strength = 0.45,
): Paint {
  const len = Math.hypot(light[0], light[1]) || 1;
  const lx = light[0] / len;
  const ly = light[1] / len;
  return (x, y) => {
    const u = (x - cx) / rx;
    const v = (y - cy) / ry;
    const r2 = Math.min(1, u * u + v * v);
    const nz = Math.sqrt(1 - r2);
    // Lambert term of the dome's normal (u, v, nz) with the light tilted towards the viewer.
    const lambert = Math.max(0, u * lx * 0.8 + v * ly * 0.8 + nz * 0.6);
    return shade(paintAt(base, x, y), 1 - strength + strength * 1.6 * lambert);
  };
}
