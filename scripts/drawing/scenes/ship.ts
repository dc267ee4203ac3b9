/** A container ship seen from the side on open sea, a hazy sky and a far coast behind it. */
import { sky, water } from '../backgrounds';
import { fbm, hex, linear, shade } from '../paint';
import type { Raster, RGB } from '../raster';
import { path, roundRect } from '../shapes';

const CONTAINER_COLOURS = ['#b8412f', '#2f6a9a', '#d8a13a', '#3d7d4a', '#8a8f96', '#c25a28'].map(hex);

export function drawShip(r: Raster, seed: number): void {
  const horizon = 56;
  sky(r, hex('#6e9fcf'), hex('#dce7ef'), horizon, seed, 0.25);
  // A low grey-blue coast on the horizon.
  const hills = fbm(seed + 5, 20, 3);
  const coast = Array.from({ length: 51 }, (_, k) => [k * 2, horizon - 2 - hills(k * 2, 0) * 5] as const);
  r.fill([[...coast, [100, horizon], [0, horizon]]], hex('#8297a8'));
  water(r, horizon, hex('#1d4f7a'), hex('#7fa9c8'), seed + 1);

  // Reflection of the hull, broken by the ripples.
  const ripple = fbm(seed + 2, 3, 2);
  r.fill(
    [roundRect(8, 64, 84, 9, 3)],
    hex('#10263a'),
    (x, y) => 0.45 * (1 - (y - 64) / 9) * (ripple(x * 0.3, y * 3) > 0.45 ? 1 : 0.3),
  );

  // Containers stacked on the deck, three tiers.
  for (let tier = 0; tier < 3; tier++) {
    for (let k = 0; k < 9; k++) {
      const c = CONTAINER_COLOURS[(k * 5 + tier * 3 + seed) % CONTAINER_COLOURS.length]!;
      const x = 36 + k * 5.6;
      const y = 47 - tier * 4.4;
      if (tier === 2 && (k === 0 || k === 8)) continue;
      r.fill(
        [roundRect(x, y, 5.2, 4.1, 0.2)],
        linear(0, y, 0, y + 4.1, [
          [0, shade(c, 1.15)],
          [1, shade(c, 0.8)],
        ]),
      );
    }
  }
  // The white superstructure at the stern, its window rows and the funnel.
  const white = linear(0, 24, 0, 51, [
    [0, hex('#ffffff')],
    [1, hex('#c9cfd6')],
  ]);
  r.fill(
    [roundRect(12, 36, 20, 15, 0.5), roundRect(14, 28, 16, 9, 0.5), roundRect(11, 27, 22, 2.2, 0.4)],
    white,
  );
  const glass: RGB = hex('#1e2c3a');
  for (const y of [31, 39, 44]) r.fill([roundRect(15, y, 14, 1.6, 0.3)], glass);
  r.fill([path(20, 27).line(21, 17).line(28, 17).line(28, 27).points], hex('#c7362b'));
  r.fill([path(20.8, 19).line(21, 17).line(28, 17).line(28, 19).points], hex('#1b1b1b'));

  // The hull: dark above the waterline, a red band at it, the bow raised and raked.
  const hull = path(6, 50)
    .line(90, 50)
    .line(96, 46)
    .curve(94, 54, 90, 60, 84, 63)
    .line(12, 63)
    .curve(9, 62, 7, 56, 6, 50);
  r.fill(
    [hull.points],
    linear(0, 46, 0, 63, [
      [0, hex('#2a3a4f')],
      [1, hex('#16202c')],
    ]),
  );
  r.fill(
    [path(9, 60).line(88, 60).curve(86, 62, 85, 62.5, 84, 63).line(12, 63).line(9, 60).points],
    hex('#a3302a'),
  );
  r.fill([roundRect(6, 49.2, 86, 1.3, 0.4)], hex('#e8ecef'));
  // Foam where the bow meets the water.
  r.fill(
    [path(80, 63).curve(86, 61.5, 92, 62, 96, 64).curve(90, 64.5, 84, 64.2, 80, 63).points],
    hex('#f4f7f9'),
    0.85,
  );
}
