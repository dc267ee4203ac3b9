/** The first page end to end: load the built app, pick a generated image, see a prediction. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, screenshot, startHarness, type Harness } from './harness';
import { makePng, scene } from '../fixtures/images';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-e2e-'));

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('first page', () => {
  it('classifies a picked image into 10 probabilities that sum to 1', async () => {
    const { page, errors } = await openApp(h);
    await expect.poll(() => page.getByTestId('backend').textContent()).toMatch(/wasm|webgl|cpu/);
    const file = join(dir, 'scene.png');
    writeFileSync(file, makePng(96, 64, scene));
    await page.getByTestId('image-file').setInputFiles(file);
    const rows = page.getByTestId('probabilities').locator('li');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(10);
    const ps = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-probability'))));
    expect(ps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    const top = ps.indexOf(Math.max(...ps));
    await expect.poll(() => rows.nth(top).getAttribute('class')).toContain('top');
    await expect.poll(() => page.getByTestId('top-class').textContent()).toMatch(/\S+ \(\d+(\.\d)?%\)/);
    await screenshot(page, 'first-page');
    expect(errors).toEqual([]);
  });

  it('refuses a text file renamed .png and keeps the current prediction', async () => {
    const { page } = await openApp(h);
    const good = join(dir, 'good.png');
    writeFileSync(good, makePng(32, 32, scene));
    // The app opens on a generated example; wait until our image's prediction has replaced it
    // (the scene and the example are predicted differently by the pretrained model).
    await page.getByTestId('top-class').waitFor();
    const example = await page.getByTestId('top-class').textContent();
    await page.getByTestId('image-file').setInputFiles(good);
    await expect
      .poll(() => page.getByTestId('top-class').textContent(), { timeout: 30_000 })
      .not.toBe(example);
    const before = await page.getByTestId('top-class').textContent();
    const bad = join(dir, 'notes.png');
    writeFileSync(bad, 'these are my notes, not a picture\n');
    await page.getByTestId('image-file').setInputFiles(bad);
    await expect
      .poll(() => page.getByTestId('image-error').textContent())
      .toMatch(/notes\.png.*not an image/);
    await expect.poll(() => page.getByTestId('top-class').textContent()).toBe(before);
  });
});
