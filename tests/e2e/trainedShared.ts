/** One page of the built site at 1280×800, ready, for the tests of the nets we trained and ship. */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForPanels, type Harness } from './harness';

export interface TrainedPage {
  page: Page;
  /** Page errors so far. */
  errors: string[];
}

/** Opens the page before the file's tests (reduced motion, no tour) and closes it after them. */
export function trainedPage(): TrainedPage {
  let h: Harness | undefined;
  const shared = { errors: [] as string[] } as TrainedPage;
  beforeAll(async () => {
    h = await startHarness();
    shared.page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    shared.page.on('pageerror', (e) => shared.errors.push(e.message));
    await shared.page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await shared.page.emulateMedia({ reducedMotion: 'reduce' });
    await shared.page.goto(h.server.url);
    await shared.page.getByTestId('layer-table').waitFor({ timeout: 60_000 });
    await waitForPanels(shared.page);
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });
  return shared;
}
