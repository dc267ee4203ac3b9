/**
 * Preprocessing as part of the model, in real Chromium: a greyscale LeNet is explained in the
 * overview and its convolution formula view with the engine's numbers, and changing the
 * input's mean/std in the Input panel changes the input column and the prediction.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, waitForPanels, type Harness } from './harness';
import { node, openEditor, settled } from './editorHelpers';
import { probabilities } from './pageReads';
import { openNeuron, screenshotView, valueOf } from './formulaShared';
import { lenet5Spec } from '../../src/lib/zoo/lenet5';
import { encodeShareHash } from '../../src/lib/formats/shareLink';

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

async function openLenet(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByTestId('open-zoo').click();
  await page.locator('[data-testid="zoo-card"][data-id="lenet5"]').getByTestId('zoo-open').click();
  await page
    .locator('[data-testid="overview"] [data-layer="c1"][data-channel="0"]')
    .waitFor({ timeout: 90_000 });
  await settled(page);
}

const inputCells = (page: Page) =>
  page.locator('[data-testid="overview"] [data-testid="neuron"][data-layer="input"]');

describe('greyscale nets', () => {
  it('explains LeNet-5 (32×32×1) in the overview and the convolution formula view', async () => {
    const { page, errors } = await openApp(h);
    await openLenet(page);
    await shot(page, 'preprocessing-lenet-overview');
    // One grey input channel, drawn as grey light.
    await expect.poll(() => inputCells(page).count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="input-light"].grey').count()).toBe(1);
    expect(await page.getByTestId('model-input').locator('canvas').getAttribute('aria-label')).toMatch(/32/);
    const probs = await probabilities(page);
    expect(probs).toHaveLength(10);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    await shot(page, 'preprocessing-lenet-overview');

    const d = await openNeuron(page, 'c1:2');
    await d.getByTestId('conv-view').waitFor();
    const value = await valueOf(d, 'conv-value');
    const engine = await valueOf(d, 'conv-value', 'data-engine-value');
    expect(Number.isFinite(engine)).toBe(true);
    expect(Math.abs(value - engine)).toBeLessThan(1e-4);
    // One input channel: one channel of the elastic view, and its sum plus the bias is z.
    await expect.poll(() => d.getByTestId('elastic-channel').count()).toBe(1);
    const sum = await valueOf(d, 'conv-channel-sum');
    const pre = await valueOf(d, 'conv-pre');
    expect(Number.isFinite(sum) && Number.isFinite(pre)).toBe(true);
    await screenshotView(page, 'preprocessing-lenet-conv');
    expect(errors).toEqual([]);
  });

  it('opens a greyscale LeNet from a share link on a phone, its preprocessing carried with it', async () => {
    const lenet = lenet5Spec();
    const spec = {
      ...lenet,
      layers: lenet.layers.map((l) =>
        l.type === 'Input' ? { ...l, params: { ...l.params, mean: [0.5], std: [0.5] } } : l,
      ),
    };
    const { page, errors } = await openApp(h, `#${encodeShareHash(spec)}`, { width: 390, height: 844 });
    await page
      .locator('[data-testid="overview"] [data-layer="c1"][data-channel="0"]')
      .waitFor({ timeout: 90_000 });
    await expect.poll(() => inputCells(page).count()).toBe(1);
    // (v − 0.5) ÷ 0.5: the input column is drawn over −1 … 1.
    await expect.poll(() => page.getByTestId('input-range').textContent()).toMatch(/^\s*−1\s*1\s*$/);
    await page.getByTestId('overview').scrollIntoViewIfNeeded();
    await shot(page, 'preprocessing-lenet-phone');
    expect(errors).toEqual([]);
  });
});

describe('the Input panel', () => {
  it('changing the mean/std changes the input column and the prediction; a refused value is flagged and kept', async () => {
    const { page, errors } = await openEditor(h);
    await waitForPanels(page);
    const before = await probabilities(page);
    const legend = page.getByTestId('input-range');
    await expect.poll(() => legend.textContent()).toMatch(/0\s*1/);
    await node(page, 'input').click();
    await page.getByTestId('tab-layer').click();
    const panel = page.getByTestId('input-panel');
    await panel.waitFor();
    await panel.getByTestId('input-preset-imagenet').click();
    await expect.poll(() => panel.getByTestId('input-formula').textContent()).toMatch(/0\.485/);
    await settled(page);
    // The input column is drawn over the normalised range, and the net sees other numbers.
    await expect.poll(() => legend.textContent()).toMatch(/−2\.1|-2\.1/);
    await expect
      .poll(async () => Math.abs((await probabilities(page))[0]! - before[0]!))
      .toBeGreaterThan(1e-4);
    await shot(page, 'preprocessing-imagenet-panel');

    const std = page.locator('#param-input-std');
    await std.fill('0');
    await expect.poll(() => page.getByTestId('param-error').first().textContent()).toMatch(/Std/);
    await expect.poll(() => panel.getByTestId('input-formula').textContent()).toMatch(/0\.229/);
    expect(errors).toEqual([]);
  });
});
