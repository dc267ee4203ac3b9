/**
 * Turns a user's file into raw pixels, refusing anything that is not a single still image
 * with a message that names the file and the problem. The size comes from the header first:
 * a large photo is decoded straight to at most DECODE_MAX_SIDE pixels a side (what is kept
 * is small, whatever the photo), and only an image whose full-size decode would exceed the
 * memory budget (DECODE_BUDGET_BYTES) is refused, with its size and the budget named.
 */
import {
  BUDGET_MEGAPIXELS,
  DECODE_BUDGET_BYTES,
  decodeBytes,
  decodeSize,
  fitsDecodeBudget,
  sniffImage,
} from '../../lib/preprocess/sniffImage';
import { formatBytes } from '../../lib/i18n/format';
import type { RawImage } from '../../lib/preprocess/preprocess';
import { NoticeError } from './notice';

/** Longest side kept after decoding; far more than the model's input needs. */
const DECODE_MAX_SIDE = 512;

/** Bytes read to find a JPEG's size when the first 64 kB are all metadata (EXIF thumbnails, ICC profiles). */
const LONG_HEAD = 4_000_000;

export async function decodeImageFile(file: File | Blob, name: string): Promise<RawImage> {
  const gif = file.type === 'image/gif' || name.toLowerCase().endsWith('.gif');
  const read = async (n: number): Promise<Uint8Array> => new Uint8Array(await file.slice(0, n).arrayBuffer());
  let head = await read(gif ? 8_000_000 : 65_536);
  let sniff = sniffImage(head);
  // A JPEG whose frame header lies past the first 64 kB: read further before giving up.
  if (sniff.kind === 'unknown' && head[0] === 0xff && head[1] === 0xd8 && file.size > head.length) {
    head = await read(LONG_HEAD);
    sniff = sniffImage(head);
  }
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
  if (sniff.width === 0 || sniff.height === 0)
    throw new NoticeError({
      key: 'image.noSize',
      vars: { file: name, width: sniff.width, height: sniff.height },
    });
  if (!fitsDecodeBudget(sniff.width, sniff.height))
    throw new NoticeError({
      key: 'image.tooLarge',
      vars: {
        file: name,
        width: sniff.width,
        height: sniff.height,
        need: formatBytes(decodeBytes(sniff.width, sniff.height)),
        budget: formatBytes(DECODE_BUDGET_BYTES),
        max: BUDGET_MEGAPIXELS,
      },
    });
  let bitmap: ImageBitmap;
  try {
    const size = decodeSize(sniff.width, sniff.height, DECODE_MAX_SIDE);
    bitmap =
      size.width < sniff.width
        ? await createImageBitmap(file, {
            resizeWidth: size.width,
            resizeHeight: size.height,
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
