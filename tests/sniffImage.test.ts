import { describe, expect, it } from 'vitest';
import {
  BUDGET_MEGAPIXELS,
  DECODE_BUDGET_BYTES,
  decodeBytes,
  decodeSize,
  fitsDecodeBudget,
  sniffImage,
} from '../src/lib/preprocess/sniffImage';
import { makePng, stripes } from './fixtures/images';

const bytes = (...xs: number[]) => Uint8Array.from(xs);

/** A minimal GIF with `frames` 1×1 image descriptors. */
function gif(frames: number): Uint8Array {
  const head = [...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255];
  const frame = [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0];
  return Uint8Array.from([...head, ...Array.from({ length: frames }, () => frame).flat(), 0x3b]);
}

describe('sniffImage', () => {
  it('reads PNG size from its header', () => {
    expect(sniffImage(new Uint8Array(makePng(37, 21, stripes)))).toEqual({
      kind: 'image',
      format: 'png',
      width: 37,
      height: 21,
      animated: false,
    });
  });

  it('reads JPEG size from the first SOF segment after other segments', () => {
    const app0 = [0xff, 0xe0, 0, 4, 0, 0];
    const sof0 = [0xff, 0xc0, 0, 11, 8, 0x01, 0x2c, 0x02, 0x58, 3, 0, 0, 0, 0, 0];
    expect(sniffImage(bytes(0xff, 0xd8, ...app0, ...sof0))).toMatchObject({
      format: 'jpeg',
      width: 600,
      height: 300,
    });
  });

  it('tells a still GIF from an animated one', () => {
    expect(sniffImage(gif(1))).toMatchObject({ format: 'gif', width: 1, height: 1, animated: false });
    expect(sniffImage(gif(3))).toMatchObject({ format: 'gif', animated: true });
  });

  it('reads huge declared sizes without decoding (a 10,000 × 10,000 PNG header)', () => {
    const png = new Uint8Array(makePng(1, 1, stripes));
    const view = new DataView(png.buffer);
    view.setUint32(16, 10000);
    view.setUint32(20, 10000);
    expect(sniffImage(png)).toMatchObject({ width: 10000, height: 10000 });
  });

  it('recognises empty files, text, SVG and unknown binary', () => {
    expect(sniffImage(new Uint8Array())).toEqual({ kind: 'empty' });
    expect(sniffImage(new TextEncoder().encode('hello, this is text\n'))).toEqual({ kind: 'text' });
    expect(
      sniffImage(
        new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      ),
    ).toEqual({ kind: 'svg' });
    expect(sniffImage(bytes(0, 1, 2, 3, 200, 201))).toEqual({ kind: 'unknown' });
  });

  it('reads BMP and WebP (VP8X) sizes', () => {
    const bmp = new Uint8Array(30);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 640, true);
    new DataView(bmp.buffer).setInt32(22, -480, true);
    expect(sniffImage(bmp)).toMatchObject({ format: 'bmp', width: 640, height: 480 });
    const webp = new Uint8Array(30);
    webp.set(new TextEncoder().encode('RIFF'), 0);
    webp.set(new TextEncoder().encode('WEBPVP8X'), 8);
    webp[20] = 2; // animation flag
    webp.set([99, 0, 0, 49, 0, 0], 24);
    expect(sniffImage(webp)).toMatchObject({ format: 'webp', width: 100, height: 50, animated: true });
  });
});

describe('the decoding budget', () => {
  it('lets an 8000×8000 and a 10,000×10,000 photo be decoded, and refuses a 100,000×100,000 header', () => {
    expect(fitsDecodeBudget(8000, 8000)).toBe(true);
    expect(fitsDecodeBudget(10_000, 10_000)).toBe(true);
    expect(fitsDecodeBudget(100_000, 100_000)).toBe(false);
    expect(decodeBytes(100_000, 100_000)).toBe(4e10);
    // Exactly the budget fits; a pixel more does not.
    expect(decodeBytes(12_500, 10_000)).toBe(DECODE_BUDGET_BYTES);
    expect(fitsDecodeBudget(12_500, 10_000)).toBe(true);
    expect(fitsDecodeBudget(12_500, 10_001)).toBe(false);
    expect(BUDGET_MEGAPIXELS).toBe(125);
    expect(fitsDecodeBudget(0, 10)).toBe(false);
  });

  it('decodes to at most the longest side asked for, keeping the aspect, never enlarging', () => {
    expect(decodeSize(8000, 8000, 512)).toEqual({ width: 512, height: 512 });
    expect(decodeSize(10_000, 2_500, 512)).toEqual({ width: 512, height: 128 });
    expect(decodeSize(40_000, 10, 512)).toEqual({ width: 512, height: 1 });
    expect(decodeSize(300, 200, 512)).toEqual({ width: 300, height: 200 });
  });
});
