/** Opening the branching test net (tests/fixtures/branchNets.ts) through a share link, for the browser tests of its formula views. */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { waitForPanels, type Harness } from './harness';
import { encodeShareHash } from '../../src/lib/formats/shareLink';
import { branchNetSpec } from '../fixtures/branchNets';

/**
 * Opens the app on the branch net, as a learner opens a shared link: it runs with fresh
 * random weights on the example image. Reduced motion keeps the players still.
 */
export async function openBranchNet(
  h: Harness,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await h.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${h.server.url}#${encodeShareHash(branchNetSpec())}`);
  await page
    .locator('[data-testid="overview"] [data-layer="deconv"][data-channel="0"]')
    .waitFor({ state: 'attached', timeout: 180_000 });
  await waitForPanels(page);
  return { page, errors };
}

/** Clicks `layer:channel` in the overview and waits for the view with test id `view`. */
export async function openView(page: Page, neuron: string, view: string): Promise<Locator> {
  const [layerId = '', channel = '0'] = neuron.split(':');
  const target = page.locator(
    `[data-testid="overview"] [data-layer="${layerId}"][data-channel="${channel}"]`,
  );
  await target.scrollIntoViewIfNeeded();
  await target.click();
  const detail = page.getByTestId('neuron-detail');
  await detail.getByTestId(view).waitFor({ timeout: 60_000 });
  return detail;
}

/**
 * The value a view shows (`data-value`) against the engine's (`data-engine-value`), within
 * 1e-4, and the number on screen, all read at once (a net that is still settling its weights
 * may re-explain the image between two reads); returns the value.
 */
export async function expectEngine(scope: Page | Locator, testId: string): Promise<number> {
  const read = await scope
    .getByTestId(testId)
    .first()
    .evaluate((e) => [e.getAttribute('data-value'), e.getAttribute('data-engine-value'), e.textContent]);
  const [ours, engine] = read.slice(0, 2).map(Number) as [number, number];
  expect(Number.isFinite(ours) && Number.isFinite(engine)).toBe(true);
  expect(Math.abs(ours - engine)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(engine)));
  // The number on screen is the value, to the shown precision.
  const shown = Number((read[2] ?? '').replace('−', '-'));
  expect(Math.abs(shown - ours)).toBeLessThanOrEqual(0.0005 + 1e-9);
  return ours;
}

/** Moves the pointer to a fraction of an element's box (a map's cell). */
export async function pointAt(page: Page, target: Locator, fx: number, fy: number): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the element is not on screen');
  await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
}

/** The page does not scroll sideways. */
export async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
