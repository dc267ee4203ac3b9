/**
 * `npm run bench:big -- --tools`: the "Why?" tools beyond the heat maps on ResNet-18 (224×224,
 * random weights) in the net worker, used from the panel as the browser test uses them, each
 * timed by the longest main-thread task from its start to its result on screen (long-task
 * timing reports tasks over 50 ms; 0 when there were none):
 * - `compare`: test-7 pinned as A, then test-8 shown as B, until the changed layers are listed;
 * - `compareDiff`: then the overview switched to B − A, until every map of it is drawn;
 * - `fgsm`: one FGSM step, then three;
 * - `visualise`: class visualisation, ten steps a scale, with its image forming;
 * - `idle`, the control: ten seconds of the same page doing nothing, before them (the page
 *   holding ResNet-18 has pauses of its own: garbage collection, layout of its overview).
 * Only the panel's state and status line are read while they run (reading a result would
 * copy its arrays on the page's thread, a long task of the bench's own).
 */
import type { Browser, Page } from 'playwright-core';
import '../../src/app/browser/debugHookTypes';
import { methodFinished, openResnet18, until, WAIT } from './benchWhy';
import { round1 } from './benchStats';

export interface WhyToolsBench {
  idleLongestTaskMs: number;
  compareLongestTaskMs: number;
  compareDiffLongestTaskMs: number;
  fgsmLongestTaskMs: number;
  visualiseLongestTaskMs: number;
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The longest task that ended after `start` (page time). */
const longestSince = (page: Page, start: number): Promise<number> =>
  page.evaluate((s) => {
    const w = window as unknown as { __longTasks: [number, number][] };
    return Math.max(0, ...w.__longTasks.filter((e) => e[0] + e[1] > s).map((e) => e[1]));
  }, start);

/** Settles what a step set going (a last paint), so its tasks are counted as its own. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 1000));

export async function benchWhyTools(
  browser: Browser,
  url: string,
  log: (line: string) => void,
): Promise<WhyToolsBench> {
  const page = await openResnet18(browser, url);
  try {
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
    await page.getByTestId('why-button').click();
    await until(methodFinished(page, 'gradCam'), 'Grad-CAM');
    await settle();
    const method = (m: string) => page.locator('label', { has: page.getByTestId(`method-${m}`) }).click();

    let t = await now(page);
    await new Promise((r) => setTimeout(r, 10_000));
    const idle = await longestSince(page, t);

    t = await now(page);
    await method('compare');
    await page.getByTestId('compare-pin').click();
    await page.getByTestId('compare-same').waitFor({ timeout: WAIT });
    await page.evaluate(() => window.__cnnStudio!.setTestImage(8));
    await page.getByTestId('compare-changed').waitFor({ timeout: WAIT });
    await settle();
    const compare = await longestSince(page, t);

    t = await now(page);
    const paints = await page.evaluate(() => window.__cnnStudio!.paints());
    await page.getByTestId('compare-overview').selectOption('difference');
    await until(() => page.evaluate((n) => window.__cnnStudio!.paints() > n, paints), 'B − A drawn');
    await settle();
    const compareDiff = await longestSince(page, t);
    await page.getByTestId('compare-overview').selectOption('image');
    await settle();

    t = await now(page);
    await method('fgsm');
    await until(methodFinished(page, 'fgsm'), 'FGSM');
    await page.getByTestId('fgsm-steps').fill('3');
    await until(
      () => page.evaluate(() => window.__cnnStudio!.attribution!.state().running),
      'FGSM, 3 steps, started',
    );
    await until(methodFinished(page, 'fgsm'), 'FGSM, 3 steps');
    await settle();
    const fgsm = await longestSince(page, t);

    t = await now(page);
    await method('visualise');
    await page.getByTestId('visualise-steps').fill('10');
    await until(methodFinished(page, 'visualise'), 'visualisation');
    await settle();
    const visualise = await longestSince(page, t);

    const out = {
      idleLongestTaskMs: round1(idle),
      compareLongestTaskMs: round1(compare),
      compareDiffLongestTaskMs: round1(compareDiff),
      fgsmLongestTaskMs: round1(fgsm),
      visualiseLongestTaskMs: round1(visualise),
    };
    log(`  "Why?" tools on ResNet-18, longest tasks (ms): ${JSON.stringify(out)}`);
    return out;
  } finally {
    await page.close();
  }
}
