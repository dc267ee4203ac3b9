/**
 * A user's own model in real Chromium: an old Keras file (Keras 1, channels first) opened by
 * the file picker and pasted as text, explained; class names from a labels.txt picked with a
 * model (and a count that does not fit, refused with both counts); names typed in the labels
 * editor, kept in the model library across a reload and carried by a share link. Names are
 * hostile text: quotes, backslashes and markup stay text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { node, openEditor, settled, shapeOf, shot } from './editorHelpers';
import { writeKerasFixture } from '../fixtures/keras/generate';
import { keras1Sequential, keras20Sequential } from '../fixtures/keras/keras1';

const WAIT = 120_000;
const NAMES = [
  '<b>plane</b>',
  'car "auto"',
  "bird's \\ back",
  'cat & co',
  'deer</li><li>x',
  'dog',
  'frog',
  'horse',
  'ship',
  `truck ${'very long '.repeat(12)}`,
];

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

async function openText(page: Page): Promise<void> {
  await page.getByTestId('view-text').click();
  await page.getByTestId('text-code').waitFor({ timeout: WAIT });
}

async function applied(page: Page): Promise<string> {
  await page.getByTestId('text-message').waitFor({ timeout: WAIT });
  return (await page.getByTestId('text-message').textContent()) ?? '';
}

/** The class names the overview's output column shows, in order. */
async function outputNames(page: Page): Promise<string[]> {
  return page
    .getByTestId('probabilities')
    .first()
    .locator('li button')
    .evaluateAll((els) =>
      els.map((e) => e.querySelector('.name')?.textContent?.trim() ?? e.textContent?.trim() ?? ''),
    );
}

async function topClass(page: Page): Promise<string> {
  return ((await page.getByTestId('top-class').locator('.name').textContent()) ?? '').trim();
}

describe('older Keras files', () => {
  it(
    'a Keras 1 channels-first Sequential opens by the file picker and is explained',
    { timeout: 400_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'keras1-e2e-'));
      writeFileSync(join(dir, 'model.json'), JSON.stringify(keras1Sequential('th'), null, 2));
      const { page, errors } = await openEditor(h, { sideWidth: 640 });
      await openText(page);
      await page.getByTestId('text-file').setInputFiles(join(dir, 'model.json'));
      const message = await applied(page);
      expect(message).toContain('Opened model.json: 10 layers.');
      expect(message).toContain('This model was saved channels first');
      await settled(page);
      await page.getByTestId('view-graph').click();
      await node(page, 'convolution2d_1').waitFor({ timeout: WAIT });
      expect(await shapeOf(page, 'convolution2d_1')).toMatch(/16\s*×\s*16\s*×\s*8/);
      // The explainer runs it: ten outputs, numbered (the file has no names).
      await expect.poll(() => outputNames(page), { timeout: WAIT }).toHaveLength(10);
      expect((await outputNames(page))[3]).toBe('class 3');
      await expect.poll(() => page.getByTestId('labels-open').textContent()).toContain('Name the classes');
      await shot(page, 'keras1-opened');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it(
    'a Keras 2.0 Sequential (bare list of layers) pasted as text applies',
    { timeout: 400_000 },
    async () => {
      const { page, errors } = await openEditor(h, { sideWidth: 640 });
      await openText(page);
      await page.getByTestId('text-format').selectOption('keras');
      await page.getByTestId('text-code').fill(JSON.stringify(keras20Sequential(), null, 2));
      await page.getByTestId('text-code').press('Control+Enter');
      expect(await applied(page)).toContain('Applied: 5 layers.');
      await page.getByTestId('view-graph').click();
      await node(page, 'conv2d_1').waitFor({ timeout: WAIT });
      expect(await shapeOf(page, 'dense_1')).toContain('4');
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

describe('class labels', () => {
  it(
    'a labels.txt picked with a model names its outputs; a wrong count is refused naming both counts',
    { timeout: 400_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'labels-e2e-'));
      const json = writeKerasFixture(dir, 'keras2_sequential_converted');
      writeFileSync(join(dir, 'labels.txt'), `${NAMES.join('\n')}\n`);
      writeFileSync(join(dir, 'classes.txt'), 'a\nb\nc\nd\ne\nf\ng\n');
      const { page, errors } = await openEditor(h, { sideWidth: 640 });
      await openText(page);
      await page
        .getByTestId('text-file')
        .setInputFiles([json, join(dir, 'group1-shard1of1.bin'), join(dir, 'classes.txt')]);
      const refused = await applied(page);
      expect(refused).toContain(
        'classes.txt has 7 class names, but the model has 10 outputs; the names were not used',
      );
      await settled(page);
      await expect
        .poll(() => outputNames(page), { timeout: WAIT })
        .toEqual(Array.from({ length: 10 }, (_, i) => `class ${i}`));
      await page
        .getByTestId('text-file')
        .setInputFiles([json, join(dir, 'group1-shard1of1.bin'), join(dir, 'labels.txt')]);
      await expect
        .poll(() => page.getByTestId('text-message').textContent(), { timeout: WAIT })
        .toContain('Class names from labels.txt: 10.');
      await settled(page);
      await expect.poll(() => outputNames(page), { timeout: WAIT }).toEqual(NAMES.map((n) => n.trim()));
      expect(NAMES).toContain(await topClass(page));
      // Markup in a name is text, never elements.
      expect(await page.locator('[data-testid="probabilities"] b, [data-testid="top-class"] b').count()).toBe(
        0,
      );
      await shot(page, 'labels-from-file');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it(
    'a labels file dropped alone names the current model; a Teachable Machine metadata.json too',
    { timeout: 400_000 },
    async () => {
      const { page, errors } = await openEditor(h, { sideWidth: 640 });
      await openText(page);
      const dt = await page.evaluateHandle(
        (text) => {
          const d = new DataTransfer();
          d.items.add(new File([text], 'synset_words.txt', { type: 'text/plain' }));
          return d;
        },
        Array.from({ length: 10 }, (_, i) => `n0${1440764 + i} name ${i}, Latin name`).join('\n'),
      );
      await page.getByTestId('text-pane').dispatchEvent('dragover', { dataTransfer: dt });
      await page.getByTestId('text-pane').dispatchEvent('drop', { dataTransfer: dt });
      await expect
        .poll(() => page.getByTestId('text-message').textContent(), { timeout: WAIT })
        .toContain('Class names from synset_words.txt: 10.');
      await expect.poll(() => outputNames(page)).toEqual(Array.from({ length: 10 }, (_, i) => `name ${i}`));
      const meta = JSON.stringify({ tmVersion: '2.4.7', labels: ['only', 'three', 'names'], imageSize: 224 });
      await page
        .getByTestId('text-file')
        .setInputFiles({ name: 'metadata.json', mimeType: 'application/json', buffer: Buffer.from(meta) });
      await expect
        .poll(() => page.getByTestId('text-error').textContent(), { timeout: WAIT })
        .toBe('metadata.json has 3 class names, but the model has 10 outputs; the names were not used');
      // The names before stay: a refused file loses nothing.
      expect((await outputNames(page))[0]).toBe('name 0');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it(
    'names typed in the editor are kept in the model library and carried by a share link',
    { timeout: 500_000 },
    async () => {
      const { page, errors } = await openEditor(h, { sideWidth: 640 });
      await page.getByTestId('labels-open').click();
      await page.getByTestId('labels-text').fill(NAMES.slice(0, 7).join('\n'));
      expect(await page.getByTestId('labels-status').textContent()).toContain(
        '7 names, but the model has 10 outputs',
      );
      expect(await page.getByTestId('labels-apply').isDisabled()).toBe(true);
      await page.getByTestId('labels-text').fill(NAMES.join('\n'));
      expect(await page.getByTestId('labels-status').textContent()).toContain('10 names for 10 outputs.');
      await shot(page, 'labels-editor');
      await page.getByTestId('labels-apply').click();
      await expect.poll(() => outputNames(page)).toEqual(NAMES.map((n) => n.trim()));
      // Kept in the library: saved, the page reloaded, opened again.
      await page.getByTestId('library-name').fill('named "TinyVGG" <i>');
      await page.getByTestId('library-save').click();
      await expect
        .poll(() => page.getByTestId('library-list').locator('tbody th').allTextContents())
        .toContain('named "TinyVGG" <i>');
      await page.reload();
      await page.getByTestId('library-list').waitFor({ timeout: WAIT });
      await expect.poll(() => outputNames(page), { timeout: WAIT }).toContain('airplane');
      await page.getByTestId('library-open').first().click();
      await expect
        .poll(() => page.getByTestId('library-message').textContent(), { timeout: WAIT })
        .toMatch(/Opened/);
      await expect.poll(() => outputNames(page), { timeout: WAIT }).toEqual(NAMES.map((n) => n.trim()));
      // Carried by a share link, opened in a fresh page.
      await node(page, 'conv_1_1').waitFor({ timeout: WAIT });
      await openText(page);
      await page.getByTestId('text-link').click();
      const url = await page.getByTestId('text-link-url').inputValue();
      expect(url).toMatch(/#net=1\./);
      const other = await h.browser.newPage({ viewport: { width: 390, height: 844 } });
      await other.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
      await other.goto(url);
      await expect.poll(() => topClass(other).catch(() => ''), { timeout: WAIT }).not.toBe('');
      await expect.poll(() => outputNames(other), { timeout: WAIT }).toEqual(NAMES.map((n) => n.trim()));
      expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(other, 'labels-share-390');
      await other.close();
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
