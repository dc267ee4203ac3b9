/**
 * The formula views on a net that is not TinyVGG, opened from a share link: same padding with
 * an odd pad total, stride 2, dilation 2, average pooling over padding, LeakyReLU. Every value
 * shown must still equal the engine's, including at the padded edges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, startHarness, type Harness } from './harness';
import { openNeuron, screenshotView, valueOf } from './formulaShared';
import { encodeShareHash } from '../../src/lib/formats/shareLink';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { convLayer, denseLayer, flattenLayer, inputLayer, poolLayer } from '../fixtures/layers';

const spec: NetworkSpec = {
  name: 'geometry',
  layers: [
    inputLayer([64, 64, 3]),
    // 64 → 32 with a 5×5 kernel: 3 zeros of padding per axis, 1 before and 2 after.
    convLayer('conv_s2', 'input', {
      kernelSize: [5, 5],
      strides: [2, 2],
      padding: 'same',
      activation: 'relu',
    }),
    convLayer('conv_dil', 'conv_s2', { filters: 3, padding: 'same', dilation: [2, 2], activation: 'tanh' }),
    poolLayer('avg_same', 'AveragePooling2D', 'conv_dil', [3, 3], [2, 2], 'same'),
    { id: 'leaky', type: 'LeakyReLU', params: { alpha: 0.2 }, inputs: ['avg_same'] },
    flattenLayer('flatten', 'leaky'),
    denseLayer('output', 'flatten', 10, 'softmax'),
  ],
};

let h: Harness;
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  ({ page, errors } = await openApp(h, `#${encodeShareHash(spec)}`));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.locator('[data-testid="overview"] [data-layer="conv_s2"]').first().waitFor({ timeout: 120_000 });
});
afterAll(async () => {
  await h?.close();
});

async function agreesWithEngine(d: Locator, testId: string): Promise<void> {
  const ours = await valueOf(d, testId);
  const engine = await valueOf(d, testId, 'data-engine-value');
  expect(Number.isFinite(ours)).toBe(true);
  expect(Math.abs(ours - engine)).toBeLessThan(1e-4);
}

describe('formula views on strides, same padding and dilation', () => {
  it('convolves over zero padding with stride 2, matching the engine at both edges', async () => {
    const d = await openNeuron(page, 'conv_s2:1');
    await expect
      .poll(() => d.getByTestId('conv-view').textContent())
      .toContain('kernel 5×5, stride 2×2, dilation 1×1, padding same');
    const position = d.getByTestId('player-position');
    await expect.poll(() => position.textContent()).toMatch(/output \(0, 0\).*step 1 of 1,024/);
    // The first window starts one cell before the map: its top row and left column are padding.
    await expect.poll(() => d.locator('[data-testid="conv-input-grid"] .cell.pad.tap').count()).toBe(9);
    await expect.poll(() => d.getByTestId('conv-window-matrix').locator('mtd.muted').count()).toBe(9);
    await agreesWithEngine(d, 'conv-value');
    await screenshotView(page, 'formula-conv-same-stride');
    // The last window runs two cells past the bottom-right corner.
    await d.getByTestId('step-back').click();
    await expect.poll(() => position.textContent()).toMatch(/output \(31, 31\)/);
    await expect.poll(() => d.getByTestId('conv-window-matrix').locator('mtd.muted').count()).toBe(25 - 9);
    await agreesWithEngine(d, 'conv-value');
    await page.keyboard.press('Escape');
  });

  it('reads every second cell with dilation 2', async () => {
    const d = await openNeuron(page, 'conv_dil:2');
    await d.locator('[data-testid="conv-output-minimap"]').waitFor();
    const box = await d.getByTestId('conv-output-minimap').boundingBox();
    if (!box) throw new Error('no output minimap');
    await page.mouse.move(box.x + (10.5 / 32) * box.width, box.y + (12.5 / 32) * box.height);
    await expect.poll(() => d.getByTestId('player-position').textContent()).toMatch(/output \(12, 10\)/);
    const rows = await d
      .locator('[data-testid="conv-input-grid"] .cell.tap')
      .evaluateAll((els) => [...new Set(els.map((e) => Number(e.getAttribute('data-row'))))]);
    expect(rows.sort((a, b) => a - b)).toEqual([10, 12, 14]);
    await agreesWithEngine(d, 'conv-value');
    await screenshotView(page, 'formula-conv-dilated');
    await page.keyboard.press('Escape');
  });

  it('averages only the real cells of a window that hangs over the edge', async () => {
    const d = await openNeuron(page, 'avg_same:0');
    await d.getByTestId('step-back').click();
    await expect.poll(() => d.getByTestId('player-position').textContent()).toMatch(/output \(15, 15\)/);
    await expect
      .poll(() => d.getByTestId('pool-formula').textContent())
      .toMatch(/5 window cells lie in the padding/);
    await agreesWithEngine(d, 'pool-value');
    await page.keyboard.press('Escape');
  });

  it('draws LeakyReLU with its slope and matches the engine', async () => {
    const d = await openNeuron(page, 'leaky:1');
    await d.getByTestId('activation-view').waitFor();
    const x = await valueOf(d, 'activation-x');
    const y = await valueOf(d, 'activation-value');
    expect(y).toBeCloseTo(x >= 0 ? x : 0.2 * x, 6);
    await agreesWithEngine(d, 'activation-value');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
