/**
 * A .caffemodel opened through the UI in real Chromium: picked together with its deploy
 * prototxt and a labels file, explained in the overview with its own weights (saved back as
 * ONNX, the weights are the file's) and its own class names; a damaged one dropped on the
 * pane is refused with the layer named, and the current model stays.
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
import { parseCaffeModel } from '../../src/lib/formats/caffe/caffeModelImport';
import { appNet } from '../formats/caffe/caffeFixtures';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'caffemodel-e2e-'));
const LABELS = ['tabby cat', 'school bus', '<i>it\'s "x"</i>'];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

const rowNames = (page: Page): Promise<string[]> =>
  page
    .getByTestId('probabilities')
    .locator('li')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));

describe('.caffemodel in the app', () => {
  it(
    'opens a .caffemodel with its deploy prototxt and labels, explained with its own weights and names',
    { timeout: 300_000 },
    async () => {
      const { bytes, prototxt } = appNet();
      const files = [join(dir, 'deploy.prototxt'), join(dir, 'app.caffemodel'), join(dir, 'labels.txt')];
      writeFileSync(files[0] ?? '', prototxt);
      writeFileSync(files[1] ?? '', bytes);
      writeFileSync(files[2] ?? '', `${LABELS.join('\n')}\n`);
      const { page, errors } = await openApp(h);
      await page.getByTestId('view-text').click();
      await page.getByTestId('text-file').setInputFiles(files);
      await expect
        .poll(() => page.getByTestId('text-message').textContent(), { timeout: 60_000 })
        .toMatch(/Opened app\.caffemodel with its own weights/);
      const message = (await page.getByTestId('text-message').textContent()) ?? '';
      expect(message).toContain('BGR');
      await settled(page);
      await expect.poll(async () => (await probabilities(page)).length, { timeout: 60_000 }).toBe(3);
      await expect
        .poll(async () => (await rowNames(page)).map((t) => LABELS.some((l) => t.includes(l))))
        .toEqual([true, true, true]);
      expect(await page.getByTestId('probabilities').locator('i').count()).toBe(0);
      await shot(page, 'caffemodel-opened');
      await page.getByTestId('layer-table').scrollIntoViewIfNeeded();
      await shot(page, 'caffemodel-overview');
      expect(await page.getByTestId('layer-table').textContent()).toContain('conv1');

      // The weights the app holds are the file's, not a fresh initialisation.
      const download = page.waitForEvent('download');
      await page.getByTestId('text-download-onnx').click();
      const path = join(dir, 'saved.onnx');
      await (await download).saveAs(path);
      const back = parseOnnx(readFileSync(path));
      const original = parseCaffeModel(bytes, prototxt);
      for (const key of ['conv1/kernel', 'bn1/moving_mean', 'bn1/gamma', 'fc/kernel'])
        expect(Array.from(back.weights?.get(key) ?? []), key).toEqual(
          Array.from(original.weights?.get(key) ?? []),
        );
      expect(back.classes).toEqual(LABELS);
      expect(errors).toEqual([]);
    },
  );

  it(
    'a damaged .caffemodel is refused with the layer named, and the current model stays',
    { timeout: 300_000 },
    async () => {
      const { bytes } = appNet();
      const cut = Array.from(bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      const { page, errors } = await openApp(h);
      const before = await probabilities(page);
      const names = await rowNames(page);
      await page.getByTestId('view-text').click();
      const drop = await page.evaluateHandle((values) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(values)], 'broken.caffemodel'));
        return dt;
      }, cut);
      await page.getByTestId('text-pane').dispatchEvent('dragover', { dataTransfer: drop });
      await page.getByTestId('text-pane').dispatchEvent('drop', { dataTransfer: drop });
      await expect
        .poll(() => page.getByTestId('text-error').textContent())
        .toMatch(/cut short in layer\[6\] \(after layer "pool1"\): it needs \d+ bytes but only \d+ are left/);
      await shot(page, 'caffemodel-refused');
      // The page's own image drop did not take the model file for an image.
      expect(await page.locator('body').textContent()).not.toContain('not an image file');
      expect(await rowNames(page)).toEqual(names);
      expect(await probabilities(page)).toEqual(before);
      expect(errors).toEqual([]);
    },
  );
});
