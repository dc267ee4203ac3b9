/**
 * An ONNX file opened through the UI in real Chromium: picked with the text pane's file
 * picker (or dropped on it), explained in the overview with the class names from its metadata_props (text
 * from the file, shown as text), refused with a message naming the place when it is cut
 * short (the current model stays), and saved back as .onnx with its weights and names.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { probabilities } from './pageReads';
import { settled } from './editorHelpers';
import { parseOnnx } from '../../src/lib/formats/onnx/onnxImport';
import { TestGraph, int, ints } from '../formats/onnx/onnxTestGraph';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'onnx-e2e-'));
const LABELS = ['tabby cat', 'school bus', '<b>it\'s "x"</b>'];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

/** A small PyTorch-style classifier on 64×64 RGB images with three named classes. */
function classifierBytes(): Uint8Array {
  const g = new TestGraph(13, 5);
  const x = g.input('input', ['batch_size', 3, 64, 64]);
  let y = g.node(
    'Conv',
    [x, g.weight('features.0.weight', [8, 3, 3, 3]), g.weight('features.0.bias', [8])],
    { pads: ints([1, 1, 1, 1]), strides: ints([2, 2]) },
    1,
    '/features/features.0/Conv',
  );
  y = g.node('Relu', [y], {}, 1, '/features/features.1/Relu');
  y = g.node(
    'MaxPool',
    [y],
    { kernel_shape: ints([2, 2]), strides: ints([2, 2]) },
    1,
    '/features/features.2/MaxPool',
  );
  y = g.node(
    'Conv',
    [y, g.weight('features.3.weight', [8, 8, 3, 3]), g.weight('features.3.bias', [8])],
    { pads: ints([1, 1, 1, 1]) },
    1,
    '/features/features.3/Conv',
  );
  y = g.node('Relu', [y], {}, 1, '/features/features.4/Relu');
  y = g.node('Flatten', [y], { axis: int(1) }, 1, '/Flatten');
  y = g.node(
    'Gemm',
    [y, g.weight('classifier.weight', [3, 8 * 16 * 16], undefined, 0.05), g.weight('classifier.bias', [3])],
    { transB: int(1) },
    1,
    '/classifier/Gemm',
  );
  g.output(g.node('Softmax', [y], { axis: int(1) }, 1, '/Softmax'));
  g.metadata = [{ key: 'labels', value: JSON.stringify(LABELS) }];
  return g.encode();
}

/** The output column's class names, whole (aria-labels start with the name). */
const rowNames = (page: Page): Promise<string[]> =>
  page
    .getByTestId('probabilities')
    .locator('li')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));

async function openFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('view-text').click();
  await page.getByTestId('text-file').setInputFiles(path);
}

describe('ONNX in the app', () => {
  it(
    'opens an .onnx with its weights and explains it in the overview with its own class names',
    { timeout: 300_000 },
    async () => {
      const file = join(dir, 'classifier.onnx');
      writeFileSync(file, classifierBytes());
      const { page, errors } = await openApp(h);
      await openFile(page, file);
      await expect
        .poll(() => page.getByTestId('text-message').textContent(), { timeout: 60_000 })
        .toMatch(
          /Opened classifier\.onnx with its own weights: 10 layers\..*3 class names from the file's metadata_props/s,
        );
      await settled(page);
      await expect.poll(async () => (await probabilities(page)).length, { timeout: 60_000 }).toBe(3);
      await expect
        .poll(async () => (await rowNames(page)).map((t) => LABELS.some((l) => t.includes(l))))
        .toEqual([true, true, true]);
      // The name with markup is text: no <b> element was made from it.
      expect(await page.getByTestId('probabilities').locator('b').count()).toBe(0);
      const p = await probabilities(page);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
      await shot(page, 'onnx-opened-editor');
      await page.getByTestId('layer-table').scrollIntoViewIfNeeded();
      await shot(page, 'onnx-overview');
      // The layers are named after PyTorch's modules.
      expect(await page.getByTestId('layer-table').textContent()).toContain('features.3');

      // Saved back as .onnx: the same weights and names.
      const download = page.waitForEvent('download');
      await page.getByTestId('text-download-onnx').click();
      const saved = await download;
      const path = join(dir, 'saved.onnx');
      await saved.saveAs(path);
      const back = parseOnnx(readFileSync(path));
      const original = parseOnnx(classifierBytes());
      expect(back.classes).toEqual(LABELS);
      expect(back.weights?.get('features.3/kernel')).toEqual(original.weights?.get('features.3/kernel'));
      expect(errors).toEqual([]);
    },
  );

  it(
    'a cut-short .onnx is refused with the place named, and the current model stays',
    { timeout: 300_000 },
    async () => {
      const bytes = classifierBytes();
      const cut = Array.from(bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      const { page, errors } = await openApp(h);
      const before = await probabilities(page);
      const names = await rowNames(page);
      // Dropped on the text pane this time, as a visitor drags a file from their desktop.
      await page.getByTestId('view-text').click();
      const drop = await page.evaluateHandle((values) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(values)], 'broken.onnx', { type: 'application/octet-stream' }));
        return dt;
      }, cut);
      await page.getByTestId('text-pane').dispatchEvent('dragover', { dataTransfer: drop });
      await page.getByTestId('text-pane').dispatchEvent('drop', { dataTransfer: drop });
      await expect
        .poll(() => page.getByTestId('text-error').textContent())
        .toMatch(
          /the file is cut short: graph\.initializer\[\d+\] \(after initializer "[\w.]+"\) needs \d+ bytes but only \d+ are left/,
        );
      await shot(page, 'onnx-refused');
      expect(await rowNames(page)).toEqual(names);
      expect(await probabilities(page)).toEqual(before);
      expect(errors).toEqual([]);
    },
  );
});
