/**
 * What the overview says agrees with what it shows: the class names belong to the model
 * shown, a file without weights runs with fresh weights and says so, an overview of an older
 * net than the editor's is marked, and one button goes back to the pretrained TinyVGG as it came.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { classNames, probabilities } from './pageReads';
import { settled } from './editorHelpers';
import { horizontalOverflow } from './shellShared';
import { audit } from './axe';
import { serializeSpecJson } from '../../src/lib/formats/specJson';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';

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

const back = (page: Page) => page.getByTestId('back-to-pretrained');

describe('a way back to the pretrained model', () => {
  it('reopens the pretrained TinyVGG after a random demo net: same prediction, its own class names again', async () => {
    const first = await openApp(h);
    const before = await probabilities(first.page);
    const names = await classNames(first.page);
    expect(names.slice(0, 3)).toEqual(['airplane', 'automobile', 'bird']);
    expect(await back(first.page).count()).toBe(0);

    const { page, errors } = await openApp(h, '?net=deep8');
    await page.getByTestId('random-weights').waitFor();
    // A random net is not named with the classes of the model before it.
    await expect.poll(() => classNames(page)).toEqual(Array.from({ length: 10 }, (_, i) => `class ${i}`));
    await expect.poll(() => back(page).textContent()).toMatch(/Back to the pretrained TinyVGG/);
    await shot(page, 'way-back-offered');
    await back(page).click();
    await expect.poll(() => back(page).count()).toBe(0);
    await expect.poll(() => page.getByTestId('random-weights').count()).toBe(0);
    await expect.poll(() => classNames(page)).toEqual(names);
    const after = await probabilities(page);
    after.forEach((p, i) => expect(p).toBeCloseTo(before[i]!, 5));
    await expect.poll(() => page.getByTestId('top-class').textContent()).toContain('airplane');
    expect(errors).toEqual([]);
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ])
    it(`restores the trained weights after a reset to random weights, at ${viewport.width}×${viewport.height}`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      const before = await probabilities(page);
      await page.getByTestId('train-reset').click();
      // The way back is offered where the overview is, wherever the training panel sits.
      await back(page).scrollIntoViewIfNeeded();
      await expect.poll(() => page.getByTestId('random-weights').count()).toBe(1);
      await expect.poll(async () => (await probabilities(page))[0]).not.toBeCloseTo(before[0]!, 4);
      const box = (await back(page).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(await horizontalOverflow(page)).toBe(0);
      await shot(page, `way-back-after-reset-${viewport.width}x${viewport.height}`);
      expect(await audit(page, '[data-testid="back-to-pretrained"]')).toEqual([]);
      await back(page).click();
      await expect.poll(() => page.getByTestId('random-weights').count()).toBe(0);
      await expect.poll(async () => (await probabilities(page))[0]).toBeCloseTo(before[0]!, 5);
      expect(errors).toEqual([]);
    });

  it('the zoo’s pretrained TinyVGG card brings the trained weights back after a reset', async () => {
    const { page, errors } = await openApp(h);
    const before = await probabilities(page);
    await page.getByTestId('train-reset').click();
    await expect.poll(() => page.getByTestId('random-weights').count()).toBe(1);
    await page.getByTestId('open-zoo').click();
    await page.locator('[data-testid="zoo-card"][data-id="tinyvgg"]').getByTestId('zoo-open').click();
    await expect.poll(() => page.getByTestId('random-weights').count()).toBe(0);
    await expect.poll(async () => (await probabilities(page))[0]).toBeCloseTo(before[0]!, 5);
    await expect.poll(() => back(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a file opened without weights runs with fresh weights and says so; the way back restores the trained model', async () => {
    const { page, errors } = await openApp(h);
    const before = await probabilities(page);
    const file = join(mkdtempSync(join(tmpdir(), 'way-back-')), 'tinyvgg.spec.json');
    // The pretrained architecture itself: its trained weights must not be taken for the file's.
    writeFileSync(file, serializeSpecJson(tinyVggSpec()));
    await page.getByTestId('view-text').click();
    await page.getByTestId('text-file').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('text-message').textContent())
      .toMatch(
        /Opened tinyvgg\.spec\.json.*carries no weights, so the explainer runs it with fresh random weights/s,
      );
    await settled(page);
    await expect.poll(() => page.getByTestId('random-weights').count()).toBe(1);
    await expect.poll(() => classNames(page)).toEqual(Array.from({ length: 10 }, (_, i) => `class ${i}`));
    await back(page).click();
    await expect.poll(() => page.getByTestId('random-weights').count()).toBe(0);
    await expect.poll(async () => (await probabilities(page))[0]).toBeCloseTo(before[0]!, 5);
    expect(errors).toEqual([]);
  });

  it('marks the overview while the edited net cannot run, and clears the mark when it can again', async () => {
    const { page, errors } = await openApp(h);
    await page.getByTestId('new-net').click();
    const stale = page.getByTestId('overview-stale');
    await expect.poll(() => stale.textContent()).toBe('not the edited net');
    expect(await stale.getAttribute('title')).toMatch(/still shows the last one it could: TinyVGG/);
    await shot(page, 'overview-stale');
    await page.getByTestId('undo').click();
    await expect.poll(() => stale.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
