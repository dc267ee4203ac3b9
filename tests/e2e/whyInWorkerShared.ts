/** What the browser tests of "Why?" on a net the net worker runs (ResNet-18) share. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { openEditor, settled as netSettled, type EditorPage } from './editorHelpers';
import '../../src/app/browser/debugHookTypes';
import type { AttributionSnapshot } from '../../src/app/browser/debugHookTypes';

/** A fresh page with ResNet-18 (224×224, random weights) opened from the zoo, run by the worker. */
export async function openResnetInWorker(h: Harness): Promise<EditorPage> {
  const opened = await openEditor(h);
  const { page } = opened;
  await page.getByTestId('open-zoo').click();
  await page.locator('[data-testid="zoo-card"][data-id="resnet18"]').getByTestId('zoo-open').click();
  await page.getByTestId('link-rebuilding').waitFor();
  await netSettled(page, 300_000);
  expect(await page.evaluate(() => window.__cnnStudio!.runsIn())).toBe('worker');
  return opened;
}

/** Starts recording long tasks (over 50 ms) on the page's main thread. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
}

/** The longest task since `from` (page time), in ms (0: none over 50 ms). */
export const longestSince = (page: Page, from: number): Promise<number> =>
  page.evaluate(
    (t) =>
      Math.max(
        0,
        ...(window as unknown as { __long: { start: number; duration: number }[] }).__long
          .filter((e) => e.start >= t)
          .map((e) => e.duration),
      ),
    from,
  );

export const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/**
 * Waits (long: a 224-pixel net on a shared machine) for a finished result of `kind`, then reads
 * it. The wait asks only for the panel's state and its status line: reading the result itself
 * copies hundreds of thousands of values on the page's thread, a long task of the test's own.
 */
export async function finished(page: Page, kind: AttributionSnapshot['kind']): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const state = window.__cnnStudio?.attribution?.state();
          const status = document.querySelector('[data-testid="attribution-status"]')?.textContent ?? '';
          return Boolean(state && !state.running && /computed in/.test(status)) && state?.method;
        }),
      { timeout: 240_000, interval: 250 },
    )
    .toBe(kind);
}

export async function snapshot(page: Page, kind: AttributionSnapshot['kind']): Promise<AttributionSnapshot> {
  const last = await page.evaluate(() => window.__cnnStudio!.attribution!.result());
  expect(last?.kind).toBe(kind);
  return last!;
}

export async function result(page: Page, kind: AttributionSnapshot['kind']): Promise<AttributionSnapshot> {
  await finished(page, kind);
  return snapshot(page, kind);
}

/** The largest difference relative to the largest value. */
export function relativeDiff(a: number[], b: number[]): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    m = Math.max(m, Math.abs(a[i]! - b[i]!));
    s = Math.max(s, Math.abs(b[i]!));
  }
  return s > 0 ? m / s : m;
}

/**
 * Every distinct part of the status line matching `pattern` ("step k of N") from the run's
 * first step to its end (a result shown before the run starts does not end it).
 */
export async function watchSteps(page: Page, pattern: RegExp): Promise<string[]> {
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const text = (await page.getByTestId('attribution-status').textContent()) ?? '';
        const step = pattern.exec(text);
        if (step) seen.add(step[0]);
        return seen.size > 0 && /computed in/.test(text);
      },
      { timeout: 240_000, interval: 50 },
    )
    .toBe(true);
  return [...seen];
}
