/** The convolution formula view in real Chromium: real positions, the engine's numbers, hover and keys. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { openDetail, screenshotView, valueOf } from './formulaShared';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('convolution view', () => {
  it('walks the window over the real positions with values equal to the engine output', async () => {
    const { page, detail: d, errors } = await openDetail(h, 'conv_1_1:3');
    await d.getByTestId('conv-view').waitFor();
    const position = d.getByTestId('player-position');
    await expect.poll(() => position.textContent()).toMatch(/output \(0, 0\).*step 1 of 3,844/);
    // Reduced motion: nothing plays by itself.
    await expect.poll(() => d.getByTestId('play').getAttribute('data-playing')).toBe('false');

    await d.getByTestId('step-forward').click();
    await expect.poll(() => position.textContent()).toMatch(/output \(0, 1\)/);
    await d.getByTestId('step-back').click();
    await d.getByTestId('step-back').click();
    await expect.poll(() => position.textContent()).toMatch(/output \(61, 61\).*step 3,844/);

    // Hovering an output cell jumps there and pauses: on the minimap, which stays put while playing.
    await d.getByTestId('play').click();
    await expect.poll(() => d.getByTestId('play').getAttribute('data-playing')).toBe('true');
    const minimap = await d.getByTestId('conv-output-minimap').boundingBox();
    if (!minimap) throw new Error('no output minimap');
    await page.mouse.move(minimap.x + (60.5 / 62) * minimap.width, minimap.y + (59.5 / 62) * minimap.height);
    await expect.poll(() => position.textContent()).toMatch(/output \(59, 60\)/);
    await expect.poll(() => d.getByTestId('play').getAttribute('data-playing')).toBe('false');
    const target = d.locator('[data-testid="conv-output-grid"] [data-row="59"][data-col="60"]');
    await target.hover();
    await expect.poll(() => position.textContent()).toMatch(/output \(59, 60\)/);

    const value = await valueOf(d, 'conv-value');
    const engine = await valueOf(d, 'conv-value', 'data-engine-value');
    expect(Math.abs(value - engine)).toBeLessThan(1e-4);
    expect(Number(await target.getAttribute('data-value'))).toBeCloseTo(value, 5);
    // The channel sums add up to z, with the bias.
    const pre = await valueOf(d, 'conv-pre');
    const sum = await valueOf(d, 'conv-channel-sum');
    expect(Number.isFinite(pre) && Number.isFinite(sum)).toBe(true);

    // Hovering an input cell marks the outputs it feeds: a 3×3 valid kernel, inside → 9.
    await d.locator('[data-testid="conv-input-grid"] [data-row="60"][data-col="61"]').hover();
    await expect
      .poll(() => d.getByTestId('hover-note').textContent())
      .toMatch(/input \(60, 61\) feeds 9 outputs/);
    await expect
      .poll(() => d.locator('[data-testid="conv-output-grid"] .cell.mark').count())
      .toBeGreaterThan(0);
    await screenshotView(page, 'formula-conv');

    // Keys: → steps, Space plays/pauses, Esc closes.
    await page.mouse.move(5, 790);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position.textContent()).toMatch(/output \(59, 61\)/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('neuron-detail').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('opens on the input channel that adds the most to the output, not on a dead one', async () => {
    // conv_1_2 reads relu_1_1, whose channel 0 is all zeros here (a dead channel): a view
    // opening on it showed a window of zeros times the kernel, summing to 0.
    const { detail: d, errors } = await openDetail(h, 'conv_1_2:3');
    await d.getByTestId('conv-view').waitFor();
    const rows = d.getByTestId('elastic-channel');
    await expect.poll(() => rows.count()).toBe(10);
    const read = await rows.evaluateAll((els) =>
      els.map((el) => ({
        mass: Number(el.getAttribute('data-mass')),
        pressed: el.getAttribute('aria-pressed'),
      })),
    );
    const masses = read.map((r) => r.mass);
    const strongest = masses.indexOf(Math.max(...masses));
    expect(masses[0]).toBe(0);
    expect(masses[strongest]).toBeGreaterThan(0);
    expect(read.map((r) => r.pressed === 'true')).toEqual(masses.map((_, c) => c === strongest));
    await expect
      .poll(() => d.getByTestId('conv-input').locator('h3').textContent())
      .toMatch(new RegExp(`Input channel ${strongest} · 62×62`));
    expect(errors).toEqual([]);
  });

  it('shows more cells around the window on a wide screen, at full size, and 7 on a laptop', async () => {
    const { page, detail: d, errors } = await openDetail(h, 'conv_1_2:3');
    await d.getByTestId('conv-view').waitFor();
    const columns = (part: string) =>
      d.locator(`[data-testid="conv-${part}-grid"] text.axis`).evaluateAll((els) => els.length);
    const cellWidth = () =>
      d
        .locator('[data-testid="conv-input-grid"] rect')
        .first()
        .evaluate((el) => el.getBoundingClientRect().width);
    // 7 columns and 7 rows of axis labels on a laptop.
    expect(await columns('input')).toBe(14);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => columns('input')).toBe(22);
    expect(await columns('output')).toBe(22);
    expect(await cellWidth()).toBeGreaterThanOrEqual(40);
    // The two grids still stand side by side, inside the dialog.
    const [input, output] = await Promise.all(
      ['conv-input', 'conv-output'].map((id) => d.getByTestId(id).boundingBox()),
    );
    expect(output!.x).toBeGreaterThan(input!.x + input!.width);
    expect(output!.x + output!.width).toBeLessThanOrEqual(1920);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => columns('input')).toBe(14);
    expect(errors).toEqual([]);
  });

  it('focuses another input channel from the elastic view, in a deeper layer', async () => {
    const { page, detail: d, errors } = await openDetail(h, 'conv_2_1:0');
    await d.getByTestId('conv-view').waitFor();
    const channels = d.getByTestId('elastic-channel');
    await expect.poll(() => channels.count()).toBe(10);
    await channels.nth(4).click();
    await expect
      .poll(() => d.getByTestId('conv-input').locator('h3').textContent())
      .toMatch(/Input channel 4 · 30×30/);
    await expect.poll(() => channels.nth(4).getAttribute('aria-pressed')).toBe('true');
    await d.locator('[data-testid="conv-output-grid"] [data-row="3"][data-col="2"]').hover();
    const value = await valueOf(d, 'conv-value');
    const engine = await valueOf(d, 'conv-value', 'data-engine-value');
    expect(Math.abs(value - engine)).toBeLessThan(1e-4);
    await screenshotView(page, 'formula-conv-deep');
    expect(errors).toEqual([]);
  });
});
