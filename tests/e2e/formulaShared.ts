/** Opening a neuron's formula view in the built app, for the formula browser tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openApp, SCREENSHOTS, type Harness } from './harness';
import { makePng, type PixelFn } from '../fixtures/images';

/** Smooth gradients, a disc and stripes: every map has structure, so the numbers vary. */
const textured: PixelFn = (x, y) => {
  const disc = (x - 40) ** 2 + (y - 36) ** 2 < 180;
  const stripe = (x + y) % 12 < 5;
  return [
    Math.round(disc ? 230 : 40 + 2.5 * x),
    Math.round(disc ? 80 : stripe ? 170 : 60 + 1.5 * y),
    Math.round(disc ? 60 : 200 - 2 * y),
  ];
};

const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-formula-'));
const image = join(dir, 'textured.png');
writeFileSync(image, makePng(64, 64, textured));

/**
 * Opens the app, explains a generated image and clicks `layerId:channel` in the overview, as a
 * user opens a formula view. Reduced motion keeps animations from autoplaying, so every step a
 * test sees is one it asked for.
 */
export async function openDetail(
  h: Harness,
  neuron: string,
  options: { reducedMotion?: boolean } = {},
): Promise<{ page: Page; detail: Locator; errors: string[] }> {
  const { page, errors } = await openApp(h);
  if (options.reducedMotion ?? true) await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByTestId('image-file').setInputFiles(image);
  // The preview is labelled with the file name once the image is explained.
  await page.locator('canvas[aria-label="textured.png"]').waitFor();
  const detail = await openNeuron(page, neuron);
  return { page, detail, errors };
}

/** Clicks `layerId:channel` in the overview, as a user opens its formula view; returns the dialog. */
export async function openNeuron(page: Page, neuron: string): Promise<Locator> {
  const [layerId = '', channel = '0'] = neuron.split(':');
  const target = page.locator(
    `[data-testid="overview"] [data-layer="${layerId}"][data-channel="${channel}"]`,
  );
  await target.scrollIntoViewIfNeeded();
  await target.click();
  const detail = page.getByTestId('neuron-detail');
  await detail.waitFor();
  return detail;
}

/** The numeric data-value of an element. */
export async function valueOf(
  scope: Page | Locator,
  testId: string,
  attribute = 'data-value',
): Promise<number> {
  return Number(await scope.getByTestId(testId).first().getAttribute(attribute));
}

/**
 * The formula views are a fixed dialog over the page: a full-page shot would stretch it to the
 * page's height, so this takes the 1280×800 viewport the user sees.
 */
/**
 * The value a view computed and the engine's own, for the element with this test id: both
 * finite and within 1e-4 (relative above 1). Returns the view's value.
 */
export async function agrees(d: Locator, testId: string): Promise<number> {
  const ours = await valueOf(d, testId);
  const engine = await valueOf(d, testId, 'data-engine-value');
  expect(Number.isFinite(ours) && Number.isFinite(engine), `${testId}: ${ours} vs ${engine}`).toBe(true);
  expect(Math.abs(ours - engine), `${testId}: ${ours} vs ${engine}`).toBeLessThan(
    1e-4 * Math.max(1, Math.abs(engine)),
  );
  return ours;
}

export async function screenshotView(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
