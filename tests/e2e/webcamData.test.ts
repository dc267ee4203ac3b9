/** Collecting a training dataset from the webcam, end to end with Chromium's fake camera. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { launchChromium } from '../../scripts/lib/chromium';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('webcam data collection', () => {
  it('captures frames into named classes and turns them into a dataset with a split', async () => {
    // Chromium's fake camera (a generated test pattern) and an auto-accepted permission prompt.
    const browser = await launchChromium([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ]);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
      await page.goto(h.server.url);
      await page.getByTestId('data-user').click({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Webcam' }).click();
      await page.getByTestId('webcam-start').click();
      const webcam = page.getByTestId('webcam');
      const capture = webcam.getByRole('button', { name: 'Capture' });
      await expect.poll(() => capture.first().isEnabled(), { timeout: 20_000 }).toBe(true);
      await webcam.getByRole('textbox').first().fill('thumbs up');
      await webcam.getByRole('textbox').nth(1).fill('thumbs down');
      for (let i = 0; i < 3; i++) await capture.first().click();
      for (let i = 0; i < 2; i++) await capture.nth(1).click();
      await webcam.getByRole('button', { name: 'Use these images' }).click();
      const summary = page.getByTestId('dataset-summary');
      await expect
        .poll(() => summary.locator('tbody th').allTextContents())
        .toEqual(['thumbs up', 'thumbs down']);
      await expect.poll(() => page.getByTestId('split-train').textContent()).toBe('3');
      await expect.poll(() => page.getByTestId('split-validation').textContent()).toBe('2');
      await expect.poll(() => page.getByTestId('dataset-issues').textContent()).toMatch(/resized to 64×64/);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
