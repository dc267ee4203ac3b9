/**
 * The “Why?” panel on a net that does not take RGB in [0, 1]: TinyVGG set to Caffe's
 * preprocessing (BGR, 0–255, the mean pixel taken off). The picture under a heat map is the
 * picture the user gave, and FGSM's adversarial image stays within ε of it (ε in intensity,
 * not in the net's 0–255 values, and no clamping of the net's values into [0, 1]).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, type Harness } from './harness';
import { probabilities } from './pageReads';
import { canvasBytes, chooseMethod, isPicture, settled, worstDiff } from './attributionShared';
import { openEditor, setInputPreset } from './editorHelpers';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

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
    expect(isPicture(picture)).toBe(true);

    await setInputPreset(page, 'caffe');
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
