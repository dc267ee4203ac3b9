/**
 * `npx tsx scripts/profileFrames.ts dist[,other-dist] [runs] [shot.png]`: what one frame of
 * ResNet-18's comparison page costs the main thread in rendering, by stage (style, layout,
 * pre-paint, paint, layerize, hit-test; thread ms, mean of 20 traced frames), for two kinds of
 * frame: `text` changes one text in the Why panel (nothing below moves), `shift` changes the
 * panel's height by 2 px (everything below it moves, as when the comparison's figures or its
 * list of changed layers appear). The mouse rests on the panel, as after a click. Builds
 * alternate, a fresh browser each run; `shot.png` saves the first run's page at 1280×800.
 * VARIANTS='{"name":"js",…}' evaluates each variant's JS in turn before measuring (changes
 * accumulate), to try a CSS change without a build. A tool to find what frames cost, not a bench.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium';
import { serveStatic } from './lib/staticServer';
import { runMain } from './lib/args';
import { median } from './lib/benchStats';
import { alternating, openResnet18GradCam, WAIT } from './lib/benchWhy';
import type { TraceEvent } from './lib/traceTasks';
import '../src/app/browser/debugHookTypes';

const STAGES = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'HitTest'] as const;
const FRAMES = 20;

/** Mean thread ms per frame of each stage over FRAMES frames of the given kind. */
async function frameCost(page: Page, mode: 'text' | 'shift'): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (m) => void events.push(...(m.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'toplevel'] } });
  await page.evaluate(
    async ({ mode, frames }) => {
      const about = document.querySelector<HTMLElement>('[data-testid="compare"] .about')!;
      const text = about.textContent;
      for (let i = 0; i < frames; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        if (mode === 'shift') about.style.paddingTop = i % 2 ? '0px' : '2px';
        else about.textContent = text + (i % 2 ? '' : ' ·');
      }
      await new Promise((r) => requestAnimationFrame(r));
      about.style.paddingTop = '';
      about.textContent = text;
    },
    { mode, frames: FRAMES },
  );
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid);
  const cost: Record<string, number> = {};
  for (const s of STAGES)
    cost[s] =
      onMain.filter((e) => e.name === s).reduce((t, e) => t + (e.tdur ?? e.dur ?? 0), 0) / 1000 / FRAMES;
  cost.total = STAGES.reduce((t, s) => t + cost[s]!, 0);
  return cost;
}

async function main(): Promise<void> {
  const [dirList = 'dist', runsArg = '1', shot = ''] = process.argv.slice(2);
  const dirs = dirList.split(',');
  const variants: Record<string, string> = JSON.parse(process.env.VARIANTS ?? '{"as built":""}');
  const servers = await Promise.all(dirs.map((d) => serveStatic(d)));
  const results = new Map<string, number[]>();
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  try {
    for (let k = 0; k < Number(runsArg) * dirs.length; k++) {
      const run = Math.floor(k / dirs.length);
      const which = alternating(k, dirs.length);
      const browser = await launchChromium();
      try {
        const page = await openResnet18GradCam(browser, servers[which]!.url);
        await page.locator('label', { has: page.getByTestId('method-compare') }).click();
        await page.getByTestId('compare-pin').click();
        await page.getByTestId('compare-same').waitFor({ timeout: WAIT });
        await page.evaluate(() => window.__cnnStudio!.setTestImage(8));
        await page.getByTestId('compare-changed').waitFor({ timeout: WAIT });
        await new Promise((r) => setTimeout(r, 1500));
        if (shot && k === 0) await page.screenshot({ path: shot });
        const box = await page.getByTestId('compare-repin').boundingBox();
        if (box) await page.mouse.move(box.x + 5, box.y + 5);
        for (const [name, js] of Object.entries(variants)) {
          if (js) await page.evaluate(js);
          await new Promise((r) => setTimeout(r, 500));
          for (const mode of ['text', 'shift'] as const) {
            const cost = await frameCost(page, mode);
            out(
              `${dirs[which]} run ${run} ${name} ${mode}: ${Object.entries(cost)
                .map(([s, ms]) => `${s} ${ms.toFixed(2)}`)
                .join(', ')}`,
            );
            for (const [s, ms] of Object.entries(cost)) {
              const key = `${dirs[which]}|${name}|${mode}|${s}`;
              results.set(key, [...(results.get(key) ?? []), ms]);
            }
          }
        }
        await page.close();
      } finally {
        await browser.close();
      }
    }
  } finally {
    for (const s of servers) await s.close();
  }
  out('\nmedian thread ms per frame (runs):');
  for (const [key, xs] of results)
    if (key.endsWith('|total') || process.env.ALL)
      out(
        `  ${key.replaceAll('|', ' ')}: ${median(xs).toFixed(2)} (${xs.map((x) => x.toFixed(2)).join(' ')})`,
      );
}

runMain(main);
