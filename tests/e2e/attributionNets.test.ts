/**
 * The “Why?” panel on nets other than the pretrained TinyVGG, opened through the same door as
 * imported and edited nets (`?net=` demo nets with random weights): Grad-CAM finds their own
 * default layer, every method runs, and a limit of TensorFlow.js is said in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, startHarness, type Harness } from './harness';
import { chooseMethod, expectOverlayDrawn, settled } from './attributionShared';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('“Why?” on other nets', () => {
  it('Deep8 (eight convolutions, same padding): Grad-CAM at its last conv, saliency and FGSM drawn', async () => {
    const { page, errors } = await openApp(h, '?net=deep8');
    await page.getByTestId('random-weights').waitFor({ timeout: 60_000 });
    await page.getByTestId('why-button').click();
    const cam = await settled(page, 'gradCam');
    expect(cam.layerId).toBe('conv_4_2');
    await expectOverlayDrawn(page, cam);
    await chooseMethod(page, 'saliency');
    await expectOverlayDrawn(page, await settled(page, 'saliency'));
    await chooseMethod(page, 'fgsm');
    const adv = await settled(page, 'fgsm');
    expect(adv.changed!.map((l) => l.layerId)).toContain('conv_4_2');
    // Its maps carry the image's signal: no "this map is too faint to mean anything" note.
    expect(await page.getByTestId('attribution-faint').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a net with a dilated convolution: occlusion works, saliency says why it cannot', async () => {
    const { page, errors } = await openApp(h, '?net=strided');
    await page.getByTestId('random-weights').waitFor({ timeout: 60_000 });
    await page.getByTestId('why-button').click();
    await settled(page, 'gradCam');
    await chooseMethod(page, 'saliency');
    await expect
      .poll(() => page.getByTestId('attribution-limit').textContent(), { timeout: 30_000 })
      .toContain('dilated convolution');
    await chooseMethod(page, 'occlusion');
    const occ = await settled(page, 'occlusion');
    await expectOverlayDrawn(page, occ);
    await expect.poll(() => page.getByTestId('attribution-limit').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('MobileNetV2 with random weights: Grad-CAM says its map is too faint to mean anything, with its largest value', async () => {
    const { page, errors } = await openApp(h);
    await page.getByTestId('open-zoo').click();
    await page.locator('[data-testid="zoo-card"][data-id="mobilenetv2"]').getByTestId('zoo-open').click();
    await page.getByTestId('random-weights').waitFor({ timeout: 120_000 });
    await page.getByTestId('why-button').click();
    const cam = await settled(page, 'gradCam');
    // Keras' Glorot limits on depthwise kernels shrink the signal in every block: the map's
    // values are far below float32's precision, and the panel says what that means.
    expect(cam.heat!.range.hi).toBeLessThan(2 ** -23);
    const faint = page.getByTestId('attribution-faint');
    await faint.waitFor();
    // Or exactly 0: Grad-CAM keeps only the positive part, and with some random weights every
    // weighted sum is negative (seen once in a full run).
    expect(await faint.textContent()).toMatch(
      /largest value of this map is (0|[\d.]+e[−-]\d+): the score hardly depends/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
