/** Example images as PNG files: writing a float RGB image, and reading one back as the app would. */
import { PNG } from 'pngjs';
import type { RawImage } from '../../src/lib/preprocess/preprocess';

/** HWC float RGB in [0, 1] as an 8-bit RGBA PNG. */
export function toPng(image: Float32Array, size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) {
    for (let c = 0; c < 3; c++)
      png.data[i * 4 + c] = Math.round(Math.min(1, Math.max(0, image[i * 3 + c] ?? 0)) * 255);
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** A PNG file's pixels, as the browser decodes them for the app (RGBA, 8 bits). */
export function readPng(bytes: Buffer): RawImage {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, channels: 4, data: new Uint8Array(png.data) };
}
