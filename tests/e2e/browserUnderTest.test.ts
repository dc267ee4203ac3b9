/**
 * The browser the bench and these tests drive loads our page and nothing of its own beside it:
 * headless Chromium otherwise builds its address bar's popup (chrome://omnibox-popup…, a web
 * page of its own in a renderer of its own) for every new context, that is for every cold load,
 * and on two cores that took ~170 ms from each first load measured (scripts/lib/chromium.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

it('opens a context whose only pages are ours: no browser pages of Chromium’s own', async () => {
  const { page, errors } = await openApp(h);
  const cdp = await h.browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const ours = targetInfos.filter((t) => t.url.startsWith(h.server.url));
  expect(ours.map((t) => t.type)).toContain('page');
  expect(targetInfos.filter((t) => t.url.startsWith('chrome://')).map((t) => `${t.type} ${t.url}`)).toEqual(
    [],
  );
  await cdp.detach();
  expect(errors).toEqual([]);
  await page.close();
});
