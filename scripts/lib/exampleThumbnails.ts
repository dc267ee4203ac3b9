/**
 * The example strip's thumbnails in one small JPEG beside the examples (static/examples):
 * one request of ~20 kB instead of twenty PNGs (~150 kB), which the prerendered first screen
 * can show as soon as its overview is drawn. index.json says which file is where
 * (`thumbnails`), so the app never guesses a picture's place in the sheet.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import type { RawImage } from '../../src/lib/preprocess/preprocess';
import { readPng } from './examplePng';

export const THUMBNAIL_FILE = 'thumbnails.jpg';
/** Pixels per side: twice the strip's 28 CSS px, sharp on a 2× screen. */
export const THUMBNAIL_SIDE = 56;
/** JPEG quality: ~22 kB for twenty noisy pictures, no visible blocks at 28 px. */
const QUALITY = 80;

export interface ThumbnailEntry {
  file: string;
  /** Each thumbnail's width and height in the sheet, in pixels. */
  side: number;
  /** The example files in the sheet's order, left to right. */
  files: string[];
}

/**
 * An image shrunk to side × side by area averaging (each output pixel the mean of the input
 * area it covers, fractional edges weighted), RGB only: the examples are opaque.
 */
export function shrinkImage(image: RawImage, side: number): Uint8ClampedArray {
  if (side < 1 || side > image.width || side > image.height)
    throw new Error(`cannot shrink a ${image.width}×${image.height} image to ${side}×${side}`);
  const out = new Uint8ClampedArray(side * side * 3);
  const sx = image.width / side;
  const sy = image.height / side;
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const [x0, x1, y0, y1] = [x * sx, (x + 1) * sx, y * sy, (y + 1) * sy];
      const sum = [0, 0, 0];
      let area = 0;
      for (let yy = Math.floor(y0); yy < Math.ceil(y1); yy++)
        for (let xx = Math.floor(x0); xx < Math.ceil(x1); xx++) {
          const w = (Math.min(xx + 1, x1) - Math.max(xx, x0)) * (Math.min(yy + 1, y1) - Math.max(yy, y0));
          const i = (yy * image.width + xx) * image.channels;
          for (let c = 0; c < 3; c++) sum[c]! += image.data[i + c]! * w;
          area += w;
        }
      for (let c = 0; c < 3; c++) out[(y * side + x) * 3 + c] = sum[c]! / area;
    }
  return out;
}

/** The images shrunk and laid side by side, left to right, as one RGBA sheet. */
export function thumbnailSheet(
  images: readonly RawImage[],
  side: number,
): { width: number; height: number; data: Uint8Array } {
  const width = side * images.length;
  const data = new Uint8Array(width * side * 4).fill(255);
  images.forEach((image, k) => {
    const small = shrinkImage(image, side);
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++)
        for (let c = 0; c < 3; c++) data[(y * width + k * side + x) * 4 + c] = small[(y * side + x) * 3 + c]!;
  });
  return { width, height: side, data };
}

/** Writes the sheet of `files` (PNGs in `dir`) and returns index.json's entry for it. */
export function writeThumbnails(dir: string, files: readonly string[]): ThumbnailEntry {
  if (files.length === 0) throw new Error(`${dir}: no example images to make thumbnails of`);
  const sheet = thumbnailSheet(
    files.map((f) => readPng(readFileSync(join(dir, f)))),
    THUMBNAIL_SIDE,
  );
  writeFileSync(join(dir, THUMBNAIL_FILE), jpeg.encode(sheet, QUALITY).data);
  return { file: THUMBNAIL_FILE, side: THUMBNAIL_SIDE, files: [...files] };
}
