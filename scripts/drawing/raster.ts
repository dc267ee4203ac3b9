/**
 * A small software rasteriser for the drawn example images (scripts/makeExamples.ts): filled
 * polygons painted with a colour, a gradient or any function of the position, drawn on a
 * supersampled RGB canvas and box-averaged down to the output size, so every edge is
 * anti-aliased. Coordinates are in scene units: the square canvas is 100 × 100 units, x to
 * the right, y down, whatever its pixel size. Colours are linear-free sRGB triples in [0, 1].
 */

export type RGB = readonly [number, number, number];
export type Point = readonly [number, number];
/** A colour, or a colour computed per sample from its scene position. */
export type Paint = RGB | ((x: number, y: number) => RGB);
/** How much of the paint covers what is below: a number, or per sample. */
export type Alpha = number | ((x: number, y: number) => number);

export const UNITS = 100;

export class Raster {
  /** Samples per side. */
  readonly side: number;
  /** RGB samples, row by row. */
  readonly rgb: Float32Array;
  private readonly scale: number;
  private readonly mask: Uint8Array;
  /** The view: scene point p lands on the canvas at (p - centre) * zoom + 50. */
  private zoom = 1;
  private cx = 50;
  private cy = 50;

  constructor(side: number) {
    this.side = side;
    this.scale = side / UNITS;
    this.rgb = new Float32Array(side * side * 3);
    this.mask = new Uint8Array(side * side);
  }

  /**
   * Frames the scene: what is drawn afterwards is magnified `zoom` times about (cx, cy), which
   * lands in the middle of the canvas. Paints still see scene coordinates.
   */
  frame(zoom: number, cx = 50, cy = 50): void {
    this.zoom = zoom;
    this.cx = cx;
    this.cy = cy;
  }

  /** Paints every sample (a background). */
  fillAll(paint: Paint, alpha: Alpha = 1): void {
    this.mask.fill(1);
    this.paintMask(paint, alpha, 0, this.side - 1);
  }

  /**
   * Fills the union of the polygons (each closed, non-zero winding inside each one). Areas
   * where polygons overlap are painted once, so a translucent shape has no darker seams.
   */
  fill(polygons: readonly (readonly Point[])[], paint: Paint, alpha: Alpha = 1): void {
    let yMin = this.side;
    let yMax = -1;
    for (const poly of polygons) {
      const [lo, hi] = this.markPolygon(poly);
      yMin = Math.min(yMin, lo);
      yMax = Math.max(yMax, hi);
    }
    if (yMax >= yMin) this.paintMask(paint, alpha, yMin, yMax);
  }

  /** Marks the samples inside one polygon in the mask; returns the rows it touched. */
  private markPolygon(poly: readonly Point[]): [number, number] {
    const n = poly.length;
    if (n < 3) return [this.side, -1];
    const s = this.scale;
    const xs = poly.map((p) => ((p[0] - this.cx) * this.zoom + 50) * s);
    const ys = poly.map((p) => ((p[1] - this.cy) * this.zoom + 50) * s);
    const rowLo = Math.max(0, Math.floor(Math.min(...ys)));
    const rowHi = Math.min(this.side - 1, Math.ceil(Math.max(...ys)));
    const crossings: { x: number; dir: number }[] = [];
    for (let row = rowLo; row <= rowHi; row++) {
      const y = row + 0.5;
      crossings.length = 0;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        const y0 = ys[i]!;
        const y1 = ys[j]!;
        if (y0 === y1 || y < Math.min(y0, y1) || y >= Math.max(y0, y1)) continue;
        const t = (y - y0) / (y1 - y0);
        crossings.push({ x: xs[i]! + t * (xs[j]! - xs[i]!), dir: y1 > y0 ? 1 : -1 });
      }
      crossings.sort((a, b) => a.x - b.x);
      let winding = 0;
      for (let k = 0; k < crossings.length - 1; k++) {
        winding += crossings[k]!.dir;
        if (winding === 0) continue;
        // Samples whose centre (col + 0.5) lies between the two crossings.
        const from = Math.max(0, Math.ceil(crossings[k]!.x - 0.5));
        const to = Math.min(this.side - 1, Math.floor(crossings[k + 1]!.x - 0.5));
        if (to >= from) this.mask.fill(1, row * this.side + from, row * this.side + to + 1);
      }
    }
    return [rowLo, rowHi];
  }

  private paintMask(paint: Paint, alpha: Alpha, rowLo: number, rowHi: number): void {
    // From a sample back to the scene point drawn there.
    const inv = 1 / (this.scale * this.zoom);
    const side = this.side;
    for (let row = rowLo; row <= rowHi; row++) {
      const y = (row + 0.5) * inv + this.cy - 50 / this.zoom;
      for (let col = 0, i = row * side; col < side; col++, i++) {
        if (this.mask[i] === 0) continue;
        this.mask[i] = 0;
        const x = (col + 0.5) * inv + this.cx - 50 / this.zoom;
        const a = typeof alpha === 'number' ? alpha : clamp01(alpha(x, y));
        if (a <= 0) continue;
        const c = typeof paint === 'function' ? paint(x, y) : paint;
        const o = i * 3;
        this.rgb[o] = this.rgb[o]! + (c[0] - this.rgb[o]!) * a;
        this.rgb[o + 1] = this.rgb[o + 1]! + (c[1] - this.rgb[o + 1]!) * a;
        this.rgb[o + 2] = this.rgb[o + 2]! + (c[2] - this.rgb[o + 2]!) * a;
      }
    }
  }

  /** The canvas averaged down to `size` × `size` pixels (size must divide the side), RGB in [0, 1]. */
  downsample(size: number): Float32Array {
    const f = this.side / size;
    if (!Number.isInteger(f) || f < 1) throw new Error(`downsample: ${size} does not divide ${this.side}`);
    const out = new Float32Array(size * size * 3);
    const norm = 1 / (f * f);
    for (let row = 0; row < this.side; row++) {
      const orow = Math.floor(row / f);
      for (let col = 0; col < this.side; col++) {
        const o = (orow * size + Math.floor(col / f)) * 3;
        const i = (row * this.side + col) * 3;
        out[o] = out[o]! + this.rgb[i]! * norm;
        out[o + 1] = out[o + 1]! + this.rgb[i + 1]! * norm;
        out[o + 2] = out[o + 2]! + this.rgb[i + 2]! * norm;
      }
    }
    for (let i = 0; i < out.length; i++) out[i] = clamp01(out[i]!);
    return out;
  }
}

export const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * A camera's look over the finished canvas: saturation (1 = unchanged), exposure (a gain) and
 * a colour cast multiplied in, so drawn scenes read less like flat illustrations.
 */
export function grade(r: Raster, opts: { saturation?: number; exposure?: number; tint?: RGB }): void {
  const s = opts.saturation ?? 1;
  const e = opts.exposure ?? 1;
  const t = opts.tint ?? [1, 1, 1];
  for (let i = 0; i < r.rgb.length; i += 3) {
    const luma = 0.299 * r.rgb[i]! + 0.587 * r.rgb[i + 1]! + 0.114 * r.rgb[i + 2]!;
    for (let c = 0; c < 3; c++) r.rgb[i + c] = clamp01((luma + (r.rgb[i + c]! - luma) * s) * e * t[c]!);
  }
}
