/** Every way to give the overview an image, and every kind of bad file, in real Chromium. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { imageName, probabilities } from './pageReads';
import '../../src/app/browser/debugHookTypes';
import { launchChromium } from '../../scripts/lib/chromium';
import { makePng, scene, stripes } from '../fixtures/images';
import { animatedGif, bombPng } from '../fixtures/imageFiles';

let h: Harness;

const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-inputs-'));

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
// Pages left open keep painting and compete for the CPU with the next test.
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.__cnnStudio?.paints() ?? 0) > 0, null, { timeout: 100_000 });
}

async function openReady(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(h, '');
  await ready(opened.page);
  return opened;
}

/** Opens the app in `browser` with a script run before the page's own (to fake browser APIs). */
async function openWith(browser: Browser, init?: () => void): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (init) await page.addInitScript(init);
  await page.goto(h.server.url);
  await ready(page);
  return page;
}

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** A checksum of what a map canvas shows, to prove the overview did not change. */
const mapChecksum = (page: Page) =>
  page.locator('[data-testid="column-canvas"][data-layer="conv_1_2"]').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i++) sum = (sum * 31 + d[i]!) % 1_000_000_007;
    return sum;
  });

describe('image inputs', () => {
  it('starts with a drawn example, and an uploaded image changes the prediction', async () => {
    const { page, errors } = await openReady();
    await expect
      .poll(() => page.locator('[data-testid="example"].current').getAttribute('data-class'))
      .toBe('airplane');
    await expect
      .poll(() => page.locator('[data-testid="example"]').first().getAttribute('aria-label'))
      .toBe('airplane, drawn by our code');
    const before = await probabilities(page);
    await page.getByTestId('image-file').setInputFiles(file('stripes.png', makePng(96, 64, stripes)));
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="model-input"]')
          ?.parentElement?.querySelector('canvas')
          ?.getAttribute('aria-label') === 'stripes.png',
    );
    const after = await probabilities(page);
    expect(after).not.toEqual(before);
    expect(after.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    // Choosing another example shows it and marks it.
    await page.locator('[data-testid="example"][data-kind="drawn"][data-class="cat"]').click();
    await page.locator('[data-testid="example"][data-kind="drawn"][data-class="cat"].current').waitFor();
    await expect.poll(() => imageName(page)).toBe('cat.png');
    expect(errors).toEqual([]);
  });

  it('refuses text, empty, too-large-to-decode, SVG and animated files with a clear message and keeps everything', async () => {
    const { page } = await openReady();
    const topClass = await page.getByTestId('top-class').textContent();
    const checksum = await mapChecksum(page);
    const cases: [string, Buffer | string, RegExp][] = [
      [
        'notes.png',
        'these are my notes, not a picture\n',
        /notes\.png: not an image file \(its content is text\)/,
      ],
      ['empty.png', Buffer.alloc(0), /empty\.png: the file is empty/],
      [
        'bomb.png',
        bombPng(),
        /bomb\.png: a 100000×100000 image needs 40 GB of memory to decode, more than the 500 MB this page allows one image \(about 125 megapixels\)/,
      ],
      [
        'drawing.svg',
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
        /drawing\.svg: SVG images are not supported/,
      ],
      ['moving.gif', animatedGif(), /moving\.gif: animated GIF images are not supported/],
    ];
    for (const [name, bytes, message] of cases) {
      await page.getByTestId('image-file').setInputFiles(file(name, bytes));
      await expect.poll(() => page.getByTestId('image-error').textContent()).toMatch(message);
      await expect
        .poll(() => page.getByTestId('image-error').textContent())
        .toContain('The current image is kept.');
      await expect.poll(() => page.getByTestId('top-class').textContent()).toBe(topClass);
      await expect.poll(() => mapChecksum(page)).toBe(checksum);
      await expect.poll(() => imageName(page)).toBe('airplane.png');
    }
    await shot(page, 'inputs-bad-file');
  }, 180_000);

  it('leaves no tensor behind after 50 image changes', async () => {
    const { page } = await openReady();
    const start = await page.evaluate(() => window.__cnnStudio!.numTensors());
    for (let i = 0; i < 50; i++) await page.evaluate((seed) => window.__cnnStudio!.setTestImage(seed), i);
    await expect.poll(() => page.evaluate(() => window.__cnnStudio!.numTensors())).toBe(start);
    await expect.poll(() => imageName(page)).toBe('test-49.png');
  });

  it('takes an image dropped on the page or pasted from the clipboard', async () => {
    const { page } = await openReady();
    const png = [...makePng(48, 48, scene)];
    const transfer = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'dropped-scene.png', { type: 'image/png' }));
      return dt;
    }, png);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page.getByTestId('drop-overlay').waitFor();
    await shot(page, 'inputs-drop');
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="model-input"]')
          ?.parentElement?.querySelector('canvas')
          ?.getAttribute('aria-label') === 'dropped-scene.png',
    );
    await page.evaluate(
      (bytes) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
      },
      [...makePng(40, 40, stripes)],
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="model-input"]')
          ?.parentElement?.querySelector('canvas')
          ?.getAttribute('aria-label') === 'pasted image',
    );
    // Pasting text is not an image: a message, and the pasted image stays.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'hello');
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    });
    await expect
      .poll(() => page.getByTestId('image-error').textContent())
      .toContain('The pasted content holds no image.');
    await expect.poll(() => imageName(page)).toBe('pasted image');
  });

  it('crops or letterboxes a wide image, as training does', async () => {
    const { page } = await openReady();
    await page.getByTestId('image-file').setInputFiles(
      file(
        'wide.png',
        makePng(160, 40, (x) => (x < 80 ? [250, 20, 20] : [20, 20, 250])),
      ),
    );
    const topLeft = () =>
      page
        .locator('[data-testid="model-input"] canvas')
        .evaluate((c: HTMLCanvasElement) => [
          ...c.getContext('2d')!.getImageData(0, 0, 1, 1).data.slice(0, 3),
        ]);
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="model-input"]')
          ?.parentElement?.querySelector('canvas')
          ?.getAttribute('aria-label') === 'wide.png',
    );
    // Crop keeps the centre square: its left edge is red.
    const crop = await topLeft();
    expect(crop[0]).toBeGreaterThan(200);
    await page.getByTestId('fit').getByText('Letterbox').click();
    // Letterbox fills the bands above and below with the mean colour (purple).
    await expect.poll(topLeft).toEqual([135, 20, 135]);
  });
});

describe('camera and drawing', () => {
  it('captures a photo from the camera', async () => {
    const browser = await launchChromium([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ]);
    try {
      const page = await openWith(browser);
      await page.getByTestId('camera-open').click();
      const capture = page.getByTestId('camera-capture');
      await expect.poll(() => capture.isEnabled(), { timeout: 20_000 }).toBe(true);
      await shot(page, 'inputs-camera');
      await capture.click();
      await page.waitForFunction(
        () =>
          document
            .querySelector('[data-testid="model-input"]')
            ?.parentElement?.querySelector('canvas')
            ?.getAttribute('aria-label') === 'camera photo',
      );
      await expect.poll(() => page.getByTestId('camera-dialog').isVisible()).toBe(false);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('says so when camera access is denied or there is no camera, and keeps the image', async () => {
    const denied = await openWith(h.browser, () => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await denied.getByTestId('camera-open').click();
    await expect
      .poll(() => denied.getByTestId('camera-error').textContent())
      .toMatch(/Camera access was denied/);
    await expect.poll(() => denied.getByTestId('camera-capture').isDisabled()).toBe(true);
    await denied.getByTestId('camera-dialog').getByText('Close').click();
    await expect.poll(() => imageName(denied)).toBe('airplane.png');
    const none = await openWith(h.browser, () => {
      Object.defineProperty(Navigator.prototype, 'mediaDevices', { get: () => undefined });
    });
    await none.getByTestId('camera-open').click();
    await expect
      .poll(() => none.getByTestId('camera-error').textContent())
      .toMatch(/This browser cannot use a camera/);
    // A known browser error is told in the page's language, without the browser's English text.
    const missing = await openWith(h.browser, () => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
    });
    await missing.getByTestId('language').selectOption('zh-CN');
    await missing.getByTestId('camera-open').click();
    await expect.poll(() => missing.getByTestId('camera-error').textContent()).toMatch(/没有找到摄像头/);
    expect(await missing.getByTestId('camera-error').textContent()).not.toMatch(/NotFound|Requested/);
    await shot(missing, 'camera-not-found-zh');
  }, 240_000);

  it('uses a drawing made on the paint canvas', async () => {
    const { page } = await openReady();
    await page.getByTestId('paint-open').click();
    const pad = page.getByTestId('paint-canvas');
    const box = (await pad.boundingBox())!;
    await page.getByRole('radio', { name: 'Red' }).click();
    await page.mouse.move(box.x + 30, box.y + 40);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + i * 18, box.y + 40 + i * 15);
    await page.mouse.up();
    await shot(page, 'inputs-paint');
    await page.getByTestId('paint-use').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="model-input"]')
          ?.parentElement?.querySelector('canvas')
          ?.getAttribute('aria-label') === 'drawing',
    );
    const reddish = await page
      .locator('[data-testid="model-input"] canvas')
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! > 150 && d[i + 1]! < 120) n++;
        return n;
      });
    expect(reddish).toBeGreaterThan(20);
  });
});
