/**
 * A touch phone (Chromium's mobile emulation: `(pointer: coarse)`): every control takes a
 * finger's tap, 32 px each way, at 390×844 (in the editor's drawer and the dialogs too); a
 * 320-px phone never scrolls sideways; the model summary of the zoo's big nets fits a 390-px
 * phone's width; no line of the Chinese article starts with a comma. In English and in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startHarness, waitForPanels, type Harness } from './harness';
import { settled } from './editorHelpers';
import { partsOutsideColumnBoxes } from './pageReads';
import { smallTargets, TOUCH } from './tapTargets';
import { resnet18Spec } from '../../src/lib/zoo/resnet18';
import { mobilenetV2Spec } from '../../src/lib/zoo/mobilenetV2';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function openPhone(viewport: { width: number; height: number }, locale: string, touch = true) {
  const context = await h.browser.newContext({ viewport, locale, ...(touch ? TOUCH : {}) });
  await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.server.url);
  await page.getByTestId('layer-table').waitFor({ timeout: 60_000 });
  await waitForPanels(page);
  return { context, page, errors };
}

/**
 * The page's width, and the elements that stick out of the screen sideways (not fixed ones, nor
 * those inside a frame that scrolls or clips them).
 */
const sideways = (page: Page, width: number) =>
  page.evaluate((width) => {
    // Not innerWidth: a mobile browser widens its layout viewport to a too-wide page.
    const sticking = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const box = e.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 0.5) return false;
        // A fixed element (the closed drawer, off screen) does not widen the page.
        if (getComputedStyle(e).position === 'fixed') return false;
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX !== 'visible' || style.position === 'fixed') return false;
        }
        return true;
      })
      .slice(-5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`,
      );
    return { scrollWidth: document.scrollingElement!.scrollWidth, sticking };
  }, width);

/** Scrolls the page from top to bottom a screen at a time (parts mounted on sight are then there), and back. */
async function scrollThrough(page: Page): Promise<void> {
  for (let y = 0; ; y += 600) {
    const bottom = await page.evaluate((top) => {
      window.scrollTo(0, top);
      return top + window.innerHeight >= document.documentElement.scrollHeight;
    }, y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    if (bottom) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe('on a touch phone', () => {
  for (const locale of ['en-US', 'zh-CN'])
    it(`every control takes a tap 32 px each way at 390×844 in ${locale}; the output rows their whole row; a mouse's page keeps its sizes`, async () => {
      const { context, page, errors } = await openPhone({ width: 390, height: 844 }, locale);
      // The emulated phone is what the CSS asks about.
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      const small = await smallTargets(page);
      // Were 213 in each language: the class names link (18 px), the radios' labels (18), the
      // layer names (14), the maps (26), buttons of 28–30 px…
      expect(
        small.filter((s) => !s.exception && !s.outputRow).map((s) => `${s.name} ${s.width}×${s.height}`),
      ).toEqual([]);
      // The output column's rows keep the overview's layout (22-px rows 4 px apart, as the
      // prerendered first screen lays them out): each takes a tap over its whole 26-px pitch,
      // above WCAG 2.5.8's 24 px (they took 22).
      const rows = small.filter((s) => s.outputRow);
      expect(
        rows.filter((s) => s.width < 32 || s.height < 26).map((s) => `${s.name} ${s.width}×${s.height}`),
      ).toEqual([]);
      // The exceptions (links inside the article's sentences, formula frames that take focus
      // only to be scrolled by a keyboard) are few: not a way round the rule.
      expect(small.filter((s) => s.exception).length).toBeLessThanOrEqual(8);
      await shot(page, `phone-touch-${locale}`);
      expect(errors).toEqual([]);
      await context.close();

      // The same phone width with a mouse: the controls keep their sizes (a layer name 13 px
      // high, a colour-range choice under 32) — the touch rules change nothing there.
      const mouse = await openPhone({ width: 390, height: 844 }, locale, false);
      expect(await mouse.page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(false);
      const name = (await mouse.page.getByTestId('column-article-link').first().boundingBox())!;
      expect(name.height).toBeLessThan(20);
      const choice = (await mouse.page.getByTestId('range-mode').locator('label').first().boundingBox())!;
      expect(choice.height).toBeLessThan(32);
      await mouse.context.close();
    });

  for (const locale of ['en-US', 'zh-CN'])
    it(`the editor's drawer and the dialogs take a tap 32 px each way at 390×844 in ${locale}`, async () => {
      const { context, page, errors } = await openPhone({ width: 390, height: 844 }, locale);
      const names = (list: Awaited<ReturnType<typeof smallTargets>>) =>
        list.filter((s) => !s.exception).map((s) => `${s.name} ${s.width}×${s.height}`);
      const found: Record<string, string[]> = {};
      // The drawer (closed, it is inert and was never measured with the page).
      await page.getByTestId('drawer-toggle').click();
      await expect.poll(() => page.getByTestId('side-panel').getAttribute('inert')).toBeNull();
      await page.getByTestId('editor').waitFor();
      // The palette's add button says what a finger does (no Enter key, no drag from a list).
      await page.getByTestId('tab-palette').click();
      expect((await page.getByTestId('palette-add').textContent())?.trim()).toBe(
        locale === 'en-US' ? 'Tap a layer type, then tap here to add it' : '点选一种层，然后点这里添加',
      );
      for (const tab of ['palette', 'layer', 'costs', 'compare']) {
        await page.getByTestId(`tab-${tab}`).click();
        found[`drawer ${tab}`] = names(await smallTargets(page, 32, '[data-testid="side-panel"]'));
      }
      await page.getByTestId('export').click();
      await page.getByTestId('export-menu').waitFor();
      found['export menu'] = names(await smallTargets(page, 32, '[data-testid="export-menu"]'));
      await page.getByTestId('export').click();
      await page.getByTestId('view-text').click();
      found['drawer text'] = names(await smallTargets(page, 32, '[data-testid="side-panel"]'));
      await page.getByTestId('view-graph').click();
      // The model zoo, opened from the drawer.
      await page.getByTestId('open-zoo').click();
      await page.locator('[data-testid="zoo"][open]').waitFor();
      found.zoo = names(await smallTargets(page, 32, '[data-testid="zoo"]'));
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="zoo"][open]').waitFor({ state: 'detached' });
      // Escape closed the drawer too.
      await expect.poll(() => page.getByTestId('side-panel').getAttribute('inert')).toBe('');
      // The class names dialog, from the prediction.
      await page.getByTestId('labels-open').click();
      await page.locator('[data-testid="labels-dialog"][open]').waitFor();
      found.labels = names(await smallTargets(page, 32, '[data-testid="labels-dialog"]'));
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="labels-dialog"][open]').waitFor({ state: 'detached' });
      // The "Why?" panel, each method's controls (not measured with the page: it opens on demand).
      await page.getByTestId('why-button').click();
      for (const method of ['gradCam', 'saliency', 'occlusion', 'fgsm', 'visualise', 'compare']) {
        await page.getByTestId(`method-${method}`).click();
        found[`why ${method}`] = names(await smallTargets(page, 32, '[data-testid="attribution"]'));
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
      expect(errors).toEqual([]);
      await context.close();
    });

  for (const width of [390, 320])
    it(`starts no line of the Chinese article with a comma or a full stop at ${width} px (formulas keep theirs)`, async () => {
      const { context, page, errors } = await openPhone({ width, height: 844 }, 'zh-CN');
      await scrollThrough(page);
      // Every closing mark in the article's text that sits lower than what comes just before
      // it (the text or the formula) begins a line. Text never breaks there by itself; a
      // formula is one box, after which a browser may break.
      const starts = await page.getByTestId('article').evaluate((article) => {
        const found: string[] = [];
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          const at = text.search(/[，。、；：！？）]/u);
          if (at !== 0) continue;
          // What is before it on the page (Svelte leaves comments and empty text between parts).
          let before = node.previousSibling;
          while (before && (before.nodeType === Node.COMMENT_NODE || before.textContent === ''))
            before = before.previousSibling;
          if (!(before instanceof Element)) continue;
          range.setStart(node, 0);
          range.setEnd(node, 1);
          const mark = range.getBoundingClientRect();
          const prev = before.getBoundingClientRect();
          if (mark.height > 0 && mark.top >= prev.bottom - 2)
            found.push(`${before.textContent?.slice(-12)}|${text.slice(0, 12)}`);
        }
        return found;
      });
      expect(starts).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });

  for (const locale of ['en-US', 'zh-CN'])
    it(`never scrolls sideways at 320×640 in ${locale}`, async () => {
      const { context, page, errors } = await openPhone({ width: 320, height: 640 }, locale);
      await scrollThrough(page);
      // Was 362 px in both: the header's tools, the image preview's row, the playground's fields,
      // grids and size formula.
      expect(await sideways(page, 320)).toEqual({ scrollWidth: 320, sticking: [] });
      // The sticky header in two rows (name and links, then the tools), not three (130 px of 640).
      expect(
        await page
          .locator('header')
          .first()
          .evaluate((e) => (e as HTMLElement).offsetHeight),
      ).toBeLessThan(100);
      // The article's title shares its lines evenly: its last line is not one lonely character
      // ("…工作 / 的") or word. Measured against the title's own font size.
      const lastLine = await page.locator('#article-title').evaluate((h) => {
        const range = document.createRange();
        range.selectNodeContents(h);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        const bottom = Math.max(...rects.map((r) => r.top));
        const width = rects.filter((r) => Math.abs(r.top - bottom) < 2).reduce((w, r) => w + r.width, 0);
        return {
          lines: new Set(rects.map((r) => Math.round(r.top))).size,
          em: width / parseFloat(getComputedStyle(h).fontSize),
        };
      });
      expect(lastLine.lines).toBeGreaterThan(1);
      expect(lastLine.em).toBeGreaterThan(3);
      await shot(page, `phone-320-${locale}`);
      expect(errors).toEqual([]);
      await context.close();
    });

  for (const [id, spec] of [
    ['resnet18', resnet18Spec()],
    ['mobilenetv2', mobilenetV2Spec()],
  ] as const)
    it(`shows ${id}'s model summary whole at 390 px: all four columns inside the frame, no column cut`, async () => {
      const { context, page, errors } = await openPhone({ width: 390, height: 844 }, 'en-US');
      await page.getByTestId('drawer-toggle').click();
      await page.getByTestId('open-zoo').click();
      await page.locator(`[data-testid="zoo-card"][data-id="${id}"]`).getByTestId('zoo-open').click();
      // The summary shows the new net (its last Add: TinyVGG has none; names may hold <wbr>s, no other text),
      // then nothing is being rebuilt.
      const table = page.getByTestId('layer-table');
      await expect
        .poll(() => table.textContent(), { timeout: 300_000 })
        .toContain(spec.layers.filter((l) => l.type === 'Add').at(-1)!.id);
      await settled(page, 300_000);
      await page.keyboard.press('Escape');
      // Its frame scrolled sideways (434 px of table in 362): the multiply-adds were off screen.
      const frame = await table.evaluate((t) => ({
        scroll: t.parentElement!.scrollWidth,
        client: t.parentElement!.clientWidth,
      }));
      expect(frame.scroll).toBeLessThanOrEqual(frame.client + 1);
      const macs = (await table.locator('tfoot td').last().boundingBox())!;
      expect(macs.x + macs.width).toBeLessThanOrEqual(390);
      // The overview's columns keep their parts inside their boxes; the page does not scroll sideways.
      expect(await partsOutsideColumnBoxes(page)).toEqual([]);
      expect((await sideways(page, 390)).scrollWidth).toBe(390);
      await table.evaluate((t) => t.scrollIntoView({ block: 'start' }));
      await shot(page, `phone-summary-${id}`);
      expect(errors).toEqual([]);
      await context.close();
    }, 400_000);
});
