/**
 * Training figures for `npm run bench`: in the built app, click "Train TinyVGG from scratch on
 * shapes" and measure, from that click, the wall-clock time until the page shows ≥ 95%
 * validation accuracy (`trainTo95s`), the training throughput over that span
 * (`trainImagesPerSec`, validation and explainer updates included), and the longest gap
 * between two animation frames of the page meanwhile (`longestFrameMsWhileTraining`): how
 * responsive the page stays while the worker trains.
 */
import type { Page } from 'playwright-core';

export interface TrainingBench {
  /** Seconds from the click to ≥ 95% validation accuracy; null if not reached within the limit. */
  trainTo95s: number | null;
  trainImagesPerSec: number;
  longestFrameMsWhileTraining: number;
  /** The same between the click and the first training step (the net is rebuilt meanwhile). */
  longestFrameMsStarting: number;
  /** Best validation accuracy seen, and at which step. */
  bestValAccuracy: number;
  steps: number;
}

export interface TrainingBenchOptions {
  /** Give up after this many seconds of training. */
  limitSeconds?: number;
  target?: number;
  log?: (line: string) => void;
}

interface PageProbe {
  t0: number;
  hit: number | null;
  best: number;
  steps: { t: number; step: number }[];
  /** Longest frame gap once steps are coming in (the training itself). */
  maxGap: number;
  /** Longest gap between the click and the first step (building the net, starting the worker). */
  maxGapStarting: number;
  running: boolean;
}

declare global {
  interface Window {
    __trainingBench?: PageProbe;
  }
}

export async function benchTraining(page: Page, options: TrainingBenchOptions = {}): Promise<TrainingBench> {
  const { limitSeconds = 180, target = 0.95, log = () => {} } = options;
  await page.getByTestId('train-demo').waitFor({ timeout: 60_000 });
  // tsx compiles named functions with an `__name` helper that the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  // Everything is recorded in the page: a rAF loop for frame gaps, observers for the figures.
  await page.evaluate((goal) => {
    const probe: PageProbe = {
      t0: 0,
      hit: null,
      best: 0,
      steps: [],
      maxGap: 0,
      maxGapStarting: 0,
      running: true,
    };
    window.__trainingBench = probe;
    let last = 0;
    const frame = (t: number): void => {
      if (last && probe.t0 && probe.steps.length > 0) probe.maxGap = Math.max(probe.maxGap, t - last);
      else if (last && probe.t0) probe.maxGapStarting = Math.max(probe.maxGapStarting, t - last);
      last = t;
      if (probe.running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const read = (): void => {
      const v = Number(document.querySelector('[data-testid=val-accuracy]')?.getAttribute('data-value') ?? 0);
      if (v > probe.best) probe.best = v;
      if (v >= goal && probe.hit === null) probe.hit = performance.now();
      const m = /\d[\d,]*/.exec(document.querySelector('[data-testid=train-progress]')?.textContent ?? '');
      const step = m ? Number(m[0].replace(/,/g, '')) : 0;
      const lastStep = probe.steps[probe.steps.length - 1];
      if (step > 0 && (!lastStep || lastStep.step !== step)) probe.steps.push({ t: performance.now(), step });
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-value'],
    });
    const button = document.querySelector<HTMLButtonElement>('[data-testid=train-demo]');
    button?.addEventListener('click', () => (probe.t0 = performance.now()), { capture: true, once: true });
  }, target);
  await page.getByTestId('train-demo').click();
  const started = Date.now();
  let lastLog = 0;
  for (;;) {
    await page.waitForTimeout(500);
    const p = await page.evaluate(() => window.__trainingBench!);
    const status = await page.getByTestId('train-status').getAttribute('data-status');
    const elapsed = (Date.now() - started) / 1000;
    if (elapsed - lastLog >= 10) {
      lastLog = elapsed;
      log(
        `  training: ${elapsed.toFixed(0)} s, step ${p.steps[p.steps.length - 1]?.step ?? 0}, best validation accuracy ${(p.best * 100).toFixed(1)}%`,
      );
    }
    const done =
      p.hit !== null ||
      elapsed > limitSeconds ||
      status === 'finished' ||
      status === 'diverged' ||
      status === 'error';
    if (!done) continue;
    await page.evaluate(() => {
      window.__trainingBench!.running = false;
    });
    if (status === 'running' || status === 'paused') {
      await page.getByTestId('train-stop').click();
    }
    const first = p.steps[0];
    const end = p.hit ?? p.steps[p.steps.length - 1]?.t ?? p.t0;
    const within = p.steps.filter((s) => s.t <= end);
    const lastWithin = within[within.length - 1];
    const batch = Number(await page.getByTestId('cfg-batch').inputValue());
    const imagesPerSec =
      first && lastWithin && lastWithin.t > first.t
        ? ((lastWithin.step - first.step) * batch) / ((lastWithin.t - first.t) / 1000)
        : 0;
    return {
      trainTo95s: p.hit === null ? null : Math.round((p.hit - p.t0) / 100) / 10,
      trainImagesPerSec: Math.round(imagesPerSec),
      longestFrameMsWhileTraining: Math.round(p.maxGap),
      longestFrameMsStarting: Math.round(p.maxGapStarting),
      bestValAccuracy: p.best,
      steps: lastWithin?.step ?? 0,
    };
  }
}

/** The figures as lines for the bench's text report, with the targets. */
export function trainingLines(r: TrainingBench, limitSeconds = 180): string[] {
  // Issue 19's targets; the first round's were 60 s and no throughput target.
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  return [
    `${mark(r.trainTo95s !== null && r.trainTo95s <= 20)} time to ≥ 95% validation accuracy: ${r.trainTo95s === null ? `not reached in ${limitSeconds} s (best ${(r.bestValAccuracy * 100).toFixed(1)}%)` : `${r.trainTo95s} s`} (target ≤ 20 s)`,
    `${mark(r.trainImagesPerSec >= 400)} training throughput: ${r.trainImagesPerSec} images/s over ${r.steps} steps (target ≥ 400)`,
    `${mark(r.longestFrameMsWhileTraining <= 50)} longest main-thread frame while training: ${r.longestFrameMsWhileTraining} ms (target ≤ 50; while starting: ${r.longestFrameMsStarting} ms)`,
  ];
}
