/**
 * A Caffe deploy prototxt that does not say how images were prepared, opened through the text
 * pane in real Chromium: the message, the model-input preview and the Input panel say so; one
 * click sets Caffe's BGR 0–255 with the ImageNet mean, and the notes go.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shot, startHarness, type Harness } from './harness';
import { node, openEditor, settled } from './editorHelpers';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'caffe-unstated-'));
const DEPLOY = `name: "tiny_deploy"
input: "data"
input_shape { dim: 1 dim: 3 dim: 64 dim: 64 }
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1"
  convolution_param { num_output: 4 kernel_size: 3 } }
layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" }
layer { name: "pool1" type: "Pooling" bottom: "conv1" top: "pool1"
  pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layer { name: "fc" type: "InnerProduct" bottom: "pool1" top: "fc" inner_product_param { num_output: 10 } }
layer { name: "prob" type: "Softmax" bottom: "fc" top: "prob" }
`;

beforeAll(async () => {
  h = await startHarness();
  writeFileSync(join(dir, 'deploy.prototxt'), DEPLOY);
});
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

describe('a Caffe deploy prototxt without transform_param', () => {
  it(
    'says the preparation is unknown where the input is shown, and offers Caffe BGR 0–255 in one click',
    { timeout: 300_000 },
    async () => {
      const { page, errors } = await openEditor(h);
      await page.getByTestId('view-text').click();
      await page.getByTestId('text-file').setInputFiles(join(dir, 'deploy.prototxt'));
      await expect
        .poll(() => page.getByTestId('text-message').textContent(), { timeout: 60_000 })
        .toMatch(/Opened deploy\.prototxt.*does not say how images were prepared/s);
      await settled(page);
      const note = page.getByTestId('input-unstated-note');
      await expect.poll(() => note.isVisible()).toBe(true);
      expect(await note.textContent()).toMatch(
        /does not say how images were prepared: fed as RGB 0–1 for now/,
      );
      await page.getByTestId('view-graph').click();
      await node(page, 'data').click();
      await page.getByTestId('tab-layer').click();
      const panel = page.getByTestId('input-panel');
      await panel.getByTestId('input-unstated').waitFor();
      await panel.scrollIntoViewIfNeeded();
      await shot(page, 'caffe-unstated-panel');
      await panel.getByTestId('input-unstated-caffe').click();
      await expect
        .poll(() => panel.getByTestId('input-formula').textContent())
        .toMatch(/255·v − \[103\.939, 116\.779, 123\.68\]/);
      await expect.poll(() => panel.getByTestId('input-unstated').count()).toBe(0);
      await expect.poll(() => page.getByTestId('input-unstated-note').count()).toBe(0);
      await shot(page, 'caffe-unstated-set');
      expect(errors).toEqual([]);
    },
  );
});
