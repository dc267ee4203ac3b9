/** A robin perched on a branch, seen from the side against out-of-focus leaves. */
import { blurredFoliage } from '../backgrounds';
import { domeShade, fbm, hex, mix, mottled } from '../paint';
import type { Raster, RGB } from '../raster';
import { circle, path, smooth, stroke } from '../shapes';

/** 0 outside the ellipse, 1 well inside, a soft rim of width `soft` (in ellipse radii). */
function inside(x: number, y: number, cx: number, cy: number, rx: number, ry: number, soft = 0.25): number {
  const d = Math.hypot((x - cx) / rx, (y - cy) / ry);
  return Math.min(1, Math.max(0, (1 - d) / soft));
}

export function drawBird(r: Raster, seed: number): void {
  blurredFoliage(r, [hex('#2f4a22'), hex('#557a34'), hex('#a9c16a'), hex('#d7e0a8')], seed, 16);
  const bark = mottled(hex('#5b4330'), fbm(seed + 1, 3, 3), 0.35);
  // The branch, thick on the left, with a twig.
  r.fill(
    stroke(
      [
        [-5, 84],
        [30, 80],
        [60, 77],
        [105, 71],
      ],
      7,
      5,
    ),
    bark,
  );
  r.fill(
    stroke(
      [
        [72, 75],
        [84, 66],
        [92, 60],
      ],
      2.5,
      1,
    ),
    bark,
  );

  const brown: RGB = hex('#7a5a3c');
  const orange: RGB = hex('#e0702c');
  const cream: RGB = hex('#eee6d6');
  const feathers = fbm(seed + 2, 2.2, 2);
  const plumage = (x: number, y: number): RGB => {
    const breast = inside(x, y, 33, 50, 13, 16);
    const belly = inside(x, y, 52, 64, 13, 7, 0.5);
    let c = mix(brown, cream, belly * 0.9);
    c = mix(c, orange, breast);
    return mix(c, c.map((v) => v * 0.8) as unknown as RGB, feathers(x, y * 2) * 0.6);
  };
  // One outline for head, body and tail (facing left), smoothed through these points.
  const outline = smooth([
    [24, 35],
    [28, 26],
    [37, 23],
    [45, 28],
    [58, 36],
    [70, 46],
    [86, 60],
    [91, 66],
    [84, 67],
    [70, 63],
    [58, 69],
    [43, 67],
    [31, 58],
    [25, 46],
  ]);
  r.fill([outline], domeShade(plumage, 48, 48, 30, 24, [-0.4, -0.8], 0.5));
  // The folded wing, darker, with pale feather edges.
  const wing = smooth([
    [45, 40],
    [58, 38],
    [72, 50],
    [80, 60],
    [66, 60],
    [52, 56],
  ]);
  r.fill([wing], domeShade(hex('#5e4229'), 60, 50, 18, 12, [-0.4, -0.8], 0.4));
  for (let k = 0; k < 3; k++)
    r.fill(
      stroke(
        [
          [54 + k * 6, 52 + k * 2],
          [66 + k * 5, 58 + k],
        ],
        0.8,
      ),
      hex('#a88662'),
      0.7,
    );
  // Beak, eye with a glint, and the legs gripping the branch.
  r.fill([path(25, 33).line(15, 36.5).line(25, 38.5).points], hex('#3a2f27'));
  r.fill([circle(31, 32, 2.4)], hex('#111111'));
  r.fill([circle(30.3, 31.2, 0.7)], hex('#ffffff'));
  const leg = hex('#6b4f3a');
  r.fill(
    [
      ...stroke(
        [
          [46, 66],
          [44, 74],
          [41, 79],
        ],
        1.2,
      ),
      ...stroke(
        [
          [54, 67],
          [55, 75],
          [54, 78],
        ],
        1.2,
      ),
    ],
    leg,
  );
}
