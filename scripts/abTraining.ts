/**
 * `npx tsx scripts/abTraining.ts --a DIR --b DIR [--rounds 5]`: same-run A/B of the training
 * figures (scripts/lib/benchTraining.ts) between two builds, e.g. a baseline's dist/ and this
 * one's. One Chromium, a fresh page per run, A and B alternating (ABBA order), the calibration
 * figure before and after; prints every run and the medians with their range. On Linux it
 * also prints the CPU time Chromium's threads used per image trained (total, and the busiest
 * thread, the training worker's, and the page's main thread), which the machine's load sways
 * much less than wall time.
 */
import { parseArgs, runMain, usage } from './lib/args';
import { launchChromium } from './lib/chromium';
import { serveStatic } from './lib/staticServer';
import { benchTraining, type TrainingBench } from './lib/benchTraining';
import { machineReport } from './lib/benchBytes';
import { chromiumThreads, cpuSeconds } from './lib/threadCpu';

const OPTIONS = {
  a: { kind: 'string', default: '', help: 'the first build (a dist/ folder), e.g. the baseline' },
  b: { kind: 'string', default: 'dist', help: 'the second build' },
  rounds: { kind: 'number', default: 5, help: 'runs of each' },
  limit: { kind: 'number', default: 180, help: 'give up a run after this many seconds' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

const KEYS = [
  'trainImagesPerSec',
  'trainTo95s',
  'longestFrameMsWhileTraining',
  'cpuMsPerImage',
  'busiestThreadMsPerImage',
  'pageMainMsPerImage',
] as const;

type Run = TrainingBench & {
  cpuMsPerImage: number;
  busiestThreadMsPerImage: number;
  /** The page's main thread (the renderer's busiest CrRendererMain): the page's own work. */
  pageMainMsPerImage: number;
};

function summary(runs: Run[]): string {
  return KEYS.map((k) => {
    const v = runs.map((r) => r[k] ?? Infinity).sort((p, q) => p - q);
    return `${k} ${v[Math.floor(v.length / 2)]} (${v[0]}–${v[v.length - 1]})`;
  }).join(', ');
}

async function main(): Promise<void> {
  const args = parseArgs(OPTIONS, process.argv.slice(2));
  if (args.help || !args.a) {
    process.stdout.write(`npx tsx scripts/abTraining.ts [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const servers = { A: await serveStatic(args.a), B: await serveStatic(args.b) };
  const browser = await launchChromium();
  const results: Record<'A' | 'B', Run[]> = { A: [], B: [] };
  try {
    const calibrate = async (): Promise<string> => {
      const page = await browser.newPage();
      const m = await machineReport(page);
      await page.close();
      return `${m.cpuModel} × ${m.cores}, calibration ${m.calibrationMs} ms (${m.calibrationSpreadMs.join('–')})`;
    };
    log(`before: ${await calibrate()}`);
    for (let r = 0; r < args.rounds; r++)
      for (const which of r % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
        await page.goto(servers[which].url);
        await page.getByTestId('train-demo').waitFor({ timeout: 60_000 });
        const before = chromiumThreads();
        const bench = await benchTraining(page, { limitSeconds: args.limit });
        const threads = cpuSeconds(before, chromiumThreads());
        const batch = Number(await page.getByTestId('cfg-batch').inputValue());
        await page.close();
        // Per image trained, from the click until the run was stopped (start-up included).
        const perImage = (s: number): number =>
          Math.round(((s * 1000) / Math.max(1, bench.steps * batch)) * 100) / 100;
        const result: Run = {
          ...bench,
          cpuMsPerImage: perImage(threads.reduce((sum, t) => sum + t.seconds, 0)),
          busiestThreadMsPerImage: perImage(threads[0]?.seconds ?? 0),
          pageMainMsPerImage: perImage(threads.find((t) => t.name === 'CrRendererMain')?.seconds ?? 0),
        };
        results[which].push(result);
        const top = threads.slice(0, 5).map((t) => `${t.name} ${t.seconds.toFixed(1)} s`);
        log(`${which} ${JSON.stringify(result)} cpu: ${top.join(', ')}`);
      }
    log(`after: ${await calibrate()}`);
    log(`A (${args.a}): ${summary(results.A)}`);
    log(`B (${args.b}): ${summary(results.B)}`);
  } finally {
    await browser.close();
    await servers.A.close();
    await servers.B.close();
  }
}

runMain(main);
