/**
 * What a cold load fetches before the first overview is drawn, and what a machine is: the
 * figures `npm run bench` prints to compare runs on two machines.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { median, round1 } from './benchStats';

export interface FetchedFile {
  path: string;
  /** Milliseconds since navigation when the request started. */
  startMs: number;
}

/** Resource-timing entries of the page (the document itself is not among them). */
export async function fetchedFiles(page: Page): Promise<FetchedFile[]> {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ name: e.name, startMs: e.startTime })),
  );
  return entries.map((e) => ({ path: new URL(e.name).pathname, startMs: e.startMs }));
}

export interface ByteReport {
  /** Gzip size (level 6, as static hosts compress) of everything requested before the first overview, index.html included. */
  firstOverviewKB: number;
  firstOverviewRequests: number;
  /** The same for everything requested until the page was ready. */
  readyKB: number;
  readyRequests: number;
  /** The largest files before the first overview, for the log. */
  largest: { path: string; kB: number }[];
}

/**
 * Sizes are read from the built files in `dist`, so the report is the same whatever the
 * server does; a file requested twice counts twice (that is a real second download).
 */
export function byteReport(dist: string, files: readonly FetchedFile[], drawnMs: number): ByteReport {
  const gzipKB = new Map<string, number>();
  const sizeOf = (path: string): number => {
    let kB = gzipKB.get(path);
    if (kB === undefined) {
      const file = join(dist, decodeURIComponent(path === '/' ? '/index.html' : path));
      kB = gzipSync(readFileSync(file), { level: 6 }).length / 1024;
      gzipKB.set(path, kB);
    }
    return kB;
  };
  const all = [{ path: '/', startMs: 0 }, ...files];
  // Strictly before: what starts once the overview is drawn (the deferred panels) is not part of it.
  const before = all.filter((f) => f.startMs < drawnMs);
  const sum = (list: readonly FetchedFile[]): number => round1(list.reduce((s, f) => s + sizeOf(f.path), 0));
  const largest = [...before]
    .map((f) => ({ path: f.path, kB: round1(sizeOf(f.path)) }))
    .sort((a, b) => b.kB - a.kB)
    .slice(0, 6);
  return {
    firstOverviewKB: sum(before),
    firstOverviewRequests: before.length,
    readyKB: sum(all),
    readyRequests: all.length,
    largest,
  };
}

export interface MachineReport {
  cpuModel: string;
  cores: number;
  /**
   * Median time of a fixed compute kernel in the page (a 160×160×160 float32 matrix product in
   * plain JavaScript, ~4.1 M multiply-adds): figures from two machines compare after dividing
   * by their calibration.
   */
  calibrationMs: number;
  calibrationSpreadMs: [number, number];
  /** Chromium's version: the same page loads differently in another. */
  browser: string;
  /**
   * Pages of the browser's own open beside ours (chrome://…): none, or the figures include
   * their loading (scripts/lib/chromium.ts turns off the omnibox popup's).
   */
  browserPages: string[];
}

/** The machine in one line: CPU model, cores and calibration with its spread. */
export const describeMachine = (m: MachineReport): string =>
  `${m.cpuModel}, ${m.cores} cores; calibration ${m.calibrationMs} ms (${m.calibrationSpreadMs.join('–')}); Chromium ${m.browser}` +
  (m.browserPages.length
    ? `; WARNING, the browser's own pages load beside ours: ${m.browserPages.join(', ')}`
    : '');

export async function machineReport(page: Page, runs = 21): Promise<MachineReport> {
  const times = await page.evaluate((n) => {
    const size = 160;
    const a = new Float32Array(size * size).map((_, i) => ((i * 7919) % 101) / 101);
    const b = new Float32Array(size * size).map((_, i) => ((i * 104729) % 97) / 97);
    const c = new Float32Array(size * size);
    const out: number[] = [];
    for (let run = 0; run < n + 2; run++) {
      const t = performance.now();
      for (let i = 0; i < size; i++)
        for (let k = 0; k < size; k++) {
          const aik = a[i * size + k]!;
          for (let j = 0; j < size; j++) c[i * size + j]! += aik * b[k * size + j]!;
        }
      // The first two runs warm the JIT up.
      if (run >= 2) out.push(performance.now() - t);
    }
    return out;
  }, runs);
  const sorted = [...times].sort((x, y) => x - y);
  const browser = page.context().browser();
  const cdp = await browser?.newBrowserCDPSession();
  const targets = cdp ? (await cdp.send('Target.getTargets')).targetInfos : [];
  await cdp?.detach();
  return {
    browser: browser?.version() ?? 'unknown',
    browserPages: targets.filter((t) => t.url.startsWith('chrome://')).map((t) => t.url),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    calibrationMs: round1(median(times)),
    calibrationSpreadMs: [round1(sorted[0]!), round1(sorted[sorted.length - 1]!)],
  };
}
