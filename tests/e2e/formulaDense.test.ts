/** Flatten, the classifier's weights and softmax with temperature, in real Chromium. */
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

describe('flatten view', () => {
  it('maps a map cell to its flat index and back, and shows a class’s weights in the map shape', async () => {
    const { page, detail: d, errors } = await openDetail(h, 'flatten:0');
    await d.getByTestId('flatten-view').waitFor();
    const math = d.getByTestId('flatten-math');
    await expect.poll(() => math.getAttribute('data-index')).toBe('0');

    // Cell (3, 5) of channel 2 in a 13×13×10 map is entry (3·13 + 5)·10 + 2 = 442.
    const map2 = d.getByTestId('flatten-maps-2');
    const b2 = await map2.boundingBox();
    if (!b2) throw new Error('no map 2');
    await page.mouse.move(b2.x + (5.5 / 13) * b2.width, b2.y + (3.5 / 13) * b2.height);
    await expect.poll(() => math.getAttribute('data-index')).toBe('442');
    await expect.poll(() => math.textContent()).toMatch(/\(3·13\+5\)·10\+2\s*=\s*442/);
    expect(await math.getAttribute('data-value')).toBe(await math.getAttribute('data-vector-value'));

    // Keys walk the vector: → is the next channel of the same cell, ↓ the same entry one map row down.
    await page.mouse.move(5, 790);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => math.getAttribute('data-index')).toBe('443');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => math.getAttribute('data-index')).toBe(String(443 + 130));

    // Hover channel 7's map at its top-left cell: index (0·13 + 0)·10 + 7 = 7.
    const map7 = d.getByTestId('flatten-maps-7');
    const box = await map7.boundingBox();
    if (!box) throw new Error('no map 7');
    await page.mouse.move(box.x + 1, box.y + 1);
    await expect.poll(() => math.getAttribute('data-index')).toBe('7');
    expect(await math.getAttribute('data-value')).toBe(await math.getAttribute('data-vector-value'));

    const weights = d.getByTestId('class-weights');
    await expect.poll(() => d.getByTestId('class-weight-maps').locator('li').count()).toBe(10);
    await d.getByTestId('unit-picker').getByRole('button', { name: 'cat' }).click();
    await expect.poll(() => weights.getAttribute('data-unit')).toBe('3');
    await screenshotView(page, 'formula-flatten');
    expect(errors).toEqual([]);
  });
});

describe('softmax view', () => {
  it('writes softmax out with the engine’s probabilities at T = 1 and sharpens or flattens with T', async () => {
    const { page, detail: d, errors } = await openDetail(h, 'output:0');
    await d.getByTestId('softmax-view').waitFor();
    const rows = d.getByTestId('softmax-row');
    await expect.poll(() => rows.count()).toBe(10);
    const read = (attr: string) =>
      rows.evaluateAll((els, a) => els.map((e) => Number(e.getAttribute(a))), attr);
    const ours = await read('data-probability');
    const engine = await read('data-engine-probability');
    ours.forEach((p, i) => expect(Math.abs(p - (engine[i] ?? NaN))).toBeLessThan(1e-5));
    expect(ours.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);

    // Hovering a class puts its terms in the formula.
    await rows.nth(6).hover();
    await expect.poll(() => d.getByTestId('softmax-formula').getAttribute('data-class')).toBe('6');
    expect(await valueOf(d, 'softmax-p')).toBeCloseTo(ours[6] ?? NaN, 6);
    await screenshotView(page, 'formula-softmax');

    // Lower temperature: the top class gains; higher: probabilities move towards 1/10.
    const topP = Math.max(...ours);
    const slider = d.getByTestId('temperature');
    await slider.fill('-0.7');
    await expect.poll(() => d.getByTestId('softmax-view').getAttribute('data-temperature')).toBe('0.2');
    expect(Math.max(...(await read('data-probability')))).toBeGreaterThan(topP);
    await slider.fill('1');
    const flat = await read('data-probability');
    expect(Math.max(...flat) - Math.min(...flat)).toBeLessThan(Math.max(...ours) - Math.min(...ours));
    await screenshotView(page, 'formula-softmax-hot');
    await d.getByTestId('temperature-reset').click();
    await expect.poll(() => d.getByTestId('softmax-view').getAttribute('data-temperature')).toBe('1');

    // The same view in Chinese: every label is translated, the numbers stay.
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => d.getByTestId('softmax-view').textContent()).toContain('温度');
    await screenshotView(page, 'formula-softmax-zh');
    await page.getByTestId('language').selectOption('en');

    // A modal: Tab cycles through the dialog's own controls and never reaches the page behind.
    for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="neuron-detail"]')))
      .toBe(true);

    await d.getByTestId('tab-weights').click();
    await d.getByTestId('class-weights').waitFor();
    await expect.poll(() => d.getByTestId('class-weights').getAttribute('data-unit')).toBe('0');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('neuron-detail').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
