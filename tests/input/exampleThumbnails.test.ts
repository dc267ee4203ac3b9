/**
 * The example strip's thumbnail sheet: how it is made (area averaging, left-to-right layout),
 * that the shipped sheet is the one the shipped pictures make, in index.json's order, and how
 * the app reads its place for each picture, hostile names included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { shrinkImage, thumbnailSheet, THUMBNAIL_SIDE } from '../../scripts/lib/exampleThumbnails';
import { readPng } from '../../scripts/lib/examplePng';
import { readExampleIndex, thumbnailSheetCss } from '../../src/lib/data/exampleIndex';
import type { RawImage } from '../../src/lib/preprocess/preprocess';

const DIR = 'static/examples';

function rgba(width: number, height: number, pixel: (x: number, y: number) => number[]): RawImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([...pixel(x, y), 255], (y * width + x) * 4);
  return { width, height, channels: 4, data };
}

describe('making the thumbnail sheet', () => {
  it('averages whole blocks when the sizes divide', () => {
    const image = rgba(4, 4, (x, y) => [x * 10 + y, 100, 200 - x]);
    const small = shrinkImage(image, 2);
    // Top-left block: x 0–1, y 0–1 → red (0+1+10+11)/4 = 5.5, blue (200+200+199+199)/4 = 199.5.
    expect(Array.from(small.slice(0, 3))).toEqual([6, 100, 200]);
    // Bottom-right block: x 2–3, y 2–3 → red (22+23+32+33)/4 = 27.5.
    expect(Array.from(small.slice(9, 12))).toEqual([28, 100, 198]);
  });

  it('weighs the pixels a shrunk pixel only partly covers by the part it covers', () => {
    // 3 → 2: output pixel 0 covers input 0 fully and half of input 1.
    const image = rgba(3, 1, (x) => [[0, 90, 180][x]!, 0, 0]);
    const tall = rgba(3, 3, (x) => [[0, 90, 180][x]!, 0, 0]);
    expect(() => shrinkImage(image, 2)).toThrow(/3×1 image to 2×2/);
    const small = shrinkImage(tall, 2);
    expect(small[0]).toBe(30); // (0·1 + 90·0.5) / 1.5
    expect(small[3]).toBe(150); // (90·0.5 + 180·1) / 1.5
  });

  it('never enlarges: a side larger than the image is an error that says so', () => {
    expect(() =>
      shrinkImage(
        rgba(8, 8, () => [0, 0, 0]),
        9,
      ),
    ).toThrow(/8×8 image to 9×9/);
    expect(() =>
      shrinkImage(
        rgba(8, 8, () => [0, 0, 0]),
        0,
      ),
    ).toThrow(/to 0×0/);
  });

  it('lays the pictures out left to right, one square each', () => {
    const sheet = thumbnailSheet([rgba(4, 4, () => [255, 0, 0]), rgba(4, 4, () => [0, 0, 255])], 2);
    expect([sheet.width, sheet.height]).toEqual([4, 2]);
    const at = (x: number, y: number) => Array.from(sheet.data.slice((y * 4 + x) * 4, (y * 4 + x) * 4 + 4));
    expect(at(1, 1)).toEqual([255, 0, 0, 255]);
    expect(at(2, 0)).toEqual([0, 0, 255, 255]);
  });
});

describe('the shipped sheet', () => {
  const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as {
    examples: { file: string }[];
    patterns: { file: string }[];
    thumbnails: { file: string; side: number; files: string[] };
  };

  it('lists every example, drawn pictures first, as the app reads them', () => {
    expect(index.thumbnails.side).toBe(THUMBNAIL_SIDE);
    expect(index.thumbnails.files).toEqual([...index.examples, ...index.patterns].map((e) => e.file));
  });

  it('is what the shipped pictures make (npm run examples -- --thumbnails-only), each in its place', () => {
    const shipped = jpeg.decode(readFileSync(join(DIR, index.thumbnails.file)), { useTArray: true });
    const files = index.thumbnails.files;
    const made = thumbnailSheet(
      files.map((f) => readPng(readFileSync(join(DIR, f)))),
      THUMBNAIL_SIDE,
    );
    expect([shipped.width, shipped.height]).toEqual([made.width, made.height]);
    const side = THUMBNAIL_SIDE;
    /** Mean absolute difference between square i of the shipped sheet and square j of the made one. */
    const diff = (i: number, j: number): number => {
      let sum = 0;
      for (let y = 0; y < side; y++)
        for (let x = 0; x < side; x++)
          for (let c = 0; c < 3; c++)
            sum += Math.abs(
              shipped.data[(y * made.width + i * side + x) * 4 + c]! -
                made.data[(y * made.width + j * side + x) * 4 + c]!,
            );
      return sum / (side * side * 3);
    };
    for (let i = 0; i < files.length; i++) {
      // JPEG's loss is a few levels; another picture differs by tens.
      expect(diff(i, i), files[i]).toBeLessThan(6);
      for (let j = 0; j < files.length; j++) if (j !== i) expect(diff(i, j)).toBeGreaterThan(diff(i, i) * 2);
    }
  });
});

describe('reading the thumbnails from index.json', () => {
  const sheet = { file: 'thumbnails.jpg', side: 56, files: ['cat.png', 'pattern-cat.png'] };
  const json = (thumbnails: unknown) => ({
    examples: [
      { class: 'cat', file: 'cat.png' },
      { class: 'dog', file: 'dog.png' },
    ],
    patterns: [{ class: 'cat', file: 'pattern-cat.png' }],
    thumbnails,
  });

  it('gives each listed picture its place in the sheet, and none to one the sheet lacks', () => {
    const list = readExampleIndex(json(sheet));
    expect(list.map((e) => [e.kind, e.file, e.thumbnail?.index])).toEqual([
      ['drawn', 'cat.png', 0],
      ['drawn', 'dog.png', undefined],
      ['pattern', 'pattern-cat.png', 1],
    ]);
    expect(list[0]!.thumbnail).toEqual({ sheetUrl: './examples/thumbnails.jpg', index: 0, count: 2 });
  });

  it('ignores a sheet it cannot trust, and keeps the pictures', () => {
    const bad = [
      null,
      'thumbnails.jpg',
      { ...sheet, file: '../secret.jpg' },
      { ...sheet, file: 'a"); background: url(evil' },
      { ...sheet, file: 'x\n.jpg' },
      { ...sheet, file: '..' },
      { ...sheet, side: 0 },
      { ...sheet, side: 5.5 },
      { ...sheet, files: [] },
      { ...sheet, files: ['cat.png', 'cat.png'] },
      { ...sheet, files: ['cat.png', 'a\\b.png'] },
      { ...sheet, files: 'cat.png' },
    ];
    for (const thumbnails of bad) {
      const list = readExampleIndex(json(thumbnails));
      expect(list.map((e) => e.file)).toEqual(['cat.png', 'dog.png', 'pattern-cat.png']);
      expect(
        list.every((e) => e.thumbnail === undefined),
        JSON.stringify(thumbnails),
      ).toBe(true);
    }
  });

  it('drops a picture whose name is not a plain file name', () => {
    const list = readExampleIndex({
      examples: [
        { class: 'cat', file: 'cat.png' },
        { class: 'x', file: '../../etc/passwd' },
        { class: 'y', file: '<img src=x onerror=alert(1)>.png' },
        { class: 'z', file: 'a b.png' },
      ],
    });
    expect(list.map((e) => e.file)).toEqual(['cat.png']);
    expect(readExampleIndex(null)).toEqual([]);
    expect(readExampleIndex('examples')).toEqual([]);
  });

  it('makes an absolute CSS url that no page address can break out of', () => {
    expect(thumbnailSheetCss('./examples/thumbnails.jpg', 'https://example.org/some/folder/')).toBe(
      'url("https://example.org/some/folder/examples/thumbnails.jpg")',
    );
    const css = thumbnailSheetCss('./examples/thumbnails.jpg', 'https://example.org/a"b\\c)d\n/');
    // One quoted string: every quote inside it is escaped.
    expect(css).toMatch(/^url\("(?:[^"\\\n]|\\.)*"\)$/);
  });
});
