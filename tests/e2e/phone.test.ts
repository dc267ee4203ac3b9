/** A phone (390×844): the formula dialog, the editor drawer and the tour fit the screen, nothing clipped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const PHONE = { width: 390, height: 844 };

/**
 * Elements of `selector` that stick out of the screen sideways, other than those inside a
 * frame that scrolls or clips them (a wide map or formula scrolls inside its own frame).
 */
function clipped(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ([sel, width]) =>
      [...document.querySelectorAll(`${sel} *`)]
        .filter((e) => {
          const box = e.getBoundingClientRect();
          if (box.width === 0 || (box.right <= width + 1 && box.left >= -1)) return false;
          for (let a = e.parentElement; a; a = a.parentElement) {
            if (a.matches(sel)) break;
            if (getComputedStyle(a).overflowX !== 'visible') return false;
          }
          return true;
        })
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`,
        ),
    [selector, PHONE.width] as const,
  );
}

/**
 * Frames inside `selector` as wide as (most of) the screen that scroll sideways: the dialog's
 * or drawer's own body must not; only a frame made to scroll (`data-scrolls`, around a wide
 * formula or table) may.
 */
function wideScrollers(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ([sel, width]) =>
      [document.querySelector(sel), ...document.querySelectorAll(`${sel} *`)]
        .filter(
          (e): e is Element =>
            !!e &&
            !e.hasAttribute('data-scrolls') &&
            e.clientWidth > width * 0.6 &&
            e.scrollWidth > e.clientWidth + 1,
        )
        .map(
          (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${e.scrollWidth}>${e.clientWidth}`,
        ),
    [selector, PHONE.width] as const,
  );
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('on a phone', () => {
  it('opens a convolution neuron’s formula view that fits the screen', async () => {
    const { page, errors } = await openApp(h, '', PHONE);
    expect(await pageWidth(page)).toBe(PHONE.width);
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
