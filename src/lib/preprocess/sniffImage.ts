/**
 * Tells what a file really is from its first bytes, and an image's size from its header,
 * before anything is decoded: so a text file renamed .png, an SVG, an animated GIF or an
 * image too large to decode is refused with a precise reason instead of a decoder's failure,
 * and a large photo is decoded straight to a small size.
 */

export type SniffResult =
  | {
      kind: 'image';
      format: 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';
      width: number;
      height: number;
      animated: boolean;
    }
  | { kind: 'svg' }
  | { kind: 'empty' }
  | { kind: 'text' }
  | { kind: 'unknown' };

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, i: number) =>
  (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;
const i32le = (b: Uint8Array, i: number) =>
  (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

/** Counts image descriptors in a GIF by walking its blocks; more than one means animation. */
function gifFrames(b: Uint8Array): number {
  const flags = b[10] ?? 0;
  let i = 13 + (flags & 0x80 ? 3 * (1 << ((flags & 7) + 1)) : 0);
  let frames = 0;
  const skipSubBlocks = () => {
    while (i < b.length && b[i] !== 0) i += (b[i] ?? 0) + 1;
    i++;
  };
  while (i < b.length) {
    const tag = b[i];
    if (tag === 0x3b) break;
    if (tag === 0x21) {
      i += 2;
      skipSubBlocks();
    } else if (tag === 0x2c) {
      frames++;
      if (frames > 1) return frames;
      const f = b[i + 9] ?? 0;
      i += 10 + (f & 0x80 ? 3 * (1 << ((f & 7) + 1)) : 0);
      i++; // LZW minimum code size
      skipSubBlocks();
    } else break;
  }
  return frames;
}

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512);
  for (let i = 0; i < n; i++) {
    const c = b[i] ?? 0;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) return false;
  }
  return true;
}

export function sniffImage(bytes: Uint8Array): SniffResult {
  const b = bytes;
  if (b.length === 0) return { kind: 'empty' };
  if (b.length >= 24 && u32be(b, 0) === 0x89504e47 && ascii(b, 12, 4) === 'IHDR')
    return {
      kind: 'image',
      format: 'png',
      width: u32be(b, 16),
      height: u32be(b, 20),
      animated: b.includes(0x61) && ascii(b, 0, Math.min(b.length, 4096)).includes('acTL'),
    };
  if (b[0] === 0xff && b[1] === 0xd8) {
    const size = jpegSize(b);
    return size ? { kind: 'image', format: 'jpeg', ...size, animated: false } : { kind: 'unknown' };
  }
  if (b.length >= 13 && ascii(b, 0, 4) === 'GIF8')
    return {
      kind: 'image',
      format: 'gif',
      width: u16le(b, 6),
      height: u16le(b, 8),
      animated: gifFrames(b) > 1,
    };
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8X')
      return {
        kind: 'image',
        format: 'webp',
        width: 1 + (u16le(b, 24) | ((b[26] ?? 0) << 16)),
        height: 1 + (u16le(b, 27) | ((b[29] ?? 0) << 16)),
        animated: ((b[20] ?? 0) & 2) !== 0,
      };
    if (chunk === 'VP8L')
      return {
        kind: 'image',
        format: 'webp',
        width: 1 + (u16le(b, 21) & 0x3fff),
        height: 1 + ((u32le(b, 21) >>> 14) & 0x3fff),
        animated: false,
      };
    return {
      kind: 'image',
      format: 'webp',
      width: u16le(b, 26) & 0x3fff,
      height: u16le(b, 28) & 0x3fff,
      animated: false,
    };
  }
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d)
    return {
      kind: 'image',
      format: 'bmp',
      width: Math.abs(i32le(b, 18)),
      height: Math.abs(i32le(b, 22)),
      animated: false,
    };
  if (looksLikeText(b)) {
    const head = new TextDecoder().decode(b.subarray(0, 1024)).toLowerCase();
    return head.includes('<svg') ? { kind: 'svg' } : { kind: 'text' };
  }
  return { kind: 'unknown' };
}

function u32le(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
}

/**
 * The memory one image may take while it is decoded. A browser decodes an image at its full
 * size (4 bytes a pixel, RGBA) before scaling it down, so a 10,000 × 10,000 photo needs 400 MB
 * for a moment: allowed; a header that claims 100,000 × 100,000 (a decompression bomb, or a
 * panorama no browser tab can hold) would need 40 GB and is refused before any decoding.
 */
export const DECODE_BUDGET_BYTES = 500_000_000;
const BYTES_PER_PIXEL = 4;

/** Bytes a full-size decode of a width × height image takes. */
export const decodeBytes = (width: number, height: number): number => width * height * BYTES_PER_PIXEL;

/** The most pixels the budget allows, in megapixels. */
export const BUDGET_MEGAPIXELS = DECODE_BUDGET_BYTES / BYTES_PER_PIXEL / 1e6;

export function fitsDecodeBudget(width: number, height: number): boolean {
  return width > 0 && height > 0 && decodeBytes(width, height) <= DECODE_BUDGET_BYTES;
}

/** The size to decode to: the longer side at most `maxSide`, the aspect kept, never enlarged. */
export function decodeSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
