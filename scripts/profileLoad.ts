/**
 * `npx tsx scripts/profileLoad.ts dist [runs]`: traces a cold first load with Chromium's
 * tracing and lists, in ms since navigation, the load's marks, the requests (sent, finished)
 * and every main-thread task over 3 ms from the first paint of the snapshot to `interactive`,
 * with what it spent its time on (self time by event name: scripts by function, compile,
 * style, layout, paint) and its top JS functions. A tool to find where the time to
 * interactive goes, not a bench: tracing slows the page (use `npm run bench:load` for figures).
 */
import type { TraceEvent } from './lib/traceTasks';
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
  const [dir = 'dist', runsArg = '1'] = process.argv.slice(2);
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  try {
    for (let run = 0; run < Number(runsArg); run++) {
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
      // Trace clock (µs) of the navigation: the page's timeOrigin.
      const nav = events.find((e) => e.name === 'navigationStart' && e.cat.includes('blink.user_timing'));
      const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      if (!nav || !main) throw new Error('no navigationStart or main thread in the trace');
      const ms = (ts: number): string => ((ts - nav.ts) / 1000).toFixed(0);
      out(`\nrun ${run}: ${marks.map(([n, t]) => `${n}@${t.toFixed(0)}`).join(' ')}`);
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
    await server.close();
  }
}

runMain(main);
