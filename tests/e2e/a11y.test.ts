/** Accessibility of the main screens, checked by axe-core inside Chromium: no serious or critical violations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './harness';
import { audit } from './axe';
import { firstVisit, viewShot } from './shellShared';
import { makePng, scene } from '../fixtures/images';

const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-a11y-'));

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('accessibility (axe-core)', () => {
  it('the main screen with an image, the article and the side panel, in English', async () => {
    const { context, page } = await firstVisit(h, { returning: true });
    const file = join(dir, 'scene.png');
    writeFileSync(file, makePng(64, 64, scene));
    await page.getByTestId('image-file').setInputFiles(file);
    await page.getByTestId('top-class').waitFor();
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('the same screen in Chinese', async () => {
    const { context, page } = await firstVisit(h, { returning: true, locale: 'zh-CN' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('the guided tour, open', async () => {
    const { context, page } = await firstVisit(h);
    await page.getByTestId('tour').waitFor();
    await page.keyboard.press('ArrowRight');
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('a neuron’s detail, opened from the article', async () => {
    const { context, page } = await firstVisit(h, { returning: true });
    await page.locator('#learn-convolution').getByTestId('show-me').click();
    await page.getByTestId('neuron-detail').waitFor();
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('every formula view of the pretrained net: convolution, ReLU, pooling, flatten, softmax', async () => {
    const { context, page } = await firstVisit(h, { returning: true });
    const found: string[] = [];
    for (const layer of ['conv_1_1', 'relu_1_1', 'max_pool_1', 'flatten', 'output']) {
      await page.locator(`[data-layer="${layer}"][data-channel="0"]`).first().click();
      await page.getByTestId('neuron-detail').waitFor();
      found.push(...(await audit(page)).map((v) => `${layer}: ${v}`));
      await page.keyboard.press('Escape');
      await page.getByTestId('neuron-detail').waitFor({ state: 'detached' });
    }
    expect(found).toEqual([]);
    await context.close();
  });

  it('the tablet layout with the drawer open', async () => {
    const { context, page } = await firstVisit(h, {
      returning: true,
      viewport: { width: 768, height: 1024 },
    });
    await page.getByTestId('drawer-toggle').click();
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('the loading screen', async () => {
    // The prerendered first screen stands in for it (below); without its files the page shows it.
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.route('**/prerender/**', (route) => route.abort());
    const page = await context.newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/weights*.bin', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(h.server.url);
    await page.getByTestId('load-progress').waitFor();
    expect(await audit(page)).toEqual([]);
    await viewShot(page, 'a11y-loading');
    release();
    await context.close();
  });

  it('the prerendered first screen, before the app has taken over', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/weights*.bin', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(h.server.url);
    await page.locator('html[data-prerender="shown"]').waitFor({ state: 'attached' });
    expect(await audit(page)).toEqual([]);
    release();
    await context.close();
  });
});
