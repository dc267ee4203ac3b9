/** A roe buck standing side-on at the edge of a forest, in a green meadow. */
import { blurredFoliage, ground, softShadow } from '../backgrounds';
import { domeShade, fbm, hex, mix } from '../paint';
import type { Point, Raster, RGB } from '../raster';
import { circle, ellipse, path, smooth, stroke } from '../shapes';

function leg(r: Raster, joints: Point[], coat: RGB, top: number): void {
  const foot = joints[joints.length - 1]!;
  r.fill(stroke(joints, top, 1.6), coat);
  r.fill(
    [
      path(foot[0] - 1.1, foot[1])
        .line(foot[0] + 1.1, foot[1])
        .line(foot[0] + 1.5, foot[1] + 1.6)
        .line(foot[0] - 1.4, foot[1] + 1.6).points,
    ],
    hex('#1f1710'),
  );
}

export function drawDeer(r: Raster, seed: number): void {
  const horizon = 58;
  blurredFoliage(r, [hex('#1f2a18'), hex('#3c4b28'), hex('#6b6a3a'), hex('#9a8f5a')], seed, 12);
  ground(r, horizon, hex('#6f9040'), hex('#5a7838'), seed + 1, 0.3);
  softShadow(r, 54, 88, 30, 3.5, 0.5);

  const coat: RGB = hex('#9a6238');
  const farCoat: RGB = hex('#744726');
  const white: RGB = hex('#efe6d6');
  leg(
    r,
    [
      [44, 62],
      [43, 75],
      [45, 87],
    ],
    farCoat,
    3.6,
  );
  leg(
    r,
    [
      [72, 60],
      [76, 72],
      [72, 87],
    ],
    farCoat,
    4.2,
  );

  const body = smooth([
    [13, 29],
    [15, 24],
    [22, 20],
    [28, 24],
    [33, 32],
    [38, 44],
    [52, 45],
    [68, 43],
    [79, 45],
    [82, 52],
    [78, 62],
    [62, 64],
    [46, 64],
    [38, 60],
    [33, 52],
    [27, 38],
    [20, 32],
  ]);
  const pale = (x: number, y: number): RGB => {
    // A pale belly and throat, a white rump patch.
    const belly = 0.55 * Math.min(1, Math.max(0, (y - 57) / 7));
    const throat = Math.max(0, 1 - Math.hypot((x - 27) / 4, (y - 35) / 5));
    const rump = Math.max(0, 1 - Math.hypot((x - 80) / 4, (y - 51) / 6)) * 1.5;
    return mix(coat, white, Math.min(1, Math.max(belly, throat, rump)));
  };
  const sheen = fbm(seed + 2, 2, 2);
  r.fill(
    [body],
    domeShade(
      (x, y) => mix(pale(x, y), hex('#b37a4a'), sheen(x, y) * 0.3),
      55,
      50,
      30,
      16,
      [-0.3, -0.9],
      0.45,
    ),
  );
  leg(
    r,
    [
      [40, 60],
      [39, 74],
      [40, 87],
    ],
    coat,
    4.2,
  );
  leg(
    r,
    [
      [76, 58],
      [80, 72],
      [77, 87],
    ],
    coat,
    5,
  );
  // Big ears, dark muzzle, eye, and branching antlers.
  r.fill([ellipse(27, 17, 2.6, 6, 35), ellipse(23, 16, 2.3, 5.5, -15)], hex('#7f5030'));
  r.fill([ellipse(27.3, 17.3, 1.3, 4, 35)], hex('#d9bfa4'));
  r.fill([circle(13.5, 28, 1.8)], hex('#1c1410'));
  r.fill([circle(19.5, 23.5, 1.3)], hex('#120d0a'));
  const antler = hex('#4a3a2a');
  r.fill(
    [
      ...stroke(
        [
          [22, 19],
          [21, 12],
          [18, 5],
          [16, 2],
        ],
        1.6,
        0.8,
      ),
      ...stroke(
        [
          [21, 12],
          [25, 8],
        ],
        1,
        0.6,
      ),
      ...stroke(
        [
          [19, 7],
          [14, 6],
        ],
        1,
        0.6,
      ),
      ...stroke(
        [
          [25, 19],
          [27, 12],
          [26, 5],
        ],
        1.4,
        0.7,
      ),
      ...stroke(
        [
          [26.6, 10],
          [30, 7],
        ],
        0.9,
        0.5,
      ),
    ],
    antler,
  );
  r.fill(
    stroke(
      [
        [80, 46],
        [84, 49],
      ],
      2.4,
      1.2,
    ),
    white,
  );
}
