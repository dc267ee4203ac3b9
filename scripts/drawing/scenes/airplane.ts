/** An airliner seen from the side, lifting off a runway: wheels down, fields and sky behind. */
import { ground, road, sky } from '../backgrounds';
import { hex, linear } from '../paint';
import type { Point, Raster } from '../raster';
import { circle, ellipse, path, place, roundRect } from '../shapes';

export function drawAirplane(r: Raster, seed: number): void {
  const horizon = 58;
  sky(r, hex('#5f8fc8'), hex('#c9dcee'), horizon, seed, 0.3);
  ground(r, horizon, hex('#6f8f4a'), hex('#7a8a70'), seed + 1);
  road(r, 70, 100, hex('#55575a'), seed + 2);
  for (let x = 4; x < 100; x += 16)
    r.fill(
      [
        [
          [x, 84],
          [x + 9, 84],
          [x + 9.5, 86],
          [x - 0.5, 86],
        ],
      ],
      hex('#e8e8e2'),
    );
  // The plane is drawn level around (50, 50) and then turned to climb.
  const at = (pts: readonly Point[]): Point[] =>
    place(
      pts.map(([x, y]) => [x - 50, y - 50] as const),
      50,
      46,
      1,
      -7,
    );
  // Landing gear, still down: struts and wheels under the wing and the nose.
  const strut = hex('#5b626c');
  r.fill([at(roundRect(55, 50, 1.2, 9, 0.3)), at(roundRect(82, 50, 1, 8, 0.3))], strut);
  r.fill([at(circle(55.6, 60, 2.6)), at(circle(52, 60, 2.6)), at(circle(82.5, 58.5, 2))], hex('#1c1d20'));

  const farWing = path(58, 45).line(70, 30).line(74, 30).line(66, 45);
  r.fill([at(farWing.points)], hex('#8d96a3'));
  const fin = path(12, 42).line(5, 21).line(12, 21).line(29, 41);
  r.fill(
    [at(fin.points)],
    linear(0, 20, 0, 42, [
      [0, hex('#1f4d8f')],
      [1, hex('#2e66b5')],
    ]),
  );
  const body = path(10, 40)
    .curve(12, 38.5, 16, 38, 24, 38)
    .line(80, 38)
    .curve(87, 38, 93, 42, 95, 46.5)
    .curve(94, 49, 90, 50.5, 84, 51)
    .line(26, 51)
    .curve(18, 51, 12, 47, 10, 43);
  const bodyPaint = linear(0, 38, 0, 51, [
    [0, hex('#ffffff')],
    [0.45, hex('#e9edf2')],
    [1, hex('#8e98a6')],
  ]);
  r.fill([at(body.points)], bodyPaint);
  // A stripe along the fuselage in the airline's colour.
  const stripe = path(16, 45.5).line(90, 45.5).line(92.5, 47.3).line(17, 47.3);
  r.fill([at(stripe.points)], hex('#2e66b5'));
  const windows: Point[][] = [];
  for (let x = 26; x <= 80; x += 3.2) windows.push(ellipse(x, 42.3, 0.7, 0.9, 0, 12));
  r.fill(windows.map(at), hex('#2b3442'));
  const cockpit = path(86.5, 40.6).line(91.5, 42.8).line(92.4, 44).line(86.5, 43.4);
  r.fill([at(cockpit.points)], hex('#1d2530'));
  const tailplane = path(14, 46).line(4, 50).line(9, 50.5).line(24, 47.5);
  r.fill([at(tailplane.points)], hex('#c5ccd6'));
  // The near wing sweeps back and down towards the viewer; its engine hangs below it.
  const nearWing = path(46, 48.5).line(64, 48.5).line(38, 72).line(32, 72.5);
  r.fill(
    [at(nearWing.points)],
    linear(0, 48, 0, 72, [
      [0, hex('#c9d0da')],
      [1, hex('#9aa4b2')],
    ]),
  );
  const engine = path(50, 55)
    .curve(50, 52.5, 53, 52, 56, 52)
    .line(64, 52)
    .curve(66, 52.5, 66, 57.5, 64, 58)
    .line(56, 58)
    .curve(53, 58, 50, 57.5, 50, 55);
  r.fill(
    [at(engine.points)],
    linear(0, 52, 0, 58, [
      [0, hex('#f2f4f7')],
      [1, hex('#7e8896')],
    ]),
  );
  r.fill([at(ellipse(64.5, 55, 1.2, 2.8, 0, 24))], hex('#2a2f38'));
}
