/**
 * A large ONNX file (about 80 MB of weights, made here by our own ONNX writer) opened through
 * the text pane in real Chromium: the progress bar appears (reading with a share and the
 * bytes, then decoding, then building), the model opens with its own weights, and the bar
 * goes. The longest main-thread task while it opens is printed for a hand check (speed is
 * measured by `npm run bench`, never asserted here). Screenshots of the bar at 1280×800 and
 * 390×844.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { TestGraph, int } from '../formats/onnx/onnxTestGraph';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'large-onnx-e2e-'));
/** 3×64×64 inputs into 1600 units: 19.7 M weights, 78.6 MB of float32. */
const HIDDEN = 1600;

beforeAll(async () => {
  h = await startHarness();
  const g = new TestGraph(13, 7);
  let y = g.node('Flatten', [g.input('input', ['N', 3, 64, 64])], { axis: int(1) }, 1, '/Flatten');
  y = g.node(
    'Gemm',
    [y, g.weight('fc1.weight', [HIDDEN, 3 * 64 * 64], undefined, 0.01), g.weight('fc1.bias', [HIDDEN])],
    { transB: int(1) },
    1,
    '/fc1/Gemm',
  );
  y = g.node('Relu', [y], {}, 1, '/relu/Relu');
  y = g.node(
    'Gemm',
    [y, g.weight('fc2.weight', [10, HIDDEN], undefined, 0.05), g.weight('fc2.bias', [10])],
    { transB: int(1) },
    1,
    '/fc2/Gemm',
  );
  g.output(g.node('Softmax', [y], { axis: int(1) }, 1, '/Softmax'));
  writeFileSync(join(dir, 'big.onnx'), g.encode());
}, 300_000);
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

interface Seen {
  labels: { at: number; text: string; value: string | null }[];
  longTasks: { start: number; duration: number }[];
}

/** Records, in the page, every progress label shown (with the bar's value) and every long task. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Seen = { labels: [], longTasks: [] };
    (window as unknown as { __seen: Seen }).__seen = seen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    new MutationObserver(() => {
      const label = document.querySelector('[data-testid="open-progress-label"]');
      const text = label?.textContent ?? '';
      if (text && seen.labels.at(-1)?.text !== text)
        seen.labels.push({
          at: performance.now(),
          text,
          value:
            document.querySelector('[data-testid="open-progress-bar"]')?.getAttribute('aria-valuenow') ??
            null,
        });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const seen = (page: Page): Promise<Seen> =>
  page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  describe(`a large ONNX file at ${viewport.width}×${viewport.height}`, () => {
    it('opens with a progress bar and its own weights', { timeout: 600_000 }, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      // On a phone the editor, and its text pane, are in the drawer.
      if (viewport.width < 700) {
        await page.getByTestId('drawer-toggle').click();
        await page.getByTestId('side-panel').waitFor();
      }
      await page.getByTestId('view-text').click();
      await watch(page);
      const t0 = await page.evaluate(() => performance.now());
      await page.getByTestId('text-file').setInputFiles(join(dir, 'big.onnx'));
      await page.getByTestId('open-progress').waitFor({ timeout: 60_000 });
      await page.getByTestId('open-progress').scrollIntoViewIfNeeded();
      await shot(page, `large-onnx-progress-${viewport.width}`);
      await expect
        .poll(() => page.getByTestId('text-message').textContent(), { timeout: 120_000 })
        .toMatch(/Opened big\.onnx with its own weights: 6 layers/);
      await expect.poll(() => page.getByTestId('open-progress').count()).toBe(0);
      const { labels, longTasks } = await seen(page);
      const texts = labels.map((l) => l.text);
      // Read with a share and the bytes, then decoded, then built, in that order.
      const reading = texts.findIndex((t) => /^Reading big\.onnx: .* of 78\.\d MB \(\d+ %\)$/.test(t));
      const decoding = texts.findIndex((t) => /^Decoding big\.onnx \(78\.\d MB\)…$/.test(t));
      const building = texts.findIndex((t) => t === 'Building big.onnx in TensorFlow.js…');
      expect(reading, texts.join(' | ')).toBeGreaterThanOrEqual(0);
      expect(decoding).toBeGreaterThan(reading);
      expect(building).toBeGreaterThan(decoding);
      expect(labels[reading]?.value).toMatch(/^\d+$/);
      expect(labels[decoding]?.value).toBeNull();
      expect(errors).toEqual([]);
      // For the report: the longest main-thread tasks while reading+decoding and while building.
      const builtAt = labels[building]?.at ?? Infinity;
      const during = (from: number, to: number) =>
        Math.max(0, ...longTasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration));
      console.log(
        `[large onnx ${viewport.width}] steps: ${labels.map((l) => `${Math.round(l.at - t0)}ms ${l.text}`).join(' | ')}`,
      );
      console.log(
        `[large onnx ${viewport.width}] longest main-thread task: reading+decoding ${Math.round(during(t0, builtAt))} ms, building+first run ${Math.round(during(builtAt, Infinity))} ms; all: ${longTasks
          .filter((t) => t.start >= t0)
          .map((t) => `${Math.round(t.start - t0)}+${Math.round(t.duration)}`)
          .join(', ')}`,
      );
    });
  });
}
