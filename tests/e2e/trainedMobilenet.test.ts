/**
 * The MobileNet-CIFAR we trained ships with the site (models/mobilenet-cifar10, at the
 * test-accuracy bar): opened from the header menu, it is marked trained in the zoo with its test
 * accuracy, and the views of its modern blocks (hard-swish, depthwise convolution, batch norm,
 * squeeze-and-excitation, the residual Add) show the engine's numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { startHarness, waitForPanels, type Harness } from './harness';
import { agrees, openNeuron, screenshotView } from './formulaShared';

const WAIT = 120_000;
const test = JSON.parse(readFileSync('models/mobilenet-cifar10/test.json', 'utf8')) as {
  accuracy: number;
};

let h: Harness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startHarness();
  page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(h.server.url);
  await page.getByTestId('layer-table').waitFor({ timeout: 60_000 });
  await waitForPanels(page);
}, 300_000);
afterAll(async () => {
  await h?.close();
});

describe('the trained MobileNet-CIFAR', () => {
  it(
    'is offered in the header menu and opens trained, with CIFAR-10 classes',
    { timeout: WAIT },
    async () => {
      expect(test.accuracy).toBeGreaterThanOrEqual(0.7);
      const menu = page.getByTestId('model-menu');
      await expect
        .poll(() => menu.locator('option').allTextContents())
        .toContainEqual(expect.stringMatching(/^MobileNet-CIFAR/));
      await menu.selectOption('mobilenet-cifar');
      await expect
        .poll(() => page.getByTestId('layer-table').textContent(), { timeout: WAIT })
        .toContain('block7_se_scale');
      expect(await page.getByTestId('random-weights').count()).toBe(0);
      await expect.poll(() => page.getByTestId('overview').textContent()).toContain('airplane');
      await page
        .locator('[data-testid="overview"] [data-layer="block7_add"]')
        .first()
        .waitFor({ timeout: WAIT });
      expect(errors).toEqual([]);
    },
  );

  it(
    'hard-swish, depthwise, batch norm, SE and the residual Add show the engine’s numbers',
    { timeout: WAIT },
    async () => {
      const views: [string, string, string][] = [
        ['stem_act:3', 'activation-view', 'activation-value'],
        ['block2_depthwise:5', 'depthwise-view', 'depthwise-value'],
        ['block4_project_bn:0', 'bn-view', 'bn-value'],
        ['block4_se_scale:2', 'se-view', 'se-value'],
        ['block5_se_scale:7', 'se-view', 'se-value'],
        ['block3_add:1', 'merge-view', 'merge-value'],
        ['block7_add:4', 'merge-view', 'merge-value'],
        ['head_act:2', 'activation-view', 'activation-value'],
      ];
      for (const [neuron, view, value] of views) {
        const d = await openNeuron(page, neuron);
        await d.getByTestId(view).waitFor();
        await agrees(d, value);
        if (neuron === 'block4_se_scale:2') await screenshotView(page, 'trained-mobilenet-se');
        if (neuron === 'block2_depthwise:5') await screenshotView(page, 'trained-mobilenet-depthwise');
        await page.keyboard.press('Escape');
      }
      expect(errors).toEqual([]);
    },
  );

  it('is marked trained in the zoo with the tested accuracy', { timeout: WAIT }, async () => {
    await page.getByTestId('open-zoo').click();
    const card = page.locator('[data-testid="zoo-card"][data-id="mobilenet-cifar"]');
    await card.waitFor();
    const pct = `${(test.accuracy * 100).toFixed(1)}`;
    await expect.poll(() => card.getByTestId('zoo-trained').textContent()).toContain(pct);
    await screenshotView(page, 'trained-mobilenet-zoo');
    await page.keyboard.press('Escape');
  });
});
