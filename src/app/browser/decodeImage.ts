/**
 * Turns a user's file into raw pixels, refusing anything that is not a single still image of
 * sensible size with a message that names the file and the problem. Large images are
 * scaled down while decoding so a 24-megapixel photo does not cost 100 MB of pixels.
 */
import { MAX_IMAGE_PIXELS, sniffImage } from '../../lib/preprocess/sniffImage';
import type { RawImage } from '../../lib/preprocess/preprocess';
import { NoticeError } from './notice';

/** Longest side kept after decoding; far more than the model's input needs. */
const DECODE_MAX_SIDE = 512;

export async function decodeImageFile(file: File | Blob, name: string): Promise<RawImage> {
  const head = new Uint8Array(
    await file
      .slice(0, file.type === 'image/gif' || name.toLowerCase().endsWith('.gif') ? 8_000_000 : 65_536)
      .arrayBuffer(),
  );
  const sniff = sniffImage(head);
  if (sniff.kind === 'empty') throw new NoticeError({ key: 'image.empty', vars: { file: name } });
  if (sniff.kind === 'svg')
    throw new NoticeError({ key: 'image.unsupported', vars: { file: name, format: 'SVG' } });
  if (sniff.kind === 'text')
    throw new NoticeError({ key: 'image.notImage', vars: { file: name, kind: 'text' } });
  if (sniff.kind === 'unknown')
    throw new NoticeError({ key: 'image.notImage', vars: { file: name, kind: 'unrecognised data' } });
  if (sniff.animated)
    throw new NoticeError({
      key: 'image.animated',
      vars: { file: name, format: sniff.format.toUpperCase() },
    });
  if (sniff.width * sniff.height > MAX_IMAGE_PIXELS || sniff.width === 0 || sniff.height === 0)
    throw new NoticeError({
      key: 'image.tooLarge',
      vars: { file: name, width: sniff.width, height: sniff.height, max: MAX_IMAGE_PIXELS / 1e6 },
    });
  let bitmap: ImageBitmap;
  try {
    const scale = Math.min(1, DECODE_MAX_SIDE / Math.max(sniff.width, sniff.height));
    bitmap =
      scale < 1
        ? await createImageBitmap(file, {
            resizeWidth: Math.max(1, Math.round(sniff.width * scale)),
            resizeHeight: Math.max(1, Math.round(sniff.height * scale)),
            resizeQuality: 'high',
          })
        : await createImageBitmap(file);
  } catch (e) {
    throw new NoticeError({
      key: 'image.undecodable',
      vars: { file: name, reason: e instanceof Error ? e.message : String(e) },
    });
  }
  try {
    return bitmapToRaw(bitmap);
  } finally {
    bitmap.close();
  }
}

export function bitmapToRaw(
  source: ImageBitmap | HTMLCanvasElement | HTMLImageElement | HTMLVideoElement,
  width?: number,
  height?: number,
): RawImage {
  const w = width ?? source.width;
  const h = height ?? source.height;
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.drawImage(source, 0, 0, w, h);
  const data = ctx.getImageData(0, 0, w, h).data;
  return { width: w, height: h, data, channels: 4 };
}
