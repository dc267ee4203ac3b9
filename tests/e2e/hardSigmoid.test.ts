/**
 * A PyTorch-style ONNX file with a standalone Hardsigmoid (alpha 1/6, as MobileNetV3's gate)
 * opened through the UI in real Chromium: it runs, and its activation view draws PyTorch's curve
 * with the file's slope in the formula, the value at a cell equal to the engine's.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, startHarness, type Harness } from './harness';
import { settled } from './editorHelpers';
import { openNeuron, screenshotView, valueOf } from './formulaShared';
import { makePng } from '../fixtures/images';
import { TestGraph, float, int, ints } from '../formats/onnx/onnxTestGraph';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'hsig-e2e-'));

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

/** Conv (large weights, so values reach both flat parts) → Hardsigmoid → Flatten → Gemm → Softmax. */
function gatedBytes(): Uint8Array {
  const g = new TestGraph(13, 5);
  const x = g.input('input', ['batch_size', 3, 64, 64]);
  let y = g.node(
    'Conv',
    [x, g.weight('features.0.weight', [8, 3, 3, 3], undefined, 2), g.weight('features.0.bias', [8])],
    { pads: ints([1, 1, 1, 1]), strides: ints([2, 2]) },
    1,
    '/features/features.0/Conv',
  );
  y = g.node(
    'HardSigmoid',
    [y],
    { alpha: float(1 / 6), beta: float(0.5) },
    1,
    '/features/features.1/HardSigmoid',
  );
  y = g.node('Flatten', [y], { axis: int(1) }, 1, '/Flatten');
  y = g.node(
    'Gemm',
    [y, g.weight('classifier.weight', [3, 8 * 32 * 32], undefined, 0.05), g.weight('classifier.bias', [3])],
    { transB: int(1) },
    1,
    '/classifier/Gemm',
  );
  g.output(g.node('Softmax', [y], { axis: int(1) }, 1, '/Softmax'));
  return g.encode();
}

describe('PyTorch Hardsigmoid in the app', () => {
  it(
    "opens, runs, and its activation view shows relu6(x + 3) / 6's slope and the engine's value",
    { timeout: 300_000 },
    async () => {
      const file = join(dir, 'gated.onnx');
      writeFileSync(file, gatedBytes());
      const image = join(dir, 'stripes.png');
      writeFileSync(
        image,
        makePng(64, 64, (x, y) => [(x * 4) % 256, (y * 4) % 256, (x + y) % 2 ? 230 : 20]),
      );
      const { page, errors } = await openApp(h);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.getByTestId('view-text').click();
      await page.getByTestId('text-file').setInputFiles(file);
      await expect
        .poll(() => page.getByTestId('text-message').textContent(), { timeout: 60_000 })
        .toMatch(/Opened gated\.onnx with its own weights/);
      await settled(page);
      await page.getByTestId('image-file').setInputFiles(image);
      await page.locator('canvas[aria-label="stripes.png"]').waitFor({ timeout: 60_000 });
      const detail = await openNeuron(page, 'features.1:0');
      const view = detail.getByTestId('activation-view');
      await view.waitFor();
      // The definition carries the file's slope, 1/6, not tfjs' 0.2.
      const definition = await detail.locator('math.display').first().textContent();
      expect(definition?.replace(/\s+/g, '')).toContain('clip(0.167x+0.500,0,1)');
      const x = await valueOf(detail, 'activation-x');
      const y = await valueOf(detail, 'activation-value');
      const engine = await valueOf(detail, 'activation-value', 'data-engine-value');
      expect(Math.abs(y - Math.min(Math.max(x / 6 + 0.5, 0), 1))).toBeLessThan(1e-4);
      expect(Math.abs(y - engine)).toBeLessThan(1e-4);
      await screenshotView(page, 'hard-sigmoid-torch');
      expect(errors).toEqual([]);
    },
  );
});
