/**
 * The ResNet-8 we trained ships with the site (models/resnet8-cifar10, at the test-accuracy bar):
 * opened from the header menu of the built site, it is marked trained with its test accuracy in
 * the zoo, classifies the example, and its batch norm, residual Add and global average pooling
 * views show the engine's numbers for several neurons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { startHarness, waitForPanels, type Harness } from './harness';
import { agrees, openNeuron, screenshotView } from './formulaShared';

const WAIT = 120_000;
const meta = JSON.parse(readFileSync('models/resnet8-cifar10/meta.json', 'utf8')) as {
  testAccuracy: number | null;
};
const test = JSON.parse(readFileSync('models/resnet8-cifar10/test.json', 'utf8')) as { accuracy: number };

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

describe('the trained ResNet-8', () => {
  it(
    'is offered in the header menu and opens trained, with CIFAR-10 classes',
    { timeout: WAIT },
    async () => {
      // The shipped weights are a run still going, tested at the bar.
      expect(meta.testAccuracy).toBeNull();
      expect(test.accuracy).toBeGreaterThanOrEqual(0.75);
      const menu = page.getByTestId('model-menu');
      await expect
        .poll(() => menu.locator('option').allTextContents())
        .toContainEqual(expect.stringMatching(/^ResNet-8/));
      await menu.selectOption('resnet8');
      await expect
        .poll(() => page.getByTestId('layer-table').textContent(), { timeout: WAIT })
        .toContain('stage3_block1_add');
      expect(await page.getByTestId('random-weights').count()).toBe(0);
      await expect.poll(() => page.getByTestId('overview').textContent()).toContain('airplane');
      await page
        .locator('[data-testid="overview"] [data-layer="stage2_block1_add"]')
        .first()
        .waitFor({ timeout: WAIT });
      expect(errors).toEqual([]);
    },
  );

  it(
    'batch norm, the residual Add and global pooling show the engine’s numbers',
    { timeout: WAIT },
    async () => {
      for (const neuron of [
        'stem_bn:3',
        'stage2_block1_1_bn:0',
        'stage1_block1_add:5',
        'stage3_block1_add:2',
        'avgpool:1',
      ]) {
        const d = await openNeuron(page, neuron);
        const id = neuron.split(':')[0]!;
        if (id.endsWith('_bn')) {
          await d.getByTestId('bn-view').waitFor();
          await agrees(d, 'bn-value');
        } else if (id.endsWith('_add')) {
          await agrees(d, 'merge-value');
        } else {
          await d.getByTestId('global-pool-view').waitFor();
          await agrees(d, 'global-value');
        }
        if (neuron === 'stage1_block1_add:5') await screenshotView(page, 'trained-resnet8-add');
        if (neuron === 'stem_bn:3') await screenshotView(page, 'trained-resnet8-bn');
        await page.keyboard.press('Escape');
      }
      expect(errors).toEqual([]);
    },
  );

  it('is marked trained in the zoo with the tested accuracy', { timeout: WAIT }, async () => {
    await page.getByTestId('open-zoo').click();
    const card = page.locator('[data-testid="zoo-card"][data-id="resnet8"]');
    await card.waitFor();
    const pct = `${(test.accuracy * 100).toFixed(1)}`;
    await expect.poll(() => card.getByTestId('zoo-trained').textContent()).toContain(pct);
    expect(await card.getByTestId('zoo-trained').textContent()).toMatch(/training continues/);
    await screenshotView(page, 'trained-resnet8-zoo');
    await page.keyboard.press('Escape');
  });
});
