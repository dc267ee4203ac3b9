/**
 * The overview on tablets (the tight fit): no header word broken across lines, no name cut
 * short, the prerendered first screen's headers broken exactly as the app's; the maps as big as
 * the height allows, above the drawer's toggle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, waitForPanels, type Harness } from './harness';
import { partsOutsideColumnBoxes } from './pageReads';
import '../../src/app/browser/debugHookTypes';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface HeaderReport {
  /** Each header's text nodes with the line each is on ("conv_@0 1_1@11 62×@23 62×10@34"). */
  lines: string[];
  /** Words (letters and digits) whose characters are on more than one line. */
  broken: string[];
  /** Name lines cut short (wider than their box: shown with an ellipsis). */
  clipped: string[];
}

declare global {
  interface Window {
    __headers?: (root: ParentNode) => HeaderReport;
    __snapshotHeaders?: HeaderReport;
  }
}

/** In the page before its scripts: the header reader, and the snapshot's headers once shown. */
function watchHeaders(): void {
  window.__headers = (root) => {
    const report: HeaderReport = { lines: [], broken: [], clipped: [] };
    for (const header of root.querySelectorAll<HTMLElement>('[data-testid="column-header"]')) {
      const top = header.getBoundingClientRect().top;
      const texts: string[] = [];
      const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        if (!text.trim()) continue;
        const whole = document.createRange();
        whole.selectNodeContents(n);
        texts.push(`${text}@${Math.round(whole.getClientRects()[0]!.top - top)}`);
        for (const m of text.matchAll(/[A-Za-z0-9]+/g)) {
          const word = document.createRange();
          word.setStart(n, m.index);
          word.setEnd(n, m.index + m[0].length);
          const tops = new Set(Array.from(word.getClientRects(), (r) => Math.round(r.top)));
          if (tops.size > 1) report.broken.push(`${text}: ${m[0]}`);
        }
      }
      report.lines.push(texts.join(' '));
      for (const line of header.querySelectorAll<HTMLElement>('.name .line'))
        if (line.scrollWidth > line.clientWidth) report.clipped.push(line.textContent ?? '');
    }
    return report;
  };
  new MutationObserver(() => {
    const root = document.getElementById('prerender');
    if (document.documentElement.dataset.prerender === 'shown' && root && !window.__snapshotHeaders)
      window.__snapshotHeaders = window.__headers!(root);
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-prerender'] });
}

async function open(width: number, height: number, locale: string) {
  const context = await h.browser.newContext({ viewport: { width, height }, locale });
  await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
  await context.addInitScript(watchHeaders);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.server.url);
  await page.waitForFunction(() => (window.__cnnStudio?.paints() ?? 0) > 0, null, { timeout: 60_000 });
  await waitForPanels(page);
  const app = await page.evaluate(() => window.__headers!(document.getElementById('app')!));
  const snapshot = await page.evaluate(() => window.__snapshotHeaders ?? null);
  /** How far the overview reaches below the top of the drawer's toggle (if any): none, at best. */
  const underToggle = () =>
    page.evaluate(() => {
      const toggle = document.querySelector('[data-testid="drawer-toggle"]')?.getBoundingClientRect();
      const content = document.querySelector('[data-testid="overview"] .content')!.getBoundingClientRect();
      return toggle ? Math.max(0, content.bottom - toggle.top) : 0;
    });
  return { context, page, errors, app, snapshot, underToggle };
}

describe('the overview on a tablet', () => {
  // 600×900: too short for the overview's 10 rows even at the smallest maps (it scrolls).
  for (const { width, height, locale, aboveToggle } of [
    { width: 600, height: 900, locale: 'en-US', aboveToggle: false },
    { width: 768, height: 1024, locale: 'zh-CN', aboveToggle: true },
    { width: 1024, height: 768, locale: 'en-US', aboveToggle: true },
  ])
    it(`breaks no header's word and cuts no name, in the snapshot as in the app, at ${width}×${height} in ${locale}`, async () => {
      const { context, page, errors, app, snapshot, underToggle } = await open(width, height, locale);
      // TinyVGG's 13 columns, each name whole: "flatten" on one line, "conv_1_1" as "conv_" and "1_1".
      expect(app.lines).toHaveLength(13);
      expect(app.broken).toEqual([]);
      expect(app.clipped).toEqual([]);
      expect(app.lines.find((l) => l.startsWith('flatten'))).toMatch(/^flatten@-?\d+ 1690@/);
      expect(app.lines.find((l) => l.startsWith('conv_'))).toMatch(/^conv_@-?\d+ 1_1@\d+ /);
      // The prerendered first screen showed the same headers, broken the same way.
      expect(snapshot).not.toBeNull();
      expect(snapshot!.lines).toEqual(app.lines);
      expect(await partsOutsideColumnBoxes(page)).toEqual([]);
      // The drawer's toggle (768; 1024 has none) covers none of it: the maps are fitted above it.
      if (aboveToggle) expect(await underToggle()).toBe(0);
      await shot(page, `tablet-headers-${width}-${locale}`);
      expect(errors).toEqual([]);
      await context.close();
    });

  it('on a tall tablet (820×1180) grows the maps with the height, above the drawer’s toggle', async () => {
    const { context, page, errors, app, snapshot, underToggle } = await open(820, 1180, 'en-US');
    const map = (await page.locator('[data-layer="conv_1_1"][data-testid="neuron"]').first().boundingBox())!;
    // The tight fit's maps were 26 px whatever the height.
    expect(map.width).toBeGreaterThanOrEqual(36);
    expect(await underToggle()).toBe(0);
    expect(app.broken).toEqual([]);
    expect(app.clipped).toEqual([]);
    expect(snapshot?.lines).toEqual(app.lines);
    expect(await partsOutsideColumnBoxes(page)).toEqual([]);
    await shot(page, 'tablet-tall-820');
    expect(errors).toEqual([]);
    await context.close();
  });
});
