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

/** Controls in `selector` (buttons, canvases) not wholly inside both the element's box and the screen. */
const outsideBox = (page: Page, selector: string, inner = 'button, canvas') =>
  page.evaluate(
    ([sel, inn]) => {
      const frame = document.querySelector(sel)!.getBoundingClientRect();
      const left = Math.max(frame.left, 0);
      const right = Math.min(frame.right, window.innerWidth);
      const bottom = Math.min(frame.bottom, window.innerHeight);
      return [...document.querySelectorAll(`${sel} :is(${inn})`)]
        .map((e) => [e, e.getBoundingClientRect()] as const)
        .filter(([, b]) => b.width > 0 && (b.left < left - 1 || b.right > right + 1 || b.bottom > bottom + 1))
        .map(
          ([e, b]) =>
            `${e.tagName.toLowerCase()} "${e.getAttribute('aria-label') ?? e.textContent?.trim()}" ${Math.round(b.left)}–${Math.round(b.right)}`,
        );
    },
    [selector, inner] as const,
  );

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

  it('shows the model summary’s parameters and multiply-adds, Total row too, without sideways scrolling', async () => {
    const { page, errors } = await openApp(h, '', PHONE);
    const table = page.getByTestId('layer-table');
    await table.scrollIntoViewIfNeeded();
    const frame = await table.evaluate((t) => ({
      scroll: t.parentElement!.scrollWidth,
      client: t.parentElement!.clientWidth,
    }));
    expect(frame.scroll).toBeLessThanOrEqual(frame.client + 1);
    const total = (await page.getByTestId('total-params').boundingBox())!;
    expect(total.width).toBeGreaterThan(0);
    expect(total.x + total.width).toBeLessThanOrEqual(PHONE.width);
    const macs = (await table.locator('tfoot td').last().boundingBox())!;
    expect(macs.x + macs.width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-summary');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows every drawing tool inside the draw dialog, and the canvas still draws', async () => {
    const { page, errors } = await openApp(h, '', PHONE);
    await page.getByTestId('paint-open').click();
    const pad = page.getByTestId('paint-canvas');
    await pad.waitFor();
    expect(await outsideBox(page, '[data-testid="paint-dialog"]')).toEqual([]);
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    const inked = await pad.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, c.height / 2 - 1, c.width, 2).data;
      return d[Math.round(c.width / 2) * 4]! < 128;
    });
    expect(inked).toBe(true);
    await shot(page, 'phone-paint');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the footer’s last line scroll clear of the floating editor button', async () => {
    const { page, errors } = await openApp(h, '', PHONE);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const credits = (await page.locator('footer .credits').boundingBox())!;
    const toggle = (await page.getByTestId('drawer-toggle').boundingBox())!;
    expect(credits.y + credits.height).toBeLessThanOrEqual(toggle.y);
    await shot(page, 'phone-bottom');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shrinks the floating editor button to an icon while the reader scrolls down, and brings its label back going up', async () => {
    const { page, errors } = await openApp(h, '', PHONE);
    const toggle = page.getByTestId('drawer-toggle');
    const width = async (): Promise<number> => (await toggle.boundingBox())!.width;
    const wide = await width();
    expect(wide).toBeGreaterThan(150);
    // A reader scrolling down the page, a little at a time.
    for (let i = 0; i < 6; i++) {
      await page.evaluate(() => scrollBy(0, 120));
      await page.waitForTimeout(50);
    }
    await expect.poll(width).toBeLessThanOrEqual(48.5);
    // It covers a 48-px circle now, and still says what it does.
    expect(await toggle.getAttribute('aria-label')).toBe('Open the architecture editor');
    await shot(page, 'phone-fab-collapsed');
    // Going back up brings the label back; a tap on the icon opens the drawer all the same.
    await page.evaluate(() => scrollBy(0, -100));
    await expect.poll(width).toBe(wide);
    await page.evaluate(() => scrollBy(0, 300));
    await expect.poll(width).toBeLessThanOrEqual(48.5);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the way back to the article clear of the floating editor button', async () => {
    const { page, errors } = await openApp(h, '', PHONE);
    const link = page.locator('#learn-pooling').getByTestId('show-me');
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await page.getByTestId('neuron-detail').waitFor();
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.scrollTo(0, 0));
    const back = page.getByTestId('back-to-article');
    await back.waitFor();
    const a = (await back.boundingBox())!;
    const b = (await page.getByTestId('drawer-toggle').boundingBox())!;
    // Both sat on the bottom edge: the button hid the pill's end and its ✕.
    const overlap =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap, JSON.stringify({ back: a, toggle: b })).toBe(false);
    await shot(page, 'phone-back-to-article');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows another net from its input, whatever column the overview was scrolled to', async () => {
    const { page, errors } = await openApp(h, '', PHONE);
    const overview = page.getByTestId('overview');
    // The learner has scrolled TinyVGG's overview to its output (as the softmax detail does).
    await overview.evaluate((e) => (e.scrollLeft = e.scrollWidth));
    expect(await overview.evaluate((e) => e.scrollLeft)).toBeGreaterThan(100);
    await page.getByTestId('drawer-toggle').click();
    await page.getByTestId('open-zoo').click();
    await page.locator('[data-testid="zoo-card"][data-id="lenet5"]').getByTestId('zoo-open').click();
    await expect
      .poll(() => page.locator('[data-testid="neuron"][data-layer="c1"]').count())
      .toBeGreaterThan(0);
    // It opened scrolled to LeNet-5's last columns before: c1 off screen.
    expect(await overview.evaluate((e) => e.scrollLeft)).toBe(0);
    // The drawer made way for the net chosen (it stayed over the page), the focus on its button.
    await expect.poll(() => page.getByTestId('drawer-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'drawer-toggle',
    );
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
