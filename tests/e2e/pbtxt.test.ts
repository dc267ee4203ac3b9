/**
 * TensorFlow GraphDef text in real Chromium: a MetaGraphDef with resource variables opened
 * by the file picker is explained in the overview (its layers as columns, the variables
 * counted, the fresh weights said so), and TinyVGG downloaded as a frozen GraphDef ("With
 * weights") opens again with its own weights and predicts as before; a bad file is shown
 * with its error marked at the line and column, and the net stays.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startHarness, shot, type Harness } from './harness';
import { openEditor, settled } from './editorHelpers';
import { probabilities } from './pageReads';
import '../../src/app/browser/debugHookTypes';

/** Generous: the machine may be busy with other builds; these are waits, not speed checks. */
const WAIT = 120_000;

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

async function openText(page: Page): Promise<void> {
  await page.getByTestId('view-text').click();
  await page.getByTestId('text-code').waitFor({ timeout: WAIT });
}

async function message(page: Page, testId: 'text-applied' | 'text-error'): Promise<string> {
  await page.getByTestId(testId).waitFor({ timeout: WAIT });
  return (await page.getByTestId('text-message').textContent()) ?? '';
}

/** The ids of the overview's columns, left to right. */
const columns = (page: Page) =>
  page
    .getByTestId('column-header')
    .locator('.name')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));

describe('TensorFlow GraphDef text', () => {
  it('a .pbtxt opened by the file picker is explained in the overview', { timeout: 400_000 }, async () => {
    const { page, errors } = await openEditor(h, { sideWidth: 560 });
    await openText(page);
    await page.getByTestId('text-file').setInputFiles('tests/fixtures/pbtxt/tf2_metagraph.pbtxt');
    const text = await message(page, 'text-applied');
    expect(text).toContain('Opened tf2_metagraph.pbtxt: 16 layers.');
    expect(text).toContain('live in a TensorFlow checkpoint');
    expect(text).toContain('fresh random weights');
    await settled(page);
    await expect
      .poll(() => columns(page), { timeout: WAIT })
      .toEqual(
        expect.arrayContaining([
          'stem',
          'stem/bn',
          'block/dw',
          'block',
          'block/concat',
          'pad',
          'head/Softmax',
        ]),
      );
    await page.waitForFunction(() => (window.__cnnStudio?.paints() ?? 0) > 0, null, { timeout: WAIT });
    const painted = page.locator('[data-testid="column-canvas"][data-layer="block/dw"]');
    await painted.waitFor({ timeout: WAIT });
    expect(await probabilities(page)).toHaveLength(4);
    await page.getByTestId('overview').scrollIntoViewIfNeeded();
    await shot(page, 'pbtxt-overview');
    expect(errors).toEqual([]);
  });

  it(
    'a bad .pbtxt is shown as it is, the error marked at its line and column, the net kept',
    { timeout: 400_000 },
    async () => {
      const { page, errors } = await openEditor(h, { sideWidth: 560 });
      await openText(page);
      await page.getByTestId('text-file').setInputFiles('tests/fixtures/pbtxt/bad/nchw.pbtxt');
      expect(await message(page, 'text-error')).toMatch(
        /^Line 13, column 3: node "conv" \(Conv2D\): data_format "NCHW" \(channels first\) is not supported/,
      );
      expect(await page.getByTestId('text-format').inputValue()).toBe('pbtxt');
      expect(await page.getByTestId('text-code').inputValue()).toContain(
        'attr { key: "data_format" value { s: "NCHW" } }',
      );
      expect(await columns(page)).toContain('conv_1_1');
      await shot(page, 'pbtxt-error');
      expect(errors).toEqual([]);
    },
  );

  it(
    'TinyVGG saved as a frozen GraphDef opens with its own weights and predicts as before',
    { timeout: 400_000 },
    async () => {
      const { page, errors } = await openEditor(h, { sideWidth: 560 });
      await settled(page);
      const before = await probabilities(page);
      expect(before).toHaveLength(10);
      await openText(page);
      await page.getByTestId('text-format').selectOption('pbtxt');
      await expect.poll(() => page.getByTestId('text-code').inputValue()).toContain('op: "VariableV2"');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('text-download-weights').click(),
      ]);
      expect(download.suggestedFilename()).toBe('TinyVGG.pbtxt');
      const path = (await download.path()) ?? '';
      await page.getByTestId('text-file').setInputFiles({
        name: 'TinyVGG.pbtxt',
        mimeType: 'text/plain',
        buffer: readFileSync(path),
      });
      expect(await message(page, 'text-applied')).toContain(
        'Opened TinyVGG.pbtxt with its own weights: 13 layers.',
      );
      await settled(page);
      // The same weights; the sums may run on another path (plain TypeScript first, then tfjs).
      const gap = async () => {
        const after = await probabilities(page);
        return after.length === 10 ? Math.max(...after.map((p, k) => Math.abs(p - (before[k] ?? 0)))) : 1;
      };
      await expect.poll(gap, { timeout: WAIT }).toBeLessThan(1e-5);
      await shot(page, 'pbtxt-frozen-tinyvgg');
      expect(errors).toEqual([]);
    },
  );
});
