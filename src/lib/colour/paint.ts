/**
 * Paints one channel of channels-last data into an RGBA pixel buffer in a single pass,
 * through a look-up table: the hot loop behind every activation map on screen.
 */
import { LUT_SIZE, type Lut } from './lut';
import type { Domain } from './ranges';

/**
 * Writes `count` pixels: value i is `data[offset + i·stride]`, so a channel of an [H, W, C]
 * map is (offset = channel, stride = C) and a plain vector is (0, 1). `out` is a 32-bit view
 * of an ImageData buffer (or any RGBA buffer).
 */
export function paintValues(
  data: Float32Array,
  offset: number,
  stride: number,
  count: number,
  domain: Domain,
  lut: Lut,
  out: Uint32Array,
): void {
  const top = LUT_SIZE - 1;
  const scale = top / (domain.hi - domain.lo);
  const lo = domain.lo;
  const packed = lut.packed;
  for (let i = 0, j = offset; i < count; i++, j += stride) {
    // (x > 0) is false for NaN too, so broken values get the low end instead of garbage.
    const t = (data[j]! - lo) * scale;
    out[i] = packed[t > 0 ? (t < top ? (t + 0.5) | 0 : top) : 0]!;
  }
}

/** A neutral pixel for cells past the end of a vector laid out as a grid. */
export function fillRest(out: Uint32Array, from: number, pixel: number): void {
  out.fill(pixel, from);
}

/**
 * The look-up-table index paintValues picks for each value (the same arithmetic), so
 * `lut.packed[index[i]]` is the pixel paintValues writes: the build's prerender ships maps as
 * indices (a quarter of the bytes) and the page colours them (src/prerender).
 */
export function paintIndices(
  data: Float32Array,
  offset: number,
  stride: number,
  count: number,
  domain: Domain,
  out: Uint8Array,
): void {
  const top = LUT_SIZE - 1;
  const scale = top / (domain.hi - domain.lo);
  const lo = domain.lo;
  for (let i = 0, j = offset; i < count; i++, j += stride) {
    const t = (data[j]! - lo) * scale;
    out[i] = t > 0 ? (t < top ? (t + 0.5) | 0 : top) : 0;
  }
}
