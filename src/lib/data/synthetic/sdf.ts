/**
 * Signed distances (in pixels; negative inside) for the shapes the dataset draws. Painting
 * coverage as clamp(0.5 − d) gives one pixel of anti-aliasing, so edges look like a camera's,
 * not like aliased staircases a network could learn instead of the shape.
 */

export interface Point {
  x: number;
  y: number;
}

/** Rotates p about the origin by −angle (into the shape's own frame). */
export function unrotate(x: number, y: number, angle: number): Point {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return { x: c * x + s * y, y: -s * x + c * y };
}

export function coverage(d: number): number {
  return d <= -0.5 ? 1 : d >= 0.5 ? 0 : 0.5 - d;
}

export function diskSdf(x: number, y: number, r: number): number {
  return Math.sqrt(x * x + y * y) - r;
}

/** Axis-aligned box of half-sizes hx, hy centred at the origin (exact outside, exact inside). */
export function boxSdf(x: number, y: number, hx: number, hy: number): number {
  const dx = Math.abs(x) - hx;
  const dy = Math.abs(y) - hy;
  const ox = Math.max(dx, 0);
  const oy = Math.max(dy, 0);
  return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(dx, dy), 0);
}

/** Equilateral triangle with circumradius r, one vertex pointing up (−y), centred at the origin. */
export function triangleSdf(x: number, y: number, r: number): number {
  // Inigo Quilez's exact equilateral-triangle distance, with side length r·√3.
  const k = Math.sqrt(3);
  const half = (r * k) / 2;
  let px = Math.abs(x) - half;
  let py = -y + r / 2;
  if (px + k * py > 0) {
    const nx = (px - k * py) / 2;
    const ny = (-k * px - py) / 2;
    px = nx;
    py = ny;
  }
  px -= Math.min(Math.max(px, -2 * half), 0);
  return -Math.sqrt(px * px + py * py) * Math.sign(py);
}

/**
 * Distance to the edges of periodic bands along one axis: bands `duty·period` wide repeat
 * every `period` pixels, shifted by `phase`.
 */
export function bandSdf(u: number, period: number, duty: number, phase: number): number {
  const t = (((u + phase) % period) + period) % period;
  const w = duty * period;
  return t < w ? -Math.min(t, w - t) : Math.min(t - w, period - t);
}
