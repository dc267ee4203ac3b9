/**
 * `npm run bench`: the "Why?" panel on ResNet-18 (224×224, random weights), which runs in the
 * net worker. On a fresh page, the net is opened from the zoo; then, from the click on the
 * "Why?" button, Grad-CAM (the panel's first method) and then saliency (the gradient) are
 * computed and drawn. `attributionLongestTaskMs`: the longest main-thread task from that click
 * to the saliency map (long-task timing reports tasks over 50 ms; 0 when there were none);
 * `attributionResnet18Ms`: the time from the click to the saliency map.
 */
import type { Browser, Page } from 'playwright-core';
import '../../src/app/browser/debugHookTypes';
import { PROBES } from './benchOpen';
import { round1 } from './benchStats';

export interface WhyBench {
  attributionLongestTaskMs: number;
  attributionResnet18Ms: number;
}

export const WHY_TARGETS: { key: keyof WhyBench; label: string; max: number }[] = [
  {
    key: 'attributionLongestTaskMs',
    label: 'longest main-thread task, Grad-CAM + saliency on ResNet-18',
    max: 50,
  },
];

export const WAIT = 300_000;

/** Polls `probe` in the page every 250 ms (one small expression, so the probe does not load it). */
export async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`no ${what} after ${WAIT / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Whether the panel shows `method`'s result. Only the panel's state and status line: reading
 * the result would copy its arrays on the page's thread, a long task of the bench's own.
 */
export const methodFinished = (page: Page, method: string) => () =>
  page.evaluate((m) => {
    const state = window.__cnnStudio?.attribution?.state();
    const status = document.querySelector('[data-testid="attribution-status"]')?.textContent ?? '';
    return Boolean(state && !state.running && state.method === m && /computed in/.test(status));
  }, method);

/** A fresh page (with the long-task probes) on which ResNet-18 was opened from the zoo and drawn. */
export async function openResnet18(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await page.addInitScript(PROBES);
    await page.goto(url);
    await page.waitForFunction(() => window.__cnnStudio?.backend(), null, { timeout: WAIT });
    await page.getByTestId('open-zoo').click();
    await page.locator('[data-testid="zoo-card"][data-id="resnet18"]').getByTestId('zoo-open').click();
    await until(
      () => page.evaluate(() => performance.getEntriesByName('net-overview-drawn').length > 0),
      'ResNet-18 overview',
    );
    return page;
  } catch (e) {
    await page.close();
    throw e;
  }
}

/**
 * The build to load in the k-th run of an A/B over `n` builds: A, B, B, A, A, B… (every other
 * round reversed), so that a shared machine's drift hits every build alike.
 */
export const alternating = (k: number, n: number): number =>
  Math.floor(k / n) % 2 ? n - 1 - (k % n) : k % n;

/** ResNet-18 opened on a fresh page with test image 7, its "Why?" panel showing Grad-CAM. */
export async function openResnet18GradCam(browser: Browser, url: string): Promise<Page> {
  const page = await openResnet18(browser, url);
  await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
  await page.getByTestId('why-button').click();
  await until(methodFinished(page, 'gradCam'), 'Grad-CAM');
  return page;
}

export async function benchWhy(
  browser: Browser,
  url: string,
  log: (line: string) => void,
): Promise<WhyBench> {
  const page = await openResnet18(browser, url);
  try {
    const finished = (method: string) => methodFinished(page, method);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('why-button').click();
    await until(finished('gradCam'), 'Grad-CAM');
    await page.locator('label', { has: page.getByTestId('method-saliency') }).click();
    await until(finished('saliency'), 'saliency');
    const r = await page.evaluate((start) => {
      const w = window as unknown as { __longTasks: [number, number][] };
      const t1 = performance.now();
      const tasks = w.__longTasks.filter((e) => e[0] + e[1] > start).map((e) => e[1]);
      return { longest: Math.max(0, ...tasks), ms: t1 - start };
    }, t0);
    const out = { attributionLongestTaskMs: round1(r.longest), attributionResnet18Ms: Math.round(r.ms) };
    log(
      `  "Why?" on ResNet-18: Grad-CAM + saliency in ${out.attributionResnet18Ms} ms, longest task ${out.attributionLongestTaskMs} ms`,
    );
    return out;
  } finally {
    await page.close();
  }
}

export function whyLines(r: WhyBench): string[] {
  return WHY_TARGETS.map((t) => {
    const v = r[t.key];
    return `${v <= t.max ? 'ok  ' : 'MISS'} ${t.label}: ${v}ms (target ≤ ${t.max}ms)`;
  });
}
