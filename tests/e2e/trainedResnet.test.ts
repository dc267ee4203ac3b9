/**
 * The ResNet-8 we trained ships with the site (models/resnet8-cifar10, at the test-accuracy bar):
 * opened from the header menu of the built site, it is marked trained with its test accuracy in
 * the zoo, classifies the example, and its batch norm, residual Add and global average pooling
 * views show the engine's numbers for several neurons.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { trainedPage } from './trainedShared';
import { agrees, openNeuron, screenshotView } from './formulaShared';

const WAIT = 120_000;
const meta = JSON.parse(readFileSync('models/resnet8-cifar10/meta.json', 'utf8')) as {
  testAccuracy: number | null;
};
const test = JSON.parse(readFileSync('models/resnet8-cifar10/test.json', 'utf8')) as { accuracy: number };

const shared = trainedPage();

describe('the trained ResNet-8', () => {
  it(
    'is offered in the header menu and opens trained, with CIFAR-10 classes',
    { timeout: WAIT },
    async () => {
      // The shipped weights are a run still going, tested at the bar.
      expect(meta.testAccuracy).toBeNull();
      expect(test.accuracy).toBeGreaterThanOrEqual(0.75);
      const menu = shared.page.getByTestId('model-menu');
      await expect
        .poll(() => menu.locator('option').allTextContents())
        .toContainEqual(expect.stringMatching(/^ResNet-8/));
      await menu.selectOption('resnet8');
      await expect
        .poll(() => shared.page.getByTestId('layer-table').textContent(), { timeout: WAIT })
        .toContain('stage3_block1_add');
      expect(await shared.page.getByTestId('random-weights').count()).toBe(0);
      await expect.poll(() => shared.page.getByTestId('overview').textContent()).toContain('airplane');
      await shared.page
        .locator('[data-testid="overview"] [data-layer="stage2_block1_add"]')
        .first()
        .waitFor({ timeout: WAIT });
      expect(shared.errors).toEqual([]);
    },
  );

  it(
    'batch norm, the residual Add and global pooling show the engine’s numbers',
    { timeout: WAIT },
    async () => {
      for (const neuron of [
        'stem_bn:3',
        'stage2_block1_1_bn:0',
        'stage1_block1_add:5',
        'stage3_block1_add:2',
        'avgpool:1',
      ]) {
        const d = await openNeuron(shared.page, neuron);
        const id = neuron.split(':')[0]!;
        if (id.endsWith('_bn')) {
          await d.getByTestId('bn-view').waitFor();
          await agrees(d, 'bn-value');
        } else if (id.endsWith('_add')) {
          await agrees(d, 'merge-value');
        } else {
          await d.getByTestId('global-pool-view').waitFor();
          await agrees(d, 'global-value');
        }
        if (neuron === 'stage1_block1_add:5') await screenshotView(shared.page, 'trained-resnet8-add');
        if (neuron === 'stem_bn:3') await screenshotView(shared.page, 'trained-resnet8-bn');
        await shared.page.keyboard.press('Escape');
      }
      expect(shared.errors).toEqual([]);
    },
  );

  it('is marked trained in the zoo with the tested accuracy', { timeout: WAIT }, async () => {
    await shared.page.getByTestId('open-zoo').click();
    const card = shared.page.locator('[data-testid="zoo-card"][data-id="resnet8"]');
    await card.waitFor();
    const pct = `${(test.accuracy * 100).toFixed(1)}`;
    await expect.poll(() => card.getByTestId('zoo-trained').textContent()).toContain(pct);
    expect(await card.getByTestId('zoo-trained').textContent()).toMatch(/training continues/);
    await screenshotView(shared.page, 'trained-resnet8-zoo');
    await shared.page.keyboard.press('Escape');
  });
});
