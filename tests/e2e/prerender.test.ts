/**
 * The prerendered first screen (src/prerender): shown before the app's code runs, with the
 * app's own layout and pixels, taken over by the app without a jump; never shown for a page
 * that would not start as it (another net, a share link); in each language, at every width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS } from './harness';
import { readThumbnails } from './thumbnailReads';
import { stalledDocument } from './stalledDocument';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

interface CanvasShot {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  pixels: number[];
}

declare global {
  interface Window {
    __prerenderSeen?: {
      snapshot: CanvasShot[] | null;
      app: CanvasShot[] | null;
      everShown: boolean;
      /** The snapshot's text as first painted (read before each frame until the app is in). */
      firstPaintedText: string | null;
      /** Its text once shown, overview included. */
      shownText: string | null;
    };
  }
}

/**
 * In the page before any of its scripts: records the snapshot's canvases (place and pixels)
 * when it is shown, and the app's the moment it takes over (the task that removes #prerender).
 */
function recordTakeover(): void {
  const seen: NonNullable<Window['__prerenderSeen']> = {
    snapshot: null,
    app: null,
    everShown: false,
    firstPaintedText: null,
    shownText: null,
  };
  window.__prerenderSeen = seen;
  // Animation frame callbacks run right before the browser paints: what is visible then is painted.
  const beforePaint = (): void => {
    const root = document.getElementById('prerender');
    // Not parsed yet (a frame can come before the body): look again next frame; gone: the
    // snapshot was skipped or taken over, nothing more to read.
    if (!root) {
      if (!document.documentElement.dataset.prerender) requestAnimationFrame(beforePaint);
      return;
    }
    if (getComputedStyle(root).visibility !== 'hidden' && root.innerText.trim()) {
      seen.firstPaintedText = root.innerText;
      return;
    }
    requestAnimationFrame(beforePaint);
  };
  requestAnimationFrame(beforePaint);
  const read = (root: ParentNode): CanvasShot[] =>
    Array.from(root.querySelectorAll('canvas')).flatMap((c) => {
      if (!c.width || !c.height) return [];
      const r = c.getBoundingClientRect();
      const key =
        c.dataset.layer ?? c.closest('figure')?.dataset.testid ?? c.getAttribute('aria-label') ?? '?';
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      return [{ key, x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height, pixels: Array.from(data) }];
    });
  new MutationObserver(() => {
    const state = document.documentElement.dataset.prerender;
    if (state === 'shown' && !seen.snapshot) {
      seen.everShown = true;
      const root = document.getElementById('prerender');
      if (root) seen.snapshot = read(root);
      seen.shownText = root?.innerText ?? null;
    }
    if (state === 'taken over' && !seen.app) {
      const app = document.getElementById('app');
      if (app) seen.app = read(app);
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-prerender'] });
}

async function visit(
  query: string,
  options: BrowserContextOptions = { viewport: { width: 1280, height: 800 } },
  base = h.server.url,
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await h.browser.newContext(options);
  await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
  await context.addInitScript(recordTakeover);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${query}`);
  return { page, errors, close: () => context.close() };
}

const state = (page: Page) => page.evaluate(() => document.documentElement.dataset.prerender ?? '');
const seen = (page: Page) => page.evaluate(() => window.__prerenderSeen!);

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe('the prerendered first screen', () => {
  const readers = [
    { viewport: { width: 1280, height: 800 }, locale: 'en-US' },
    { viewport: { width: 1920, height: 1080 }, locale: 'en-US' },
    { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' },
    { viewport: { width: 390, height: 844 }, locale: 'zh-CN' },
    { viewport: { width: 390, height: 844 }, locale: 'en-US' },
    // Tablets: the tight fit (the whole of TinyVGG in the frame), without and beside the editor.
    { viewport: { width: 768, height: 1024 }, locale: 'en-US' },
    { viewport: { width: 1024, height: 768 }, locale: 'zh-CN' },
  ];
  for (const { viewport, locale } of readers)
    it(`shows the overview before the app and hands over to it in place, pixel for pixel, at ${viewport.width}×${viewport.height} in ${locale}`, async () => {
      const zh = locale === 'zh-CN';
      const { page, errors, close } = await visit('', { viewport, locale });
      await expect.poll(() => state(page), { timeout: 60_000 }).toBe('taken over');
      const { snapshot, app, everShown } = await seen(page);
      expect(everShown).toBe(true);
      expect(snapshot && app).toBeTruthy();
      // Every map column and both image previews, in the snapshot and in the app.
      expect(snapshot!.filter((c) => c.key !== '?').length).toBeGreaterThanOrEqual(13);
      const appByKey = new Map(app!.map((c) => [c.key, c]));
      for (const s of snapshot!) {
        const a = appByKey.get(s.key);
        expect(a, s.key).toBeDefined();
        for (const k of ['x', 'y', 'w', 'h'] as const)
          expect(Math.abs(a![k] - s[k]), `${s.key} ${k}`).toBeLessThanOrEqual(1);
        expect(a!.pixels.length, s.key).toBe(s.pixels.length);
        expect(
          a!.pixels.every((v, i) => v === s.pixels[i]),
          `${s.key} pixels`,
        ).toBe(true);
      }
      // The overview was on screen before the app (the snapshot's mark), and the app answers hovers.
      const [drawn, interactive] = await page.evaluate(() =>
        ['overview-drawn', 'interactive'].map((n) => {
          const mark = performance.getEntriesByName(n)[0] as PerformanceMark | undefined;
          return { at: mark?.startTime ?? NaN, detail: mark?.detail as unknown };
        }),
      );
      expect(drawn!.detail).toBe('prerendered');
      expect(interactive!.at).toBeGreaterThan(drawn!.at);
      await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
      const map = page.locator('[data-testid="neuron"][data-layer="conv_1_2"][data-channel="3"]');
      await map.hover();
      await expect
        .poll(() => page.getByTestId('neuron-tooltip').textContent())
        .toMatch(zh ? /conv_1_2.*通道 3/s : /conv_1_2.*Channel 3/s);
      await snap(page, `prerender-after-takeover-${viewport.width}-${locale}`);
      // The app's first frame copied the snapshot's map columns (MapPainter's `shown`); its own
      // painting of that frame must give the same pixels: another colour range and back paints
      // every map again.
      const paints = (): Promise<number> => page.evaluate(() => window.__cnnStudio!.paints());
      for (const name of zh ? ['整个网络', '每层'] : ['Whole network', 'Per layer']) {
        const before = await paints();
        await page.getByTestId('range-mode').getByText(name, { exact: true }).click();
        await expect.poll(paints).toBeGreaterThan(before);
      }
      const repainted = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLCanvasElement>('#app canvas[data-layer]')).map((c) => ({
          key: c.dataset.layer!,
          pixels: Array.from(c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []),
        })),
      );
      const columns = snapshot!.filter((s) => repainted.some((r) => r.key === s.key));
      expect(columns.length).toBeGreaterThanOrEqual(11);
      for (const s of columns) {
        const r = repainted.find((c) => c.key === s.key)!;
        expect(r.pixels.length, s.key).toBe(s.pixels.length);
        expect(
          r.pixels.every((v, i) => v === s.pixels[i]),
          `${s.key} pixels painted by the app`,
        ).toBe(true);
      }
      expect(errors).toEqual([]);
      await close();
    });

  it('stays on screen, drawn, when the app’s code never comes', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route(/\/assets\/index-[^/]*\.js$/, (r) => r.abort());
    const page = await context.newPage();
    await page.goto(h.server.url);
    await expect.poll(() => state(page), { timeout: 30_000 }).toBe('shown');
    expect(await page.locator('#prerender canvas[data-layer="conv_1_1"]').count()).toBe(1);
    expect(await page.getByTestId('top-class').first().textContent()).toMatch(/airplane/);
    // The example strip's thumbnails too, once the overview is drawn, each picture in its place.
    const strip = page.locator('#prerender [data-testid="examples"]');
    await expect
      .poll(async () => (await readThumbnails(strip)).every((t) => t.spread > 8), { timeout: 15_000 })
      .toBe(true);
    const read = await readThumbnails(strip);
    expect(read).toHaveLength(20);
    expect(read.filter((t) => t.closest !== t.file)).toEqual([]);
    // The boot placeholder stays hidden behind it (the snapshot's own rules).
    expect(await page.locator('#boot').isVisible()).toBe(false);
    // The sheet is set on the strip and on the app's root, not on <html>, where it would
    // restyle the whole page just as the app's scripts start.
    const sheetOn = await page.evaluate(() =>
      [
        document.documentElement,
        document.querySelector('#prerender [data-testid="examples"]'),
        document.getElementById('app'),
      ].map((el) => (el as HTMLElement | null)?.style.getPropertyValue('--example-thumbnails') ?? ''),
    );
    expect(sheetOn[0]).toBe('');
    expect(sheetOn[1]).toMatch(/thumbnails\.jpg/);
    expect(sheetOn[2]).toBe(sheetOn[1]);
    // The loading line stands still once the overview is painted, with no app to wait for.
    const line = await page.evaluate(() =>
      document
        .querySelector('#prerender > .boot-line')
        ?.getAnimations()
        .map((a) => a.playState),
    );
    expect(line).toEqual(['paused']);
    await snap(page, 'prerender-without-app-1280');
    await context.close();
  });

  it('gives way when the app is first (a slow snapshot file): never shown after it, and says taken over', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await context.addInitScript(recordTakeover);
    let page: Page | null = null;
    // The snapshot's markup arrives only once the app has taken over (its release timer started it).
    await context.route(/\/overview-[^/]*\.html\.gz$/, async (route) => {
      await expect.poll(() => (page ? state(page) : ''), { timeout: 60_000 }).toBe('taken over');
      await route.continue();
    });
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const fragment = page.waitForResponse(/\/overview-[^/]*\.html\.gz$/, { timeout: 60_000 });
    await page.goto(h.server.url);
    await fragment;
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    // Time for the snapshot's code to finish with the late file.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    expect(await state(page)).toBe('taken over');
    expect((await seen(page)).everShown).toBe(false);
    expect(await page.locator('#prerender').count()).toBe(0);
    // The snapshot's rules (the boot placeholder hidden) went with it.
    expect(await page.locator('#snapshot-style').count()).toBe(0);
    expect(await page.locator('#app').getAttribute('class')).not.toMatch(/behind-snapshot/);
    const drawn = await page.evaluate(() => performance.getEntriesByName('overview-drawn').length);
    expect(drawn).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  const others: [string, string, BrowserContextOptions][] = [
    ['another net (?net=)', '?net=deep8', { viewport: { width: 1280, height: 800 } }],
    ['a share link', '#spec=not-really-a-net', { viewport: { width: 1280, height: 800 } }],
  ];
  for (const [who, query, options] of others)
    it(`is never shown for ${who}: the page starts as the app does`, async () => {
      const { page, close } = await visit(query, options);
      await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
      expect(await state(page)).toMatch(/^skipped: /);
      expect((await seen(page)).everShown).toBe(false);
      expect(await page.locator('#prerender').count()).toBe(0);
      expect(await page.locator('#snapshot-style').count()).toBe(0);
      await close();
    });

  it('shows a Chinese reader the Chinese first screen, never the English one in the page', async () => {
    // The page stalls right after #prerender's English content, before the snapshot's script:
    // the browser paints what it has then, so only a choice made before it was parsed (the
    // <head> script, src/prerender/firstScreen.ts) keeps the English off screen.
    const stalled = await stalledDocument(h.server.url, '<template id="prerender-deferred">', 600);
    const { page, close } = await visit(
      '',
      { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' },
      stalled.url,
    );
    await expect.poll(() => state(page), { timeout: 60_000 }).toBe('taken over');
    const { everShown, firstPaintedText, shownText } = await seen(page);
    expect(everShown).toBe(true);
    // The first snapshot text on screen was Chinese (the header), and so is its overview.
    expect(firstPaintedText).toMatch(/逐层看清卷积神经网络/);
    expect(firstPaintedText).not.toMatch(/See inside|Explore|Learn/);
    expect(shownText).toMatch(/第 1 块/);
    expect(shownText).not.toMatch(/Block 1|Colour range/i);
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('#prerender').count()).toBe(0);
    expect(await page.locator('html').getAttribute('data-snapshot-swap')).toBeNull();
    await close();
    await stalled.close();
  });

  it('shows an English reader the English first screen', async () => {
    const { page, close } = await visit('', { viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await expect.poll(() => state(page), { timeout: 60_000 }).toBe('taken over');
    expect((await seen(page)).firstPaintedText).toMatch(/See inside/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await close();
  });
});
