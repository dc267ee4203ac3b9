/**
 * The formula views of modern CNN blocks in real Chromium, on a net opened as a user would:
 * model.json and its weight shard (written by our Keras exporter from seeded weights, batch
 * norm statistics far from 0 and 1) chosen in the text pane. Batch norm, depthwise (with the
 * MobileNet cost comparison against its 1×1 convolution), separable, global average and max
 * pooling, Dense over a map and a hidden Dense: every value shown equals the engine's, for
 * several neurons, and batch norm shows the layer's own μ, σ², γ, β. Screenshots at 1280×800
 * and one at 390×844.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openApp, startHarness, type Harness } from './harness';
import { openEditor, settled } from './editorHelpers';
import { agrees, openNeuron, screenshotView, valueOf } from './formulaShared';
import { clipped, PHONE, wideScrollers } from './fitsScreen';
import { modernNetSpec, modernNetWeights } from '../fixtures/modernNet';
import { serializeKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { encodeShareHash } from '../../src/lib/formats/shareLink';

const WAIT = 120_000;
const spec = modernNetSpec([32, 32]);
const weights = modernNetWeights(spec, 16);

let h: Harness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startHarness();
  const dir = mkdtempSync(join(tmpdir(), 'formula-blocks-'));
  const { json, shards } = serializeKerasJson(spec, weights);
  writeFileSync(join(dir, 'model.json'), json);
  for (const s of shards) writeFileSync(join(dir, s.path), s.data);
  ({ page, errors } = await openEditor(h, { sideWidth: 520 }));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByTestId('view-text').click();
  await page
    .getByTestId('text-file')
    .setInputFiles([join(dir, 'model.json'), ...shards.map((s) => join(dir, s.path))]);
  await page.getByTestId('text-applied').waitFor({ timeout: WAIT });
  await settled(page);
  await page.locator('[data-testid="overview"] [data-layer="bn"]').first().waitFor({ timeout: WAIT });
}, 300_000);
afterEach(async () => {
  // A failed test may leave its dialog open over the overview; the next one starts without it.
  if (page && (await page.getByTestId('neuron-detail').count()) > 0) await page.keyboard.press('Escape');
});
afterAll(async () => {
  await h?.close();
});

/**
 * Opens channel 0 of the layer from the overview (which draws the first ten maps of a layer)
 * and picks the channel in the dialog's channel list, as a user reaches channel 11 of 16.
 */
async function openChannel(id: string, channel: number): Promise<Locator> {
  const d = await openNeuron(page, `${id}:0`);
  if (channel > 0) await d.getByTestId('detail-channel').selectOption(String(channel));
  return d;
}

async function close(): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('neuron-detail').count()).toBe(0);
}

describe('formula views of modern blocks', () => {
  it(
    'batch norm: the channel’s own statistics, and the engine’s value at hovered cells',
    { timeout: WAIT },
    async () => {
      for (const [id, channel] of [
        ['bn', 2],
        ['bn_noscale', 4],
        ['bn_nocenter', 11],
      ] as const) {
        const d = await openChannel(id, channel);
        await d.getByTestId('bn-view').waitFor();
        const stat = (name: string) => valueOf(d, `bn-stat-${name}`);
        expect(await stat('mean')).toBeCloseTo(weights.get(`${id}/moving_mean`)?.[channel] ?? NaN, 5);
        expect(await stat('variance')).toBeCloseTo(weights.get(`${id}/moving_variance`)?.[channel] ?? NaN, 5);
        expect(await stat('gamma')).toBeCloseTo(weights.get(`${id}/gamma`)?.[channel] ?? 1, 5);
        expect(await stat('beta')).toBeCloseTo(weights.get(`${id}/beta`)?.[channel] ?? 0, 5);
        await agrees(d, 'bn-value');
        await screenshotView(page, `formula-bn-${id}`);
        // Another cell, by hovering the output grid.
        await d.locator('[data-testid="bn-output-grid"] .cell').nth(5).hover();
        await agrees(d, 'bn-value');
        expect(await d.getByTestId('bn-gamma').count()).toBe(id === 'bn_noscale' ? 0 : 1);
        expect(await d.getByTestId('bn-beta').count()).toBe(id === 'bn_nocenter' ? 0 : 1);
        await close();
      }
      const v = await openNeuron(page, 'bn_vec:3');
      await agrees(v, 'bn-value');
      expect(await valueOf(v, 'bn-stat-mean')).toBeCloseTo(weights.get('bn_vec/moving_mean')?.[3] ?? NaN, 5);
      await screenshotView(page, 'formula-bn-vector');
      await close();
      // Along the rows, tfjs' numbers would not follow the formula: the view says so.
      const rows = await openNeuron(page, 'bn_rows:0');
      await rows.getByTestId('bn-other-axis').waitFor();
      await close();
    },
  );

  it(
    'depthwise: one input channel, the engine’s value, and the cost against its 1×1 convolution',
    { timeout: WAIT },
    async () => {
      const d = await openNeuron(page, 'dw:4');
      await d.getByTestId('depthwise-view').waitFor();
      await expect
        .poll(() => d.getByTestId('depthwise-source').textContent())
        .toMatch(/reads input channel 4 only/);
      await agrees(d, 'depthwise-value');
      await d.getByTestId('step-back').click();
      await agrees(d, 'depthwise-value');
      // 32×32 outputs, 3×3 kernel, 6 channels, the 8 filters of pw.
      expect(await valueOf(d, 'cost-standard')).toBe(32 * 32 * 9 * 6 * 8);
      expect(await valueOf(d, 'cost-separable')).toBe(32 * 32 * 9 * 6 + 32 * 32 * 6 * 8);
      expect(await valueOf(d, 'cost-ratio')).toBeCloseTo(1 / 8 + 1 / 9, 6);
      await expect.poll(() => d.getByTestId('cost-pairing').textContent()).toContain('pw');
      await screenshotView(page, 'formula-depthwise');
      await d.getByTestId('separable-cost').scrollIntoViewIfNeeded();
      await screenshotView(page, 'formula-depthwise-cost');
      // The strip picks another output channel.
      await d.locator('[data-testid="depthwise-out"][data-channel="1"]').click();
      await expect
        .poll(() => d.getByTestId('depthwise-source').textContent())
        .toMatch(/reads input channel 1 only/);
      await agrees(d, 'depthwise-value');
      await close();

      const x2 = await openChannel('dw_x2', 13);
      await expect
        .poll(() => x2.getByTestId('depthwise-source').textContent())
        .toMatch(/input channel 6 only, with kernel 1 of its 2/);
      await agrees(x2, 'depthwise-value');
      await screenshotView(page, 'formula-depthwise-x2');
      await close();
      // The pointwise convolution shows the same comparison from its side.
      const pw = await openNeuron(page, 'pw:0');
      await pw.getByTestId('conv-view').waitFor();
      expect(await valueOf(pw, 'cost-separable')).toBe(32 * 32 * 9 * 6 + 32 * 32 * 6 * 8);
      await agrees(pw, 'conv-value');
      await close();
    },
  );

  it(
    'separable: the depthwise results mixed by the pointwise weights equal the engine',
    { timeout: WAIT },
    async () => {
      for (const [id, channel] of [
        ['sep', 3],
        ['sep_dil', 1],
      ] as const) {
        const d = await openChannel(id, channel);
        await d.getByTestId('separable-view').waitFor();
        await agrees(d, 'separable-value');
        await d.getByTestId('step-forward').click();
        await agrees(d, 'separable-value');
        const row = d.locator('[data-testid="separable-row"][data-middle="3"]');
        await row.click();
        await expect.poll(() => row.getAttribute('aria-pressed')).toBe('true');
        // sep has depth multiplier 2 (depthwise channel 3 is input channel 1), sep_dil 1.
        const source = id === 'sep' ? 1 : 3;
        await expect
          .poll(() => d.getByTestId('separable-formula').textContent())
          .toContain(`channel 3: input channel ${source} `);
        await agrees(d, 'separable-value');
        if (id === 'sep') {
          expect(await valueOf(d, 'cost-standard')).toBe(15 * 16 * 9 * 16 * 5);
          await screenshotView(page, 'formula-separable');
        }
        await close();
      }
    },
  );

  it('global pooling: the whole map to one number, average and max', { timeout: WAIT }, async () => {
    for (const [id, channel] of [
      ['gap', 1],
      ['gmp', 2],
      ['gap_seq', 0],
      ['gmp_seq', 1],
    ] as const) {
      const d = await openChannel(id, channel);
      await d.getByTestId('global-pool-view').waitFor();
      await agrees(d, 'global-value');
      if (id === 'gap' || id === 'gmp') await screenshotView(page, `formula-global-${id}`);
      await close();
    }
  });

  it(
    'Dense layers inside the net: over a map as a 1×1 convolution, and a hidden unit',
    { timeout: WAIT },
    async () => {
      const m = await openNeuron(page, 'dense_map:2');
      await m.getByTestId('dense-map-view').waitFor();
      await agrees(m, 'conv-value');
      await screenshotView(page, 'formula-dense-map');
      await close();
      const d = await openNeuron(page, 'hidden:5');
      await d.getByTestId('dense-view').waitFor();
      await agrees(d, 'dense-value');
      await expect.poll(() => d.getByTestId('class-weights').getAttribute('data-unit')).toBe('5');
      await expect.poll(() => d.getByTestId('class-weights').textContent()).toMatch(/from input \d+/);
      await screenshotView(page, 'formula-dense-hidden');
      await close();
      expect(errors).toEqual([]);
    },
  );
});

describe('on a phone', () => {
  it('the depthwise and batch-norm views fit 390 px', { timeout: WAIT }, async () => {
    const { page: phone, errors: phoneErrors } = await openApp(h, `#${encodeShareHash(spec)}`, PHONE);
    await phone.emulateMedia({ reducedMotion: 'reduce' });
    for (const neuron of ['dw:2', 'bn:1', 'sep:0', 'gap:0']) {
      await phone.locator('[data-testid="overview"] [data-layer]').first().waitFor({ timeout: WAIT });
      const d = await openNeuron(phone, neuron);
      await d.locator('[data-testid$="-view"]').first().waitFor();
      await expect.poll(() => clipped(phone, '[data-testid="neuron-detail"]')).toEqual([]);
      expect(await wideScrollers(phone, '[data-testid="neuron-detail"]')).toEqual([]);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
      if (neuron === 'dw:2') await screenshotView(phone, 'phone-formula-depthwise');
      await phone.keyboard.press('Escape');
    }
    expect(phoneErrors).toEqual([]);
  });
});
