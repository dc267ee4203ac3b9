/**
 * Training in the browser, end to end in real Chromium: the one-click demo with live curves
 * and an overview that follows the weights, pause and resume, a user's zip dataset, a NaN
 * from a huge learning rate, and saving / reloading / downloading / uploading a model.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { openApp, SCREENSHOTS, startHarness, type Harness } from './harness';
import { probabilities } from './pageReads';
import { makePng } from '../fixtures/images';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-training-'));

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
/** Pages of finished tests are closed, so a worker left training cannot slow the next test. */
const pages: Page[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close()));
});

async function status(page: Page): Promise<string> {
  return (await page.getByTestId('train-status').getAttribute('data-status')) ?? '';
}

function waitStatus(page: Page, wanted: string[], timeout = 90_000): Promise<unknown> {
  return page.waitForFunction(
    (w) =>
      w.includes(document.querySelector('[data-testid=train-status]')?.getAttribute('data-status') ?? ''),
    wanted,
    { timeout },
  );
}

/** The step of the last training record, read from the progress text's first number. */
async function currentStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('train-progress').textContent()) ?? '';
  return Number(/\d[\d,]*/.exec(text)?.[0]?.replace(/,/g, '') ?? 0);
}

function waitStep(page: Page, atLeast: number, timeout = 120_000): Promise<unknown> {
  return page.waitForFunction(
    (n) =>
      Number(
        /\d[\d,]*/
          .exec(document.querySelector('[data-testid=train-progress]')?.textContent ?? '')?.[0]
          ?.replace(/,/g, '') ?? 0,
      ) >= n,
    atLeast,
    { timeout },
  );
}

async function kernelPictures(page: Page): Promise<string[]> {
  return page
    .getByTestId('kernel-grid')
    .locator('canvas')
    .evaluateAll((els) => els.map((c) => (c as HTMLCanvasElement).toDataURL()));
}

/** A picture of the training panel alone (the whole page is many screens long). */
async function panelShot(page: Page, name: string): Promise<void> {
  // From the top, so the sticky header is not painted over the panel.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.getByTestId('training-panel').boundingBox();
  const scrollY = await page.evaluate(() => window.scrollY);
  if (!box) throw new Error('the training panel is not on the page');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    clip: { x: box.x, y: box.y + scrollY, width: box.width, height: box.height },
  });
}

describe('training in the browser', () => {
  it('trains TinyVGG from scratch on shapes with one click: curves grow, the explainer follows, pause and resume hold and continue', async () => {
    const { page, errors } = await openApp(h);
    pages.push(page);
    await page.getByTestId('train-demo').click();
    await waitStatus(page, ['running']);
    await waitStep(page, 6);
    // During training the grid shows what training has changed in the first layer's kernels.
    await expect.poll(() => page.getByTestId('kernel-grid').getAttribute('data-showing')).toBe('change');
    const kernelsEarly = await kernelPictures(page);
    const probsEarly = await probabilities(page);
    expect(kernelsEarly).toHaveLength(10);
    expect(probsEarly).toHaveLength(10);
    await waitStep(page, 40);
    // What a visitor sees at the top of the page meanwhile: the overview running the new weights.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'training-overview.png') });
    await page.waitForFunction(
      () =>
        Number(
          document
            .querySelector('[data-testid=accuracy-chart] svg[role=img]')
            ?.getAttribute('data-validation-points'),
        ) >= 1,
    );
    // The explainer runs the new weights: the prediction and the first layer's kernels changed.
    const probsLater = await probabilities(page);
    expect(probsLater.some((p, i) => Math.abs(p - probsEarly[i]!) > 1e-4)).toBe(true);
    const kernelsLater = await kernelPictures(page);
    expect(kernelsLater.filter((k, i) => k !== kernelsEarly[i]).length).toBeGreaterThan(5);
    const points = Number(
      await page.getByTestId('loss-chart').locator('svg[role=img]').getAttribute('data-points'),
    );
    expect(points).toBeGreaterThanOrEqual(40);

    await page.getByTestId('train-pause').click();
    await waitStatus(page, ['paused']);
    const pausedAt = await currentStep(page);
    await page.waitForTimeout(1500);
    expect(await currentStep(page)).toBe(pausedAt);
    await page.getByTestId('train-resume').click();
    await waitStatus(page, ['running']);
    await waitStep(page, pausedAt + 3);

    await page.getByTestId('train-stop').click();
    await waitStatus(page, ['stopped']);
    const matrix = page.getByTestId('confusion-matrix');
    await matrix.waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(10);
    expect(await page.getByTestId('per-class').locator('li').count()).toBe(10);
    await panelShot(page, 'training-demo');
    // In Chinese the class names in the column heads stand upright (not turned upside down), and
    // the header row is as tall as its longest name, with no empty band above it.
    await page.getByTestId('language').selectOption('zh-CN');
    const heads = matrix.locator('thead th.col-head');
    await expect.poll(() => heads.first().textContent()).toMatch(/\p{Script=Han}/u);
    const geometry = await heads.evaluateAll((ths) =>
      ths.map((th) => {
        const span = th.querySelector('span')!;
        return {
          transform: getComputedStyle(span).transform,
          head: th.getBoundingClientRect().height,
          label: span.getBoundingClientRect().height,
        };
      }),
    );
    expect(geometry.map((g) => g.transform)).toEqual(geometry.map(() => 'none'));
    const tallest = Math.max(...geometry.map((g) => g.label));
    expect(geometry[0]!.head).toBeLessThanOrEqual(tallest + 8);
    expect(errors).toEqual([]);
  });

  it("trains on a zip of the user's images: lists skipped files, says images are resized, shows the split, adapts the output layer", async () => {
    const { page, errors } = await openApp(h);
    pages.push(page);
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 12; i++) {
      const w = i % 2 === 0 ? 40 : 90;
      files[`shapes/stripes/s${i}.png`] = makePng(w, 40, (x) => (x % 8 < 4 ? [220, 40, 40] : [30, 30, 160]));
      files[`shapes/blobs/b${i}.png`] = makePng(w, 40, (x, y) =>
        (x - 20) ** 2 + (y - 20) ** 2 < 90 + i * 6 ? [250, 250, 250] : [40, 120, 60],
      );
    }
    files['shapes/blobs/notes.png'] = new TextEncoder().encode('not really a picture');
    files['shapes/README.txt'] = new TextEncoder().encode('two classes');
    const zip = join(dir, 'shapes.zip');
    writeFileSync(zip, zipSync(files));

    await page.getByTestId('data-user').click();
    await page.getByTestId('data-zip').setInputFiles(zip);
    const summary = page.getByTestId('dataset-summary');
    await summary.waitFor();
    await expect.poll(() => summary.locator('tbody th').allTextContents()).toEqual(['blobs', 'stripes']);
    await expect.poll(() => page.getByTestId('split-train').textContent()).toBe('20');
    await expect.poll(() => page.getByTestId('split-validation').textContent()).toBe('4');
    const issues = await page.getByTestId('dataset-issues').locator('li').allTextContents();
    expect(issues.join('\n')).toMatch(
      /2 files were skipped: shapes\/README\.txt \(not inside a class folder\); shapes\/blobs\/notes\.png \(not an image file \(its content is text\)\)\./,
    );
    expect(issues.join('\n')).toMatch(/2 sizes \(40×40, 90×40\).*resized to 64×64/);

    // The pretrained net has 10 outputs: training says so and offers to adapt the last layer.
    await page.getByTestId('train-start').click();
    await expect
      .poll(() => page.getByTestId('train-problem').textContent())
      .toMatch(/10 outputs but the dataset has 2 classes/);
    await page.getByTestId('train-fix').click();
    await page.getByTestId('train-problem').waitFor({ state: 'detached' });
    await page.getByTestId('train-start').click();
    await waitStatus(page, ['running', 'finished']);
    await waitStatus(page, ['finished']);
    await expect.poll(() => page.getByTestId('confusion-matrix').locator('tbody tr').count()).toBe(2);
    await expect.poll(() => page.getByTestId('probabilities').locator('li').count()).toBe(2);
    await panelShot(page, 'training-zip');
    expect(errors).toEqual([]);
  });

  it('stops with an explanation when a huge learning rate makes the loss NaN, keeping finite weights in the explainer', async () => {
    const { page, errors } = await openApp(h);
    pages.push(page);
    await page.getByTestId('cfg-optimizer').selectOption('sgd');
    await page.getByTestId('cfg-lr').fill('1000');
    await page.getByTestId('train-start').click();
    await waitStatus(page, ['diverged']);
    await expect
      .poll(() => page.getByTestId('train-problem').textContent())
      .toMatch(
        /(loss became (NaN|infinite)|diverging, not learning).*learning rate \(1000\) is probably too high\. Try 100,/,
      );
    const probs = await probabilities(page);
    expect(probs.every(Number.isFinite)).toBe(true);
    expect(await status(page)).toBe('diverged');
    await panelShot(page, 'training-nan');
    // The sentence comes from pure code in both languages and follows the language switch.
    await page.getByTestId('language').selectOption('zh-CN');
    await expect
      .poll(() => page.getByTestId('train-problem').textContent())
      .toMatch(/学习率（1000）很可能太高。请试试 100/);
    await panelShot(page, 'training-nan-zh');
    expect(errors).toEqual([]);
  });

  it('saves a trained model in the browser, finds it after a reload, opens it, downloads it and opens the downloaded files', async () => {
    const { page, errors } = await openApp(h);
    pages.push(page);
    await page.getByTestId('train-demo').click();
    await waitStatus(page, ['running']);
    await waitStep(page, 12);
    await page.getByTestId('train-stop').click();
    await waitStatus(page, ['stopped']);
    // The saved weights themselves (by default the grid shows what training changed).
    await page.getByTestId('kernels-weights').click();
    const kernels = await kernelPictures(page);
    const probs = await probabilities(page);
    await page.getByTestId('library-name').fill('shapes after 12 steps');
    await page.getByTestId('library-save').click();
    await expect
      .poll(() => page.getByTestId('library-list').locator('tbody th').allTextContents())
      .toEqual(['shapes after 12 steps']);

    const downloads: string[] = [];
    page.on('download', (d) => {
      const path = join(dir, d.suggestedFilename());
      downloads.push(path);
      void d.saveAs(path);
    });
    await page.getByTestId('library-download').click();
    await page.waitForFunction(() => true);
    await expect
      .poll(() => downloads.map((p) => p.split('/').pop()).sort(), { timeout: 20_000 })
      .toEqual(['model.json', 'weights.bin']);

    await page.reload();
    await page
      .getByTestId('layer-table')
      .waitFor({ timeout: 60_000 })
      .catch(() => undefined);
    await page.getByTestId('library-list').waitFor({ timeout: 60_000 });
    // The reload brought back the pretrained net: other kernels than the saved ones.
    expect(await kernelPictures(page)).not.toEqual(kernels);
    await page.getByTestId('library-open').first().click();
    await expect
      .poll(() => page.getByTestId('library-message').textContent())
      .toMatch(/Opened “shapes after 12 steps”/);
    await expect.poll(() => kernelPictures(page)).toEqual(kernels);
    expect(
      Number(await page.getByTestId('loss-chart').locator('svg[role=img]').getAttribute('data-points')),
    ).toBeGreaterThanOrEqual(12);
    await panelShot(page, 'training-library');

    // The downloaded files are a standard tfjs model that opens again with its class names.
    await page.reload();
    await page.getByTestId('library-list').waitFor({ timeout: 60_000 });
    await expect.poll(() => downloads.every((p) => readFileSync(p).length > 0)).toBe(true);
    const json = JSON.parse(
      readFileSync(
        downloads.find((p) => p.endsWith('.json'))!,
        'utf8',
      ),
    ) as { weightsManifest: { paths: string[] }[] };
    expect(json.weightsManifest[0]!.paths).toEqual(['weights.bin']);
    await page.getByTestId('library-upload').setInputFiles(downloads);
    await expect.poll(() => page.getByTestId('library-message').textContent()).toMatch(/Opened model\.json/);
    await expect.poll(() => kernelPictures(page)).toEqual(kernels);
    const reopened = await probabilities(page);
    expect(reopened).toHaveLength(probs.length);
    expect(errors).toEqual([]);
  });
});
