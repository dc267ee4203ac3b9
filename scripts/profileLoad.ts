/**
 * `npx tsx scripts/profileLoad.ts dist [runs]`: traces a cold first load with Chromium's
 * tracing and lists, in ms since navigation, the load's marks, the requests (sent, finished)
 * and every main-thread task over 3 ms from the first paint of the snapshot to `interactive`,
 * with what it spent its time on (self time by event name: scripts by function, compile,
 * style, layout, paint) and its top JS functions. A tool to find where the time to
 * interactive goes, not a bench: tracing slows the page (use `npm run bench:load` for figures).
 */
import type { TraceEvent } from './lib/traceTasks';
import { median } from './lib/benchStats';
import { breakdown, samplesOf, topFunctions } from './lib/traceTasks';
import { launchChromium } from './lib/chromium';
import { serveStatic } from './lib/staticServer';
import { runMain } from './lib/args';

const CATEGORIES = [
  'devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'v8',
  'v8.compile',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-devtools.timeline',
];

async function main(): Promise<void> {
  // Several builds, comma-separated, are loaded in turn (A, B, B, A, …) for a same-run comparison.
  const [dirList = 'dist', runsArg = '1'] = process.argv.slice(2);
  const dirs = dirList.split(',');
  const servers = await Promise.all(dirs.map((d) => serveStatic(d)));
  /** Per build and load: the main thread's CPU time (ms) to interactive from app-start (its tasks), and from overview-drawn. */
  const cpu = dirs.map(() => ({ mount: [] as number[], drawn: [] as number[] }));
  const browser = await launchChromium();
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  try {
    for (let k = 0; k < Number(runsArg) * dirs.length; k++) {
      const run = Math.floor(k / dirs.length);
      const which = run % 2 ? dirs.length - 1 - (k % dirs.length) : k % dirs.length;
      const server = servers[which]!;
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const cdp = await page.context().newCDPSession(page);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (m) => void events.push(...(m.value as unknown as TraceEvent[])));
      const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: CATEGORIES, enableSampling: !process.env.LIGHT },
      });
      await page.goto(server.url);
      // Polled with one small expression (waitForFunction's injected helper would be traced).
      await new Promise((r) => setTimeout(r, 2000));
      while (!(await page.evaluate(`performance.getEntriesByName('interactive').length > 0`)))
        await new Promise((r) => setTimeout(r, 250));
      await cdp.send('Tracing.end');
      await complete;
      const marks = (await page.evaluate(() =>
        performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
      )) as [string, number][];
      // Trace clock (µs) of the navigation, the page's timeOrigin: where the trace has the page's
      // own `interactive` mark less its time since navigation. (The last navigationStart before
      // the mark is another document's, ~220-240 ms after the page's: the inline script's
      // DecompressionStream or an about:blank, and every time printed here was that much early.)
      // The page's main thread is the one its own `interactive` mark is on (other renderers trace too).
      const mark = events.find((e) => e.name === 'interactive' && e.cat.includes('blink.user_timing'));
      const interactiveMs = marks.find((m) => m[0] === 'interactive')?.[1];
      const nav = mark && interactiveMs !== undefined ? { ts: mark.ts - interactiveMs * 1000 } : undefined;
      const main = events.find(
        (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === mark?.pid,
      );
      if (!nav || !main) throw new Error('no interactive mark or main thread in the trace');
      const ms = (ts: number): string => ((ts - nav.ts) / 1000).toFixed(0);
      out(`\n${dirs[which]} run ${run}: ${marks.map(([n, t]) => `${n}@${t.toFixed(0)}`).join(' ')}`);
      const sent = events.filter((e) => e.name === 'ResourceSendRequest');
      const done = new Map(
        events
          .filter((e) => e.name === 'ResourceFinish')
          .map((e) => [String(e.args?.data?.requestId), e.ts] as const),
      );
      for (const s of sent) {
        const url = String(s.args?.data?.url ?? '')
          .split('/')
          .slice(-2)
          .join('/');
        const end = done.get(String(s.args?.data?.requestId));
        out(`  request ${url}: sent ${ms(s.ts)} finished ${end ? ms(end) : '?'}`);
      }
      const drawn = marks.find((m) => m[0] === 'prerender-painted')?.[1] ?? 0;
      const interactive = marks.find((m) => m[0] === 'interactive')?.[1] ?? Infinity;
      const from = nav.ts + drawn * 1000;
      const to = nav.ts + interactive * 1000;
      const onMain = events.filter(
        (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
      );
      const isTask = (e: TraceEvent): boolean =>
        e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
      const all = onMain.filter((e) => isTask(e) && e.ts + e.dur! > from && e.ts < to);
      const top = all.filter(
        (t) => !all.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur! >= t.ts + t.dur! && o.dur! > t.dur!),
      );
      const samples = samplesOf(events, main.pid, main.tid);
      let busy = 0;
      for (const t of top) {
        busy += t.dur! / 1000;
        if (t.dur! < 3000) continue;
        const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
        out(`  task at ${ms(t.ts)}: ${(t.dur! / 1000).toFixed(1)} ms`);
        for (const [k, v] of breakdown(t, inside)) if (v >= 1) out(`      ${v.toFixed(1).padStart(6)}  ${k}`);
        if (samples.length) for (const line of topFunctions(samples, t.ts, t.ts + t.dur!)) out(`    ${line}`);
      }
      out(`  main thread busy ${busy.toFixed(0)} ms of ${(interactive - drawn).toFixed(0)} ms`);
      // Thread time (the task's own CPU, not the time other processes took the cores) of the
      // top-level tasks from a mark to interactive: a figure a loaded machine moves much less.
      const cpuFrom = (mark: string): number => {
        const t0 = nav.ts + (marks.find((m) => m[0] === mark)?.[1] ?? NaN) * 1000;
        return top.filter((t) => t.ts + t.dur! > t0).reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000;
      };
      cpu[which]!.mount.push(cpuFrom('app-start'));
      cpu[which]!.drawn.push(cpuFrom('overview-drawn'));
      out(
        `  main thread CPU to interactive: from app-start ${cpuFrom('app-start').toFixed(0)} ms, from overview-drawn ${cpuFrom('overview-drawn').toFixed(0)} ms`,
      );
      // Layouts from app-mount on: one forced inside the mounting task is done twice.
      const mountAt = nav.ts + (marks.find((m) => m[0] === 'app-mount')?.[1] ?? NaN) * 1000;
      const layouts = onMain.filter((e) => e.name === 'Layout' && e.ts >= mountAt && e.ts < to);
      out(
        `  layouts from app-mount: ${layouts.map((e) => `${ms(e.ts)} (${(e.dur! / 1000).toFixed(1)} ms)`).join(', ')}`,
      );
      // WINDOW=markA,markB: the JS functions between two marks (TOP=n of them, FILTER=regexp hides).
      const [wa, wb] = (process.env.WINDOW ?? '').split(',');
      const at = (n: string | undefined): number | undefined => marks.find((m) => m[0] === n)?.[1];
      const [ta, tb] = [at(wa), at(wb)];
      if (ta !== undefined && tb !== undefined && samples.length) {
        out(`  ${wa} → ${wb} (${(tb - ta).toFixed(0)} ms):`);
        for (const line of topFunctions(samples, nav.ts + ta * 1000, nav.ts + tb * 1000)) out(`    ${line}`);
      }
      // Compiling on the main thread (lazy functions compiled on their first call), by event name.
      const compile = new Map<string, number>();
      for (const e of onMain)
        if (e.ts >= from && e.ts < to && /compile|parse/i.test(e.name) && !/ParseHTML/.test(e.name))
          compile.set(e.name, (compile.get(e.name) ?? 0) + e.dur! / 1000);
      out(`  compiling: ${[...compile].map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
  dirs.forEach((d, i) => {
    const c = cpu[i]!;
    out(
      `\n${d}: main thread CPU to interactive, median from app-start ${median(c.mount).toFixed(0)} ms (${c.mount.map((x) => x.toFixed(0)).join(' ')}), from overview-drawn ${median(c.drawn).toFixed(0)} ms (${c.drawn.map((x) => x.toFixed(0)).join(' ')})`,
    );
  });
}

runMain(main);
