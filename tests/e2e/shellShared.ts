/** Helpers for the shell's browser tests: fresh first visits, languages, layout checks. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitForPanels, type Harness } from './harness';

export interface Visit {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A first visit in a fresh browser profile (nothing in localStorage), with the given browser language. */
export async function firstVisit(
  h: Harness,
  options: {
    locale?: string;
    viewport?: { width: number; height: number };
    hasTouch?: boolean;
    returning?: boolean;
    query?: string;
  } = {},
): Promise<Visit> {
  const context = await (h.browser as Browser).newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-US',
    hasTouch: options.hasTouch ?? false,
  });
  if (options.returning) await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.server.url}${options.query ?? ''}`);
  await waitReady(page);
  return { context, page, errors };
}

/** Waits until the model is loaded and the views are up (whichever views the app mounts). */
export async function waitReady(page: Page): Promise<void> {
  // Attached, not visible: a phone's header hides the backend badge.
  await page.getByTestId('backend').waitFor({ state: 'attached', timeout: 120_000 });
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="loading"], [data-testid="load-error"]') &&
      document.querySelector('#main > *:not(#article)'),
    undefined,
    { timeout: 120_000 },
  );
  await waitForPanels(page);
}

/** How far the page scrolls sideways beyond the window (0 when it does not). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Screenshot of the window only (not the full page), for looking at one place. */
export async function viewShot(page: Page, name: string): Promise<void> {
  const { mkdirSync } = await import('node:fs');
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
