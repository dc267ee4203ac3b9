/** Backgrounds shared by the drawn scenes: sky with clouds, grass, water, road, blurred foliage. */
import { fbm, hex, linear, mix, ramp, shade } from './paint';
import type { Paint, Raster, RGB } from './raster';

/** A sky from `top` at y = 0 to `bottom` at the horizon, with soft clouds of the given cover (0–1). */
export function sky(r: Raster, top: RGB, bottom: RGB, horizon: number, seed: number, cover = 0.35): void {
  const clouds = fbm(seed, 30, 5);
  const white: RGB = [0.97, 0.97, 0.98];
  r.fillAll((x, y) => {
    const base = mix(top, bottom, Math.min(1, Math.max(0, y / horizon)));
    // Clouds stretched sideways, as seen from below.
    const c = clouds(x * 0.6, y * 1.4);
    const t = Math.min(1, Math.max(0, (c - (1 - cover)) / 0.18));
    return mix(base, white, t * 0.85);
  });
}

/** Ground from the horizon down: grass (or any base), mottled, darker in the distance. */
export function ground(r: Raster, horizon: number, near: RGB, far: RGB, seed: number, grain = 0.22): void {
  const n1 = fbm(seed, 12, 4);
  const n2 = fbm(seed + 1, 2.5, 2);
  r.fill(
    [
      [
        [0, horizon],
        [100, horizon],
        [100, 100],
        [0, 100],
      ],
    ],
    (x, y) => {
      const depth = Math.min(1, (y - horizon) / (100 - horizon));
      const base = mix(far, near, depth);
      // Coarse patches and fine blades, finer towards the horizon.
      const k = 1 + (n1(x, y * 1.6) - 0.5) * 2 * grain + (n2(x * 2, y * (4 - 2 * depth)) - 0.5) * grain;
      return shade(base, k);
    },
  );
}

/** Water from the horizon down: deep colour, horizontal ripples and glints of the sky. */
export function water(r: Raster, horizon: number, deep: RGB, light: RGB, seed: number): void {
  const ripples = fbm(seed, 6, 3);
  r.fill(
    [
      [
        [0, horizon],
        [100, horizon],
        [100, 100],
        [0, 100],
      ],
    ],
    (x, y) => {
      const depth = (y - horizon) / (100 - horizon);
      // Ripples are flat ellipses that grow nearer the viewer.
      const s = 0.3 + depth * 1.2;
      const w = ripples((x * 0.35) / s, (y * 3) / s);
      const base = mix(light, deep, Math.min(1, 0.35 + depth * 0.7));
      return w > 0.62 ? mix(base, light, Math.min(1, (w - 0.62) * 5)) : shade(base, 0.9 + w * 0.2);
    },
  );
}

/** A road (or pavement) band between y0 and y1: grey asphalt with grain. */
export function road(r: Raster, y0: number, y1: number, colour: RGB, seed: number): void {
  const grain = fbm(seed, 1.5, 2);
  r.fill(
    [
      [
        [0, y0],
        [100, y0],
        [100, y1],
        [0, y1],
      ],
    ],
    (x, y) => shade(colour, 0.88 + grain(x, y) * 0.24 - ((y - y0) / (y1 - y0)) * 0.08),
  );
}

/** Out-of-focus foliage or bokeh: blotches of the given colours over the whole canvas. */
export function blurredFoliage(r: Raster, colours: readonly RGB[], seed: number, scale = 18): void {
  const n = fbm(seed, scale, 4);
  const stops = colours.map((c, i) => [i / Math.max(1, colours.length - 1), c] as const);
  r.fillAll((x, y) => ramp(stops, Math.min(1, Math.max(0, (n(x, y) - 0.3) / 0.4))));
}

/** A soft shadow: an ellipse of dark that fades out to its rim. */
export function softShadow(r: Raster, cx: number, cy: number, rx: number, ry: number, strength = 0.45): void {
  const pts = Array.from({ length: 48 }, (_, k) => {
    const t = (k / 48) * 2 * Math.PI;
    return [cx + rx * Math.cos(t), cy + ry * Math.sin(t)] as const;
  });
  r.fill(
    [pts],
    [0.05, 0.05, 0.05],
    (x, y) => strength * (1 - Math.min(1, Math.hypot((x - cx) / rx, (y - cy) / ry)) ** 2),
  );
}

/** A vertical gradient of two colours as a paint (a convenience for bodies and panels). */
export const vertical = (y0: number, y1: number, top: RGB | string, bottom: RGB | string): Paint =>
  linear(0, y0, 0, y1, [
    [0, typeof top === 'string' ? hex(top) : top],
    [1, typeof bottom === 'string' ? hex(bottom) : bottom],
  ]);

/** A brick wall over the band y0–y1: courses of bricks in running bond, each a little different. */
export function brickWall(
  r: Raster,
  y0: number,
  y1: number,
  brick: RGB,
  mortar: RGB,
  seed: number,
  course = 4,
): void {
  const tone = fbm(seed, 1, 1);
  const grain = fbm(seed + 1, 0.8, 2);
  const length = course * 2.2;
  r.fill(
    [
      [
        [0, y0],
        [100, y0],
        [100, y1],
        [0, y1],
      ],
    ],
    (x, y) => {
      const row = Math.floor((y - y0) / course);
      const shift = row % 2 === 0 ? 0 : length / 2;
      const col = Math.floor((x + shift) / length);
      const u = x + shift - col * length;
      const v = y - y0 - row * course;
      if (u < 0.5 || v < 0.5) return mortar;
      // One tone per brick, from noise sampled at the brick's index.
      return shade(brick, 0.8 + tone(col * 3.1, row * 2.7) * 0.4 + (grain(x, y) - 0.5) * 0.12);
    },
  );
}
