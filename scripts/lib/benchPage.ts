/**
 * Measures the built app on one tfjs backend in headless Chromium through the app's
 * `window.__cnnStudio` hook: load time to the first drawn overview, redraw and extraction
 * times over many generated images, heap after the run and tensors left over.
 */
import type { Browser, Page } from 'playwright-core';
import '../../src/app/browser/debugHookTypes';
import { median, quantile, round1, type BenchResult } from './benchStats';
import { byteReport, fetchedFiles, type FetchedFile } from './benchBytes';
import { benchAttribution } from './benchAttribution';

export interface BenchOptions {
  url: string;
  /** The built site being served, to size what the page fetched. */
  dist: string;
  /** `webgl`, `wasm`, `cpu`, or `auto` for the app's own choice. */
  backend: string;
  images: number;
  loads: number;
  log: (line: string) => void;
}

const WAIT = 180_000;

/**
 * The app's load stages (performance marks), in the order they happen: the page mounts once
 * the first image is explained, and the first overview is drawn without TensorFlow.js, which
 * starts after it (`engine-ready`).
 */
export const LOAD_STAGES = [
  'app-start',
  'model-fetched',
  'model-ready',
  'app-mount',
  'overview-drawn',
  'interactive',
  'engine-ready',
] as const;
const DRAWN = LOAD_STAGES.indexOf('overview-drawn');

/**
 * Waits for a performance mark without running anything in the page while it loads:
 * Playwright's waitForFunction injects its ~15 ms helper script and polls every frame, on the
 * same main thread whose load is being timed. Marks keep their own time, so reading them late
 * changes nothing; here the page is asked at most every 250 ms, with one tiny expression.
 */
async function waitQuietly(page: Page, expression: string, what: string): Promise<void> {
  const deadline = Date.now() + WAIT;
  await new Promise((r) => setTimeout(r, 1000));
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`no ${what} after ${WAIT / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function openOnce(
  browser: Browser,
  url: string,
): Promise<{ page: Page; loadMs: number; stages: number[]; files: FetchedFile[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  // Every deferred panel mounted and the engine running (it joins after the first overview).
  await waitQuietly(page, `document.documentElement.dataset.panels === 'ready'`, 'ready page').catch(
    (e: unknown) => {
      throw new Error(
        `the page never got ready at ${url}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}: ${String(e)}`,
      );
    },
  );
  // Milliseconds since the navigation started.
  const stages = await page.evaluate(
    (names) => names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN),
    [...LOAD_STAGES],
  );
  return { page, loadMs: stages[DRAWN]!, stages, files: await fetchedFiles(page) };
}

export async function benchBackend(browser: Browser, o: BenchOptions): Promise<BenchResult> {
  const url = o.backend === 'auto' ? o.url : `${o.url}?backend=${o.backend}`;
  const loads: number[] = [];
  const stageTimes: number[][] = [];
  let page: Page | null = null;
  // Every load opens a fresh browser context, so each is cold; the first one is sized.
  let bytes: ReturnType<typeof byteReport> | null = null;
  for (let i = 0; i < o.loads; i++) {
    if (page) await page.close();
    const opened = await openOnce(browser, url);
    page = opened.page;
    loads.push(opened.loadMs);
    stageTimes.push(opened.stages);
    bytes ??= byteReport(o.dist, opened.files, opened.loadMs);
    o.log(
      `  load ${i + 1}/${o.loads}: ${LOAD_STAGES.map((n, j) => `${n} ${Math.round(opened.stages[j]!)}`).join(' · ')} ms`,
    );
  }
  if (!page || !bytes) throw new Error('--loads must be at least 1');
  o.log(
    `  fetched before the first overview: ${bytes.firstOverviewKB} kB gzip in ${bytes.firstOverviewRequests} requests (largest: ${bytes.largest.map((f) => `${f.path} ${f.kB}`).join(', ')})`,
  );
  const backend = await page.evaluate(() => window.__cnnStudio!.backend());
  const startTensors = await page.evaluate(() => window.__cnnStudio!.numTensors());
  // A few warm-up images: the first executions compile kernels and allocate buffers.
  for (let i = 0; i < 3; i++)
    await page.evaluate((seed) => window.__cnnStudio!.setTestImage(seed), 10_000 + i);
  const redraws: number[] = [];
  for (let i = 0; i < o.images; i++)
    redraws.push(await page.evaluate((seed) => window.__cnnStudio!.setTestImage(seed), i));
  o.log(`  redraw: ${o.images} images`);
  const extracts = await page.evaluate(
    (n) => Array.from({ length: n }, () => window.__cnnStudio!.timeExtraction()),
    o.images,
  );
  const leakedTensors = (await page.evaluate(() => window.__cnnStudio!.numTensors())) - startTensors;
  const attribution = await benchAttribution(page, Math.max(20, Math.round(o.images / 2)), o.log);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  return {
    backend,
    extractMs: round1(median(extracts)),
    redrawMs: round1(median(redraws)),
    loadToOverviewMs: Math.round(median(loads)),
    interactiveMs: Math.round(median(stageTimes.map((t) => t[LOAD_STAGES.indexOf('interactive')]!))),
    loadStagesMs: Object.fromEntries(
      LOAD_STAGES.map((n, j) => [n, Math.round(median(stageTimes.map((t) => t[j]!)))]),
    ),
    heapMB: round1(heap.usedSize / 2 ** 20),
    leakedTensors,
    extractP90Ms: round1(quantile(extracts, 0.9)),
    redrawP90Ms: round1(quantile(redraws, 0.9)),
    firstOverviewKB: bytes.firstOverviewKB,
    firstOverviewRequests: bytes.firstOverviewRequests,
    readyKB: bytes.readyKB,
    readyRequests: bytes.readyRequests,
    images: o.images,
    loads: o.loads,
    ...attribution,
  };
}
