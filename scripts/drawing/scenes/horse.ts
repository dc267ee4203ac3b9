/** A chestnut horse standing side-on in a green pasture, a line of trees and sky behind. */
import { ground, sky, softShadow } from '../backgrounds';
import { domeShade, fbm, hex, mix } from '../paint';
import type { Point, Raster, RGB } from '../raster';
import { circle, path, smooth, stroke } from '../shapes';

/** A leg as a tapering stroke through its joints, with a dark hoof at the end. */
function leg(r: Raster, joints: Point[], coat: RGB, top: number, sock = false): void {
  const foot = joints[joints.length - 1]!;
  r.fill(stroke(joints, top, 2.6), (x, y) =>
    mix(coat, hex('#2b1a10'), Math.min(1, Math.max(0, (y - 70) / 14))),
  );
  if (sock) r.fill(stroke([[foot[0] + 0.3, foot[1] - 6], foot], 2.8, 2.8), hex('#ece6dc'));
  r.fill(
    [
      path(foot[0] - 1.8, foot[1] - 0.5)
        .line(foot[0] + 1.8, foot[1] - 0.5)
        .line(foot[0] + 2.4, foot[1] + 2)
        .line(foot[0] - 2.2, foot[1] + 2).points,
    ],
    hex('#22170f'),
  );
}

export function drawHorse(r: Raster, seed: number): void {
  const horizon = 44;
  r.frame(1.15, 46, 42);
  sky(r, hex('#7aa6d6'), hex('#d6e4ee'), horizon, seed, 0.35);
  // A dark line of trees on the horizon.
  const crowns = fbm(seed + 4, 6, 3);
  const trees = Array.from({ length: 51 }, (_, k) => [k * 2, horizon - 3 - crowns(k * 2, 0) * 9] as const);
  r.fill([[...trees, [100, horizon + 1], [0, horizon + 1]]], hex('#3f5a32'));
  ground(r, horizon, hex('#6f9a3c'), hex('#5b7c38'), seed + 1);
  softShadow(r, 55, 88, 36, 4, 0.55);

  const coat: RGB = hex('#8e4d24');
  const farCoat: RGB = hex('#6e3a1b');
  // Far legs, darker, behind the body.
  leg(
    r,
    [
      [40, 58],
      [39, 72],
      [40, 86],
    ],
    farCoat,
    5.5,
  );
  leg(
    r,
    [
      [74, 56],
      [77, 70],
      [73, 86],
    ],
    farCoat,
    6,
  );

  const body = smooth([
    [8, 37],
    [8, 30],
    [14, 18],
    [21, 12],
    [27, 15],
    [34, 22],
    [44, 33],
    [58, 35],
    [72, 33],
    [82, 38],
    [84, 48],
    [80, 59],
    [62, 62],
    [44, 61],
    [34, 56],
    [29, 46],
    [25, 36],
    [18, 36],
  ]);
  const sheen = fbm(seed + 2, 2, 2);
  r.fill(
    [body],
    domeShade((x, y) => mix(coat, hex('#a8643a'), sheen(x, y) * 0.5), 55, 44, 32, 20, [-0.3, -0.9], 0.5),
  );
  // Near legs, the ear, the mane and the tail.
  leg(
    r,
    [
      [36, 56],
      [35, 72],
      [34, 87],
    ],
    coat,
    6.5,
    true,
  );
  leg(
    r,
    [
      [78, 54],
      [82, 70],
      [79, 87],
    ],
    coat,
    7.5,
  );
  r.fill([path(21, 13).line(22, 6).line(26, 13).points], hex('#6b3617'));
  const mane = hex('#2a160b');
  r.fill(
    stroke(
      [
        [23, 11],
        [28, 15],
        [34, 21],
        [41, 29],
        [46, 33],
      ],
      4.5,
      2,
    ),
    mane,
  );
  r.fill(
    stroke(
      [
        [16, 16],
        [21, 12],
      ],
      3,
    ),
    mane,
  );
  r.fill(
    stroke(
      [
        [82, 38],
        [88, 46],
        [89, 58],
        [86, 70],
      ],
      4.5,
      2.5,
    ),
    mane,
  );
  // Eye, nostril and a white blaze down the face.
  r.fill(
    stroke(
      [
        [15, 18],
        [11, 27],
        [9.5, 32],
      ],
      2.2,
      1.6,
    ),
    hex('#efe7db'),
  );
  r.fill([circle(18.5, 20, 1.5)], hex('#120b07'));
  r.fill([circle(10, 33, 1)], hex('#2a160b'));
}
