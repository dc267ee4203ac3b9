/** A green frog with dark spots sitting on wet moss, seen from the side and a little above. */
import { softShadow } from '../backgrounds';
import { domeShade, fbm, hex, mix, mottled } from '../paint';
import type { Raster, RGB } from '../raster';
import { circle, ellipse, path, smooth, stroke } from '../shapes';

export function drawFrog(r: Raster, seed: number): void {
  r.frame(1.15, 50, 58);
  const moss = fbm(seed, 8, 4);
  r.fillAll((x, y) => mix(hex('#3b3a22'), hex('#7a7a3c'), Math.min(1, moss(x, y) * 1.3 - 0.1 + y / 400)));
  softShadow(r, 54, 76, 40, 8, 0.6);

  const spots = fbm(seed + 1, 5, 3);
  const green: RGB = hex('#5f9a38');
  const dark: RGB = hex('#2f4d1c');
  const belly: RGB = hex('#d8d99a');
  const skin = (x: number, y: number): RGB => {
    const s = spots(x, y);
    const base = mix(green, belly, Math.min(1, Math.max(0, (y - 62) / 10)));
    return s > 0.58 ? mix(base, dark, Math.min(1, (s - 0.58) * 8)) : base;
  };
  const lit = (cx: number, cy: number, rx: number, ry: number) =>
    domeShade(mottled(skin, fbm(seed + 2, 1.5, 2), 0.08), cx, cy, rx, ry, [-0.3, -0.9], 0.5);

  // Far legs first, then the body, then the near hind leg folded against it.
  r.fill(
    [
      ...stroke(
        [
          [30, 66],
          [24, 74],
          [20, 78],
        ],
        3.2,
        2,
      ),
    ],
    hex('#4c7a2c'),
  );
  const body = smooth([
    [14, 58],
    [20, 49],
    [32, 42],
    [52, 40],
    [72, 45],
    [86, 56],
    [84, 68],
    [66, 74],
    [42, 74],
    [24, 68],
  ]);
  r.fill([body], lit(50, 56, 38, 20));
  r.fill([ellipse(70, 63, 16, 10, -25)], lit(70, 60, 16, 12));
  const foot = path(62, 76).line(90, 75).line(93, 78).line(60, 79.5);
  r.fill([foot.points], hex('#4f822e'));
  r.fill(
    [
      ...stroke(
        [
          [88, 76],
          [97, 73],
        ],
        1.3,
      ),
      ...stroke(
        [
          [89, 77.5],
          [98, 78.5],
        ],
        1.3,
      ),
      ...stroke(
        [
          [86, 78],
          [94, 82],
        ],
        1.3,
      ),
    ],
    hex('#4f822e'),
  );
  // Near front leg with splayed toes.
  const arm = hex('#5b9135');
  r.fill(
    [
      ...stroke(
        [
          [34, 62],
          [32, 71],
          [30, 77],
        ],
        4,
        2.4,
      ),
    ],
    arm,
  );
  r.fill(
    [
      ...stroke(
        [
          [30, 77],
          [24, 80],
        ],
        1.2,
      ),
      ...stroke(
        [
          [30, 77],
          [30, 82],
        ],
        1.2,
      ),
      ...stroke(
        [
          [30, 77],
          [36, 80],
        ],
        1.2,
      ),
    ],
    arm,
  );
  // The mouth line, the eardrum and the bulging eye with a horizontal pupil.
  r.fill(
    stroke(
      [
        [15, 58],
        [24, 60],
        [38, 59],
      ],
      0.8,
    ),
    hex('#2a3d18'),
  );
  r.fill([circle(45, 52, 4)], hex('#4b6e2a'));
  r.fill([circle(29, 44, 7)], lit(29, 42, 7, 7));
  r.fill([circle(29, 43, 4.8)], hex('#c9a13a'));
  r.fill([ellipse(29, 43, 3.6, 1.8)], hex('#101010'));
  r.fill([circle(27.5, 41.6, 0.9)], hex('#ffffff'));
}
