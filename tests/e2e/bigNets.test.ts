/**
 * Big networks from the zoo (ResNet-18, MobileNet v2 at 224×224, random weights) are built and
 * run in the net worker: the page answers a hover while one loads, the overview of the new net
 * is drawn in full, and its activations are those the page's own engine computes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startHarness, type Harness } from './harness';
import { openEditor, settled } from './editorHelpers';
import { partsOutsideColumnBoxes } from './pageReads';
import { resnet18Spec } from '../../src/lib/zoo/resnet18';
import { mobilenetV2Spec } from '../../src/lib/zoo/mobilenetV2';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

const overviewNeuron = (page: Page, layer: string) =>
  page.locator(`[data-testid="overview"] [data-testid="neuron"][data-layer="${layer}"]`).first();

describe('big networks run in the net worker', () => {
  for (const [id, spec] of [
    ['resnet18', resnet18Spec()],
    ['mobilenetv2', mobilenetV2Spec()],
  ] as const)
    it(`${id}: the page answers a hover while it loads; its overview is drawn in full, with the page engine's values`, async () => {
      const { page, errors } = await openEditor(h);
      await page.getByTestId('open-zoo').click();
      await page.locator(`[data-testid="zoo-card"][data-id="${id}"]`).getByTestId('zoo-open').click();
      await page.getByTestId('link-rebuilding').waitFor();
      // Built, given random weights and run in one step in the worker: said so, not "carrying
      // the weights over" for all of it.
      expect((await page.getByTestId('link-rebuilding').textContent())?.trim()).toBe(
        `Building ${spec.name} with random weights and running it on your image…`,
      );
      // TinyVGG's overview is still shown while the new net is built: a hover is answered at
      // once (a page blocked by the build would answer it only after the build).
      // `force`: no waiting for the element to be "stable" (the closing zoo dialog animates).
      await overviewNeuron(page, 'conv_1_1').hover({ position: { x: 10, y: 10 }, force: true });
      await page.getByTestId('neuron-tooltip').waitFor();
      expect(await page.getByTestId('link-rebuilding').count()).toBe(1);
      await page.mouse.move(0, 0);

      await settled(page, 300_000);
      await expect.poll(() => page.getByTestId('link-problem').count()).toBe(0);
      expect(await page.evaluate(() => window.__cnnStudio!.runsIn())).toBe('worker');
      // The drawn airplane's caption does not call a random net's "class k" wrong.
      await expect
        .poll(() => page.getByTestId('example-about').textContent())
        .toContain('Its weights are random, so its answer means nothing yet.');
      // Drawn in full: the mark the bench reads, and a map in the last spatial layer.
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByName('net-overview-drawn').length), {
          timeout: 60_000,
        })
        .toBe(1);
      const spatial = spec.layers.filter((l) => l.type === 'Conv2D').at(-1)!.id;
      const neuron = overviewNeuron(page, spatial);
      await neuron.scrollIntoViewIfNeeded();
      const box = (await neuron.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tooltip = page.getByTestId('neuron-tooltip');
      await expect.poll(() => tooltip.textContent()).toContain(spatial);
      await expect.poll(() => page.getByTestId('tooltip-value').count()).toBe(1);
      await page.mouse.move(0, 0);
      await page.getByTestId('overview').scrollIntoViewIfNeeded();
      await shot(page, `big-net-${id}`);
      // The "+N more" buttons under neighbouring narrow columns do not run into each other.
      const buttons = await page
        .locator('[data-testid="more-channels"]')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right, r.top]));
      const overlaps = buttons.filter(
        ([l, r, t], i) =>
          i > 0 && t === buttons[i - 1]![2] && l! < buttons[i - 1]![1]! - 0.5 && r! > buttons[i - 1]![0]!,
      );
      expect(buttons.length).toBeGreaterThan(10);
      expect(overlaps).toEqual([]);
      // Each column is clipped to its box: nothing of it may reach outside.
      expect(await partsOutsideColumnBoxes(page)).toEqual([]);
      // Nor do the numbers of the colour legends under them (they ran together as "−0.210.21−0.21").
      const ticks = await page
        .locator('[data-testid="range-legends"] [data-testid="legend"] span')
        .evaluateAll((els) =>
          els
            .map((e) => e.getBoundingClientRect())
            .filter((r) => r.width > 0)
            .map((r) => [r.left, r.right] as const)
            .sort((a, b) => a[0] - b[0]),
        );
      expect(ticks.length).toBeGreaterThan(10);
      expect(ticks.filter(([l], i) => i > 0 && l < ticks[i - 1]![1] - 0.5)).toEqual([]);
      // The editor's graph: every node's name inside its card, its type clear of its shape
      // (MobileNet's "expanded_conv_depthwise" ran off the card, "DWConv2D" into "112 × 112 × 32").
      const nodeTexts = await page.locator('[data-testid="node"]').evaluateAll((nodes) =>
        nodes.map((n) => {
          const width = Number(n.querySelector('rect')!.getAttribute('width'));
          const text = (c: string) => n.querySelector<SVGTextElement>(`text.${c}`)!;
          const end = (t: SVGTextElement) => Number(t.getAttribute('x')) + t.getComputedTextLength();
          const shape = text('shape');
          const shapeStart = Number(shape.getAttribute('x')) - shape.getComputedTextLength();
          return {
            id: n.getAttribute('data-id'),
            name: end(text('name')) <= width - 4,
            type: end(text('type')) < shapeStart - 2,
          };
        }),
      );
      expect(nodeTexts.length).toBeGreaterThan(20);
      expect(nodeTexts.filter((t) => !t.name || !t.type)).toEqual([]);
      // The maps show what the page's engine computes with the same weights.
      const same = await page.evaluate(() => window.__cnnStudio!.compareWithPageEngine());
      expect(same.layers).toBe(spec.layers.length);
      expect(same.maxDiff).toBeLessThan(1e-3);
      expect(await page.evaluate(() => window.__cnnStudio!.runsIn())).toBe('page');
      expect(errors).toEqual([]);
    }, 600_000);
});
