/**
 * The text pane in real Chromium: the model in each format, edits applied with Ctrl+Enter,
 * errors marked at their line and column without changing the net, model files opened by
 * the file picker (a converter model.json with its weight shard) and by drag and drop,
 * every format downloaded, and share links restored (or refused with a message).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { node, openEditor as openEditorWith, settled, shapeOf, shot } from './editorHelpers';
import { KERAS_FIXTURES, fixtureShard, writeKerasFixture } from '../fixtures/keras/generate';

/** Generous: the machine may be busy with other builds; these are waits, not speed checks. */
const WAIT = 120_000;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

/** The app with the tour dismissed and a 640 px editor panel, once the graph is drawn. */
const openEditor = (harness: Harness) => openEditorWith(harness, { sideWidth: 640 });

async function openText(page: Page): Promise<void> {
  await page.getByTestId('view-text').click();
  await page.getByTestId('text-code').waitFor({ timeout: WAIT });
  // The pane writes the current model once it has it.
  await page.waitForFunction(
    () =>
      (document.querySelector('[data-testid="text-code"]') as HTMLTextAreaElement | null)?.value.includes(
        'conv_1_1',
      ),
    null,
    { timeout: WAIT },
  );
}

/** Waits for the pane's message line and returns its text (a screenshot is kept if it never comes). */
async function messageOf(page: Page, testId: 'text-error' | 'text-applied', name: string): Promise<string> {
  try {
    await page.getByTestId(testId).waitFor({ timeout: WAIT });
  } catch (e) {
    await shot(page, `${name}-failed`);
    const shown = await page
      .getByTestId('text-message')
      .textContent()
      .catch(() => null);
    throw new Error(`no ${testId} (message: ${shown ?? 'none'}): ${String(e)}`);
  }
  return (await page.getByTestId(testId).textContent()) ?? '';
}

const code = (page: Page) => page.getByTestId('text-code');

async function chooseFormat(page: Page, format: string): Promise<void> {
  await page.getByTestId('text-format').selectOption(format);
}

describe('text pane', () => {
  it(
    'shows the model in every format and applies an edit with Ctrl+Enter to the graph and the explainer',
    { timeout: 400_000 },
    async () => {
      const { page, errors } = await openEditor(h);
      await openText(page);
      expect(await code(page).inputValue()).toContain(
        '"id": "conv_1_1", "type": "Conv2D", "params": {"filters": 10',
      );
      await chooseFormat(page, 'caffe');
      expect(await code(page).inputValue()).toMatch(
        /layer \{\n {2}name: "conv_1_1"\n {2}type: "Convolution"/,
      );
      await shot(page, 'text-pane-caffe');
      await chooseFormat(page, 'pytorch');
      expect(await code(page).inputValue()).toContain(
        'self.conv_1_1 = nn.Conv2d(3, 10, kernel_size=3, stride=1, padding=0)',
      );
      await expect.poll(() => page.getByTestId('text-readonly').isVisible()).toBe(true);
      await expect.poll(() => page.getByTestId('text-apply').count()).toBe(0);
      await chooseFormat(page, 'keras');
      expect(await code(page).inputValue()).toContain('"class_name": "Conv2D"');

      await chooseFormat(page, 'spec');
      const text = await code(page).inputValue();
      await code(page).fill(
        text.replace(
          '"id": "conv_1_1", "type": "Conv2D", "params": {"filters": 10',
          '"id": "conv_1_1", "type": "Conv2D", "params": {"filters": 12',
        ),
      );
      await expect.poll(() => page.getByTestId('text-edited').isVisible()).toBe(true);
      await code(page).press('Control+Enter');
      expect(await messageOf(page, 'text-applied', 'text-pane-apply')).toBe('Applied: 13 layers.');
      await settled(page);
      await page.getByTestId('view-graph').click();
      expect(await shapeOf(page, 'conv_1_1')).toContain('12');
      // The explainer rebuilt the net: the overview shows conv_1_1 with 12 channels.
      await page.getByTestId('undo').click();
      await settled(page);
      expect(await shapeOf(page, 'conv_1_1')).toContain('10');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('marks a broken edit at its line and column and changes nothing', { timeout: 400_000 }, async () => {
    const { page, errors } = await openEditor(h);
    await openText(page);
    const text = await code(page).inputValue();
    await code(page).fill(text.replace('"type": "Conv2D"', '"type": "Conv2d"'));
    await page.getByTestId('text-apply').click();
    const error = page.getByTestId('text-error');
    expect(await messageOf(page, 'text-error', 'text-pane-error')).toMatch(
      /^Line 7, column \d+: unknown layer type "Conv2d" \(did you mean "Conv2D"\?\) \(\$\.layers\[1\]\.type\)$/,
    );
    await expect.poll(() => page.getByTestId('error-band').isVisible()).toBe(true);
    await shot(page, 'text-pane-error');
    // A shape problem points at the line of the layer that has it: a 64×64 kernel leaves conv_1_2 a 1×1 input.
    await code(page).fill(text.replace('"kernelSize": [3, 3]', '"kernelSize": [64, 64]'));
    await code(page).press('Control+Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="text-error"]')?.textContent?.includes('1×1 input'),
      null,
      { timeout: WAIT },
    );
    expect(await error.textContent()).toMatch(
      /^Line 9, column 5: conv_1_2: a 3×3 kernel does not fit a 1×1 input$/,
    );
    await page.getByTestId('view-graph').click();
    expect(await shapeOf(page, 'conv_1_1')).toContain('62');
    expect(errors).toEqual([]);
    await page.close();
  });

  it(
    "opens a converter model.json with its weight shard by the file picker; the explainer runs on the file's own weights",
    { timeout: 400_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'formats-e2e-'));
      const name = 'keras2_sequential_converted';
      const json = writeKerasFixture(dir, name);
      const { page, errors } = await openEditor(h);
      await openText(page);
      await page.getByTestId('text-file').setInputFiles([json, join(dir, 'group1-shard1of1.bin')]);
      expect(await messageOf(page, 'text-applied', 'text-pane-keras')).toBe(
        'Opened model.json with its own weights: 8 layers.',
      );
      await settled(page);
      await chooseFormat(page, 'keras');
      // Saving with weights writes back exactly the bytes of the file's shard: the model holds its weights.
      const [modelJson, shard] = await Promise.all([
        page.waitForEvent('download'),
        page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.bin')),
        page.getByTestId('text-download-weights').click(),
      ]);
      expect(modelJson.suggestedFilename()).toBe('model.json');
      expect(shard.suggestedFilename()).toBe('weights.bin');
      const saved = readFileSync((await shard.path()) ?? '');
      expect(Buffer.compare(saved, Buffer.from(fixtureShard(KERAS_FIXTURES[name]!().weights)))).toBe(0);
      await page.getByTestId('view-graph').click();
      expect(await shapeOf(page, 'conv2d')).toContain('32');
      await shot(page, 'text-pane-opened-keras');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('opens a Caffe prototxt dropped on the pane', { timeout: 400_000 }, async () => {
    const { page, errors } = await openEditor(h);
    await openText(page);
    const prototxt = readFileSync('tests/fixtures/caffe/lenet.prototxt', 'utf8');
    const drop = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'lenet.prototxt', { type: 'text/plain' }));
      return dt;
    }, prototxt);
    await page.getByTestId('text-pane').dispatchEvent('dragover', { dataTransfer: drop });
    await page.getByTestId('text-pane').dispatchEvent('drop', { dataTransfer: drop });
    expect(await messageOf(page, 'text-applied', 'text-pane-drop')).toBe('Opened lenet.prototxt: 10 layers.');
    expect(await code(page).inputValue()).toContain('"id": "ip1_flatten", "type": "Flatten"');
    await settled(page);
    await page.getByTestId('view-graph').click();
    await node(page, 'conv1').waitFor({ timeout: WAIT });
    expect(await shapeOf(page, 'ip1')).toContain('500');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the model in each format', { timeout: 400_000 }, async () => {
    const { page, errors } = await openEditor(h);
    await openText(page);
    const expected: [string, string, RegExp][] = [
      ['spec', 'TinyVGG.spec.json', /"format": "cnn-studio-spec"/],
      ['keras', 'model.json', /"format": "layers-model"/],
      ['caffe', 'TinyVGG.prototxt', /^name: "TinyVGG"\nlayer \{/],
      ['pbtxt', 'TinyVGG.pbtxt', /^# CNN Studio network: "TinyVGG"\nnode \{\n {2}name: "input"/],
      ['pytorch', 'tinyvgg.py', /class TinyVGG\(nn\.Module\):/],
    ];
    for (const [format, file, content] of expected) {
      await chooseFormat(page, format);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('text-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe(file);
      expect(readFileSync((await download.path()) ?? '', 'utf8')).toMatch(content);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it(
    'a model Keras cannot hold is refused at the download button with the reason, and nothing is saved',
    { timeout: 400_000 },
    async () => {
      const { page, errors } = await openEditor(h);
      await openText(page);
      const downloads: string[] = [];
      page.on('download', (d) => downloads.push(d.suggestedFilename()));
      // Keras has no LRN (the engine runs its own), so the net has no Keras form.
      const text = await code(page).inputValue();
      await code(page).fill(
        text.replace(
          '"id": "relu_1_2", "type": "Activation", "params": {"activation": "relu"}',
          '"id": "relu_1_2", "type": "LRN", "params": {"depthRadius": 2, "bias": 2, "alpha": 0.0001, "beta": 0.75}',
        ),
      );
      await code(page).press('Control+Enter');
      expect(await messageOf(page, 'text-applied', 'text-pane-grouped')).toBe('Applied: 13 layers.');
      await chooseFormat(page, 'keras');
      const reason = /^This model cannot be written as Keras \/ TF\.js model\.json: .*relu_1_2.*LRN/;
      expect(await messageOf(page, 'text-error', 'text-pane-keras-refused')).toMatch(reason);
      await page.getByRole('button', { name: 'Dismiss' }).click();
      await page.getByTestId('text-download').click();
      // The reason comes back in the pane where the button was clicked, and no empty model.json is saved.
      expect(await messageOf(page, 'text-error', 'text-pane-download-refused')).toMatch(reason);
      await page.waitForTimeout(1000);
      expect(downloads).toEqual([]);
      expect(await page.getByTestId('text-download-weights').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

describe('share links', () => {
  it('a copied link opens the same architecture in a new page', { timeout: 400_000 }, async () => {
    const { page, errors } = await openEditor(h);
    await openText(page);
    await page.getByTestId('text-file').setInputFiles('tests/fixtures/caffe/lenet.prototxt');
    expect(await messageOf(page, 'text-applied', 'share-open')).toBe('Opened lenet.prototxt: 10 layers.');
    await page.getByTestId('text-link').click();
    const url = await page.getByTestId('text-link-url').inputValue();
    expect(url).toMatch(/#net=1\.[A-Za-z0-9_-]+$/);
    await page.close();
    const fresh = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await fresh.goto(url, { timeout: WAIT });
    await node(fresh, 'ip1').waitFor({ timeout: WAIT });
    expect(await shapeOf(fresh, 'pool2')).toContain('4');
    await shot(fresh, 'share-link-opened');
    expect(errors).toEqual([]);
    await fresh.close();
  });

  it('a damaged link says so and the app opens with the default model', { timeout: 400_000 }, async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await page.goto(`${h.server.url}#net=1.eJyrVkrLz1eyUkpKLFKqBQA`, { timeout: WAIT });
    const notice = page.getByTestId('share-problem');
    await notice.waitFor({ timeout: WAIT });
    expect(await notice.textContent()).toMatch(
      /The shared link could not be opened\.\s*The shared link is damaged \(.*\)\. The default model is shown instead\./,
    );
    await node(page, 'conv_1_1').waitFor({ timeout: WAIT });
    await shot(page, 'share-link-damaged');
    expect(errors).toEqual([]);
    await page.close();
  });
});
