/**
 * One painter per class: from a seeded random source it picks the class's free parameters
 * (position, size, angle, period…) and returns the signed distance of the figure at a pixel.
 * Angles are jittered but kept inside each class's range, so stripes stay horizontal,
 * vertical or diagonal and a tilted square never turns into a diamond-shaped "other" class.
 */
import type { Rng } from '../../random';
import { bandSdf, boxSdf, diskSdf, triangleSdf, unrotate } from './sdf';

export type Sdf = (x: number, y: number) => number;
/** `spread` in [0, 1]: how far from the image centre a figure may sit, as a share of the room it has. */
export type Painter = (rng: Rng, size: number, spread: number) => Sdf;

const DEG = Math.PI / 180;

function between(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** A centre that keeps a figure of radius r (plus a margin) inside the image. */
function centre(rng: Rng, size: number, r: number, spread: number): { cx: number; cy: number } {
  const room = Math.max(0, size / 2 - r - 2) * spread;
  return { cx: size / 2 + between(rng, -room, room), cy: size / 2 + between(rng, -room, room) };
}

function stripes(baseAngle: number, jitter: number): Painter {
  return (rng, size) => {
    const s = size / 64;
    const angle = (baseAngle + between(rng, -jitter, jitter)) * DEG;
    const period = between(rng, 8, 14) * s;
    const duty = between(rng, 0.35, 0.65);
    const phase = rng() * period;
    return (x, y) => bandSdf(unrotate(x, y, angle).y, period, duty, phase);
  };
}

const diagonal: Painter = (rng, size, spread) =>
  (rng() < 0.5 ? stripes(45, 10) : stripes(-45, 10))(rng, size, spread);

const circle: Painter = (rng, size, spread) => {
  const r = between(rng, 0.18, 0.3) * size;
  const { cx, cy } = centre(rng, size, r, spread);
  return (x, y) => diskSdf(x - cx, y - cy, r);
};

const ring: Painter = (rng, size, spread) => {
  const r = between(rng, 0.24, 0.34) * size;
  // A thin wall around a large hole: a ring never reads as a filled circle.
  const half = between(rng, 0.025, 0.04) * size;
  const { cx, cy } = centre(rng, size, r + half, spread);
  return (x, y) => Math.abs(diskSdf(x - cx, y - cy, r)) - half;
};

const square: Painter = (rng, size, spread) => {
  const h = between(rng, 0.16, 0.26) * size;
  const angle = between(rng, -15, 15) * DEG;
  const { cx, cy } = centre(rng, size, h * 1.3, spread);
  return (x, y) => {
    const p = unrotate(x - cx, y - cy, angle);
    return boxSdf(p.x, p.y, h, h);
  };
};

const triangle: Painter = (rng, size, spread) => {
  const r = between(rng, 0.24, 0.36) * size;
  const angle = between(rng, -25, 25) * DEG + (rng() < 0.5 ? 0 : Math.PI);
  const { cx, cy } = centre(rng, size, r, spread);
  return (x, y) => {
    const p = unrotate(x - cx, y - cy, angle);
    return triangleSdf(p.x, p.y, r);
  };
};

const cross: Painter = (rng, size, spread) => {
  const arm = between(rng, 0.22, 0.34) * size;
  const half = between(rng, 0.06, 0.09) * size;
  const angle = between(rng, -15, 15) * DEG;
  const { cx, cy } = centre(rng, size, arm * 1.1, spread);
  return (x, y) => {
    const p = unrotate(x - cx, y - cy, angle);
    return Math.min(boxSdf(p.x, p.y, arm, half), boxSdf(p.x, p.y, half, arm));
  };
};

const checkerboard: Painter = (rng, size) => {
  // Cells large enough that their horizontal and vertical edges dominate: small tilted cells
  // line up into diagonals and look like diagonal stripes.
  const cell = between(rng, 8, 12) * (size / 64);
  const angle = between(rng, -6, 6) * DEG;
  const ox = rng() * cell;
  const oy = rng() * cell;
  return (x, y) => {
    const p = unrotate(x, y, angle);
    const a = bandSdf(p.x, 2 * cell, 0.5, ox);
    const b = bandSdf(p.y, 2 * cell, 0.5, oy);
    // Inside where exactly one of the two band sets is "on" (XOR); the distance to the
    // nearest cell edge is the smaller of the two band distances.
    const d = Math.min(Math.abs(a), Math.abs(b));
    return a < 0 !== b < 0 ? -d : d;
  };
};

const dots: Painter = (rng, size) => {
  const r = between(rng, 2, 3.2) * (size / 64);
  const count = 6 + Math.floor(rng() * 11);
  const centres: { x: number; y: number }[] = [];
  // Rejection sampling keeps dots apart, so they read as separate dots and not as blobs.
  for (let tries = 0; centres.length < count && tries < 400; tries++) {
    const x = between(rng, r + 1, size - r - 1);
    const y = between(rng, r + 1, size - r - 1);
    if (centres.every((c) => Math.hypot(c.x - x, c.y - y) > 3 * r)) centres.push({ x, y });
  }
  return (x, y) => {
    let d = Infinity;
    for (const c of centres) d = Math.min(d, diskSdf(x - c.x, y - c.y, r));
    return d;
  };
};

/** In the order of SHAPE_CLASSES. */
export const PAINTERS: readonly Painter[] = [
  stripes(0, 8),
  stripes(90, 8),
  diagonal,
  circle,
  square,
  triangle,
  cross,
  checkerboard,
  dots,
  ring,
];
