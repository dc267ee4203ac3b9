/** The activation and pooling formula views in real Chromium, with the engine's numbers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { openApp } from './harness';
import { openDetail, openNeuron, screenshotView, valueOf } from './formulaShared';
import { encodeShareHash } from '../../src/lib/formats/shareLink';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('activation view', () => {
  it('follows a hovered pixel through ReLU, on the graph and in the formula', async () => {
    const { page, detail: d, errors } = await openDetail(h, 'relu_1_1:0');
    const view = d.getByTestId('activation-view');
    await view.waitFor();
    // A channel whose inputs are all negative (2 for this image) still shows ReLU's rising half:
    // a quarter of the graph's width at least, not a wall in its last 0.1 (it looked a step).
    await d.getByTestId('detail-channel').selectOption('2');
    await expect.poll(() => view.getAttribute('data-input-max').then(Number)).toBeLessThan(0.01);
    const graph = d.getByTestId('activation-graph');
    const [from, to] = [
      Number(await graph.getAttribute('data-from')),
      Number(await graph.getAttribute('data-to')),
    ];
    expect(to).toBeGreaterThanOrEqual(0.25 * -from);
    // A channel whose input has both signs shows ReLU doing something on both sides.
    for (let c = 0; c < 10; c++) {
      await d.getByTestId('detail-channel').selectOption(String(c));
      if (
        Number(await view.getAttribute('data-input-min')) < 0 &&
        Number(await view.getAttribute('data-input-max')) > 0
      )
        break;
    }
    // It opens on the most negative input, which ReLU sets to 0.
    expect(await valueOf(d, 'activation-x')).toBeLessThan(0);
    expect(await valueOf(d, 'activation-value')).toBe(0);

    const map = d.getByTestId('activation-input-map');
    const box = await map.boundingBox();
    if (!box) throw new Error('no input map on screen');
    for (const [fx, fy] of [
      [0.62, 0.56],
      [0.2, 0.8],
      [0.9, 0.1],
    ] as const) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
      const x = await valueOf(d, 'activation-x');
      const y = await valueOf(d, 'activation-value');
      expect(y).toBeCloseTo(Math.max(0, x), 6);
      expect(Math.abs(y - (await valueOf(d, 'activation-value', 'data-engine-value')))).toBeLessThan(1e-5);
      const point = d.getByTestId('activation-point');
      expect(Number(await point.getAttribute('data-x'))).toBeCloseTo(x, 6);
    }
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.27);
    await screenshotView(page, 'formula-activation');

    // Arrow keys move the cell too.
    const at = d.getByTestId('activation-at');
    const [, row, col] = /\((\d+), (\d+)\)/.exec((await at.textContent()) ?? '') ?? [];
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => at.textContent()).toContain(`(${Number(row) - 1}, ${Number(col) - 1})`);
    await d.getByTestId('detail-close').click();
    await expect.poll(() => page.getByTestId('neuron-detail').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('parameterised activations', () => {
  it('draws ThresholdedReLU, a capped ReLU and PReLU with their own threshold, cap and slope, equal to the engine', async () => {
    // TinyVGG with two of its activations swapped, opened from a share link (pretrained weights kept).
    const spec = tinyVggSpec();
    spec.layers = spec.layers.map((l) =>
      l.id === 'relu_1_1'
        ? { ...l, type: 'ThresholdedReLU', params: { theta: 0.2 } }
        : l.id === 'relu_2_2'
          ? { ...l, type: 'PReLU', params: { sharedAxes: [1, 2] } }
          : l.id === 'relu_2_1'
            ? { ...l, type: 'ReLU', params: { maxValue: 0.8 } }
            : l,
    );
    const hash = encodeShareHash(spec);
    const { page, errors } = await openApp(h, hash.startsWith('#') ? hash : `#${hash}`);
    await expect.poll(() => page.locator('[data-layer="relu_1_1"][data-testid="neuron"]').count()).toBe(10);
    for (const [layer, f, definition] of [
      ['relu_1_1', (x: number) => (x > 0.2 ? x : 0), /x\s*>\s*0\.200/],
      ['relu_2_1', (x: number) => Math.min(Math.max(x, 0), 0.8), /max\s*\(\s*0\s*,\s*x\s*\)\s*,\s*0\.800/],
      // A new PReLU starts with zero slopes (the Keras default), so it acts as ReLU until trained.
      ['relu_2_2', (x: number) => Math.max(x, 0), /0\.000\s*x/],
    ] as const) {
      const d = await openNeuron(page, `${layer}:2`);
      // The pointer stays where the neuron was clicked; over the dialog's maps it would pick
      // cells too (hover), racing the keyboard walk below.
      await page.mouse.move(1, 1);
      const view = d.getByTestId('activation-view');
      await view.waitFor();
      await expect
        .poll(async () => ((await view.locator('math').first().textContent()) ?? '').replace(/\s+/g, ' '))
        .toMatch(definition);
      // Walk along a row: every value is the function of its input and equals the engine's output.
      for (let i = 0; i < 12; i++) {
        const x = await valueOf(d, 'activation-x');
        const y = await valueOf(d, 'activation-value');
        expect(y).toBeCloseTo(f(x), 6);
        expect(Math.abs(y - (await valueOf(d, 'activation-value', 'data-engine-value')))).toBeLessThan(1e-5);
        await page.keyboard.press('ArrowRight');
      }
      // Only PReLU explains that its slope is learned per position.
      expect(await d.getByTestId('prelu-note').count()).toBe(layer === 'relu_2_2' ? 1 : 0);
      await screenshotView(page, `formula-activation-${layer}`);
      await d.getByTestId('detail-close').click();
      await expect.poll(() => page.getByTestId('neuron-detail').count()).toBe(0);
    }
    expect(errors).toEqual([]);
  });
});

describe('softmax layer', () => {
  it('opens the softmax view over the logits of a separate Softmax layer, with the class names and the engine’s probabilities', async () => {
    // TinyVGG's classifier split in two: a linear Dense (same name, so its trained weights stay) and a Softmax layer.
    const spec = tinyVggSpec();
    spec.layers = [
      ...spec.layers.map((l) =>
        l.id === 'output' ? { ...l, params: { ...l.params, activation: 'linear' } } : l,
      ),
      { id: 'probs', type: 'Softmax', params: { axis: -1 }, inputs: ['output'] },
    ];
    const hash = encodeShareHash(spec);
    const { page, errors } = await openApp(h, hash.startsWith('#') ? hash : `#${hash}`);
    await expect
      .poll(() => page.locator('[data-testid="probabilities"] [data-layer="probs"]').count())
      .toBe(10);
    const d = await openNeuron(page, 'probs:3');
    const rows = d.getByTestId('softmax-row');
    await expect.poll(() => rows.count()).toBe(10);
    expect(await d.getByTestId('softmax-formula').getAttribute('data-class')).toBe('3');
    // Class names come from the model, as the last layer's output.
    await expect.poll(() => d.getByTestId('softmax-rows').textContent()).toContain('cat');
    for (let k = 0; k < 10; k++) {
      const row = rows.nth(k);
      const p = Number(await row.getAttribute('data-probability'));
      const engine = Number(await row.getAttribute('data-engine-probability'));
      expect(Math.abs(p - engine)).toBeLessThan(1e-5);
    }
    expect(Number(await d.getByTestId('softmax-sum').getAttribute('data-value'))).toBeGreaterThan(0);
    // The trained weights were kept: the prediction is not marked as coming from an untrained net.
    expect(await page.getByTestId('prediction-untrained').count()).toBe(0);
    await screenshotView(page, 'formula-softmax-layer');
    expect(errors).toEqual([]);
  });
});

describe('pooling view', () => {
  it('slides a 2×2 window with stride 2 and keeps the engine’s maximum at each step', async () => {
    const { page, detail: d, errors } = await openDetail(h, 'max_pool_1:5');
    await d.getByTestId('pool-view').waitFor();
    const position = d.getByTestId('player-position');
    await expect.poll(() => position.textContent()).toMatch(/step 1 of 900/);
    for (let i = 0; i < 3; i++) {
      const cells = await page.getByTestId('pool-window-matrix').locator('mn').allTextContents();
      const values = cells.map((t) => Number(t.replace('−', '-')));
      const y = await valueOf(d, 'pool-value');
      expect(values).toHaveLength(4);
      expect(y).toBeCloseTo(Math.max(...values), 3);
      expect(Math.abs(y - (await valueOf(d, 'pool-value', 'data-engine-value')))).toBeLessThan(1e-6);
      await d.getByTestId('step-forward').click();
    }
    await expect.poll(() => position.textContent()).toMatch(/output \(0, 3\)/);
    // Input cell (5, 7) is read only by output (2, 3): no overlap with stride 2.
    await d.locator('[data-testid="pool-output-grid"] [data-row="2"][data-col="3"]').hover();
    await d.locator('[data-testid="pool-input-grid"] [data-row="5"][data-col="7"]').hover();
    await expect.poll(() => d.getByTestId('hover-note').textContent()).toMatch(/feeds 1 output, marked/);
    await screenshotView(page, 'formula-pooling');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('neuron-detail').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('layers without a formula view', () => {
  it('show the overview’s enlarged map with a sentence saying so', async () => {
    const { page, detail: d, errors } = await openDetail(h, 'input:1');
    await expect.poll(() => d.getAttribute('data-kind')).toBe('none');
    await expect
      .poll(() => d.getByTestId('no-formula').textContent())
      .toMatch(/Input layers have no formula view yet/);
    await d.getByTestId('enlarged-map').waitFor();
    await screenshotView(page, 'formula-none');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('neuron-detail').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
