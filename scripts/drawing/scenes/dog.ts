/** A beagle-like dog's head and chest, facing the viewer, tongue out, on a lawn. */
import { blurredFoliage } from '../backgrounds';
import { domeShade, fbm, hex, mix } from '../paint';
import type { Raster, RGB } from '../raster';
import { circle, ellipse, path, smooth } from '../shapes';

export function drawDog(r: Raster, seed: number): void {
  blurredFoliage(r, [hex('#4c6b2f'), hex('#7c9a48'), hex('#b5c77c'), hex('#dfe6c0')], seed, 20);

  const tan: RGB = hex('#b8783e');
  const white: RGB = hex('#f1ebe2');
  const hair = fbm(seed + 1, 1.6, 2);
  // Tan head with a white blaze down the middle that widens into the muzzle and chest.
  const coat = (x: number, y: number): RGB => {
    const blaze = Math.abs(x - 50) < 2.5 + Math.max(0, y - 44) * 0.55 ? 1 : 0;
    const c = mix(tan, white, blaze);
    return mix(c, c.map((v) => v * 0.85) as unknown as RGB, hair(x, y * 2));
  };
  r.fill([ellipse(50, 104, 40, 32)], domeShade(coat, 50, 100, 40, 30, [-0.4, -0.8], 0.4));
  const head = smooth([
    [50, 20],
    [64, 22],
    [73, 32],
    [72, 48],
    [66, 60],
    [62, 74],
    [50, 80],
    [38, 74],
    [34, 60],
    [28, 48],
    [27, 32],
    [36, 22],
  ]);
  r.fill([head], domeShade(coat, 50, 48, 24, 30, [-0.4, -0.8], 0.45));
  // Long floppy ears hanging beside the face, darker at the edges.
  const earPaint = domeShade(hex('#7a4a24'), 50, 45, 40, 30, [-0.4, -0.8], 0.35);
  r.fill(
    [
      smooth([
        [30, 26],
        [22, 30],
        [16, 46],
        [18, 62],
        [24, 66],
        [30, 58],
        [33, 40],
      ]),
    ],
    earPaint,
  );
  r.fill(
    [
      smooth([
        [70, 26],
        [78, 30],
        [84, 46],
        [82, 62],
        [76, 66],
        [70, 58],
        [67, 40],
      ]),
    ],
    earPaint,
  );
  // Brown eyes with glints.
  for (const cx of [40, 60]) {
    r.fill([ellipse(cx, 41, 4, 3.6)], hex('#1a120c'));
    r.fill([circle(cx, 41, 2.8)], hex('#4a2a12'));
    r.fill([circle(cx - 1.2, 39.8, 0.9)], hex('#ffffff'));
  }
  // A broad black nose, the mouth and a pink tongue.
  r.fill(
    [
      smooth([
        [43, 58],
        [50, 55.5],
        [57, 58],
        [55, 63],
        [50, 64.5],
        [45, 63],
      ]),
    ],
    domeShade(hex('#1b1716'), 50, 59, 7, 5, [-0.3, -0.9], 0.6),
  );
  r.fill([circle(47.5, 61, 0.9), circle(52.5, 61, 0.9)], hex('#050505'));
  r.fill(
    [
      path(50, 64.5).line(50, 67).points,
      path(50, 67).curve(46, 70, 42, 69, 40, 66).line(41, 66).curve(43, 68, 46, 68.5, 50, 66).points,
    ],
    hex('#3a241a'),
  );
  r.fill(
    [path(50, 67).curve(54, 70, 58, 69, 60, 66).line(59, 66).curve(57, 68, 54, 68.5, 50, 66).points],
    hex('#3a241a'),
  );
  r.fill(
    [
      smooth([
        [45, 68],
        [55, 68],
        [56, 74],
        [53, 79],
        [47, 79],
        [44, 74],
      ]),
    ],
    domeShade(hex('#e0737a'), 50, 73, 6, 6, [-0.3, -0.9], 0.4),
  );
  r.fill([path(50, 69).line(50, 77).line(49.6, 77).line(49.6, 69).points], hex('#b8515a'));
}
