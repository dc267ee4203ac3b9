/**
 * `npm run bench`: the "Why?" panel's methods on the current image, through the app's
 * `window.__cnnStudio.attribution` hook: saliency (the gradient), Grad-CAM at the default
 * layer, a 14×14 occlusion map, one FGSM step and feature visualisation (a class, 10 steps at
 * each of its three scales; reported per step, since the learner watches it step by step), as
 * medians after a few warm-up runs.
 */
import type { Page } from 'playwright-core';
import '../../src/app/browser/debugHookTypes';
import { median, round1 } from './benchStats';

export interface AttributionBench {
  saliencyMs: number;
  gradCamMs: number;
  occlusionMs: number;
  fgsmMs: number;
  /** One gradient-ascent step of feature visualisation (its 30-step run's time / 30). */
  visualiseStepMs: number;
  /** Tensors the four methods left behind over all their runs. */
  attributionLeakedTensors: number;
}

export const ATTRIBUTION_TARGETS: { key: keyof AttributionBench; label: string; max: number }[] = [
  { key: 'saliencyMs', label: 'saliency (median)', max: 50 },
  { key: 'gradCamMs', label: 'Grad-CAM (median)', max: 50 },
  { key: 'occlusionMs', label: '14×14 occlusion map (median)', max: 1000 },
  { key: 'fgsmMs', label: 'FGSM step (median)', max: 50 },
  // No target in the issue: a step within a frame or three keeps the forming image live.
  { key: 'visualiseStepMs', label: 'feature visualisation, one step (median)', max: 50 },
];

const VISUALISE_STEPS = 30;

async function timeMethod(page: Page, method: string, runs: number): Promise<number> {
  await page.evaluate((m) => window.__cnnStudio!.attribution!.time(m, 3), method);
  const times = await page.evaluate(([m, n]) => window.__cnnStudio!.attribution!.time(m, n), [
    method,
    runs,
  ] as const);
  return round1(median(times));
}

export async function benchAttribution(
  page: Page,
  runs: number,
  log: (line: string) => void,
): Promise<AttributionBench> {
  const present = await page.evaluate(() => Boolean(window.__cnnStudio?.attribution));
  if (!present) throw new Error('the page has no attribution hook (is the “Why?” panel loaded?)');
  const start = await page.evaluate(() => window.__cnnStudio!.numTensors());
  const out = {
    saliencyMs: await timeMethod(page, 'saliency', runs),
    gradCamMs: await timeMethod(page, 'gradCam', runs),
    occlusionMs: await timeMethod(page, 'occlusion', Math.max(5, Math.round(runs / 5))),
    fgsmMs: await timeMethod(page, 'fgsm', runs),
    visualiseStepMs: round1(
      (await timeMethod(page, 'visualise', Math.max(3, Math.round(runs / 10)))) / VISUALISE_STEPS,
    ),
  };
  const leaked = (await page.evaluate(() => window.__cnnStudio!.numTensors())) - start;
  log(
    `  attribution: saliency ${out.saliencyMs} · Grad-CAM ${out.gradCamMs} · occlusion ${out.occlusionMs} · FGSM ${out.fgsmMs} · visualise ${out.visualiseStepMs}/step ms`,
  );
  return { ...out, attributionLeakedTensors: leaked };
}

export function attributionLines(r: AttributionBench): string[] {
  return [
    ...ATTRIBUTION_TARGETS.map((t) => {
      const v = r[t.key];
      return `${v <= t.max ? 'ok  ' : 'MISS'} ${t.label}: ${v}ms (target ≤ ${t.max}ms)`;
    }),
    `${r.attributionLeakedTensors === 0 ? 'ok  ' : 'MISS'} tensors left over by attribution: ${r.attributionLeakedTensors} (target 0)`,
  ];
}
