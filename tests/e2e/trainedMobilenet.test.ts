/**
 * The MobileNet-CIFAR we trained ships with the site (models/mobilenet-cifar10, at the
 * test-accuracy bar): opened from the header menu, it is marked trained in the zoo with its test
 * accuracy, and the views of its modern blocks (hard-swish, depthwise convolution, batch norm,
 * squeeze-and-excitation, the residual Add) show the engine's numbers.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { trainedPage } from './trainedShared';
import { agrees, openNeuron, screenshotView } from './formulaShared';

const WAIT = 120_000;
const test = JSON.parse(readFileSync('models/mobilenet-cifar10/test.json', 'utf8')) as {
  accuracy: number;
};

const shared = trainedPage();

describe('the trained MobileNet-CIFAR', () => {
  it(
    'is offered in the header menu and opens trained, with CIFAR-10 classes',
    { timeout: WAIT },
    async () => {
      expect(test.accuracy).toBeGreaterThanOrEqual(0.7);
      const menu = shared.page.getByTestId('model-menu');
      await expect
        .poll(() => menu.locator('option').allTextContents())
        .toContainEqual(expect.stringMatching(/^MobileNet-CIFAR/));
      await menu.selectOption('mobilenet-cifar');
      await expect
        .poll(() => shared.page.getByTestId('layer-table').textContent(), { timeout: WAIT })
        .toContain('block7_se_scale');
      expect(await shared.page.getByTestId('random-weights').count()).toBe(0);
      await expect.poll(() => shared.page.getByTestId('overview').textContent()).toContain('airplane');
      await shared.page
        .locator('[data-testid="overview"] [data-layer="block7_add"]')
        .first()
        .waitFor({ timeout: WAIT });
      expect(shared.errors).toEqual([]);
    },
  );

  it(
    'hard-swish, depthwise, batch norm, SE and the residual Add show the engine’s numbers',
    { timeout: WAIT },
    async () => {
      const views: [string, string, string][] = [
        ['stem_act:3', 'activation-view', 'activation-value'],
        ['block2_depthwise:5', 'depthwise-view', 'depthwise-value'],
        ['block4_project_bn:0', 'bn-view', 'bn-value'],
        ['block4_se_scale:2', 'se-view', 'se-value'],
        ['block5_se_scale:7', 'se-view', 'se-value'],
        ['block3_add:1', 'merge-view', 'merge-value'],
        ['block7_add:4', 'merge-view', 'merge-value'],
        ['head_act:2', 'activation-view', 'activation-value'],
      ];
      for (const [neuron, view, value] of views) {
        const d = await openNeuron(shared.page, neuron);
        await d.getByTestId(view).waitFor();
        await agrees(d, value);
        if (neuron === 'block4_se_scale:2') await screenshotView(shared.page, 'trained-mobilenet-se');
        if (neuron === 'block2_depthwise:5') await screenshotView(shared.page, 'trained-mobilenet-depthwise');
        await shared.page.keyboard.press('Escape');
      }
      expect(shared.errors).toEqual([]);
    },
  );

  it('is marked trained in the zoo with the tested accuracy', { timeout: WAIT }, async () => {
    await shared.page.getByTestId('open-zoo').click();
    const card = shared.page.locator('[data-testid="zoo-card"][data-id="mobilenet-cifar"]');
    await card.waitFor();
    const pct = `${(test.accuracy * 100).toFixed(1)}`;
    await expect.poll(() => card.getByTestId('zoo-trained').textContent()).toContain(pct);
    await screenshotView(shared.page, 'trained-mobilenet-zoo');
    await shared.page.keyboard.press('Escape');
  });
});
