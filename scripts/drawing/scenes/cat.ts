/** A grey tabby cat's head and shoulders, facing the viewer, in a warm room. */
import { blurredFoliage } from '../backgrounds';
import { domeShade, fbm, hex, mix } from '../paint';
import type { Raster, RGB } from '../raster';
import { circle, ellipse, path, smooth, stroke } from '../shapes';

export function drawCat(r: Raster, seed: number): void {
  blurredFoliage(r, [hex('#1e1f24'), hex('#3a3b44'), hex('#6a6660'), hex('#a59a8a')], seed, 22);

  const fur: RGB = hex('#7f7c79');
  const stripe: RGB = hex('#2e2c2b');
  const light: RGB = hex('#eeebe6');
  const stripes = fbm(seed + 1, 3, 2);
  // Tabby stripes: bands across the fur, bent by noise; a white muzzle, chin, chest and blaze.
  const tabby = (x: number, y: number): RGB => {
    const band = Math.sin((y + (x - 50) * (x - 50) * 0.012) * 0.9 + stripes(x, y) * 5);
    const c = band > 0.5 ? mix(fur, stripe, Math.min(0.4, (band - 0.5) * 2)) : fur;
    const muzzle = Math.max(0, 1 - Math.hypot((x - 50) / 15, (y - 68) / 10));
    const chest = y > 80 ? Math.max(0, 1 - Math.abs(x - 50) / 22) : 0;
    const blaze = Math.max(0, 1 - Math.hypot((x - 50) / 4, (y - 52) / 14));
    return mix(c, light, Math.min(1, Math.max(muzzle, chest, blaze) * 2));
  };
  // Shoulders, then the head with the ears.
  r.fill([ellipse(50, 104, 44, 30)], domeShade(tabby, 50, 100, 44, 30, [-0.4, -0.8], 0.5));
  const ears = [path(22, 44).line(19, 8).line(42, 32).points, path(78, 44).line(81, 8).line(58, 32).points];
  r.fill(ears, domeShade(fur, 50, 30, 32, 20));
  r.fill(
    [path(25, 38).line(22.5, 15).line(37, 32).points, path(75, 38).line(77.5, 15).line(63, 32).points],
    hex('#d9a3a0'),
  );
  const head = smooth([
    [50, 27],
    [68, 30],
    [80, 42],
    [82, 58],
    [74, 72],
    [60, 80],
    [50, 81],
    [40, 80],
    [26, 72],
    [18, 58],
    [20, 42],
    [32, 30],
  ]);
  r.fill([head], domeShade(tabby, 50, 55, 32, 28, [-0.4, -0.8], 0.45));
  // The forehead's dark "M" over the eyes.
  const m = hex('#3b3632');
  r.fill(
    [
      ...stroke(
        [
          [42, 42],
          [45, 33],
          [50, 40],
          [55, 33],
          [58, 42],
        ],
        1.6,
      ),
    ],
    m,
  );
  // Green eyes with slit pupils and a glint each.
  for (const cx of [38, 62]) {
    r.fill([ellipse(cx, 52, 6.2, 4.6)], hex('#1f1b17'));
    r.fill([ellipse(cx, 52, 5.4, 4)], hex('#9bbf3a'));
    r.fill([ellipse(cx, 52, 1.2, 3.8)], hex('#0c0c0c'));
    r.fill([circle(cx - 2, 50.5, 0.8)], hex('#ffffff'));
  }
  // Pink nose, the mouth and whiskers.
  r.fill([path(46.5, 62).line(53.5, 62).line(50, 66).points], hex('#d47f86'));
  const dark = hex('#3d2f2c');
  r.fill(
    [
      ...stroke(
        [
          [50, 66],
          [50, 69],
        ],
        0.7,
      ),
      ...stroke(
        [
          [50, 69],
          [46, 71.5],
          [43, 70],
        ],
        0.7,
      ),
      ...stroke(
        [
          [50, 69],
          [54, 71.5],
          [57, 70],
        ],
        0.7,
      ),
    ],
    dark,
  );
  const whisker = hex('#f5f2ee');
  for (const [dy, bend] of [
    [-1.5, -3],
    [1, 0],
    [3.5, 3],
  ] as const) {
    r.fill(
      stroke(
        [
          [42, 67 + dy * 0.4],
          [30, 66 + dy],
          [14, 64 + dy + bend],
        ],
        0.5,
        0.25,
      ),
      whisker,
      0.9,
    );
    r.fill(
      stroke(
        [
          [58, 67 + dy * 0.4],
          [70, 66 + dy],
          [86, 64 + dy + bend],
        ],
        0.5,
        0.25,
      ),
      whisker,
      0.9,
    );
  }
}
