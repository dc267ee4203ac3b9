/**
 * The first screen's language and width are chosen once, by the <head> script
 * (src/prerender/firstScreen.ts), and written on <html>; the snapshot's script follows that
 * choice, and shows no snapshot without one (the <head> script failed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { startHarness, waitForPanels, type Harness } from './harness';
import '../../src/app/browser/debugHookTypes';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

declare global {
  interface Window {
    /** Every value data-prerender took, and the choice on <html> when the snapshot's script ran. */
    __states?: string[];
  }
}

/** In the page before its scripts: records data-prerender's values. */
function recordStates(): void {
  window.__states = [];
  new MutationObserver(() => {
    const state = document.documentElement.dataset.prerender;
    if (state && window.__states!.at(-1) !== state) window.__states!.push(state);
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-prerender'] });
}

async function visit(options: BrowserContextOptions, ...scripts: (() => void)[]) {
  const context = await h.browser.newContext(options);
  await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
  for (const script of [recordStates, ...scripts]) await context.addInitScript(script);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.server.url);
  await page.waitForFunction(() => (window.__cnnStudio?.paints() ?? 0) > 0, null, { timeout: 60_000 });
  await waitForPanels(page);
  const states = await page.evaluate(() => window.__states!);
  const choice = await page.evaluate(() => document.documentElement.dataset.firstScreen ?? null);
  return { page, errors, states, choice, close: () => context.close() };
}

describe('the first screen’s choice', () => {
  it('is written on <html> by the <head> script, and the snapshot follows it', async () => {
    const phone = await visit({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    expect(phone.choice).toBe('zh-CN narrow');
    expect(phone.states).toContain('shown');
    expect(await phone.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await phone.close();
    // A choice the snapshot's script could not have made itself (a plain English visit): it is
    // followed, not made again.
    const told = await visit({ viewport: { width: 1280, height: 800 }, locale: 'en-US' }, () => {
      const observer = new MutationObserver(() => {
        const html = document.documentElement;
        if (html.dataset.firstScreen !== 'en') return;
        observer.disconnect();
        html.dataset.firstScreen = 'skip:told';
      });
      observer.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-first-screen'] });
    });
    expect(told.states).toEqual(['pending', 'skipped: told']);
    expect(told.errors).toEqual([]);
    await told.close();
  });

  it('when the <head> script failed, is missing: no snapshot, and the app starts as without one', async () => {
    // The <head> script's matchMedia throws (the app's later calls work).
    const { errors, states, choice, page, close } = await visit(
      { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' },
      () => {
        const real = window.matchMedia.bind(window);
        let first = true;
        window.matchMedia = (query: string) => {
          if (!first) return real(query);
          first = false;
          throw new Error('no matchMedia');
        };
      },
    );
    expect(choice).toBeNull();
    expect(states).toEqual(['pending', 'skipped: no first-screen choice']);
    // The app's own first screen, in the reader's language.
    await expect.poll(() => page.getByTestId('column-header').count()).toBe(13);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(errors).toEqual([]);
    await close();
  });

  it('is made once: index.html holds the language choice in the <head> script alone', async () => {
    const html = await (await fetch(h.server.url)).text();
    expect(html.split('cnn-studio.locale').length - 1).toBe(1);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('cnn-studio.locale');
  });
});
