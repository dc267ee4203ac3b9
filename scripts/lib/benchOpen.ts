/**
 * `npm run bench`: opening a big zoo net (224×224, random weights) from the zoo dialog, on a
 * freshly loaded page each time. From the click on the card's Open button (a performance mark
 * set by a capturing listener) to the app's `net-overview-drawn` mark for that net: the time
 * (`openResnet18Ms`, `openMobilenetV2Ms`), and the longest main-thread task in between
 * (`openLongestTaskMs`, from the browser's long-task timing, which reports tasks over 50 ms;
 * 0 when there were none) with the longest gap between animation frames beside it.
 */
import type { Browser, Page } from 'playwright-core';
import '../../src/app/browser/debugHookTypes';
import { median, round1 } from './benchStats';

export interface OpenBench {
  openResnet18Ms: number;
  openMobilenetV2Ms: number;
  /** The longest main-thread task over all opens of both nets (the worst, not a median). */
  openLongestTaskMs: number;
  /** The longest gap between two animation frames over all opens. */
  openLongestFrameGapMs: number;
  /** Every open's figures, to show the spread. */
  opens: { net: string; ms: number; explainedMs: number; longestTaskMs: number; longestFrameGapMs: number }[];
}

export const OPEN_TARGETS: { key: keyof OpenBench; label: string; max: number }[] = [
  { key: 'openResnet18Ms', label: 'open ResNet-18 → overview drawn (median)', max: 1500 },
  { key: 'openMobilenetV2Ms', label: 'open MobileNet v2 → overview drawn (median)', max: 1500 },
  { key: 'openLongestTaskMs', label: 'longest main-thread task while opening', max: 50 },
];

const NETS = [
  { id: 'resnet18', key: 'openResnet18Ms' },
  { id: 'mobilenetv2', key: 'openMobilenetV2Ms' },
] as const;

const WAIT = 180_000;

/**
 * Records long tasks and animation-frame gaps from the start, and marks the click on a zoo
 * card's Open button. A string, not a function: tsx would wrap the function's inner
 * functions in a helper the page does not have.
 */
export const PROBES = `
  window.__longTasks = [];
  window.__frameGaps = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  const tick = (t) => {
    if (last && t - last > 20) window.__frameGaps.push([last, t - last]);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  document.addEventListener('click', (e) => {
    if (e.target && e.target.closest && e.target.closest('[data-testid="zoo-open"]')) performance.mark('open-click');
  }, true);
`;

export async function openOnce(
  browser: Browser,
  url: string,
  id: string,
): Promise<{ ms: number; explainedMs: number; longestTaskMs: number; longestFrameGapMs: number }> {
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await page.addInitScript(PROBES);
    await page.goto(url);
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: WAIT });
    // Let the engine start (it joins after the first overview) so only the open is timed.
    await page.waitForFunction(() => window.__cnnStudio?.backend(), null, { timeout: WAIT });
    await page.getByTestId('open-zoo').click();
    const card = page.locator(`[data-testid="zoo-card"][data-id="${id}"]`);
    await card.getByTestId('zoo-open').click();
    const deadline = Date.now() + WAIT;
    // Asked every 250 ms with one small expression, so the probe does not load the page.
    for (;;) {
      const done = await page.evaluate(() => performance.getEntriesByName('net-overview-drawn').length > 0);
      if (done) break;
      if (Date.now() > deadline) throw new Error(`${id}: no overview after ${WAIT / 1000} s`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return await page.evaluate(() => {
      const w = window as unknown as { __longTasks: [number, number][]; __frameGaps: [number, number][] };
      const t0 = performance.getEntriesByName('open-click')[0]!.startTime;
      const t1 = performance.getEntriesByName('net-overview-drawn')[0]!.startTime;
      // The new net's activations reached the page (built and run, in the worker for a big net).
      const explained = performance.getEntriesByName('net-explained')[0]?.startTime ?? NaN;
      // Inline anonymous arrows only (see PROBES): the entries overlapping the open.
      const [tasks, gaps] = [w.__longTasks, w.__frameGaps].map((list) =>
        list.filter((e) => e[0] + e[1] > t0 && e[0] < t1).map((e) => e[1]),
      );
      return {
        ms: t1 - t0,
        explainedMs: explained - t0,
        longestTaskMs: Math.max(0, ...tasks!),
        longestFrameGapMs: Math.max(0, ...gaps!),
      };
    });
  } finally {
    await page.close();
  }
}

export async function benchOpen(
  browser: Browser,
  url: string,
  o: { runs: number; log: (line: string) => void },
): Promise<OpenBench> {
  const opens: OpenBench['opens'] = [];
  const medians: Record<string, number> = {};
  for (const net of NETS) {
    const times: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      const r = await openOnce(browser, url, net.id);
      opens.push({ net: net.id, ...r });
      times.push(r.ms);
      o.log(
        `  open ${net.id} ${i + 1}/${o.runs}: ${Math.round(r.ms)} ms (activations in ${Math.round(r.explainedMs)}), longest task ${Math.round(r.longestTaskMs)} ms, longest frame gap ${Math.round(r.longestFrameGapMs)} ms`,
      );
    }
    medians[net.key] = Math.round(median(times));
  }
  return {
    openResnet18Ms: medians.openResnet18Ms!,
    openMobilenetV2Ms: medians.openMobilenetV2Ms!,
    openLongestTaskMs: round1(Math.max(...opens.map((r) => r.longestTaskMs))),
    openLongestFrameGapMs: round1(Math.max(...opens.map((r) => r.longestFrameGapMs))),
    opens: opens.map((r) => ({
      ...r,
      ms: Math.round(r.ms),
      explainedMs: Math.round(r.explainedMs),
      longestTaskMs: round1(r.longestTaskMs),
      longestFrameGapMs: round1(r.longestFrameGapMs),
    })),
  };
}

export function openLines(r: OpenBench): string[] {
  return [
    ...OPEN_TARGETS.map((t) => {
      const v = r[t.key] as number;
      return `${v <= t.max ? 'ok  ' : 'MISS'} ${t.label}: ${v}ms (target ≤ ${t.max}ms)`;
    }),
    `     longest gap between frames while opening: ${r.openLongestFrameGapMs}ms`,
  ];
}
