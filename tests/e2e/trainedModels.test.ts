/**
 * Trained weights beside the page: the header's model menu and the zoo offer the CIFAR-10
 * networks whose models/<folder>/ has them (here a ResNet-8 fixture, marked as a run still
 * going), open them like the shipped TinyVGG (a 32×32 net explained end to end), and mark a
 * net without them as untrained, with a button that takes it to the training panel.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium';
import { serveStatic } from '../../scripts/lib/staticServer';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel } from '../../src/lib/engine/build';
import { saveModelToArtifacts } from '../../src/lib/engine/io';
import { writeModelArtifacts } from '../../src/node/modelFiles';
import { resnetCifarSpec, resnet8CifarCard } from '../../src/lib/zoo/resnetCifar';
import { mobilenetCifarCard } from '../../src/lib/zoo/mobilenetCifar';
import { shot, waitForPanels, type Harness } from './harness';

const CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];
let site: string;
let h: Harness;

beforeAll(async () => {
  // The built site, plus ResNet-8 weights as `npm run train` leaves them after 3 of 25 epochs
  // (untrained values here: the test is about finding and opening them, not their accuracy).
  site = mkdtempSync(join(tmpdir(), 'cnn-studio-trained-'));
  cpSync('dist', site, { recursive: true });
  rmSync(join(site, 'models', resnet8CifarCard.weights!), { recursive: true, force: true });
  rmSync(join(site, 'models', mobilenetCifarCard.weights!), { recursive: true, force: true });
  const dir = join(site, 'models', resnet8CifarCard.weights!);
  mkdirSync(dir, { recursive: true });
  await initBackend({ order: ['cpu'] });
  const model = await buildModel(resnetCifarSpec(10, 1));
  writeModelArtifacts(dir, await saveModelToArtifacts(model));
  model.dispose();
  const meta = {
    name: 'ResNet-8',
    dataset: 'CIFAR-10',
    classes: CLASSES,
    inputSize: [32, 32, 3],
    preprocessing: { fit: 'crop', size: 32 },
    testAccuracy: null,
    testImages: 0,
    bestValAccuracy: 0.6512,
    training: { finished: false, epochs: 3, epochBudget: 25 },
  };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  // The page finds trained weights through the index the build writes (a build leaves out runs
  // still going; a dev server lists them, as here).
  const indexPath = join(site, 'models', 'index.json');
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { models: Record<string, unknown> };
  delete index.models[mobilenetCifarCard.weights!];
  index.models[resnet8CifarCard.weights!] = meta;
  writeFileSync(indexPath, JSON.stringify(index));
  const server = await serveStatic(site);
  const browser = await launchChromium();
  h = {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
});

afterAll(async () => {
  await h?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

describe('trained models', () => {
  it('opens ResNet-8 from the header menu, marks MobileNet untrained in the zoo and trains it from there', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await page.goto(h.server.url);
    await page.getByTestId('layer-table').waitFor({ timeout: 60_000 });
    await waitForPanels(page);

    const menu = page.getByTestId('model-menu');
    await expect
      .poll(() => menu.locator('option').allTextContents())
      .toEqual(['TinyVGG', 'ResNet-8 (training, epoch 3/25)']);
    expect(await menu.inputValue()).toBe('tinyvgg');
    await shot(page, 'trained-header-menu');

    await menu.selectOption('resnet8');
    await expect
      .poll(() => page.getByTestId('layer-table').textContent(), { timeout: 120_000 })
      .toContain('stage3_block1_add');
    await expect.poll(() => menu.inputValue()).toBe('resnet8');
    expect(await page.getByTestId('random-weights').count()).toBe(0);
    // The 32×32 net explains the image: the overview's output column has the CIFAR classes.
    await expect.poll(() => page.getByTestId('overview').textContent()).toContain('airplane');
    await shot(page, 'trained-resnet8-overview');

    await page.getByTestId('open-zoo').click();
    const resnet = page.locator('[data-testid="zoo-card"][data-id="resnet8"]');
    const mobile = page.locator('[data-testid="zoo-card"][data-id="mobilenet-cifar"]');
    await expect
      .poll(() => resnet.getByTestId('zoo-trained').textContent())
      .toBe('training on CIFAR-10: epoch 3 of 25 · 65.1% validation accuracy so far');
    expect(await mobile.getByTestId('zoo-untrained').textContent()).toBe('untrained: random weights');
    expect(await resnet.getByTestId('zoo-train').count()).toBe(0);
    await mobile.scrollIntoViewIfNeeded();
    await shot(page, 'trained-zoo-cards');

    await mobile.getByTestId('zoo-train').click();
    await expect.poll(() => page.getByTestId('random-weights').count(), { timeout: 180_000 }).toBe(1);
    await expect.poll(() => menu.locator('option').first().textContent()).toBe('MobileNet-CIFAR (untrained)');
    await expect.poll(() => menu.inputValue()).toBe('');
    await expect
      .poll(() => page.getByTestId('training-panel').evaluate((el) => el.getBoundingClientRect().top))
      .toBeLessThan(800);
    await shot(page, 'trained-mobilenet-train-panel');
    expect(errors).toEqual([]);
    await page.close();
  });
});
