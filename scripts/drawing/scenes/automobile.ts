/** A red hatchback seen from the side, parked on a street in front of a brick wall. */
import { brickWall, road, softShadow } from '../backgrounds';
import { hex, linear, radial } from '../paint';
import type { Raster } from '../raster';
import { circle, path, roundRect } from '../shapes';

function wheel(r: Raster, cx: number, cy: number, radius: number): void {
  r.fill([circle(cx, cy, radius)], hex('#1b1c1f'));
  r.fill(
    [circle(cx, cy, radius * 0.62)],
    radial(cx - 1, cy - 1, radius * 0.62, [
      [0, hex('#e4e7ea')],
      [0.7, hex('#a9afb6')],
      [1, hex('#5d636b')],
    ]),
  );
  r.fill([circle(cx, cy, radius * 0.18)], hex('#3b3f45'));
}

export function drawAutomobile(r: Raster, seed: number): void {
  r.frame(1.15, 50, 55);
  brickWall(r, 0, 66, hex('#8a4a32'), hex('#a8a090'), seed, 5);
  road(r, 66, 100, hex('#77787a'), seed + 3);
  r.fill([roundRect(-2, 64, 104, 3, 0)], hex('#b8b6ae'));
  softShadow(r, 50, 80, 46, 5, 0.7);

  const body = path(5, 66)
    .line(5, 57)
    .curve(5, 52, 8, 50, 16, 49)
    .line(27, 47.5)
    .curve(33, 38, 38, 32, 48, 31)
    .line(66, 31)
    .curve(72, 31, 76, 36, 83, 46)
    .line(91, 48)
    .curve(95, 49, 96, 53, 96, 58)
    .line(96, 66)
    .curve(96, 69, 94, 71, 91, 71)
    .line(9, 71)
    .curve(6, 71, 5, 69, 5, 66);
  r.fill(
    [body.points],
    linear(0, 31, 0, 71, [
      [0, hex('#d83a2e')],
      [0.45, hex('#e8523f')],
      [0.55, hex('#b8261d')],
      [1, hex('#7a1410')],
    ]),
  );
  // Windows: the side glass in two panes and a pillar between them.
  const glass = linear(0, 33, 0, 48, [
    [0, hex('#cfe3f2')],
    [1, hex('#4b6474')],
  ]);
  r.fill([path(31, 47).curve(35, 40, 39, 35, 48, 34).line(55, 34).line(55, 47).points], glass);
  r.fill([path(58, 47).line(58, 34).line(66, 34).curve(70, 34, 73, 38, 79, 47).points], glass);
  // Door lines, handle, lights, bumper and mirror.
  const dark = hex('#5a0f0b');
  r.fill([roundRect(56, 34, 0.6, 31, 0.2)], dark);
  r.fill([roundRect(33, 48, 0.5, 17, 0.2)], dark);
  r.fill([roundRect(47, 51, 5, 1.2, 0.5)], hex('#f3c9c2'));
  r.fill([roundRect(69, 51, 5, 1.2, 0.5)], hex('#f3c9c2'));
  r.fill([path(90, 50).line(95.5, 52).line(95.5, 55).line(90, 54).points], hex('#fff6d8'));
  r.fill([roundRect(4.5, 52, 3, 5, 1)], hex('#ff6a3d'));
  r.fill([roundRect(3, 63, 94, 4, 2)], hex('#2e2f33'));
  r.fill([path(75, 40).line(79, 40).line(79, 44).line(76, 44).points], hex('#8d1a13'));
  // Wheel arches, then the wheels.
  r.fill([circle(23, 71, 11.5), circle(79, 71, 11.5)], hex('#141414'));
  wheel(r, 23, 72, 10);
  wheel(r, 79, 72, 10);
}
