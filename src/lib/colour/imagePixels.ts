/**
 * The RGBA pixels the image previews put on their canvases, shared by the previews
 * (RawImageCanvas, ImageCanvas) and the build's prerender of them (src/prerender/sprite.ts).
 */
import type { RawImage } from '../preprocess/preprocess';

/** A decoded image's colour channels, opaque. */
export function rawImageRgba(image: RawImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.width * image.height; i++) {
    for (let c = 0; c < 3; c++) out[i * 4 + c] = image.data[i * image.channels + c] ?? 0;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** An HWC float RGB image in [0, 1], opaque. */
export function unitRgbRgba(data: Float32Array, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    out[i * 4] = Math.round((data[i * 3] ?? 0) * 255);
    out[i * 4 + 1] = Math.round((data[i * 3 + 1] ?? 0) * 255);
    out[i * 4 + 2] = Math.round((data[i * 3 + 2] ?? 0) * 255);
    out[i * 4 + 3] = 255;
  }
  return out;
}
