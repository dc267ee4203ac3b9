/**
 * The live camera with Chromium's fake camera (a moving test pattern): the overview and the
 * prediction follow it frame after frame, pause and resume, step aside for another image, stop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';
import { serveStatic } from '../../scripts/lib/staticServer';
import { openApp, shot, type Harness } from './harness';
import { imageName, probabilities } from './pageReads';
import { audit } from './axe';

let h: Harness;

beforeAll(async () => {
  const server = await serveStatic('dist');
  const browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
  ]);
  h = { server, browser, close: async () => (await browser.close(), await server.close()) };
});
afterAll(async () => {
  await h?.close();
});

const paints = (page: Page): Promise<number> => page.evaluate(() => window.__cnnStudio!.paints());

async function goLive(page: Page): Promise<void> {
  await page.getByTestId('camera-open').click();
  const live = page.getByTestId('camera-live');
  await live.waitFor({ timeout: 20_000 });
  await live.click();
  await expect.poll(() => page.getByTestId('camera-dialog').isVisible()).toBe(false);
  await expect.poll(() => page.getByTestId('live-camera').getAttribute('data-state')).toBe('running');
}

/** Paints counted over a short wait: > 0 while the overview follows the camera. */
async function paintsDuring(page: Page, ms: number): Promise<number> {
  const before = await paints(page);
  await page.waitForTimeout(ms);
  return (await paints(page)) - before;
}

describe('live camera', () => {
  it('keeps the overview and the prediction following the camera until paused, and resumes', async () => {
    const { page, errors } = await openApp(h);
    await goLive(page);
    await expect.poll(() => imageName(page)).toBe('live camera');
    // Frame after frame, not one snapshot: the overview keeps repainting, and the moving
    // pattern moves the prediction.
    await expect.poll(() => paintsDuring(page, 400)).toBeGreaterThan(3);
    const seen = new Set<string>();
    await expect
      .poll(async () => {
        seen.add((await probabilities(page)).join());
        return seen.size;
      })
      .toBeGreaterThan(2);
    await expect.poll(() => page.getByTestId('live-camera').textContent()).toMatch(/Live · \d+ updates\/s/);
    await shot(page, 'live-camera-1280');

    await page.getByTestId('live-pause').click();
    await expect.poll(() => page.getByTestId('live-camera').getAttribute('data-state')).toBe('paused');
    const held = await probabilities(page);
    expect(await paintsDuring(page, 500)).toBe(0);
    expect(await probabilities(page)).toEqual(held);

    await page.getByTestId('live-resume').click();
    await expect.poll(() => paintsDuring(page, 400)).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('steps aside when another image is chosen, and stops the camera on Stop', async () => {
    const { page, errors } = await openApp(h);
    await goLive(page);
    await page.getByTestId('example').nth(2).click();
    await expect.poll(() => page.getByTestId('live-camera').getAttribute('data-state')).toBe('paused');
    const name = await imageName(page);
    expect(name).not.toBe('live camera');
    expect(await paintsDuring(page, 500)).toBe(0);
    expect(await imageName(page)).toBe(name);
    // Resume asks for the camera back over the example.
    await page.getByTestId('live-resume').click();
    await expect.poll(() => imageName(page)).toBe('live camera');

    await page.getByTestId('live-stop').click();
    await expect.poll(() => page.getByTestId('live-camera').count()).toBe(0);
    expect(await paintsDuring(page, 500)).toBe(0);
    // The camera is released: no live video track is left in the page.
    const liveTracks = await page.evaluate(
      () =>
        [...document.querySelectorAll('video')].flatMap((v) =>
          v.srcObject instanceof MediaStream
            ? v.srcObject.getTracks().filter((t) => t.readyState === 'live')
            : [],
        ).length,
    );
    expect(liveTracks).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ]) {
    it(`the live bar and the prediction are on screen, following the camera, at ${viewport.width}×${viewport.height}`, async () => {
      const { page } = await openApp(h, '', viewport);
      await goLive(page);
      const box = (await page.getByTestId('live-camera').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.getByTestId('top-class').scrollIntoViewIfNeeded();
      await expect.poll(() => paintsDuring(page, 400)).toBeGreaterThan(3);
      await shot(page, `live-camera-${viewport.width}`);
      expect(await audit(page, '[data-testid="live-camera"]')).toEqual([]);
      await page.close();
    }, 180_000);
  }
});
