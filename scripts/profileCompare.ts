/**
 * `npx tsx scripts/profileCompare.ts dist[,other-dist] [runs]`: traces compare on ResNet-18 as
 * `npm run bench:big -- --tools` uses it (Grad-CAM shown, then compare chosen, test-7 pinned as
 * A, test-8 shown as B, until the changed layers are listed), a fresh browser each run, builds
 * alternating (DIFF=1: then the overview switched to B − A, until drawn); lists every main-thread task over 30 ms of thread time (MIN=ms) in that span with what
 * it spent its time on (self time by event name, top JS functions). A tool to find long tasks,
 * not a bench: tracing slows the page. LIGHT=1 traces without JS samples. INVALID=1 also traces
 * what invalidated style and layout (Chromium's invalidation tracking) and prints, per long task
 * and over the whole span, which nodes and reasons forced them. PREP='js' is evaluated in the
 * page just before tracing (to try a change, e.g. a CSS rule, without a build).
 */
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium';
import { serveStatic } from './lib/staticServer';
import { runMain } from './lib/args';
import { median } from './lib/benchStats';
import { alternating, openResnet18GradCam, until, WAIT } from './lib/benchWhy';
import { breakdown, samplesOf, topFunctions, type TraceEvent } from './lib/traceTasks';
import '../src/app/browser/debugHookTypes';

const CATEGORIES = [
  'devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'v8.compile',
  'disabled-by-default-v8.cpu_profiler',
];

const INVALIDATION = 'disabled-by-default-devtools.timeline.invalidationTracking';

/** Style and layout invalidations by reason and node (`INVALID=1`), most frequent first. */
function invalidations(events: TraceEvent[]): string[] {
  const count = new Map<string, number>();
  for (const e of events) {
    if (!e.cat.includes('invalidationTracking')) continue;
    const d = (e.args?.data ?? {}) as Record<string, unknown>;
    const reason = String(d.reason ?? d.invalidationSet ?? d.changedAttribute ?? d.changedPseudo ?? '');
    const stack = (
      d.stackTrace as { functionName?: string; url?: string; lineNumber?: number }[] | undefined
    )?.[0];
    const where = stack
      ? ` @${stack.functionName || '(anon)'}:${stack.url?.split('/').pop()}:${stack.lineNumber}`
      : '';
    const k = `${e.name} ${reason} <${String(d.nodeName ?? '')}>${where}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  return [...count]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.TOP ?? 12))
    .map(([k, n]) => `${String(n).padStart(5)} ${k}`);
}

const isTask = (e: TraceEvent): boolean => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';

/** Compare as benchWhyTools does it, from choosing the method to the changed layers listed. */
async function compare(page: Page): Promise<void> {
  await page.evaluate(() => performance.mark('compare-start'));
  await page.locator('label', { has: page.getByTestId('method-compare') }).click();
  await page.getByTestId('compare-pin').click();
  await page.getByTestId('compare-same').waitFor({ timeout: WAIT });
  await page.evaluate(() => performance.mark('compare-b'));
  await page.evaluate(() => window.__cnnStudio!.setTestImage(8));
  await page.getByTestId('compare-changed').waitFor({ timeout: WAIT });
  await page.evaluate(() => performance.mark('compare-listed'));
  await new Promise((r) => setTimeout(r, 1000));
  if (!process.env.DIFF) return;
  // Then the overview drawing B − A, until it is painted.
  const paints = await page.evaluate(() => window.__cnnStudio!.paints());
  await page.evaluate(() => performance.mark('compare-diff'));
  await page.getByTestId('compare-overview').selectOption('difference');
  await until(() => page.evaluate((n) => window.__cnnStudio!.paints() > n, paints), 'B − A drawn');
  await page.evaluate(() => performance.mark('compare-diff-drawn'));
  await new Promise((r) => setTimeout(r, 1000));
}

async function main(): Promise<void> {
  const [dirList = 'dist', runsArg = '1'] = process.argv.slice(2);
  const light = Boolean(process.env.LIGHT);
  const invalid = Boolean(process.env.INVALID);
  const dirs = dirList.split(',');
  const servers = await Promise.all(dirs.map((d) => serveStatic(d)));
  const worst = dirs.map(() => [] as number[]);
  const totals = dirs.map(() => [] as { total: number; major: number; minor: number }[]);
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  try {
    for (let k = 0; k < Number(runsArg) * dirs.length; k++) {
      const run = Math.floor(k / dirs.length);
      const which = alternating(k, dirs.length);
      const browser = await launchChromium();
      try {
        const page = await openResnet18GradCam(browser, servers[which]!.url);
        await new Promise((r) => setTimeout(r, 1000));
        if (process.env.PREP) await page.evaluate(process.env.PREP);
        const cdp = await page.context().newCDPSession(page);
        const events: TraceEvent[] = [];
        cdp.on('Tracing.dataCollected', (m) => void events.push(...(m.value as unknown as TraceEvent[])));
        const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
        await cdp.send('Tracing.start', {
          traceConfig: {
            includedCategories: invalid ? [...CATEGORIES, INVALIDATION] : CATEGORIES,
            enableSampling: !light,
          },
        });
        await compare(page);
        await cdp.send('Tracing.end');
        await complete;
        const mark = (n: string) => events.find((e) => e.cat.includes('blink.user_timing') && e.name === n);
        const start = mark('compare-start');
        const main = events.find(
          (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start?.pid,
        );
        if (!start || !main) throw new Error('no compare-start mark or main thread in the trace');
        const at = (ts: number): string => `+${((ts - start.ts) / 1000).toFixed(0)}`;
        out(
          `\n${dirs[which]} run ${run}: ${[
            'compare-b',
            'compare-listed',
            'compare-diff',
            'compare-diff-drawn',
          ]
            .flatMap((n) => {
              const m = mark(n);
              return m ? [`${n}@${at(m.ts)}`] : [];
            })
            .join(' ')}`,
        );
        const onMain = events.filter(
          (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
        );
        const all = onMain.filter((e) => isTask(e) && e.ts >= start.ts);
        const top = all.filter(
          (t) =>
            !all.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur! >= t.ts + t.dur! && o.dur! > t.dur!),
        );
        const byCpu = [...top].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
        worst[which]!.push((byCpu[0]?.tdur ?? 0) / 1000);
        // The span's whole main-thread cost, and its garbage collection (wall ms of GC events).
        const gc = (name: string) =>
          onMain.filter((e) => e.name === name && e.ts >= start.ts).reduce((s, e) => s + e.dur! / 1000, 0);
        const total = top.reduce((s, t) => s + (t.tdur ?? 0), 0) / 1000;
        totals[which]!.push({ total, major: gc('MajorGC'), minor: gc('MinorGC') });
        out(
          `  main thread ${total.toFixed(0)} ms of thread time; GC major ${gc('MajorGC').toFixed(0)} ms, minor ${gc('MinorGC').toFixed(0)} ms`,
        );
        out(
          `  longest by thread time: ${byCpu
            .slice(0, 6)
            .map(
              (t) =>
                `${at(t.ts)}: ${((t.tdur ?? 0) / 1000).toFixed(0)} cpu/${(t.dur! / 1000).toFixed(0)} wall`,
            )
            .join(', ')}`,
        );
        const samples = light ? [] : samplesOf(events, main.pid, main.tid);
        for (const t of byCpu.filter((t) => (t.tdur ?? 0) > Number(process.env.MIN ?? 30) * 1000)) {
          const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
          out(
            `  task at ${at(t.ts)} ms: ${((t.tdur ?? 0) / 1000).toFixed(1)} ms thread time (wall ms, self):`,
          );
          for (const [name, ms] of breakdown(t, inside))
            if (ms >= 1) out(`      ${ms.toFixed(1).padStart(6)}  ${name}`);
          if (!light) for (const line of topFunctions(samples, t.ts, t.ts + t.dur!)) out(`    ${line}`);
          if (invalid)
            for (const line of invalidations(
              events.filter((e) => e.pid === main.pid && e.ts >= t.ts && e.ts <= t.ts + t.dur!),
            ))
              out(`    ${line}`);
        }
        if (invalid) {
          out('  invalidations over the whole span:');
          for (const line of invalidations(events.filter((e) => e.pid === main.pid && e.ts >= start.ts)))
            out(`    ${line}`);
        }
        await page.close();
      } finally {
        await browser.close();
      }
    }
  } finally {
    for (const s of servers) await s.close();
  }
  dirs.forEach((d, i) => {
    const t = totals[i]!;
    const list = (xs: number[]) =>
      `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(' ')})`;
    out(
      `\n${d}: compare's longest task by thread time ${list(worst[i]!)}; main thread ${list(t.map((x) => x.total))}; major GC ${list(t.map((x) => x.major))}; minor GC ${list(t.map((x) => x.minor))}`,
    );
  });
}

runMain(main);
