/** The merge, Concatenate and squeeze-and-excitation views, and the overview's lane of a branching net, in real Chromium. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openApp, startHarness, type Harness } from './harness';
import { screenshotView, valueOf } from './formulaShared';
import { expectEngine, openBranchNet, openView, pointAt } from './branchShared';

// Each test opens the app on a fresh page; on a loaded 2-core machine the first load alone can take a minute or two.
vi.setConfig({ testTimeout: 300_000 });

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

/** The merge's value and its terms, read at once (a re-explained image changes them together). */
const merged = (d: import('playwright-core').Locator) =>
  d.getByTestId('merge-formula').evaluate((f) => ({
    value: Number(f.querySelector('[data-testid="merge-value"]')?.getAttribute('data-value')),
    terms: [...f.querySelectorAll('[data-testid="merge-term"]')].map((e) =>
      Number(e.getAttribute('data-value')),
    ),
  }));

describe('element-wise merges', () => {
  it('a residual Add: its two paths, the sum at any cell equal to the engine, and a jump to a source', async () => {
    const { page, errors } = await openBranchNet(h);
    const d = await openView(page, 'res_add:1', 'merge-view');
    await expect.poll(() => d.getByTestId('merge-fork').getAttribute('data-layer')).toBe('c1');
    const paths = d.getByTestId('merge-path');
    await expect.poll(() => paths.count()).toBe(2);
    expect(await paths.nth(0).getAttribute('data-source')).toBe('c1');
    expect(await paths.nth(1).getByTestId('merge-path-layer').getAttribute('data-layer')).toBe('c2');
    await expect
      .poll(() => d.getByTestId('merge-residual').textContent())
      .toMatch(/c1 reaches the sum unchanged/);
    await expectEngine(d, 'merge-value');
    const first = await merged(d);
    const [a = NaN, b = NaN] = first.terms;
    expect(first.value).toBeCloseTo(a + b, 5);
    // The terms are the numbers in the input grids at the picked cell.
    const formula = d.getByTestId('merge-formula');
    const [row, col] = [await formula.getAttribute('data-row'), await formula.getAttribute('data-col')];
    const cell = (i: number) =>
      d.locator(`[data-testid="merge-input-${i}-grid"] [data-row="${row}"][data-col="${col}"]`);
    expect(Number(await cell(0).getAttribute('data-value'))).toBe(a);
    expect(Number(await cell(1).getAttribute('data-value'))).toBe(b);
    // Another cell, picked on the output map: (2, 9) of 12×12.
    await pointAt(page, d.getByTestId('merge-output-map'), 9.5 / 12, 2.5 / 12);
    await expect.poll(() => formula.getAttribute('data-row')).toBe('2');
    expect(await formula.getAttribute('data-col')).toBe('9');
    await expectEngine(d, 'merge-value');
    const second = await merged(d);
    const [a2 = NaN, b2 = NaN] = second.terms;
    expect(second.value).toBeCloseTo(a2 + b2, 5);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => formula.getAttribute('data-row')).toBe('3');
    await expectEngine(d, 'merge-value');
    await screenshotView(page, 'formula-merge-add');
    // The path's layer opens its own view, at the same channel.
    await d.getByTestId('merge-path-layer').first().click();
    await expect.poll(() => page.getByTestId('neuron-detail').getAttribute('data-kind')).toBe('convolution');
    await expect.poll(() => page.locator('#detail-title').textContent()).toBe('c2');
    expect(await page.getByTestId('detail-channel').inputValue()).toBe('1');
    expect(errors).toEqual([]);
  });

  it('Average of three, Maximum and Multiply: each value is its operation of the terms, as the engine computes', async () => {
    const { page, errors } = await openBranchNet(h);
    const cases: [string, string, (t: number[]) => number][] = [
      ['mean3:2', 'average', (t) => t.reduce((s, x) => s + x, 0) / t.length],
      ['larger:0', 'maximum', (t) => Math.max(...t)],
      ['product:3', 'multiply', (t) => t.reduce((s, x) => s * x, 1)],
    ];
    for (const [neuron, op, combine] of cases) {
      const d = await openView(page, neuron, 'merge-view');
      await expect.poll(() => d.getByTestId('merge-view').getAttribute('data-op')).toBe(op);
      for (const [fx, fy] of [
        [0.3, 0.6],
        [0.9, 0.1],
      ] as const) {
        await pointAt(page, d.getByTestId('merge-output-map'), fx, fy);
        await expectEngine(d, 'merge-value');
        const { value, terms } = await merged(d);
        expect(terms).toHaveLength(op === 'average' ? 3 : 2);
        expect(value).toBeCloseTo(combine(terms), 5);
      }
      if (op === 'maximum') expect(await d.locator('.picked').count()).toBeGreaterThan(0);
      await screenshotView(page, `formula-merge-${op}`);
      await page.keyboard.press('Escape');
    }
    expect(errors).toEqual([]);
  });
});

describe('concatenation', () => {
  it('shows which stretch of channels each input fills and that an output value is its source copied', async () => {
    const { page, errors } = await openBranchNet(h);
    const d = await openView(page, 'joined:5', 'concat-view');
    const segments = d.getByTestId('concat-segment');
    await expect.poll(() => segments.count()).toBe(2);
    expect(await segments.evaluateAll((els) => els.map((e) => e.getAttribute('data-size')))).toEqual([
      '4',
      '2',
    ]);
    await expect
      .poll(() => d.getByTestId('concat-copy').textContent())
      .toMatch(/Output channel 5 is channel 1 of c3/);
    const value = await expectEngine(d, 'concat-value');
    // The same number in the source's grid and the output's grid, at their own cells.
    const math = d.getByTestId('concat-math');
    const at = async (grid: string, r: string, c: string) =>
      Number(
        await d
          .locator(
            `[data-testid="${grid}"] [data-row="${await math.getAttribute(r)}"][data-col="${await math.getAttribute(c)}"]`,
          )
          .getAttribute('data-value'),
      );
    expect(await at('concat-source-grid', 'data-source-row', 'data-source-col')).toBe(value);
    expect(await at('concat-output-grid', 'data-row', 'data-col')).toBe(value);
    await screenshotView(page, 'formula-concat');
    // Clicking the first stretch of the bar picks a channel copied from the first input.
    await pointAt(page, d.getByTestId('concat-bar').locator('.bar'), 0.3, 0.5);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('detail-channel').inputValue()).toBe('1');
    await expect.poll(() => d.getByTestId('concat-copy').textContent()).toMatch(/channel 1 of product/);
    await expectEngine(page.getByTestId('neuron-detail'), 'concat-value');
    expect(errors).toEqual([]);
  });
});

describe('squeeze-and-excitation', () => {
  it('squeeze, excitation and scale with the engine’s numbers, the gate of each channel against its map', async () => {
    const { page, errors } = await openBranchNet(h);
    const d = await openView(page, 'se_scale:2', 'se-view');
    const steps = d.getByTestId('se-step');
    await expect.poll(() => steps.count()).toBe(4);
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual([
      'pool',
      'dense',
      'dense',
      'reshape',
    ]);
    const scaled = await expectEngine(d, 'se-value');
    const gate = await valueOf(d, 'se-gate-value');
    const z = await valueOf(d, 'se-logit');
    // The last dense layer is a sigmoid: g = σ(z).
    expect(gate).toBeCloseTo(1 / (1 + Math.exp(-z)), 6);
    expect(
      Number(await d.locator('[data-testid="se-gate"][data-channel="2"]').getAttribute('data-value')),
    ).toBe(gate);
    expect(await d.getByTestId('se-card').count()).toBe(4);
    // y = x · g, with x the number in the input grid at the picked cell.
    const value = d.getByTestId('se-value');
    const x = Number(await value.getAttribute('data-x'));
    expect(scaled).toBeCloseTo(x * gate, 6);
    const cell = d.locator(
      `[data-testid="se-input-grid"] [data-row="${await value.getAttribute('data-row')}"][data-col="${await value.getAttribute('data-col')}"]`,
    );
    expect(Number(await cell.getAttribute('data-value'))).toBe(x);
    await screenshotView(page, 'formula-se');
    // Another channel from its gate bar.
    await d.locator('[data-testid="se-gate"][data-channel="0"]').click();
    await expect.poll(() => page.getByTestId('detail-channel').inputValue()).toBe('0');
    const detail = page.getByTestId('neuron-detail');
    await expect.poll(() => detail.getByTestId('se-squeeze').count()).toBe(1);
    await expectEngine(detail, 'se-value');
    await pointAt(page, detail.getByTestId('se-output-map'), 0.1, 0.9);
    await expectEngine(detail, 'se-value');
    expect(errors).toEqual([]);
  });
});

describe('the overview of a branching net', () => {
  it('draws each shortcut as an arc ending at its Add column, and leaves TinyVGG without a lane', async () => {
    const { page, errors } = await openBranchNet(h);
    const lane = page.getByTestId('flow-lane');
    await lane.waitFor();
    const skip = page.locator('[data-testid="flow-edge"][data-from="c1"][data-to="res_add"]');
    expect(await skip.getAttribute('data-kind')).toBe('skip');
    // The arc lands on the Add's column: its end x is the header's centre.
    const header = page
      .getByTestId('column-header')
      .filter({ has: page.locator('.name', { hasText: /^res_add$/ }) });
    const box = await header.boundingBox();
    const laneBox = await lane.boundingBox();
    if (!box || !laneBox) throw new Error('no header or lane');
    const x1 = Number(await skip.getAttribute('data-x1'));
    expect(Math.abs(laneBox.x + x1 - (box.x + box.width / 2))).toBeLessThan(1.5);
    expect(
      Number(await page.locator('[data-testid="flow-join"][data-layer="res_add"]').getAttribute('data-x')),
    ).toBe(x1);
    // The path's own step, c1 → c2, is a plain line; no arc leads into a single-input layer from the column before.
    expect(
      await page.locator('[data-testid="flow-edge"][data-from="c1"][data-to="c2"]').getAttribute('data-kind'),
    ).toBe('next');
    await page.getByTestId('overview').scrollIntoViewIfNeeded();
    await screenshotView(page, 'overview-branch-net');
    expect(errors).toEqual([]);
    await page.close();

    const tiny = await openApp(h);
    await tiny.page.locator('[data-testid="overview"] [data-layer="conv_1_1"]').first().waitFor();
    expect(await tiny.page.getByTestId('flow-lane').count()).toBe(0);
    expect(tiny.errors).toEqual([]);
  });

  it('ResNet-18 from the zoo: the identity shortcut of layer1_0 arcs over its five layers into the Add, whose view names both paths', async () => {
    const { page, errors } = await openApp(h);
    await page.getByTestId('open-zoo').click();
    await page.locator('[data-testid="zoo-card"][data-id="resnet18"]').getByTestId('zoo-open').click();
    const skip = page.locator('[data-testid="flow-edge"][data-from="pool1"][data-to="layer1_0_add"]');
    await skip.waitFor({ state: 'attached', timeout: 90_000 });
    expect(await skip.getAttribute('data-kind')).toBe('skip');
    const projection = page.locator(
      '[data-testid="flow-edge"][data-from="layer1_1_out"][data-to="layer2_0_down_conv"]',
    );
    expect(await projection.getAttribute('data-kind')).toBe('skip');
    const d = await openView(page, 'layer1_0_add:3', 'merge-view');
    await expect.poll(() => d.getByTestId('merge-fork').getAttribute('data-layer')).toBe('pool1');
    const body = d.getByTestId('merge-path').nth(1).getByTestId('merge-path-layer');
    expect(await body.evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')))).toEqual([
      'layer1_0_1_conv',
      'layer1_0_1_bn',
      'layer1_0_1_relu',
      'layer1_0_2_conv',
      'layer1_0_2_bn',
    ]);
    await expectEngine(d, 'merge-value');
    await pointAt(page, d.getByTestId('merge-output-map'), 0.62, 0.41);
    await expectEngine(d, 'merge-value');
    await screenshotView(page, 'formula-merge-resnet18');
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('[data-testid="overview"]');
      const pool = document.querySelector<HTMLElement>('[data-testid="overview"] [data-layer="pool1"]');
      if (scroller && pool)
        scroller.scrollLeft += pool.getBoundingClientRect().left - scroller.getBoundingClientRect().left - 60;
    });
    await screenshotView(page, 'overview-resnet18');
    expect(errors).toEqual([]);
  });
});
