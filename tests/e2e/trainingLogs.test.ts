/**
 * Training logs in real Chromium: two Caffe logs and a Keras CSVLogger file dropped on the
 * logs panel are drawn with a legend of their file names (markup in a name stays text), the
 * charts switch metric and axis, the SVG export is well-formed XML with the names escaped;
 * a log dropped on the model text pane goes to the chart and leaves the model alone; a file
 * that is no log says so. Screenshots at 1280×800 and 390×844, no sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openApp, startHarness, shot, type Harness } from './harness';
import { node, openEditor } from './editorHelpers';
import { writeCaffeLog, writeKerasCsv } from '../fixtures/logs/caffeLogWriter';

const WAIT = 120_000;
const HOSTILE = 'run <b>"fast"</b> & \\lr.log';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

async function drop(page: Page, testId: string, files: { name: string; text: string }[]): Promise<void> {
  const dt = await page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list) d.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return d;
  }, files);
  await page.getByTestId(testId).dispatchEvent('dragover', { dataTransfer: dt });
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: dt });
}

const paths = (page: Page) =>
  page
    .getByTestId('log-chart')
    .locator('path[data-file]')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-file'), Number(e.getAttribute('data-points'))]),
    );

describe('training logs', () => {
  it('draws dropped logs with a legend, switches charts and exports SVG', { timeout: 400_000 }, async () => {
    const { page, errors } = await openApp(h, '', { width: 1280, height: 800 });
    const panel = page.getByTestId('logs-panel');
    await panel.scrollIntoViewIfNeeded();
    await drop(page, 'logs-panel', [
      { name: 'lenet.log', text: writeCaffeLog() },
      { name: HOSTILE, text: writeCaffeLog({ baseLr: 0.05, iterations: 3000, seed: 4, style: 'old' }) },
    ]);
    await expect
      .poll(() => paths(page), { timeout: WAIT })
      .toEqual([
        ['lenet.log', 5],
        [HOSTILE, 7],
      ]);
    // Each legend entry: the file name as its title and as its (possibly shortened) text.
    const legend = await page
      .getByTestId('log-legend')
      .locator('text')
      .evaluateAll((els) =>
        els.map((e) => [e.querySelector('title')?.textContent, e.lastChild?.textContent]),
      );
    expect(legend).toEqual([
      ['lenet.log', 'lenet.log'],
      [HOSTILE, HOSTILE],
    ]);
    expect(await panel.locator('b').count()).toBe(0);
    await shot(page, 'logs-1280');
    // Learning rate against seconds: both logs have timestamps.
    await panel.locator('button[data-metric="learningRate"]').click();
    await page.getByTestId('logs-seconds').click();
    await expect
      .poll(() => page.getByTestId('log-chart').locator('g[data-unit]').getAttribute('data-unit'))
      .toBe('seconds');
    expect((await paths(page)).map((p) => p[1])).toEqual([20, 30]);
    // A Keras CSVLogger file has no times: listed, not drawn, on the seconds axis; drawn on its own epochs axis.
    await page
      .getByTestId('logs-file')
      .setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(writeKerasCsv(15)) });
    await expect.poll(() => panel.textContent()).toContain('history.csv: no timestamps');
    await panel.locator('button[data-metric="testAccuracy"]').click();
    await panel.getByRole('button', { name: 'Iterations / epochs' }).click();
    await expect
      .poll(() =>
        page
          .getByTestId('log-chart')
          .locator('g[data-unit]')
          .evaluateAll((g) => g.map((e) => e.getAttribute('data-unit'))),
      )
      .toEqual(['iteration', 'epoch']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('logs-svg').click(),
    ]);
    expect(download.suggestedFilename()).toBe('training-testAccuracy-iterations.svg');
    const svg = readFileSync((await download.path()) ?? '', 'utf8');
    expect(svg).toContain('run &lt;b&gt;"fast"&lt;/b&gt; &amp; \\lr.log');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        paths: doc.querySelectorAll('path[data-file]').length,
      };
    }, svg);
    expect(parsed).toEqual({ error: false, paths: 3 });
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('logs-png').click()]);
    expect(
      readFileSync((await png.path()) ?? '')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    await shot(page, 'logs-1280-mixed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it(
    'a log dropped on the model text pane goes to the chart and leaves the model as it was',
    { timeout: 400_000 },
    async () => {
      const { page, errors } = await openEditor(h, { sideWidth: 640 });
      await page.getByTestId('view-text').click();
      await page.getByTestId('text-code').waitFor({ timeout: WAIT });
      const before = await page.getByTestId('text-code').inputValue();
      await drop(page, 'text-pane', [{ name: 'train.log', text: writeCaffeLog() }]);
      await expect
        .poll(() => page.getByTestId('text-message').textContent(), { timeout: WAIT })
        .toContain('Read 1 training log(s): train.log.');
      expect(await page.getByTestId('text-code').inputValue()).toBe(before);
      await expect.poll(() => paths(page), { timeout: WAIT }).toEqual([['train.log', 5]]);
      // A file that is no log, dropped on the logs panel, says so.
      await drop(page, 'logs-panel', [{ name: 'notes.txt', text: 'just some notes\n' }]);
      await expect
        .poll(() => page.getByTestId('logs-problems').textContent())
        .toContain('notes.txt: this is neither a Caffe training log');
      await page.getByTestId('view-graph').click();
      await node(page, 'conv_1_1').waitFor({ timeout: WAIT });
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('fits a phone (390×844) without sideways scrolling', { timeout: 400_000 }, async () => {
    const { page, errors } = await openApp(h, '', { width: 390, height: 844 });
    await page.getByTestId('logs-file').setInputFiles([
      { name: 'lenet.log', mimeType: 'text/plain', buffer: Buffer.from(writeCaffeLog()) },
      {
        name: `${'a-very-long-run-name-'.repeat(6)}.log`,
        mimeType: 'text/plain',
        buffer: Buffer.from(writeCaffeLog({ seed: 9 })),
      },
    ]);
    await page.getByTestId('log-chart').waitFor({ timeout: WAIT });
    await page.getByTestId('logs-panel').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await page.getByTestId('log-chart').boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await shot(page, 'logs-390');
    expect(errors).toEqual([]);
    await page.close();
  });
});
