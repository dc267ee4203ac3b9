/**
 * `npx tsx scripts/profileTrainingPage.ts [--dirs dist,../other/dist] [--rounds 1] [--seconds 8]`:
 * what the page's main thread does while TinyVGG trains (the bench's one-click demo). Traces
 * Chromium's main thread for a few seconds once steps come in and prints the distribution of
 * frame gaps, the main thread's busy share (wall and thread time), its tasks by what they ran,
 * and each long frame's tasks with their wall and thread time: a gap whose tasks took little
 * thread time was the core taken by other threads (the workers), one whose tasks took most of
 * it was the page's own work. A tool, not a bench: tracing slows the page a little.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium';
import { serveStatic } from './lib/staticServer';
import { parseArgs, runMain, usage } from './lib/args';
import { breakdown, samplesOf, topFunctions, type TraceEvent } from './lib/traceTasks';

const OPTIONS = {
  dirs: { kind: 'string', default: 'dist', help: 'builds to profile, comma-separated (alternating)' },
  rounds: { kind: 'number', default: 1, help: 'runs of each' },
  seconds: { kind: 'number', default: 8, help: 'seconds traced once training steps come in' },
  long: { kind: 'number', default: 3, help: 'long frames to break down per run' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

const CATEGORIES = [
  'devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
];

const isTask = (e: TraceEvent): boolean => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';

async function startTraining(page: Page): Promise<void> {
  await page.getByTestId('train-demo').waitFor({ timeout: 60_000 });
  // tsx compiles named functions with an `__name` helper that the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __gapOn: boolean };
    w.__gaps = [];
    w.__gapOn = false;
    let last = 0;
    const frame = (t: number): void => {
      if (last && w.__gapOn) w.__gaps.push(t - last);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.getByTestId('train-demo').click();
  await page.waitForFunction(
    () => /[1-9]/.test(document.querySelector('[data-testid=train-progress]')?.textContent ?? ''),
    null,
    { timeout: 120_000, polling: 100 },
  );
  // Past the first validation (its set is gathered then), into steady training.
  await page.waitForTimeout(1500);
}

function histogram(gaps: number[]): string {
  const bins = [17, 34, 51, 68, 100, Infinity];
  const counts = bins.map(() => 0);
  for (const g of gaps) counts[bins.findIndex((b) => g < b)]!++;
  const sorted = [...gaps].sort((a, b) => a - b);
  const q = (p: number): string => (sorted[Math.floor(p * (sorted.length - 1))] ?? 0).toFixed(0);
  return (
    `${gaps.length} frames, p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} max ${q(1)} ms; ` +
    bins.map((b, i) => `<${b === Infinity ? '∞' : b}: ${counts[i]}`).join(', ')
  );
}

async function profileOnce(page: Page, seconds: number, long: number): Promise<string[]> {
  const out: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (m) => void events.push(...(m.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, enableSampling: true } });
  // Tracing's own start takes the page a while: the figures start after it.
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    (window as unknown as { __gapOn: boolean }).__gapOn = true;
    performance.mark('profile-from');
  });
  await page.waitForTimeout(seconds * 1000);
  await page.evaluate(() => ((window as unknown as { __gapOn: boolean }).__gapOn = false));
  await cdp.send('Tracing.end');
  await complete;
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));
  const gaps = await page.evaluate(() => (window as unknown as { __gaps: number[] }).__gaps);
  out.push(`  frame gaps: ${histogram(gaps)}`);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [...out, '  no main thread in the trace'];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const mark = events.find((e) => e.name === 'profile-from' && e.cat.includes('blink.user_timing'));
  const all = onMain.filter((e) => isTask(e) && (!mark || e.ts >= mark.ts));
  const tasks = all.filter(
    (t) => !all.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur! >= t.ts + t.dur! && o.dur! > t.dur!),
  );
  const from = Math.min(...tasks.map((t) => t.ts));
  const to = Math.max(...tasks.map((t) => t.ts + t.dur!));
  const span = (to - from) / 1000;
  const wall = tasks.reduce((s, t) => s + t.dur!, 0) / 1000;
  const cpu = tasks.reduce((s, t) => s + (t.tdur ?? 0), 0) / 1000;
  out.push(
    `  main thread over ${span.toFixed(0)} ms: tasks ${wall.toFixed(0)} ms wall (${((100 * wall) / span).toFixed(0)}%), ${cpu.toFixed(0)} ms thread time (${((100 * cpu) / span).toFixed(0)}%)`,
  );
  // What the main thread's time went to, by event (self time), over all tasks.
  const self = new Map<string, number>();
  for (const t of tasks) {
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
    for (const [k, ms] of breakdown(t, inside)) self.set(k, (self.get(k) ?? 0) + ms);
  }
  out.push(
    `  by event (wall ms, self): ${[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([k, ms]) => `${k} ${ms.toFixed(0)}`)
      .join(' | ')}`,
  );
  const samples = samplesOf(events, main.pid, main.tid);
  for (const line of topFunctions(samples, from, to)) out.push(`  ${line}`);
  // The longest tasks by thread time: what the page itself costs a frame, whatever the load.
  const byCpu = [...tasks].sort((p, q) => (q.tdur ?? 0) - (p.tdur ?? 0));
  const cpuOf = (t: TraceEvent): number => (t.tdur ?? 0) / 1000;
  out.push(
    `  tasks by thread time: over 16 ms ${tasks.filter((t) => cpuOf(t) > 16).length}, over 8 ms ${tasks.filter((t) => cpuOf(t) > 8).length}; longest ${byCpu
      .slice(0, 8)
      .map((t) => cpuOf(t).toFixed(1))
      .join(' ')} ms`,
  );
  for (const t of byCpu.slice(0, long)) {
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
    out.push(
      `    ${cpuOf(t).toFixed(1)} cpu / ${(t.dur! / 1000).toFixed(1)} wall: ${breakdown(t, inside)
        .filter(([, ms]) => ms >= 0.5)
        .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
        .join(' | ')}`,
    );
    for (const line of topFunctions(samples, t.ts, t.ts + t.dur!)) out.push(`      ${line}`);
  }
  // The longest frames: the tasks between two animation frames.
  const frames = onMain.filter((e) => e.name === 'FireAnimationFrame' || e.name === 'BeginMainThreadFrame');
  const starts = [...new Set(frames.map((f) => f.ts))].sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (let i = 1; i < starts.length; i++) spans.push([starts[i - 1]!, starts[i]!]);
  spans.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
  for (const [a, b] of spans.slice(0, long)) {
    const inGap = tasks.filter((t) => t.ts + t.dur! > a && t.ts < b);
    const w = inGap.reduce((s, t) => s + t.dur!, 0) / 1000;
    const c = inGap.reduce((s, t) => s + (t.tdur ?? 0), 0) / 1000;
    out.push(
      `  frame of ${((b - a) / 1000).toFixed(0)} ms: ${inGap.length} tasks, ${w.toFixed(0)} ms wall, ${c.toFixed(0)} ms thread time`,
    );
    for (const t of [...inGap].sort((p, q) => q.dur! - p.dur!).slice(0, 3)) {
      const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
      out.push(
        `    task ${(t.dur! / 1000).toFixed(1)} wall / ${((t.tdur ?? 0) / 1000).toFixed(1)} cpu: ${breakdown(
          t,
          inside,
        )
          .filter(([, ms]) => ms >= 0.5)
          .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
          .join(' | ')}`,
      );
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(OPTIONS, process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`npx tsx scripts/profileTrainingPage.ts [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  const dirs = args.dirs.split(',');
  const servers = await Promise.all(dirs.map((d) => serveStatic(d)));
  const browser = await launchChromium();
  try {
    for (let r = 0; r < args.rounds; r++)
      for (let k = 0; k < dirs.length; k++) {
        const which = r % 2 ? dirs.length - 1 - k : k;
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
        await page.goto(servers[which]!.url);
        await startTraining(page);
        const lines = await profileOnce(page, args.seconds, args.long);
        process.stdout.write(`${dirs[which]} run ${r}:\n${lines.join('\n')}\n`);
        await page.close();
      }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
}

runMain(main);
