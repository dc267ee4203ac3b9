/**
 * The page with the editor open: the whole overview and its prediction on screen at a laptop's
 * and a desktop's size, headers that neither overlap nor cut a name, the graph readable at
 * its fitted zoom, and the Costs panel's total below its table, never over a row. On a phone
 * the editor is a drawer: the same graph and Costs checks there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Client rectangles of every element `selector` matches. */
const boxes = (page: Page, selector: string): Promise<Box[]> =>
  page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** The graph's zoom as the zoom controls show it, 0–1. */
async function graphZoom(page: Page): Promise<number> {
  const text = (await page.locator('[role="group"][aria-label="Zoom"] .scale').textContent()) ?? '';
  return Number(text.replace('%', '')) / 100;
}

/** The graph's nodes: none may cut its type name short, and the type text must be legible. */
async function nodeText(page: Page): Promise<{ types: string[]; smallestPx: number }> {
  const types = await page
    .locator('[data-testid="node"] text.type')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  const heights = await page
    .locator('[data-testid="node"] text.type')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  return { types, smallestPx: Math.min(...heights) };
}

/** Opens Costs, scrolls its rows to the end, and checks the total row covers none of them. */
async function checkCosts(page: Page): Promise<void> {
  await page.getByTestId('tab-costs').click();
  const total = page.getByTestId('cost-total');
  await total.waitFor();
  const rows = '[data-testid="cost-table"] tbody tr';
  for (const end of [false, true]) {
    if (end) await page.locator(rows).last().scrollIntoViewIfNeeded();
    const [t] = await boxes(page, '[data-testid="cost-total"]');
    const frame = await page
      .locator('[data-testid="cost-table"]')
      .evaluate((e) => e.parentElement!.getBoundingClientRect().toJSON() as Box);
    // Rows are drawn only inside their scrolling frame; the total lies below it, on screen.
    expect(t!.top).toBeGreaterThanOrEqual(frame.bottom - 0.5);
    expect(t!.bottom).toBeLessThanOrEqual(await page.evaluate(() => window.innerHeight));
    // What shows of each row: the part inside the frame (the rest is scrolled out of sight).
    const visible = (await boxes(page, rows))
      .filter((r) => r.bottom > frame.top && r.top < frame.bottom)
      .map((r) => ({ ...r, top: Math.max(r.top, frame.top), bottom: Math.min(r.bottom, frame.bottom) }));
    expect(visible.length).toBeGreaterThan(0);
    for (const r of visible) expect(overlaps(r, t!)).toBe(false);
  }
  // No header, layer name or number cut or spilling into the next column.
  const spilled = await page
    .locator(
      '[data-testid="cost-table"] th, [data-testid="cost-table"] td, [data-testid="cost-table"] .id, [data-testid="cost-total"] > *',
    )
    .evaluateAll((els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent?.trim()),
    );
  expect(spilled).toEqual([]);
  const last = (await boxes(page, rows)).at(-1)!;
  const [t] = await boxes(page, '[data-testid="cost-total"]');
  expect(last.bottom).toBeLessThanOrEqual(t!.top + 0.5);
}

describe('the editor open beside the overview', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows the whole overview and its prediction at ${viewport.width}×${viewport.height}, headers uncut`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      await page.locator('[data-testid="node"][data-id="conv_1_1"]').waitFor({ timeout: 60_000 });
      const side = (await boxes(page, '[data-testid="side-panel"]'))[0]!;
      const scroller = page.getByTestId('overview');
      // No sideways scrolling inside the overview, and all of it left of the editor and on screen.
      await expect.poll(() => scroller.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
      const [frame] = await boxes(page, '[data-testid="overview"]');
      expect(frame!.right).toBeLessThanOrEqual(side.left);
      expect(frame!.bottom).toBeLessThanOrEqual(viewport.height);
      for (const row of await boxes(page, '[data-testid="probabilities"] li')) {
        expect(row.right).toBeLessThanOrEqual(frame!.right);
        expect(row.bottom).toBeLessThanOrEqual(viewport.height);
        expect(row.top).toBeGreaterThanOrEqual(0);
      }
      for (const legend of await boxes(page, '[data-testid="overview"] canvas, [data-testid="overview"] svg'))
        expect(legend.bottom).toBeLessThanOrEqual(viewport.height);
      const [top] = await boxes(page, '[data-testid="top-class"]');
      expect(top!.bottom).toBeLessThanOrEqual(viewport.height);
      // Column headers: every line fits its header (nothing cut to "…"), and no two overlap.
      const cut = await page
        .locator('[data-testid="column-header"] > div, [data-testid="column-header"] > button')
        .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
      expect(cut).toEqual([]);
      const lines = await page
        .locator('[data-testid="column-header"] > div, [data-testid="column-header"] > button')
        .evaluateAll((els) =>
          els.map((e) => {
            const range = document.createRange();
            range.selectNodeContents(e);
            const r = range.getBoundingClientRect();
            return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, header: e.parentElement };
          }),
        );
      for (let i = 0; i < lines.length; i++)
        for (let j = i + 1; j < lines.length; j++)
          if (lines[i]!.header !== lines[j]!.header) expect(overlaps(lines[i]!, lines[j]!)).toBe(false);

      // The graph, fitted: readable zoom, every type name whole or shortened by words.
      await page.getByTestId('graph-fit').click();
      await expect.poll(() => graphZoom(page)).toBeGreaterThanOrEqual(0.8);
      const text = await nodeText(page);
      expect(text.types.filter((t) => t.includes('…'))).toEqual([]);
      expect(text.types).toContain('MaxPool2D');
      expect(text.smallestPx).toBeGreaterThanOrEqual(8);
      await shot(page, `editor-open-${viewport.width}x${viewport.height}`);
      await checkCosts(page);
      await shot(page, `editor-costs-${viewport.width}x${viewport.height}`);
      expect(await audit(page, '[data-testid="side-panel"]')).toEqual([]);
      expect(await audit(page, '[data-testid="overview"]')).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('keeps the overview whole when the side panel is dragged narrower or wider than the default', async () => {
    const { page } = await openApp(h, '', { width: 1280, height: 800 });
    await page.locator('[data-testid="node"][data-id="conv_1_1"]').waitFor({ timeout: 60_000 });
    const resizer = page.locator('[role="separator"][aria-controls="side-panel"]');
    await resizer.focus();
    // Narrower side panel: more room, the overview stays whole.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const overflow = () => page.getByTestId('overview').evaluate((e) => e.scrollWidth - e.clientWidth);
    await expect.poll(overflow).toBeLessThanOrEqual(0);
    // Much wider (a ~600 px frame): too little room for the compact layout, the tight one keeps it whole.
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(overflow).toBeLessThanOrEqual(0);
    // As wide as it goes (55% of the window): too little room for TinyVGG even tight; it
    // scrolls, with the prediction a scroll away.
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(overflow).toBeGreaterThan(0);
  });

  it('on a phone, the editor drawer’s graph fits readably and its Costs total covers no row', async () => {
    const { page, errors } = await openApp(h, '', { width: 390, height: 844 });
    await page.getByTestId('drawer-toggle').click();
    await page.getByTestId('side-panel').waitFor();
    await page.locator('[data-testid="node"][data-id="conv_1_1"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('graph-fit').click();
    await expect.poll(() => graphZoom(page)).toBeGreaterThanOrEqual(0.8);
    expect((await nodeText(page)).types.filter((t) => t.includes('…'))).toEqual([]);
    await checkCosts(page);
    await shot(page, 'editor-costs-390x844');
    expect(await audit(page, '[data-testid="side-panel"]')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
