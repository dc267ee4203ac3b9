/**
 * Feature visualisation in the "Why?" panel, in the browser: started from a class row of the
 * prediction and from a channel of the overview (through the neuron's detail), step k/N shown
 * while it runs, the image drawn as the engine made it, the class's probability (or the
 * channel's mean) above the grey image's, "use as input", at 1280 × 800 and 390 × 844.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { probabilities } from './pageReads';
import { auditPanel, canvasPixels, chooseMethod, pick, settled } from './attributionShared';
import { imagePixels } from '../../src/lib/attribution/overlay';
import type { AttributionSnapshot } from '../../src/app/browser/debugHookTypes';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Progress "step k of N" shows while it runs; returns the texts seen. */
async function watchProgress(page: Page): Promise<string[]> {
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const text = await page.getByTestId('attribution-status').textContent();
        if (text && /step \d+ of \d+/.test(text)) seen.add(text.trim());
        return seen.size;
      },
      { timeout: 30_000, interval: 20 },
    )
    .toBeGreaterThanOrEqual(2);
  return [...seen];
}

/** The canvas shows the engine's image, pixel for pixel (±1 for the canvas round trip). */
async function expectImageDrawn(page: Page, r: AttributionSnapshot): Promise<void> {
  const side = Math.round(Math.sqrt(r.image!.length / 3));
  const expected = imagePixels(Float32Array.from(r.image!), 3, side, side);
  const drawn = await canvasPixels(page, 'visualise-image');
  expect(drawn).toHaveLength(expected.length);
  let worst = 0;
  for (let i = 0; i < drawn.length; i++) worst = Math.max(worst, Math.abs(drawn[i]! - expected[i]!));
  expect(worst).toBeLessThanOrEqual(1);
  // Scaled up pixelated, not smoothed: the CSS size is a multiple of the image's.
  const look = await page
    .getByTestId('visualise-image')
    .evaluate((c) => [getComputedStyle(c).imageRendering, c.getBoundingClientRect().width]);
  expect(look[0]).toBe('pixelated');
  expect(Number(look[1])).toBeGreaterThanOrEqual(2 * side);
}

describe('Visualise at 1280 × 800', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await openApp(h));
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
  });

  it('starts from a class row of the prediction, shows step k of N, and raises the class above the grey image', async () => {
    await page.locator('[data-testid="probabilities"] [data-channel="3"]').click();
    const t0 = Date.now();
    await page.getByTestId('detail-visualise').click();
    await expect.poll(() => page.getByTestId('attribution').getAttribute('data-method')).toBe('visualise');
    const seen = await watchProgress(page);
    expect(seen.some((s) => /of 150/.test(s))).toBe(true);
    // The image forms in front of the learner, not dimmed.
    await expect.poll(() => page.getByTestId('visualise-preview').count(), { interval: 20 }).toBe(1);
    expect(await page.locator('.result.stale').count()).toBe(0);
    await shot(page, 'visualise-progress-1280');
    const r = await settled(page, 'visualise');
    console.log(
      `visualise class 3: ${r.ms.toFixed(0)} ms in the panel, ${Date.now() - t0} ms from the click`,
    );
    expect(r.target).toEqual({ kind: 'class', classIndex: 3 });
    expect(r.steps).toBe(150);
    expect(r.value!).toBeGreaterThan(r.greyValue! + 0.2);
    expect(r.probabilities![3]).toBeCloseTo(r.value!, 6);
    await expectImageDrawn(page, r);
    await expect
      .poll(() => page.getByTestId('visualise-reached').textContent())
      .toMatch(/p\(“.+”\) = [\d.]+%; on a plain grey image [\d.]+%/);
    await page.getByTestId('attribution').evaluate((e) => e.scrollIntoView());
    await shot(page, 'visualise-class-1280');
    expect(await auditPanel(page)).toEqual([]);
  });

  it('sends the image to the explainer, which then predicts what the panel reported, and does not run again', async () => {
    const r = await settled(page, 'visualise');
    await page.getByTestId('visualise-use').click();
    // Through 8-bit pixels: the probability is the reported one to rounding.
    await expect.poll(async () => Math.abs((await probabilities(page))[3]! - r.value!)).toBeLessThan(0.05);
    await page.waitForTimeout(300);
    const again = await settled(page, 'visualise');
    expect(again.image).toEqual(r.image);
    expect(again.ms).toBe(r.ms);
  });

  it('follows the seed, the steps and the regularisation', async () => {
    const r = await settled(page, 'visualise');
    await page.getByTestId('visualise-again').click();
    const other = await settled(page, 'visualise', (x) => x.ms !== r.ms);
    expect(other.image).not.toEqual(r.image);
    await page.getByTestId('visualise-steps').fill('20');
    const short = await settled(page, 'visualise', (x) => x.steps === 60);
    await page.getByTestId('visualise-strength').selectOption('none');
    const rough = await settled(page, 'visualise', (x) => x.ms !== short.ms);
    // Without the penalties neighbouring pixels differ more.
    const tv = (img: number[]): number => {
      let s = 0;
      for (let i = 3; i < img.length; i++) s += Math.abs(img[i]! - img[i - 3]!);
      return s;
    };
    expect(tv(rough.image!)).toBeGreaterThan(tv(short.image!));
  });

  it('starts from a channel of an overview column, through its detail, and raises the channel’s mean', async () => {
    await page.getByTestId('attribution-close').click();
    await page.locator('[data-testid="neuron"][data-layer="conv_2_1"][data-channel="2"]').click();
    await page.getByTestId('detail-visualise').click();
    await expect.poll(() => page.getByTestId('visualise-layer').inputValue()).toBe('conv_2_1');
    await watchProgress(page);
    const r = await settled(page, 'visualise', (x) => x.target?.kind === 'channel');
    expect(r.target).toEqual({ kind: 'channel', layerId: 'conv_2_1', channel: 2 });
    expect(r.value!).toBeGreaterThan(r.greyValue! + 0.1);
    expect(r.value!).toBeGreaterThan(1.5 * Math.max(r.greyValue!, 0.05));
    await expectImageDrawn(page, r);
    await expect.poll(() => page.getByTestId('visualise-channel').inputValue()).toBe('2');
    // The heading names what is explained: the channel, not the class picked before, whose
    // picker would change nothing here and is hidden.
    expect(await page.locator('#attribution-title').textContent()).toBe(
      'What does channel 2 of conv_2_1 look for?',
    );
    expect(await page.getByTestId('attribution-class').count()).toBe(0);
    await page.getByTestId('attribution').evaluate((e) => e.scrollIntoView());
    await shot(page, 'visualise-channel-1280');
    expect(await auditPanel(page)).toEqual([]);
    // Another channel from the panel's own controls.
    await page.getByTestId('visualise-channel').fill('5');
    await page.getByTestId('visualise-channel').press('Enter');
    await settled(page, 'visualise', (x) => x.target?.kind === 'channel' && x.target.channel === 5);
    expect(await page.locator('#attribution-title').textContent()).toContain('channel 5 of conv_2_1');
    await pick(page, 'visualise-target-class');
    // Visualising a class asks what the net takes for it, not why it predicted it.
    await expect
      .poll(() => page.locator('#attribution-title').textContent())
      .toMatch(/^What does the net take for “.+”\?$/);
    await expect.poll(() => page.getByTestId('attribution-class').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('opens from the article’s “show me” on the class, not the channel picked before', async () => {
    await page.getByTestId('attribution-close').click();
    const link = page.locator('#learn-visualisation').getByTestId('show-me');
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await expect.poll(() => page.getByTestId('attribution').getAttribute('data-method')).toBe('visualise');
    const r = await settled(page, 'visualise', (x) => x.target?.kind === 'class');
    expect(r.value!).toBeGreaterThan(r.greyValue!);
  });

  it('leaves no tensor behind', async () => {
    const count = () => page.evaluate(() => window.__cnnStudio!.numTensors());
    await page.evaluate(() => window.__cnnStudio!.attribution!.time('visualise', 1));
    const before = await count();
    const ms = await page.evaluate(() => window.__cnnStudio!.attribution!.time('visualise', 2));
    console.log(`visualise, 30 steps: ${ms.map((m) => m.toFixed(0)).join(', ')} ms`);
    expect(await count()).toBe(before);
  });
});

describe('Visualise at 390 × 844', () => {
  it('runs from a class row and from a channel, fits the width, in English and Chinese', async () => {
    const { page: p, errors } = await openApp(h, '', { width: 390, height: 844 });
    await p.evaluate(() => window.__cnnStudio!.setTestImage(7));
    await p.locator('[data-testid="probabilities"] [data-channel="5"]').click();
    await p.getByTestId('detail-visualise').click();
    await watchProgress(p);
    const r = await settled(p, 'visualise');
    expect(r.target).toEqual({ kind: 'class', classIndex: 5 });
    // The tab row scrolls sideways on a phone: the Visualise tab was brought into it.
    const tab = await p.locator('label', { has: p.getByTestId('method-visualise') }).evaluate((el) => {
      const a = el.getBoundingClientRect();
      const b = el.parentElement!.getBoundingClientRect();
      return [a.left - b.left, b.right - a.right];
    });
    expect(tab[0]).toBeGreaterThanOrEqual(0);
    expect(tab[1]).toBeGreaterThanOrEqual(0);
    expect(r.value!).toBeGreaterThan(r.greyValue!);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await p.getByTestId('attribution').evaluate((e) => e.scrollIntoView());
    await shot(p, 'visualise-class-390');
    expect(await auditPanel(p)).toEqual([]);
    await pick(p, 'visualise-target-channel');
    const c = await settled(p, 'visualise', (x) => x.target?.kind === 'channel');
    expect(c.value!).toBeGreaterThan(c.greyValue!);
    await p.getByTestId('language').selectOption('zh-CN');
    await chooseMethod(p, 'visualise');
    await expect.poll(() => p.getByTestId('visualise-result').textContent()).toContain('平均激活');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await p.getByTestId('attribution').evaluate((e) => e.scrollIntoView());
    await shot(p, 'visualise-channel-390-zh');
    expect(errors).toEqual([]);
    await p.close();
  });
});
