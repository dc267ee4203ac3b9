/**
 * Large photos are decoded straight to a small size and explained; only an image whose
 * full-size decode would exceed the memory budget is refused, with its size and the budget.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { audit } from './axe';
import { imageName } from './pageReads';
import { horizontalOverflow } from './shellShared';
import { bombPng, hugePng, jpegWithLongHead } from '../fixtures/imageFiles';
import { scene } from '../fixtures/images';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-large-'));

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The pixel size of the image as decoded (the "Your image" canvas is drawn at that size). */
const decodedSize = (page: Page) =>
  page
    .locator(`canvas[aria-label]`)
    .first()
    .evaluate((c: HTMLCanvasElement) => [c.width, c.height]);

describe('large images', () => {
  it('explains an 8000×8000 and a 10,000×10,000 PNG, decoded to at most 512 pixels a side', async () => {
    const { page, errors } = await openApp(h);
    await explainsHugePngs(page, [8000, 10_000]);
    expect(errors).toEqual([]);
  }, 180_000);

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ])
    it(`explains an 8000×8000 PNG at ${viewport.width}×${viewport.height}, the page as wide as the screen`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      await explainsHugePngs(page, [8000]);
      expect(await horizontalOverflow(page)).toBe(0);
      await shot(page, `large-explained-${viewport.width}x${viewport.height}`);
      expect(errors).toEqual([]);
    }, 180_000);

  /** Gives each PNG through the file input; each is explained, decoded to 512×512, with no error. */
  async function explainsHugePngs(page: Page, sides: number[]): Promise<void> {
    for (const side of sides) {
      const name = `photo-${side}.png`;
      await page.getByTestId('image-file').setInputFiles(file(name, await hugePng(side)));
      await expect.poll(() => imageName(page), { timeout: 60_000 }).toBe(name);
      expect(await page.getByTestId('image-error').count()).toBe(0);
      expect(await decodedSize(page)).toEqual([512, 512]);
      await expect.poll(() => page.getByTestId('top-class').textContent()).toMatch(/\(\d+\.\d%\)/);
    }
  }

  it('finds the size of a JPEG whose header is more than 64 kB of metadata, and explains it', async () => {
    const { page, errors } = await openApp(h);
    const pixels = Buffer.alloc(96 * 64 * 4);
    for (let y = 0; y < 64; y++)
      for (let x = 0; x < 96; x++) pixels.set([...scene(x, y), 255], (y * 96 + x) * 4);
    const photo = jpegWithLongHead(
      Buffer.from(jpeg.encode({ data: pixels, width: 96, height: 64 }, 90).data),
    );
    expect(photo.length).toBeGreaterThan(120_000);
    await page.getByTestId('image-file').setInputFiles(file('camera.jpg', photo));
    await expect.poll(() => imageName(page)).toBe('camera.jpg');
    expect(await decodedSize(page)).toEqual([96, 64]);
    expect(errors).toEqual([]);
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ])
    it(`refuses a 100,000×100,000 header naming its size and the budget, keeping the image, at ${viewport.width}×${viewport.height}`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      await page.getByTestId('image-file').setInputFiles(file('bomb.png', bombPng()));
      const notice = page.getByTestId('image-error');
      await expect
        .poll(() => notice.textContent())
        .toMatch(
          /bomb\.png: a 100000×100000 image needs 40 GB of memory to decode, more than the 500 MB this page allows one image \(about 125 megapixels\); scale it down and try again/,
        );
      expect(await imageName(page)).toBe('airplane.png');
      const box = (await notice.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      await notice.scrollIntoViewIfNeeded();
      await shot(page, `large-refused-${viewport.width}x${viewport.height}`);
      expect(await audit(page, '[data-testid="image-error"]')).toEqual([]);
      expect(errors).toEqual([]);
    });
});
