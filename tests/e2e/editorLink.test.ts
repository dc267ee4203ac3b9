/** The editor's live link with the explainer, and the model zoo, in real Chromium. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import '../../src/app/browser/debugHookTypes';
import { node, nodeIds, openEditor, probabilities, settled, shapeOf, shot } from './editorHelpers';
import { existsSync } from 'node:fs';
import { ZOO, type ZooCard } from '../../src/lib/zoo';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { checkRunnable } from '../../src/lib/spec/runnable';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterEach(async () => {
  // A page left open keeps its tfjs work running and slows the next test down.
  for (const context of h.browser.contexts()) await context.close();
});
afterAll(async () => {
  await h?.close();
});

function near(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] ?? NaN)) < 1e-6);
}

describe('live link with the explainer', () => {
  it('padding "same" on TinyVGG re-runs the real weights at once; more filters mark layers untrained; undo restores the trained net', async () => {
    const { page, errors } = await openEditor(h);
    // The example image is explained once the model is in: wait for a real distribution.
    await expect
      .poll(async () => (await probabilities(page)).reduce((a, b) => a + b, 0), { timeout: 60_000 })
      .toBeCloseTo(1, 4);
    const before = await probabilities(page);
    expect(before).toHaveLength(10);
    const tensors = () => page.evaluate(() => window.__cnnStudio?.numTensors() ?? -1);
    const tensorsBefore = await tensors();
    expect(tensorsBefore).toBeGreaterThan(0);

    await node(page, 'conv_1_1').focus();
    await page.getByTestId('tab-layer').click();
    await page.locator('#param-conv_1_1-padding').selectOption('same');
    expect(await shapeOf(page, 'conv_1_1')).toBe('64 × 64 × 10');
    await settled(page);
    // Every weight still fits: nothing is untrained, and the prediction changed with the padding.
    await expect.poll(() => page.getByTestId('link-untrained').count()).toBe(0);
    await expect.poll(() => page.locator('[data-untrained="true"]').count()).toBe(0);
    expect(await page.getByTestId('prediction-untrained').count()).toBe(0);
    expect(await page.getByTestId('untrained-layer').count()).toBe(0);
    // Any difference at all: a saturated class can keep its probability to 1e-6.
    await expect.poll(async () => (await probabilities(page)).some((p, i) => p !== before[i])).toBe(true);
    const same = await probabilities(page);
    expect(same.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    // The overview's columns follow the edited net.
    await page.getByTestId('details-toggle').check();
    const header = page.getByTestId('column-header').filter({ hasText: 'conv_1_1' });
    await expect
      .poll(async () => ((await header.textContent()) ?? '').replace(/\s/g, ''))
      .toContain('64×64×10');
    await shot(page, 'editor-padding-same');

    await page.locator('#param-conv_1_1-filters').fill('12');
    await settled(page);
    await expect
      .poll(() => page.getByTestId('link-untrained').textContent())
      .toMatch(/2 layers re-initialised \(conv_1_1, conv_1_2\)/);
    await expect.poll(() => node(page, 'conv_1_1').getAttribute('data-untrained')).toBe('true');
    await expect.poll(() => node(page, 'conv_2_1').getAttribute('data-untrained')).toBe(null);
    // The overview marks the prediction, the re-initialised columns and the stale accuracy.
    await expect
      .poll(() => page.getByTestId('prediction-untrained').textContent())
      .toMatch(/partly untrained net/);
    await expect
      .poll(() => page.getByTestId('partly-untrained').getAttribute('title'))
      .toMatch(/conv_1_1, conv_1_2/);
    await expect
      .poll(() =>
        page
          .locator('[data-testid="column-header"]:has([data-testid="untrained-layer"]) .name')
          .allTextContents(),
      )
      .toEqual(['conv_1_1', 'conv_1_2']);
    await expect
      .poll(() => page.getByTestId('accuracy-stale').textContent())
      .toMatch(/2 of its layers have been re-initialised/);
    expect(await page.getByTestId('test-accuracy').count()).toBe(0);
    await shot(page, 'editor-untrained');

    // Undo both edits: the pretrained weights come back from the bank, so does the exact prediction.
    await node(page, 'conv_1_1').focus();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await settled(page);
    expect(await shapeOf(page, 'conv_1_1')).toBe('62 × 62 × 10');
    await expect.poll(() => page.getByTestId('link-untrained').count()).toBe(0);
    await expect.poll(() => page.getByTestId('prediction-untrained').count()).toBe(0);
    await expect.poll(() => page.getByTestId('untrained-layer').count()).toBe(0);
    await expect.poll(() => page.getByTestId('test-accuracy').count()).toBe(1);
    await expect.poll(async () => near(await probabilities(page), before)).toBe(true);
    // Three rebuilds later the same net holds exactly as many tensors: old models were disposed.
    expect(await tensors()).toBe(tensorsBefore);
    expect(errors).toEqual([]);
  });

  it("opens every zoo model in the editor; those the browser can run replace the explainer's net, with random weights", async () => {
    const { page, errors } = await openEditor(h, { sideWidth: 560 });
    // Small or refused nets first; the explainer's rebuild is waited for where it is quick (TinyVGG,
    // the CIFAR-10 nets, MobileNet v1), the big ones are checked to start rebuilding, so the test
    // stays lean on 2 cores. A net whose trained weights the build ships opens with them.
    const waitFor = new Set(['tinyvgg', 'resnet8', 'mobilenet-cifar', 'mobilenet']);
    const trained = (card: ZooCard) =>
      card.pretrained || (card.weights !== undefined && existsSync(`dist/models/${card.weights}/meta.json`));
    const runs = new Map(ZOO.map((e) => [e.card.id, checkRunnable(e.spec(), inferShapes(e.spec())).ok]));
    const rank = (id: string) => (!runs.get(id) ? 0 : waitFor.has(id) ? 1 : 2);
    const order = [...ZOO].sort((a, b) => rank(a.card.id) - rank(b.card.id));
    let firstHeavy = true;
    for (const entry of order) {
      const spec = entry.spec();
      const run = checkRunnable(spec, inferShapes(spec));
      await page.getByTestId('open-zoo').click();
      const card = page.locator(`[data-testid="zoo-card"][data-id="${entry.card.id}"]`);
      if (entry.card.id === 'vgg16') await shot(page, 'editor-zoo');
      await card.getByTestId('zoo-open').click();
      await expect
        .poll(() => page.getByTestId('node').count(), { timeout: 120_000 })
        .toBe(spec.layers.length);
      await expect.poll(() => nodeIds(page)).toEqual(expect.arrayContaining(spec.layers.map((l) => l.id)));
      if (!run.ok) {
        const text = (await page.getByTestId('link-problem').textContent()) ?? '';
        expect(text).toContain(run.reason.en);
        if (run.tooLarge) expect(text).toMatch(/^Shown in the editor only, too large/);
        if (entry.card.id === 'vgg16') await shot(page, 'editor-vgg16-editor-only');
      } else if (waitFor.has(entry.card.id)) {
        await settled(page, 300_000);
        await expect.poll(() => page.getByTestId('link-problem').count()).toBe(0);
        await expect.poll(() => page.getByTestId('link-random').count()).toBe(trained(entry.card) ? 0 : 1);
        if (entry.card.id === 'mobilenet') await shot(page, 'editor-mobilenet');
      } else if (firstHeavy) {
        // Later big nets queue behind this rebuild; one of them is enough to see the link through.
        firstHeavy = false;
        await settled(page, 300_000);
        await expect.poll(() => page.getByTestId('link-problem').count()).toBe(0);
        await expect.poll(() => page.getByTestId('link-random').count()).toBe(1);
        if (entry.card.id === 'resnet18') {
          // A downsampling block: the projection shortcut beside the two convolutions, into the Add.
          await node(page, 'layer2_0_add').focus();
          // Focus pans the graph to the node; the page itself must not scroll to it.
          await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
          await expect.poll(() => node(page, 'layer2_0_add').getAttribute('data-status')).toBe('ok');
          await expect
            .poll(() => page.locator('[data-testid="edge"][data-to="layer2_0_add"]').count())
            .toBe(2);
          await shot(page, 'editor-resnet18-block');
        }
      }
    }
    expect(errors).toEqual([]);
  }, 900_000);

  it('compares the net with a depthwise-separable variant and can switch to it', async () => {
    const { page, errors } = await openEditor(h);
    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare-choice').selectOption('sep:conv_1_2');
    const rows = page.getByTestId('compare-row');
    await expect.poll(() => rows.count()).toBe(3);
    // conv_1_2: 3·3·10·10 + 10 = 910 params → 90 (depthwise) + 110 (pointwise): 19,920 → 19,210.
    await expect.poll(() => rows.nth(0).locator('td').nth(0).getAttribute('title')).toBe('19,920');
    await expect.poll(() => rows.nth(0).locator('td').nth(1).getAttribute('title')).toBe('19,210');
    const ratio = Number(
      ((await rows.nth(1).getByTestId('compare-ratio').textContent()) ?? '').replace('×', ''),
    );
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(0.6);
    await shot(page, 'editor-compare');
    await page.getByTestId('compare-apply').click();
    expect(await nodeIds(page)).toContain('conv_1_2_dw');
    expect(await shapeOf(page, 'conv_1_2_pw')).toBe('60 × 60 × 10');
    expect(errors).toEqual([]);
  });

  it('reads in Chinese: palette, node badges and messages', async () => {
    const { page, errors } = await openEditor(h, { locale: 'zh-CN' });
    await page.getByTestId('tab-palette').click();
    await page.locator('[data-testid="palette-item"][data-type="SeparableConv2D"]').click();
    await expect.poll(() => page.getByTestId('palette-description').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await expect.poll(() => page.getByTestId('tab-layer').textContent()).toBe('层');
    await shot(page, 'editor-zh');
    expect(errors).toEqual([]);
  });
});
