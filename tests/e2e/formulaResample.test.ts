/** Upsampling, padding, cropping, transposed convolution and the training-only layers' views in real Chromium, and the new views at phone width. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { screenshotView } from './formulaShared';
import { expectEngine, openBranchNet, openView, pageWidth, pointAt } from './branchShared';

// Each test opens the app on a fresh page; on a loaded 2-core machine the first load alone can take a minute or two.
vi.setConfig({ testTimeout: 300_000 });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(async () => {
  for (const context of h.browser.contexts()) await context.close();
});
afterAll(async () => {
  await h?.close();
});

/**
 * Goes to output (row, col) of a `height`×`width` map panel: the minimap brings the number grid
 * near it (its cells are a pixel or two), then the grid's own cell is hovered.
 */
async function goTo(
  page: Page,
  d: Locator,
  panel: string,
  formula: string,
  at: [number, number, number, number],
) {
  const [row, col, height, width] = at;
  await pointAt(page, d.getByTestId(`${panel}-minimap`), (col + 0.5) / width, (row + 0.5) / height);
  const cell = d.locator(`[data-testid="${panel}-grid"] [data-row="${row}"][data-col="${col}"]`);
  await cell.waitFor();
  await cell.hover();
  await expect.poll(() => d.getByTestId(formula).getAttribute('data-row')).toBe(String(row));
  expect(await d.getByTestId(formula).getAttribute('data-col')).toBe(String(col));
}

const cellValue = async (d: Locator, grid: string, row: number, col: number) =>
  Number(
    await d
      .locator(`[data-testid="${grid}"] [data-row="${row}"][data-col="${col}"]`)
      .getAttribute('data-value'),
  );

describe('resampling views', () => {
  it('nearest upsampling copies a cell into a 2×2 block, bilinear blends four with the weights shown', async () => {
    const { page, errors } = await openBranchNet(h);
    let d = await openView(page, 'up:2', 'resample-view');
    expect(await d.getByTestId('resample-view').getAttribute('data-kind')).toBe('nearest');
    await expect
      .poll(() => d.getByTestId('player-position').textContent())
      .toMatch(/output \(0, 0\).*of 572/);
    await goTo(page, d, 'resample-output', 'resample-formula', [7, 9, 26, 22]);
    const value = await expectEngine(d, 'resample-value');
    expect((await d.getByTestId('resample-math').textContent())?.replace(/\s/g, '')).toMatch(/⌊7\/2⌋,⌊9\/2⌋/);
    expect(await cellValue(d, 'resample-input-grid', 3, 4)).toBe(value);
    // The input cell goes into the 2×2 block it became.
    await d.locator('[data-testid="resample-input-grid"] [data-row="3"][data-col="4"]').hover();
    await expect
      .poll(() => d.getByTestId('resample-note').textContent())
      .toMatch(/input \(3, 4\) goes into 4 output cells/);
    // Hovering the edge of the number grid picks that cell and stays there: the grid scrolls to
    // follow it, and the cell sliding under the still pointer must not be taken as the next pick.
    const edge = d.locator('[data-testid="resample-output-grid"] .cell').last();
    const [er, ec] = [await edge.getAttribute('data-row'), await edge.getAttribute('data-col')];
    await edge.hover();
    await expect.poll(() => d.getByTestId('resample-formula').getAttribute('data-col')).toBe(ec);
    await page.waitForTimeout(1500);
    expect(await d.getByTestId('resample-formula').getAttribute('data-col')).toBe(ec);
    expect(await d.getByTestId('resample-formula').getAttribute('data-row')).toBe(er);
    await screenshotView(page, 'formula-upsampling-nearest');
    await page.keyboard.press('Escape');

    d = await openView(page, 'up_smooth:1', 'resample-view');
    expect(await d.getByTestId('resample-view').getAttribute('data-kind')).toBe('bilinear');
    // Output (5, 7) of 26×33 from 13×11 lies at input (2.5, 2.333): rows 2–3, columns 2–3.
    await goTo(page, d, 'resample-output', 'resample-formula', [5, 7, 26, 33]);
    expect(await d.getByTestId('resample-formula').getAttribute('data-taps')).toBe('4');
    await expect.poll(() => d.getByTestId('resample-position').textContent()).toMatch(/\(2\.5, 2\.333\)/);
    const blended = await expectEngine(d, 'resample-value');
    const x = async (r: number, c: number) => cellValue(d, 'resample-input-grid', r, c);
    const expected =
      0.5 * (2 / 3) * (await x(2, 2)) +
      0.5 * (1 / 3) * (await x(2, 3)) +
      0.5 * (2 / 3) * (await x(3, 2)) +
      0.5 * (1 / 3) * (await x(3, 3));
    expect(Math.abs(blended - expected)).toBeLessThan(1e-5);
    await screenshotView(page, 'formula-upsampling-bilinear');
    expect(errors).toEqual([]);
  });

  it('zero padding shows a padding cell as 0 from nowhere, and a shifted copy inside; cropping shifts the other way', async () => {
    const { page, errors } = await openBranchNet(h);
    // Padding [1, 2, 0, 1]: one row above, none on the left; the output is 15×13.
    let d = await openView(page, 'pad:0', 'resample-view');
    expect(await d.getByTestId('resample-view').getAttribute('data-kind')).toBe('pad');
    await expect.poll(() => d.getByTestId('resample-zero').count()).toBe(1);
    expect(await expectEngine(d, 'resample-value')).toBe(0);
    await goTo(page, d, 'resample-output', 'resample-formula', [6, 4, 15, 13]);
    expect(await d.getByTestId('resample-zero').count()).toBe(0);
    expect(await expectEngine(d, 'resample-value')).toBe(await cellValue(d, 'resample-input-grid', 5, 4));
    await screenshotView(page, 'formula-zero-padding');
    await page.keyboard.press('Escape');

    d = await openView(page, 'crop:3', 'resample-view');
    expect(await d.getByTestId('resample-view').getAttribute('data-kind')).toBe('crop');
    expect(await expectEngine(d, 'resample-value')).toBe(await cellValue(d, 'resample-input-grid', 1, 1));
    await goTo(page, d, 'resample-output', 'resample-formula', [8, 2, 13, 11]);
    expect(await expectEngine(d, 'resample-value')).toBe(await cellValue(d, 'resample-input-grid', 9, 3));
    await screenshotView(page, 'formula-cropping');
    expect(errors).toEqual([]);
  });
});

describe('transposed convolution', () => {
  it('collects the stamps covering an output cell, shows an input cell’s stamp, and equals the engine', async () => {
    const { page, errors } = await openBranchNet(h);
    const d = await openView(page, 'deconv:1', 'tconv-view');
    // Kernel 3, stride 2, same: the input spread with one zero between cells is (52 + 2)×(66 + 2).
    expect(await d.getByTestId('tconv-spread').getAttribute('data-rows')).toBe('54');
    expect(await d.getByTestId('tconv-spread').getAttribute('data-cols')).toBe('68');
    await goTo(page, d, 'tconv-output', 'tconv-formula', [5, 6, 52, 66]);
    // Row 5 is reached from input row 2 (tap 1), column 6 from columns 3 (tap 0) and 2 (tap 2).
    expect(await d.getByTestId('tconv-formula').getAttribute('data-hits')).toBe('2');
    const value = await expectEngine(d, 'tconv-value');
    const pre = Number(await d.getByTestId('tconv-pre').getAttribute('data-value'));
    expect(value).toBeCloseTo(Math.max(0, pre), 6);
    await goTo(page, d, 'tconv-output', 'tconv-formula', [30, 41, 52, 66]);
    await expectEngine(d, 'tconv-value');
    // Another input channel in the sum, from its term.
    await d.getByRole('button', { name: /Show channel 4 in the formula/ }).click();
    await expect.poll(() => d.getByTestId('tconv-formula').getAttribute('data-focus')).toBe('4');
    await expect
      .poll(() => d.getByTestId('tconv-input').locator('h3').textContent())
      .toMatch(/Input channel 4/);
    // Hovering an input cell shows where its stamp lands.
    const inputCell = d.locator('[data-testid="tconv-input-grid"] .cell').nth(8);
    const [r, c] = [
      Number(await inputCell.getAttribute('data-row')),
      Number(await inputCell.getAttribute('data-col')),
    ];
    await inputCell.hover();
    await expect
      .poll(() => d.getByTestId('tconv-note').textContent())
      .toContain(
        `input (${r}, ${c}) of channel 4 stamps its value times the kernel onto output rows ${2 * r}–${2 * r + 2}`,
      );
    await screenshotView(page, 'formula-transposed-conv');
    expect(errors).toEqual([]);
  });
});

describe('layers that only act while training', () => {
  it('each passes its input on unchanged, checked over every value, and shows a drawn training step', async () => {
    const { page, errors } = await openBranchNet(h);
    for (const [neuron, kind] of [
      ['drop:2', 'dropout'],
      ['alpha_drop:0', 'alphaDropout'],
      ['gauss_drop:1', 'gaussianDropout'],
      ['noise:1', 'gaussianNoise'],
    ] as const) {
      const d = await openView(page, neuron, 'pass-view');
      expect(await d.getByTestId('pass-view').getAttribute('data-kind')).toBe(kind);
      expect(await d.getByTestId('pass-check').getAttribute('data-difference')).toBe('0');
      await expect
        .poll(() => d.getByTestId('pass-check').textContent())
        .toMatch(/over all 864 values: 0\.000/);
      await expectEngine(d, 'pass-value');
      const drawn = () => d.getByTestId('pass-drawn').getAttribute('data-value');
      if (kind === 'dropout' || kind === 'alphaDropout')
        expect(await d.locator('[data-testid="pass-draw-map"] rect.mark').count()).toBeGreaterThan(0);
      if (kind === 'gaussianNoise') {
        const before = await drawn();
        await d.getByTestId('pass-redraw').click();
        await expect.poll(drawn).not.toBe(before);
      }
      await screenshotView(page, `formula-${kind}`);
      await page.keyboard.press('Escape');
    }
    expect(errors).toEqual([]);
  });
});

describe('at phone width', () => {
  it('the new views fit 390 px without scrolling the page sideways', async () => {
    const { page, errors } = await openBranchNet(h, { width: 390, height: 844 });
    for (const [neuron, view] of [
      ['res_add:0', 'merge-view'],
      ['se_scale:1', 'se-view'],
      ['joined:0', 'concat-view'],
      ['up_smooth:0', 'resample-view'],
      ['deconv:0', 'tconv-view'],
      ['noise:0', 'pass-view'],
    ] as const) {
      const d = await openView(page, neuron, view);
      await expect.poll(() => pageWidth(page)).toBeLessThanOrEqual(390);
      const dialog = await d.boundingBox();
      expect(dialog && dialog.x + dialog.width).toBeLessThanOrEqual(390);
      if (view === 'merge-view' || view === 'tconv-view') await screenshotView(page, `phone-formula-${view}`);
      await page.keyboard.press('Escape');
    }
    expect(errors).toEqual([]);
  });
});
