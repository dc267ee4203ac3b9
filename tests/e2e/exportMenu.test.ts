/**
 * The editor's one Export ▾ menu: every export in it (diagram, each model format, Keras with
 * its weights, share link), driven by mouse and keyboard; the weight downloads named like
 * the model library's; a model a format cannot hold refused with the reason; the menu on
 * screen at a laptop's, a desktop's and a phone's size.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { audit } from './axe';

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

const ITEMS = [
  'export-svg',
  'export-png',
  'export-spec',
  'export-keras',
  'export-keras-weights',
  'export-caffe',
  'export-pbtxt',
  'export-pbtxt-weights',
  'export-pytorch',
  'export-onnx',
  'export-link',
];

async function openEditorAt(viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await openApp(h, '', viewport);
  if (viewport.width < 1024) await page.getByTestId('drawer-toggle').click();
  await page.locator('[data-testid="node"][data-id="conv_1_1"]').waitFor({ timeout: 60_000 });
  return page;
}

/** Clicks an item of the Export menu and collects the downloads it starts. */
async function exportItem(page: Page, item: string, count: number): Promise<Download[]> {
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('export').click();
  await page.getByTestId(item).click();
  await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(count);
  return downloads;
}

describe('the Export menu', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ])
    it(`holds every export, on screen, with the keyboard, at ${viewport.width}×${viewport.height}`, async () => {
      const page = await openEditorAt(viewport);
      const button = page.getByTestId('export');
      await button.click();
      const menu = page.getByTestId('export-menu');
      await menu.waitFor();
      expect(
        await menu.locator('[role="menuitem"]').evaluateAll((els) => els.map((e) => e.dataset.testid)),
      ).toEqual(ITEMS);
      const box = (await menu.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      // The first item has focus; arrows walk the items, Escape closes and returns to the button.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('export-svg');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'export-spec',
      );
      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'export-link',
      );
      await shot(page, `export-menu-${viewport.width}x${viewport.height}`);
      expect(await audit(page, '[data-testid="export-menu"]')).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => menu.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export');
    });

  it('stays inside the editor drawer on a phone, in Chinese too (longer lines)', async () => {
    const page = await openEditorAt({ width: 390, height: 844 });
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('export').textContent()).toContain('导出');
    await page.getByTestId('export').click();
    const menu = page.getByTestId('export-menu');
    await menu.waitFor();
    const drawer = (await page.getByTestId('side-panel').boundingBox())!;
    const box = (await page.locator('.popup').filter({ has: menu }).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(drawer.x);
    expect(box.x + box.width).toBeLessThanOrEqual(drawer.x + drawer.width);
    await shot(page, 'export-menu-390-zh');
  });

  it('saves each format and model.json + weights.bin, named as the model library names them', async () => {
    const page = await openEditorAt({ width: 1280, height: 800 });
    const names: Record<string, string> = {
      'export-spec': 'TinyVGG.spec.json',
      'export-keras': 'model.json',
      'export-caffe': 'TinyVGG.prototxt',
      'export-pbtxt': 'TinyVGG.pbtxt',
      'export-pbtxt-weights': 'TinyVGG.pbtxt',
      'export-onnx': 'TinyVGG.onnx',
      'export-pytorch': 'tinyvgg.py',
      'export-svg': 'tinyvgg.svg',
    };
    const sizes = new Map<string, number>();
    for (const [item, file] of Object.entries(names)) {
      const [d] = await exportItem(page, item, 1);
      expect(d!.suggestedFilename()).toBe(file);
      sizes.set(item, readFileSync((await d!.path())!).length);
    }
    // The frozen GraphDef and the ONNX file hold the 19,920 weights; the plain GraphDef does not.
    expect(sizes.get('export-pbtxt-weights')! - sizes.get('export-pbtxt')!).toBeGreaterThan(19_920 * 2);
    expect(sizes.get('export-onnx')!).toBeGreaterThan(19_920 * 4);
    const withWeights = await exportItem(page, 'export-keras-weights', 2);
    const byName = new Map(withWeights.map((d) => [d.suggestedFilename(), d]));
    expect([...byName.keys()].sort()).toEqual(['model.json', 'weights.bin']);
    const manifest = JSON.parse(readFileSync((await byName.get('model.json')!.path())!, 'utf8')) as {
      weightsManifest: { paths: string[] }[];
    };
    expect(manifest.weightsManifest.map((g) => g.paths)).toEqual([['weights.bin']]);
    // TinyVGG's 19,920 parameters, 4 bytes each.
    expect(readFileSync((await byName.get('weights.bin')!.path())!).length).toBe(19_920 * 4);
    // The model library's download: the same two names. On a fresh page: after a dozen
    // downloads Chromium holds further ones from the same page for the user's permission.
    const fresh = await openEditorAt({ width: 1280, height: 800 });
    const library: string[] = [];
    fresh.on('download', (d) => library.push(d.suggestedFilename()));
    await fresh.getByTestId('library-download').click();
    await expect
      .poll(() => library.slice().sort(), { timeout: 20_000 })
      .toEqual(['model.json', 'weights.bin']);
  });

  it('copies a share link, and refuses a format the model cannot be written in, saving nothing', async () => {
    const page = await openEditorAt({ width: 1280, height: 800 });
    await page.getByTestId('export').click();
    await page.getByTestId('export-link').click();
    await expect
      .poll(() => page.getByTestId('export-link-url').inputValue())
      .toMatch(/#net=1\.[A-Za-z0-9_-]+$/);
    expect(await page.getByTestId('export-link-status').textContent()).toMatch(/link|Copy this link/i);
    await page.keyboard.press('Escape');
    // Keras has no LRN (the engine runs its own): Keras is refused with the reason.
    await page.getByTestId('view-text').click();
    const code = page.getByTestId('text-code');
    await expect.poll(() => code.inputValue()).toContain('conv_1_2');
    await code.fill(
      (await code.inputValue()).replace(
        '"id": "relu_1_2", "type": "Activation", "params": {"activation": "relu"}',
        '"id": "relu_1_2", "type": "LRN", "params": {"depthRadius": 2, "bias": 2, "alpha": 0.0001, "beta": 0.75}',
      ),
    );
    await code.press('Control+Enter');
    await page.getByTestId('text-applied').waitFor();
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.getByTestId('export').click();
    await page.getByTestId('export-keras').click();
    await expect
      .poll(() =>
        page
          .getByText(
            /^Not done: This model cannot be written as Keras \/ TF\.js model\.json: .*relu_1_2.*LRN/,
          )
          .count(),
      )
      .toBe(1);
    await page.waitForTimeout(500);
    expect(downloads).toEqual([]);
  });
});
