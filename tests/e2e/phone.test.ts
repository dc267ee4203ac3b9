/** A phone (390×844): the formula dialog, the editor drawer and the tour fit the screen, nothing clipped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { clipped, PHONE, wideScrollers } from './fitsScreen';
import { partsOutsideColumnBoxes } from './pageReads';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('on a phone', () => {
  it('opens a convolution neuron’s formula view that fits the screen', async () => {
    const { page, errors } = await openApp(h, '', PHONE);
    expect(await pageWidth(page)).toBe(PHONE.width);
    // The phone's compact overview: no part of a column clipped by its box.
    expect(await partsOutsideColumnBoxes(page)).toEqual([]);
    await page.locator('[data-layer="conv_1_1"][data-channel="0"]').first().click();
    await page.getByTestId('neuron-detail').waitFor();
    await expect.poll(() => clipped(page, '[data-testid="neuron-detail"]')).toEqual([]);
    expect(await wideScrollers(page, '[data-testid="neuron-detail"]')).toEqual([]);
    expect(await pageWidth(page)).toBe(PHONE.width);
    await shot(page, 'phone-detail');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the editor as a drawer that fits the screen', async () => {
    const { page, errors } = await openApp(h, '', PHONE);
    await page.getByTestId('drawer-toggle').click();
    await page.getByTestId('side-panel').waitFor();
    await expect.poll(() => clipped(page, '[data-testid="side-panel"]')).toEqual([]);
    expect(await wideScrollers(page, '[data-testid="side-panel"]')).toEqual([]);
    await shot(page, 'phone-drawer');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
