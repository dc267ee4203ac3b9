/**
 * `npm run bench:load -- dirA [dirB …]`: an A/B of the first load alone. Serves each built
 * site and loads them in turn, alternating A, B, A, B… in one browser so that a shared
 * machine's drift hits every build alike; prints each build's median and spread of every load
 * stage (performance marks since navigation) and what it fetched before the first overview.
 * `--browser-pages` also loads each build in a browser that builds its own omnibox popup page
 * beside every load, as the bench did before session 21 (scripts/lib/chromium.ts).
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/chromium';
import { serveStatic, type StaticServer } from './lib/staticServer';
import { byteReport, fetchedFiles, machineReport, type ByteReport } from './lib/benchBytes';
import { median, quantile } from './lib/benchStats';
import { parseArgs, runMain, usage } from './lib/args';

const OPTIONS = {
  rounds: { kind: 'number', default: 9, help: 'loads of each build (alternating)' },
  width: { kind: 'number', default: 1280, help: 'viewport width' },
  json: { kind: 'bool', default: false, help: 'print the results as one JSON object on the last line' },
  'browser-pages': {
    kind: 'bool',
    default: false,
    help: 'also load each build in a browser that builds its omnibox popup page per context (as before session 21), alternating',
  },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

/** The app's load stages (performance marks since navigation), as the bench reads them. */
const STAGES = [
  'prerender-fit',
  'prerender-fetched',
  'prerender-painted',
  'overview-drawn',
  'app-start',
  'model-ready',
  'app-mount',
  'interactive',
  'engine-ready',
];

/** Steps within a load: the snapshot's paint to the app's first line, its mount, the whole wait. */
const STEPS: [string, string][] = [
  ['overview-drawn', 'app-start'],
  ['app-start', 'app-mount'],
  ['app-mount', 'interactive'],
  ['overview-drawn', 'interactive'],
];

interface Build {
  dir: string;
  /** The build's name in the report (its folder, and the browser when two are compared). */
  label: string;
  browser: Browser;
  server: StaticServer;
  stages: number[][];
  bytes: ByteReport | null;
}

async function main(): Promise<void> {
  // The built sites first, then the options: `npm run bench:load -- /tmp/main-dist dist --rounds 9`.
  const argv = process.argv.slice(2);
  const firstOption = argv.findIndex((a) => a.startsWith('--'));
  const dirs = firstOption < 0 ? argv : argv.slice(0, firstOption);
  const args = parseArgs(OPTIONS, firstOption < 0 ? [] : argv.slice(firstOption));
  if (args.help || dirs.length === 0) {
    process.stdout.write(`npm run bench:load -- dist [other-dist …] [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  const browser = await launchChromium();
  const withPopup = args['browser-pages'] ? await launchChromium([], { omniboxPopup: true }) : null;
  const builds: Build[] = [];
  for (const dir of dirs) {
    const server = await serveStatic(dir);
    builds.push({ dir, label: dir, browser, server, stages: [], bytes: null });
    if (withPopup)
      builds.push({
        dir,
        label: `${dir} (Chromium's omnibox popup on)`,
        browser: withPopup,
        server,
        stages: [],
        bytes: null,
      });
  }
  // The machine's speed before and after the rounds (a shared machine drifts): see machineReport.
  const calibrate = async (): Promise<string> => {
    const page = await browser.newPage();
    const m = await machineReport(page, 11);
    await page.close();
    return `${m.calibrationMs} ms (${m.calibrationSpreadMs.join('–')})`;
  };
  const calibration: string[] = [];
  try {
    calibration.push(await calibrate());
    for (let round = 0; round < args.rounds; round++)
      for (const b of round % 2 ? [...builds].reverse() : builds) {
        const page = await b.browser.newPage({ viewport: { width: args.width, height: 800 } });
        await page.goto(b.server.url);
        const deadline = Date.now() + 60_000;
        await new Promise((r) => setTimeout(r, 1000));
        while (!(await page.evaluate(`document.documentElement.dataset.panels === 'ready'`))) {
          if (Date.now() > deadline) throw new Error(`${b.dir}: the page never got ready`);
          await new Promise((r) => setTimeout(r, 250));
        }
        const times = await page.evaluate(
          (names) => names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN),
          STAGES,
        );
        b.stages.push(times);
        b.bytes ??= byteReport(b.dir, await fetchedFiles(page), times[STAGES.indexOf('overview-drawn')]!);
        await page.close();
        process.stderr.write(
          `${b.label} ${round + 1}: ${STAGES.map((s, i) => `${s} ${Math.round(times[i]!)}`).join(' · ')}\n`,
        );
      }
    calibration.push(await calibrate());
  } finally {
    await browser.close();
    await withPopup?.close();
    for (const b of builds) if (b.browser === browser) await b.server.close();
  }
  process.stdout.write(`\ncalibration before ${calibration[0]}, after ${calibration[1]}\n`);
  const out: Record<string, unknown> = { calibration };
  for (const b of builds) {
    const figures: Record<string, { median: number; min: number; p25: number; p75: number; max: number }> =
      {};
    // Each stage, then each step between two stages within a load (a load's early drift on a
    // shared machine then does not hide what a change did to the steps after it).
    const series: [string, (t: number[]) => number][] = [
      ...STAGES.map((s, i): [string, (t: number[]) => number] => [s, (t) => t[i]!]),
      ...STEPS.map(([a, z]): [string, (t: number[]) => number] => [
        `${a} → ${z}`,
        (t) => t[STAGES.indexOf(z)]! - t[STAGES.indexOf(a)]!,
      ]),
    ];
    series.forEach(([s, of]) => {
      const v = b.stages.map(of).filter((x) => Number.isFinite(x));
      if (v.length)
        figures[s] = {
          median: Math.round(median(v)),
          min: Math.round(Math.min(...v)),
          p25: Math.round(quantile(v, 0.25)),
          p75: Math.round(quantile(v, 0.75)),
          max: Math.round(Math.max(...v)),
        };
    });
    out[b.label] = { stages: figures, bytes: b.bytes };
    process.stdout.write(`\n${b.label}\n`);
    for (const [s, f] of Object.entries(figures))
      process.stdout.write(
        `  ${s.padEnd(32)} median ${f.median} ms (min ${f.min}, p25 ${f.p25}, p75 ${f.p75}, max ${f.max})\n`,
      );
    if (b.bytes)
      process.stdout.write(
        `  before the first overview: ${b.bytes.firstOverviewKB} kB gzip in ${b.bytes.firstOverviewRequests} requests; until ready ${b.bytes.readyKB} kB in ${b.bytes.readyRequests}\n  largest: ${b.bytes.largest.map((f) => `${f.path} ${f.kB}`).join(', ')}\n`,
      );
  }
  if (args.json) process.stdout.write(`${JSON.stringify(out)}\n`);
}

runMain(main);
