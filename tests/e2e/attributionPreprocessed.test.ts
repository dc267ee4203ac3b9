/**
 * The “Why?” panel on a net that does not take RGB in [0, 1]: TinyVGG set to Caffe's
 * preprocessing (BGR, 0–255, the mean pixel taken off). The picture under a heat map is the
 * picture the user gave, and FGSM's adversarial image stays within ε of it (ε in intensity,
 * not in the net's 0–255 values, and no clamping of the net's values into [0, 1]).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startHarness, type Harness } from './harness';
import { probabilities } from './pageReads';
import { chooseMethod, settled } from './attributionShared';
import { node, openEditor, settled as editorSettled } from './editorHelpers';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The RGBA bytes a canvas of the panel drew, at its own size. */
function canvasBytes(page: Page, testid: string): Promise<number[]> {
  return page
    .getByTestId(testid)
    .evaluate((c: HTMLCanvasElement) =>
      Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data),
    );
}

const worstDiff = (a: number[], b: number[]): number =>
  a.length === b.length ? Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) : Infinity;

describe('“Why?” on a net with Caffe’s preprocessing', () => {
  it('draws the heat map over the picture as given, and keeps the adversarial image within ε of it', async () => {
    const { page, errors } = await openEditor(h);
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
    const plainNet = await probabilities(page);
    await page.getByTestId('why-button').click();
    await chooseMethod(page, 'saliency');
    await settled(page, 'saliency');
    const picture = await canvasBytes(page, 'attribution-image');
    // A picture, not one grey.
    expect(new Set(picture.filter((_, i) => i % 4 === 0)).size).toBeGreaterThan(20);

    await node(page, 'input').focus();
    await page.getByTestId('tab-layer').click();
    await page.getByTestId('input-preset-caffe').click();
    await editorSettled(page);
    await expect.poll(() => probabilities(page)).not.toEqual(plainNet);

    await chooseMethod(page, 'gradCam');
    await settled(page, 'gradCam');
    await chooseMethod(page, 'saliency');
    await settled(page, 'saliency');
    // The same picture under the map (the net's BGR 0–255 values drawn as RGB in [0, 1] were white).
    await expect
      .poll(async () => worstDiff(await canvasBytes(page, 'attribution-image'), picture))
      .toBeLessThanOrEqual(2);

    await chooseMethod(page, 'fgsm');
    const adv = await settled(page, 'fgsm');
    const epsilonLevels = Math.round(255 * adv.epsilon!);
    expect(epsilonLevels).toBeGreaterThan(0);
    const input = await canvasBytes(page, 'fgsm-input');
    expect(worstDiff(input, picture)).toBeLessThanOrEqual(2);
    const image = await canvasBytes(page, 'fgsm-image');
    // Within ε of intensity (and rounding) everywhere, and moved somewhere.
    expect(worstDiff(image, input)).toBeLessThanOrEqual(epsilonLevels + 2);
    expect(worstDiff(image, input)).toBeGreaterThanOrEqual(epsilonLevels - 2);
    expect(adv.changed!.length).toBeGreaterThan(0);
    await shot(page, 'attribution-fgsm-caffe');
    expect(errors).toEqual([]);
    await page.close();
  });
});
