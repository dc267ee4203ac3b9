/** Shared set-up for browser tests: the built site on a local server and a Chromium page. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';
import { serveStatic, type StaticServer } from '../../scripts/lib/staticServer';

export const SCREENSHOTS = 'test-results/screenshots';

export interface Harness {
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await serveStatic('dist');
  const browser = await launchChromium();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the app and waits until the model is loaded; page errors fail the test. */
export async function openApp(
  h: Harness,
  query = '',
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await h.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // As for a returning visitor: the first-visit tour would otherwise cover the views (tests/e2e/shell.test.ts tests it).
  await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
  await page.goto(`${h.server.url}${query}`);
  // Attached, not visible: a phone's header hides the backend badge.
  await page.getByTestId('backend').waitFor({ state: 'attached', timeout: 60_000 });
  await page.getByTestId('layer-table').waitFor({ timeout: 60_000 });
  await waitForPanels(page);
  return { page, errors };
}

/** Waits until the panels that load after the first overview (editor, training, article…) are there. */
export async function waitForPanels(page: Page): Promise<void> {
  await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
}

/** A screenshot of what the viewport shows, as a visitor sees it (the article below is long). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
