/**
 * "Why?" on ResNet-18 in the net worker, the tools beyond the heat maps: compare side by side
 * (two images through the net), FGSM (one step and iterated, with its steps counted) and class
 * visualisation (gradient ascent, its steps counted and the image forming), used from the panel
 * as a learner would. The net stays in the worker throughout, and then the page's own engine,
 * given the same net, computes the same numbers. Timings are `npm run bench:big -- --tools`'s;
 * the longest main-thread task of each run is only printed (measured before the test reads a
 * result: reading one copies its arrays on the page's thread, a long task of the test's own).
 * What is asserted is where the work ran: the page's engine never holds a tensor meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startHarness, type Harness } from './harness';
import { chooseMethod } from './attributionShared';
import {
  finished,
  longestSince,
  now,
  openResnetInWorker,
  relativeDiff,
  snapshot,
  watchLongTasks,
  watchSteps,
} from './whyInWorkerShared';
import type { AttributionSnapshot } from '../../src/app/browser/debugHookTypes';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Compare = ReturnType<NonNullable<NonNullable<Window['__cnnStudio']>['attribution']>['compare']>;

const compareInfo = (page: Page): Promise<Compare> =>
  page.evaluate(() => window.__cnnStudio!.attribution!.compare());
const runsIn = (page: Page): Promise<string> => page.evaluate(() => window.__cnnStudio!.runsIn());
const pageTensors = (page: Page): Promise<number> => page.evaluate(() => window.__cnnStudio!.numTensors());

/** The largest |value|. */
const scale = (values: number[]): number => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('"Why?" on ResNet-18 in the net worker: compare, FGSM, visualise', () => {
  it('each runs in the worker from the panel with its progress and result, and the page engine computes the same', async () => {
    const { page, errors } = await openResnetInWorker(h);
    await watchLongTasks(page);
    const longest: Record<string, number> = {};
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
    await page.getByTestId('why-button').click();
    await finished(page, 'gradCam');
    // The page's engine has built no net (it would hold its weights as tensors), nor will it.
    const tensorsBefore = await pageTensors(page);

    // Compare: test-7 pinned as A, then test-8 is B; the worker explains B.
    let t = await now(page);
    await chooseMethod(page, 'compare');
    await page.getByTestId('compare-pin').click();
    await expect.poll(() => page.getByTestId('compare-same').count()).toBe(1);
    await page.evaluate(() => window.__cnnStudio!.setTestImage(8));
    await expect
      .poll(async () => (await compareInfo(page)).changed.some((l) => l.relative > 0), { timeout: 240_000 })
      .toBe(true);
    await page.getByTestId('compare-changed').waitFor();
    longest.compare = await longestSince(page, t);
    // B − A was worked out on the page a slice at a time, with a note meanwhile.
    expect(await page.getByTestId('compare-working').count()).toBe(0);
    const compared = await compareInfo(page);
    expect(compared.pinned).toBe('test-7.png');
    expect(compared.matches).toBe(true);
    expect(compared.sameImage).toBe(false);
    // Every layer of ResNet-18 but the input has its counterpart; most changed with the image.
    expect(compared.changed.length).toBeGreaterThan(40);
    await expect.poll(() => page.getByTestId('compare-a').textContent()).toContain('test-7.png');
    await expect.poll(() => page.getByTestId('compare-b').textContent()).toContain('test-8.png');
    expect(await runsIn(page)).toBe('worker');
    await page.getByTestId('attribution').scrollIntoViewIfNeeded();
    await shot(page, 'why-worker-resnet18-compare');

    // FGSM on test-8: one step, then three, each step counted in the status line.
    t = await now(page);
    await chooseMethod(page, 'fgsm');
    await finished(page, 'fgsm');
    longest.fgsm = await longestSince(page, t);
    const one = await snapshot(page, 'fgsm');
    expect(one.losses).toHaveLength(2);
    expect(scale(one.perturbation!)).toBeCloseTo(one.epsilon!, 5);
    t = await now(page);
    await page.getByTestId('fgsm-steps').fill('3');
    const steps = await watchSteps(page, /step \d of 3/);
    expect(steps.length).toBeGreaterThan(0);
    await finished(page, 'fgsm');
    longest.fgsm = Math.max(longest.fgsm, await longestSince(page, t));
    const iterated = await snapshot(page, 'fgsm');
    expect(iterated.losses).toHaveLength(4);
    expect(scale(iterated.perturbation!)).toBeCloseTo(iterated.epsilon!, 5);
    // Moving away from the class: its loss grows step by step.
    expect(iterated.losses!.at(-1)!).toBeGreaterThan(iterated.losses![0]!);
    expect(iterated.changed!.length).toBeGreaterThan(0);
    expect(iterated.changed!.some((l) => l.relative > 0)).toBe(true);
    await page.getByTestId('fgsm-result').waitFor();
    expect(await runsIn(page)).toBe('worker');
    await page.getByTestId('attribution').scrollIntoViewIfNeeded();
    await shot(page, 'why-worker-resnet18-fgsm');

    // Visualise the panel's class: ten steps a scale, the image forming as it runs.
    t = await now(page);
    await chooseMethod(page, 'visualise');
    await page.getByTestId('visualise-steps').fill('10');
    await page.getByTestId('visualise-live').waitFor({ timeout: 240_000 });
    await shot(page, 'why-worker-resnet18-visualise-progress');
    const seen = await watchSteps(page, /step \d+ of \d+/);
    expect(seen.length).toBeGreaterThan(0);
    await finished(page, 'visualise');
    longest.visualise = await longestSince(page, t);
    const vis = await snapshot(page, 'visualise');
    expect(vis.target).toEqual({ kind: 'class', classIndex: vis.classIndex });
    // The steps counted are this run's (ten a scale), not the default run's it replaced.
    expect(seen.some((s) => s.endsWith(` of ${vis.steps}`))).toBe(true);
    expect(vis.value!).toBeGreaterThan(vis.greyValue!);
    expect(vis.probabilities![vis.classIndex]).toBeCloseTo(vis.value!, 6);
    await page.getByTestId('visualise-result').waitFor();
    expect(await runsIn(page)).toBe('worker');
    await page.getByTestId('attribution').scrollIntoViewIfNeeded();
    await shot(page, 'why-worker-resnet18-visualise');
    expect(await pageTensors(page)).toBeLessThanOrEqual(tensorsBefore);
    console.log(`longest main-thread task while each ran on ResNet-18 (ms): ${JSON.stringify(longest)}`);

    // The same net on the page (the debug hook builds it there): the same numbers.
    await page.evaluate(() => window.__cnnStudio!.compareWithPageEngine());
    expect(await runsIn(page)).toBe('page');
    await chooseMethod(page, 'compare');
    await page.evaluate(() => window.__cnnStudio!.setTestImage(8));
    await page.getByTestId('compare-changed').waitFor({ timeout: 240_000 });
    const onPage = await compareInfo(page);
    expect(onPage.changed.map((l) => l.layerId)).toEqual(compared.changed.map((l) => l.layerId));
    expect(
      relativeDiff(
        onPage.changed.map((l) => l.relative),
        compared.changed.map((l) => l.relative),
      ),
    ).toBeLessThan(1e-3);

    await chooseMethod(page, 'fgsm');
    const fgsmOnPage = await settledWith(page, 'fgsm', (r) => r.losses?.length === 4);
    expect(relativeDiff(fgsmOnPage.losses!, iterated.losses!)).toBeLessThan(1e-3);
    expect(relativeDiff(fgsmOnPage.after!, iterated.after!)).toBeLessThan(1e-2);
    // ε·sign(gradient) per step: a sign may only differ where the gradient is all but zero.
    const differ = fgsmOnPage.perturbation!.filter(
      (v, i) => Math.abs(v - iterated.perturbation![i]!) > 1e-6,
    ).length;
    expect(differ / iterated.perturbation!.length).toBeLessThan(1e-3);

    await chooseMethod(page, 'visualise');
    const visOnPage = await settledWith(page, 'visualise', (r) => r.steps === vis.steps);
    expect(visOnPage.classIndex).toBe(vis.classIndex);
    expect(relativeDiff(visOnPage.image!, vis.image!)).toBeLessThan(1e-2);
    expect(Math.abs(visOnPage.value! - vis.value!)).toBeLessThan(1e-2 * Math.max(1e-3, vis.value!));
    expect(errors).toEqual([]);
  }, 1_200_000);
});

/** The next finished result of `kind` that `accept`s, read once it is there. */
async function settledWith(
  page: Page,
  kind: AttributionSnapshot['kind'],
  accept: (r: AttributionSnapshot) => boolean,
): Promise<AttributionSnapshot> {
  let last: AttributionSnapshot | null = null;
  await expect
    .poll(
      async () => {
        await finished(page, kind);
        last = await page.evaluate(() => window.__cnnStudio!.attribution!.result());
        return last !== null && accept(last);
      },
      { timeout: 600_000, interval: 1000 },
    )
    .toBe(true);
  return last!;
}
