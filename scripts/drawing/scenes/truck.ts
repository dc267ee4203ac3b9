/** A box lorry with a red cab seen from the side on a country road under a pale sky. */
import { ground, road, sky, softShadow } from '../backgrounds';
import { hex, linear, radial } from '../paint';
import type { Raster } from '../raster';
import { circle, path, roundRect } from '../shapes';

function wheel(r: Raster, cx: number, cy: number, radius: number): void {
  r.fill([circle(cx, cy, radius)], hex('#18191b'));
  r.fill(
    [circle(cx, cy, radius * 0.55)],
    radial(cx - 0.8, cy - 0.8, radius * 0.55, [
      [0, hex('#d4d7db')],
      [1, hex('#6c7178')],
    ]),
  );
  r.fill([circle(cx, cy, radius * 0.2)], hex('#2f3236'));
}

export function drawTruck(r: Raster, seed: number): void {
  sky(r, hex('#8fb3d6'), hex('#e3ebf0'), 52, seed, 0.4);
  ground(r, 52, hex('#6d8a3e'), hex('#5a7040'), seed + 1);
  road(r, 70, 100, hex('#5f6063'), seed + 2);
  softShadow(r, 50, 80, 48, 5, 0.7);

  // The box body: white panels with ribs and a shadowed lower edge.
  const box = linear(0, 18, 0, 64, [
    [0, hex('#f7f8f9')],
    [0.8, hex('#d9dde1')],
    [1, hex('#aeb4ba')],
  ]);
  r.fill([roundRect(3, 18, 63, 47, 1.2)], box);
  for (let x = 10; x < 64; x += 7) r.fill([roundRect(x, 19, 0.5, 45, 0.2)], hex('#b9bfc5'));
  r.fill([roundRect(3, 40, 63, 5, 0)], hex('#1f5fa8'));
  // Chassis, the cab with its windscreen, door, grille, lamp and mirror.
  r.fill([roundRect(3, 64, 92, 5, 0.5)], hex('#26282b'));
  const cab = path(68, 68)
    .line(68, 29)
    .curve(68, 27, 69, 26, 71, 26)
    .line(85, 26)
    .curve(88, 26, 89, 28, 90, 31)
    .line(94, 45)
    .curve(95, 47, 95.5, 49, 95.5, 52)
    .line(95.5, 68);
  r.fill(
    [cab.points],
    linear(0, 26, 0, 68, [
      [0, hex('#e0402f')],
      [0.6, hex('#c72f22')],
      [1, hex('#8a1c14')],
    ]),
  );
  r.fill(
    [path(80, 29).line(87, 29).curve(88, 29, 88.5, 30, 89, 31).line(92.5, 44).line(80, 44).points],
    linear(0, 29, 0, 44, [
      [0, hex('#d7e6f1')],
      [1, hex('#4f6878')],
    ]),
  );
  r.fill(
    [roundRect(70.5, 29, 8, 15, 0.8)],
    linear(0, 29, 0, 44, [
      [0, hex('#cbdce8')],
      [1, hex('#4a6272')],
    ]),
  );
  r.fill([roundRect(79, 29, 0.6, 38, 0.2), roundRect(70, 46, 0.5, 21, 0.2)], hex('#6e140e'));
  r.fill([roundRect(72, 48, 4, 1.2, 0.5)], hex('#e9e2de'));
  r.fill([roundRect(91, 52, 4.5, 7, 0.6)], hex('#3a3c40'));
  r.fill([roundRect(92.5, 60, 3, 2.5, 0.6)], hex('#fff3c4'));
  r.fill([roundRect(65, 22, 1.6, 46, 0.6)], hex('#8b9096'));
  r.fill([roundRect(89, 30, 1.2, 8, 0.5)], hex('#2a2c30'));
  r.fill([roundRect(66, 66, 31, 3.5, 1)], hex('#3a3d41'));
  // Arches and wheels: two at the back, one under the cab.
  r.fill([circle(16, 70, 8.6), circle(33, 70, 8.6), circle(82, 70, 8.6)], hex('#121212'));
  wheel(r, 16, 71, 7.6);
  wheel(r, 33, 71, 7.6);
  wheel(r, 82, 71, 7.6);
}
