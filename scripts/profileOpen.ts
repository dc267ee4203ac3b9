/**
 * `npx tsx scripts/profileOpen.ts dist [net] [runs]`: traces opening a big zoo net (as the
 * bench's openOnce does) with Chromium's tracing and lists every main-thread task over 50 ms
 * between the click and the overview drawn, with what it spent its time on (event names by
 * self time: scripts by function and URL, GC, style, layout, paint). A tool to find long tasks,
 * not a bench: tracing slows the page. Env: OUT=dir for the traces (default /tmp/open19), LIGHT=1
 * (no sampling) with BREAK=n for the n longest tasks' breakdown, CPU=1 for the sampling profiler
 * (with REVEAL=1: its top functions from the activations' arrival to the overview drawn; ARRIVAL=ms:
 * for that long after the arrival), EXTRA=categories to trace besides (comma-separated).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from './lib/chromium';
import { serveStatic } from './lib/staticServer';
import { runMain } from './lib/args';
import { PROBES } from './lib/benchOpen';
import { breakdown, samplesOf, topFunctions, type ProfileNode, type TraceEvent } from './lib/traceTasks';
import { median } from './lib/benchStats';

/** Where the traces go (env OUT, default /tmp/open19): one file per build and run. */
const OUT_DIR = process.env.OUT ?? '/tmp/open19';

const CATEGORIES = [
  'devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
];

async function cpuOnly(page: Page, cdp: CDPSession, net: string): Promise<void> {
  const plain = Boolean(process.env.PLAIN);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: plain ? 200_000 : 250 });
  await cdp.send('Profiler.start');
  const markerAt = await page.evaluate(
    '(function __clockMarker(){const t=performance.now();while(performance.now()-t<8){}return t})()',
  );
  await page.locator(`[data-testid="zoo-card"][data-id="${net}"]`).getByTestId('zoo-open').click();
  await page.waitForFunction(() => performance.getEntriesByName('net-overview-drawn').length > 0, null, {
    timeout: 180_000,
    polling: 250,
  });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
  };
  const page2 = (await page.evaluate(() => {
    const w = window as unknown as { __longTasks: [number, number][] };
    const marks = performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const);
    return { tasks: w.__longTasks, marks };
  })) as { tasks: [number, number][]; marks: (readonly [string, number])[] };
  const parents = new Map<number, number>();
  for (const n of profile.nodes)
    for (const c of (n as { children?: number[] }).children ?? []) parents.set(c, n.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, { ...n, parent: parents.get(n.id) }]));
  const samples: { ts: number; stack: string[] }[] = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const stack: string[] = [];
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
      const f = n.callFrame;
      stack.push(`${f.functionName || '(anon)'}@${(f.url ?? '').split('/').pop()}:${f.lineNumber + 1}`);
    }
    samples.push({ ts: t, stack });
  });
  const marker = samples.find((s) => s.stack.some((f) => f.startsWith('__clockMarker')));
  // Page time (ms) to profile time (µs).
  const toProfile = (ms: number): number => (marker?.ts ?? 0) + (ms - Number(markerAt)) * 1000;
  const click = page2.marks.find((m) => m[0] === 'open-click')?.[1] ?? 0;
  process.stdout.write(
    `\n${net}: ${page2.marks
      .filter((m) => m[1] >= click)
      .map((m) => `${m[0]}@${(m[1] - click).toFixed(0)}`)
      .join(' ')}\n`,
  );
  // REVEAL=1: where the scripts' time went from the activations' arrival to the overview drawn.
  const at = (name: string): number | undefined => page2.marks.find((m) => m[0] === name)?.[1];
  const [explained, drawn] = [at('net-explained'), at('net-overview-drawn')];
  if (process.env.REVEAL && marker && explained !== undefined && drawn !== undefined)
    for (const line of topFunctions(samples, toProfile(explained), toProfile(drawn)))
      process.stdout.write(`  reveal: ${line}\n`);
  // ARRIVAL=ms: the same for the first ms after the activations' arrival (the task that takes them).
  if (process.env.ARRIVAL && marker && explained !== undefined)
    for (const line of topFunctions(
      samples,
      toProfile(explained),
      toProfile(explained + Number(process.env.ARRIVAL)),
    ))
      process.stdout.write(`  arrival: ${line}\n`);
  for (const [start, dur] of page2.tasks) {
    if (start + dur < click) continue;
    process.stdout.write(`  long task at +${(start - click).toFixed(0)}: ${dur.toFixed(0)} ms\n`);
    if (!plain && marker)
      for (const line of topFunctions(samples, toProfile(start), toProfile(start + dur)))
        process.stdout.write(`    ${line}\n`);
  }
}

async function main(): Promise<void> {
  const [dirList = 'dist', net = 'mobilenetv2', runsArg = '1'] = process.argv.slice(2);
  const light = Boolean(process.env.LIGHT);
  // EXTRA=cat1,cat2: more trace categories (e.g. disabled-by-default-devtools.timeline.invalidationTracking).
  const extra = process.env.EXTRA ? process.env.EXTRA.split(',') : [];
  const categories = [...(light ? CATEGORIES.slice(0, 3) : CATEGORIES), ...extra];
  const dirs = dirList.split(',');
  const servers = await Promise.all(dirs.map((d) => serveStatic(d)));
  /** Per build: each run's longest task by thread time, and its wall time. */
  const worst = dirs.map(
    () => [] as { cpu: number; wall: number; over50: number; total: number; frames: number }[],
  );
  const browser = await launchChromium();
  try {
    for (let k = 0; k < Number(runsArg) * dirs.length; k++) {
      const run = Math.floor(k / dirs.length);
      const which = run % 2 ? dirs.length - 1 - (k % dirs.length) : k % dirs.length;
      const server = servers[which]!;
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
      await page.addInitScript(PROBES);
      await page.goto(server.url);
      await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 180_000 });
      await page.waitForFunction(() => window.__cnnStudio?.backend(), null, { timeout: 180_000 });
      await page.getByTestId('open-zoo').click();
      const cdp = await page.context().newCDPSession(page);
      if (process.env.CPU) {
        await cpuOnly(page, cdp, net);
        await page.close();
        continue;
      }
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (m) => void events.push(...(m.value as unknown as TraceEvent[])));
      const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: categories, enableSampling: !light },
      });
      await page.locator(`[data-testid="zoo-card"][data-id="${net}"]`).getByTestId('zoo-open').click();
      await page.waitForFunction(() => performance.getEntriesByName('net-overview-drawn').length > 0, null, {
        timeout: 180_000,
        polling: 250,
      });
      await page.waitForTimeout(300);
      await cdp.send('Tracing.end');
      await complete;
      mkdirSync(OUT_DIR, { recursive: true });
      writeFileSync(`${OUT_DIR}/trace-${net}-${which}-${run}.json`, JSON.stringify({ traceEvents: events }));
      const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      const marks = events.filter(
        (e) =>
          e.cat.includes('blink.user_timing') &&
          (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b'),
      );
      const click = marks.find((m) => m.name === 'open-click');
      const drawn = marks.find((m) => m.name === 'net-overview-drawn');
      process.stdout.write(
        `\n${dirs[which]} ${net} run ${run}: ${marks.map((m) => `${m.name}@${click ? ((m.ts - click.ts) / 1000).toFixed(0) : '?'}`).join(' ')}\n`,
      );
      const onMain = events.filter(
        (e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
      );
      const samples = main ? samplesOf(events, main.pid, main.tid) : [];
      const candidates = onMain.filter(
        (e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur! > 50_000,
      );
      // Top-level tasks only (a task may nest another, e.g. a nested run loop).
      const tasks = candidates.filter(
        (t) =>
          !candidates.some(
            (o) => o !== t && o.ts <= t.ts && o.ts + o.dur! >= t.ts + t.dur! && o.dur! > t.dur!,
          ),
      );
      const during = (t: TraceEvent): boolean =>
        !click || !drawn || (t.ts + t.dur! > click.ts && t.ts < drawn.ts);
      const all = onMain.filter(
        (e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && during(e),
      );
      const top = all.filter(
        (t) => !all.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur! >= t.ts + t.dur! && o.dur! > t.dur!),
      );
      const byCpu = [...top].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
      worst[which]!.push({
        cpu: (byCpu[0]?.tdur ?? 0) / 1000,
        wall: Math.max(0, ...top.map((t) => t.dur! / 1000)),
        over50: top.filter((t) => (t.tdur ?? 0) > 50_000).length,
        // The open's whole main-thread cost (thread time), and the frames it took.
        total: top.reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000,
        frames: onMain.filter((e) => e.name === 'FireAnimationFrame' && during(e)).length,
      });
      process.stdout.write(
        `  longest by thread time: ${byCpu
          .slice(0, 6)
          .map(
            (t) =>
              `+${click ? ((t.ts - click.ts) / 1000).toFixed(0) : '?'}: ${((t.tdur ?? 0) / 1000).toFixed(0)} cpu/${(t.dur! / 1000).toFixed(0)} wall`,
          )
          .join(', ')}\n`,
      );
      if (light) {
        // BREAK=n: what the n longest tasks by thread time spent it on.
        for (const t of byCpu.slice(0, Number(process.env.BREAK ?? 0))) {
          const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
          process.stdout.write(
            `  +${click ? ((t.ts - click.ts) / 1000).toFixed(0) : '?'} (wall ms, self):\n`,
          );
          for (const [k, ms] of breakdown(t, inside))
            if (ms >= 1) process.stdout.write(`      ${ms.toFixed(1).padStart(6)}  ${k}\n`);
        }
        await page.close();
        continue;
      }
      // BREAK=n: the n longest tasks by thread time instead of those over 50 ms of wall time.
      const shown = process.env.BREAK ? byCpu.slice(0, Number(process.env.BREAK)) : tasks;
      for (const t of shown) {
        if (!during(t)) continue;
        const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
        const at = click ? ((t.ts - click.ts) / 1000).toFixed(0) : '?';
        process.stdout.write(`  task at +${at} ms: ${(t.dur! / 1000).toFixed(1)} ms\n`);
        for (const [k, ms] of breakdown(t, inside))
          if (ms >= 1) process.stdout.write(`      ${ms.toFixed(1).padStart(6)}  ${k}\n`);
        for (const line of topFunctions(samples, t.ts, t.ts + t.dur!)) process.stdout.write(`    ${line}\n`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
  dirs.forEach((d, i) => {
    const w = worst[i]!;
    if (w.length === 0) return;
    process.stdout.write(
      `\n${d} ${net}: longest task by thread time median ${median(w.map((x) => x.cpu)).toFixed(0)} ms (${w.map((x) => x.cpu.toFixed(0)).join(' ')}); wall ${w.map((x) => x.wall.toFixed(0)).join(' ')}; tasks over 50 ms of thread time ${w.map((x) => x.over50).join(' ')}; main thread total ${w.map((x) => x.total.toFixed(0)).join(' ')} ms in ${w.map((x) => x.frames).join(' ')} animation frames\n`,
    );
  });
}

runMain(main);
