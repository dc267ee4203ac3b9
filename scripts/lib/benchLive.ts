/**
 * The live camera in `npm run bench`: Chromium's fake camera (a moving test pattern) at 60
 * frames a second, so the camera is not the limit; the figure is how many times a second the
 * overview is repainted for a new frame while the camera is followed (`liveCameraFps`).
 */
import type { Browser } from 'playwright-core';
import '../../src/app/browser/debugHookTypes';
import { launchChromium } from './chromium';
import { median, round1 } from './benchStats';

export const FAKE_CAMERA_FLAGS = [
  '--use-fake-device-for-media-stream=fps=60',
  '--use-fake-ui-for-media-stream',
];

export interface LiveBench {
  liveCameraFps: number;
  /** The slowest and fastest of the measured windows. */
  liveCameraFpsSpread: [number, number];
}

export async function benchLiveCamera(
  url: string,
  o: { windows?: number; windowMs?: number; log?: (line: string) => void } = {},
): Promise<LiveBench> {
  const { windows = 5, windowMs = 3000, log = () => {} } = o;
  const browser: Browser = await launchChromium(FAKE_CAMERA_FLAGS);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await page.goto(url);
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
    await page.getByTestId('camera-open').click();
    await page.getByTestId('camera-live').click({ timeout: 30_000 });
    await page.locator('[data-testid="live-camera"][data-state="running"]').waitFor();
    // Warm-up: the first frames compile the engine's kernels for this input.
    await page.waitForTimeout(1500);
    const rates: number[] = [];
    for (let i = 0; i < windows; i++) {
      const [p0, t0] = await page.evaluate(() => [window.__cnnStudio!.paints(), performance.now()]);
      await page.waitForTimeout(windowMs);
      const [p1, t1] = await page.evaluate(() => [window.__cnnStudio!.paints(), performance.now()]);
      rates.push(((p1! - p0!) * 1000) / (t1! - t0!));
    }
    log(`  live camera: ${rates.map((r) => round1(r)).join(', ')} updates/s`);
    return {
      liveCameraFps: round1(median(rates)),
      liveCameraFpsSpread: [round1(Math.min(...rates)), round1(Math.max(...rates))],
    };
  } finally {
    await browser.close();
  }
}
