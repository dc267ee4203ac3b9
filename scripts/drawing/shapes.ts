/**
 * Shapes for the rasteriser as polygons in scene units: a path of lines and Bézier curves,
 * ellipses, rounded rectangles, thick strokes along a polyline, and affine transforms.
 */
import type { Point } from './raster';

const CURVE_STEPS = 24;

/** A path in the style of SVG's: move, lines and cubic/quadratic curves, flattened to points. */
export class Path {
  readonly points: Point[] = [];

  constructor(x: number, y: number) {
    this.points.push([x, y]);
  }

  private get last(): Point {
    return this.points[this.points.length - 1]!;
  }

  line(x: number, y: number): this {
    this.points.push([x, y]);
    return this;
  }

  /** A cubic Bézier from the current point through control points c1, c2 to (x, y). */
  curve(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): this {
    const [x0, y0] = this.last;
    for (let k = 1; k <= CURVE_STEPS; k++) {
      const t = k / CURVE_STEPS;
      const u = 1 - t;
      this.points.push([
        u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
        u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y,
      ]);
    }
    return this;
  }

  /** A quadratic Bézier from the current point through control point c to (x, y). */
  quad(cx: number, cy: number, x: number, y: number): this {
    const [x0, y0] = this.last;
    return this.curve(
      x0 + (2 / 3) * (cx - x0),
      y0 + (2 / 3) * (cy - y0),
      x + (2 / 3) * (cx - x),
      y + (2 / 3) * (cy - y),
      x,
      y,
    );
  }
}

export const path = (x: number, y: number): Path => new Path(x, y);

/** An ellipse centred on (cx, cy), turned by `angle` degrees. */
export function ellipse(cx: number, cy: number, rx: number, ry: number, angle = 0, steps = 72): Point[] {
  const a = (angle * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return Array.from({ length: steps }, (_, k) => {
    const t = (k / steps) * 2 * Math.PI;
    const x = rx * Math.cos(t);
    const y = ry * Math.sin(t);
    return [cx + x * cos - y * sin, cy + x * sin + y * cos] as const;
  });
}

export const circle = (cx: number, cy: number, r: number): Point[] => ellipse(cx, cy, r, r);

/** A rectangle with corners rounded by r. */
export function roundRect(x: number, y: number, w: number, h: number, r: number): Point[] {
  const rr = Math.min(r, w / 2, h / 2);
  const corner = (cx: number, cy: number, from: number): Point[] =>
    Array.from({ length: 9 }, (_, k) => {
      const t = ((from + (k / 8) * 90) * Math.PI) / 180;
      return [cx + rr * Math.cos(t), cy + rr * Math.sin(t)] as const;
    });
  return [
    ...corner(x + w - rr, y + rr, 270),
    ...corner(x + w - rr, y + h - rr, 0),
    ...corner(x + rr, y + h - rr, 90),
    ...corner(x + rr, y + rr, 180),
  ];
}

/**
 * A thick line along the points, as polygons (one quad per segment and a round cap at each
 * point); the width may taper from `width` to `endWidth`.
 */
export function stroke(points: readonly Point[], width: number, endWidth = width): Point[][] {
  const out: Point[][] = [];
  const n = points.length;
  const widthAt = (i: number): number => width + (endWidth - width) * (n > 1 ? i / (n - 1) : 0);
  for (let i = 0; i < n - 1; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[i + 1]!;
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const nx = -(y1 - y0) / len;
    const ny = (x1 - x0) / len;
    const h0 = widthAt(i) / 2;
    const h1 = widthAt(i + 1) / 2;
    out.push([
      [x0 + nx * h0, y0 + ny * h0],
      [x1 + nx * h1, y1 + ny * h1],
      [x1 - nx * h1, y1 - ny * h1],
      [x0 - nx * h0, y0 - ny * h0],
    ]);
  }
  points.forEach(([x, y], i) => out.push(ellipse(x, y, widthAt(i) / 2, widthAt(i) / 2, 0, 24)));
  return out;
}

/** Points moved by an affine map: scale s about the origin, turn by `angle` degrees, then shift. */
export function place(
  points: readonly Point[],
  dx: number,
  dy: number,
  s = 1,
  angle = 0,
  flipX = false,
): Point[] {
  const a = (angle * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return points.map(([x0, y]) => {
    const x = flipX ? -x0 : x0;
    return [dx + s * (x * cos - y * sin), dy + s * (x * sin + y * cos)] as const;
  });
}

/** The points of a path through the given points, smoothed as a Catmull–Rom spline. */
export function smooth(points: readonly Point[], closed = true, steps = 10): Point[] {
  const n = points.length;
  const at = (i: number): Point =>
    closed ? points[((i % n) + n) % n]! : points[Math.max(0, Math.min(n - 1, i))]!;
  const out: Point[] = [];
  const segments = closed ? n : n - 1;
  for (let i = 0; i < segments; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    for (let k = 0; k < steps; k++) {
      const t = k / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number): number =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  if (!closed) out.push(points[n - 1]!);
  return out;
}
