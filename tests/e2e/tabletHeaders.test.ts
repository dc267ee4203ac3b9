/**
 * The overview's column headers on tablets (the tight fit): no word broken across lines, no
 * name cut short, and the prerendered first screen's headers broken exactly as the app's.
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

describe('column headers on a tablet', () => {
  for (const { width, height, locale } of [
    { width: 600, height: 900, locale: 'en-US' },
    { width: 768, height: 1024, locale: 'zh-CN' },
    { width: 1024, height: 768, locale: 'en-US' },
  ])
    it(`break no word and cut no name, in the snapshot as in the app, at ${width}×${height} in ${locale}`, async () => {
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
      // TinyVGG's 13 columns, each name whole: "flatten" on one line, "conv_1_1" as "conv_" and "1_1".
      expect(app.lines).toHaveLength(13);
      expect(app.broken).toEqual([]);
      expect(app.clipped).toEqual([]);
      expect(app.lines.find((l) => l.startsWith('flatten'))).toMatch(/^flatten@-?\d+ 1690@/);
      expect(app.lines.find((l) => l.startsWith('conv_'))).toMatch(/^conv_@-?\d+ 1_1@\d+ /);
      // The prerendered first screen showed the same headers, broken the same way.
      const snapshot = await page.evaluate(() => window.__snapshotHeaders ?? null);
      expect(snapshot).not.toBeNull();
      expect(snapshot!.lines).toEqual(app.lines);
      expect(await partsOutsideColumnBoxes(page)).toEqual([]);
      await shot(page, `tablet-headers-${width}-${locale}`);
      expect(errors).toEqual([]);
      await context.close();
    });
});
