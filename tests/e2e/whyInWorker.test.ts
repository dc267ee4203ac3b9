/**
 * "Why?" on a net the net worker runs (ResNet-18 at 224×224, random weights): Grad-CAM,
 * saliency (SmoothGrad with its progress) and occlusion (with its progress) are computed in the
 * worker on the net it holds — the net is never rebuilt on the page — and agree with what the
 * page's own engine computes for the same net. The longest main-thread task of each run is
 * printed (for the report; timings are `npm run bench`'s, never asserted here).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, type Harness } from './harness';
import { chooseMethod, pick } from './attributionShared';
import {
  finished,
  longestSince,
  now,
  openResnetInWorker,
  relativeDiff,
  result,
  snapshot,
  watchLongTasks,
} from './whyInWorkerShared';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

describe('"Why?" on ResNet-18 runs in the net worker', () => {
  it('Grad-CAM, SmoothGrad and occlusion appear with progress, the net stays in the worker, and the page engine agrees', async () => {
    const { page, errors } = await openResnetInWorker(h);
    await watchLongTasks(page);
    const figures: Record<string, number> = {};

    // Grad-CAM (the panel's first method).
    let t = await now(page);
    await page.getByTestId('why-button').click();
    await finished(page, 'gradCam');
    figures.gradCam = await longestSince(page, t);
    const cam = await snapshot(page, 'gradCam');
    expect(cam.cam!.some((v) => v > 0)).toBe(true);
    expect(await page.evaluate(() => window.__cnnStudio!.runsIn())).toBe('worker');
    await page.getByTestId('attribution-status').scrollIntoViewIfNeeded();
    await shot(page, 'why-worker-resnet18-gradcam');

    // Saliency: the plain gradient, then SmoothGrad with 5 noisy copies, a progress bar counting them.
    t = await now(page);
    await chooseMethod(page, 'saliency');
    await finished(page, 'saliency');
    figures.gradient = await longestSince(page, t);
    const gradient = await snapshot(page, 'saliency');
    expect(gradient.method).toBe('gradient');
    t = await now(page);
    await pick(page, 'saliency-smoothGrad');
    await page.getByTestId('attribution-samples').fill('5');
    await page.getByTestId('attribution-progress').waitFor({ timeout: 120_000 });
    await expect
      .poll(() => page.getByTestId('attribution-status').textContent())
      .toMatch(/of 5 noisy copies/);
    await shot(page, 'why-worker-resnet18-smoothgrad-progress');
    await finished(page, 'saliency');
    figures.smoothGrad = await longestSince(page, t);
    expect((await snapshot(page, 'saliency')).method).toBe('smoothGrad');
    await shot(page, 'why-worker-resnet18-smoothgrad');

    // Occlusion at stride 28: 7×7 positions, with a progress bar counting them.
    t = await now(page);
    await chooseMethod(page, 'occlusion');
    await page.getByTestId('occlusion-stride').fill('28');
    await page.getByTestId('attribution-progress').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('attribution-status').textContent()).toMatch(/of \d+ positions/);
    // The map fills in as the positions are measured, not after the last one.
    const live = page.getByTestId('occlusion-live');
    await live.waitFor({ timeout: 60_000 });
    const measured = Number(await live.getAttribute('data-measured'));
    expect(measured).toBeGreaterThan(0);
    expect(measured).toBeLessThan(49);
    await shot(page, 'why-worker-resnet18-occlusion-progress');
    await finished(page, 'occlusion');
    figures.occlusion = await longestSince(page, t);
    const occlusion = await snapshot(page, 'occlusion');
    expect([occlusion.rows, occlusion.cols]).toEqual([7, 7]);
    expect(occlusion.drops!.some((d) => d !== 0)).toBe(true);
    await shot(page, 'why-worker-resnet18-occlusion');
    expect(await page.evaluate(() => window.__cnnStudio!.runsIn())).toBe('worker');
    console.log(`longest main-thread task while each ran on ResNet-18 (ms): ${JSON.stringify(figures)}`);

    // The same net on the page (the debug hook builds it there): the same numbers.
    await page.evaluate(() => window.__cnnStudio!.compareWithPageEngine());
    expect(await page.evaluate(() => window.__cnnStudio!.runsIn())).toBe('page');
    await chooseMethod(page, 'gradCam');
    const camOnPage = await result(page, 'gradCam');
    expect(camOnPage.layerId).toBe(cam.layerId);
    expect(relativeDiff(cam.cam!, camOnPage.cam!)).toBeLessThan(1e-2);
    await chooseMethod(page, 'saliency');
    await pick(page, 'saliency-gradient');
    await expect
      .poll(() => page.evaluate(() => window.__cnnStudio!.attribution!.result()?.method), {
        timeout: 240_000,
      })
      .toBe('gradient');
    const gradientOnPage = await result(page, 'saliency');
    expect(relativeDiff(gradient.heat!.map, gradientOnPage.heat!.map)).toBeLessThan(1e-2);
    expect(errors).toEqual([]);
  }, 900_000);
});
