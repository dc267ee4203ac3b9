/**
 * Conv layers' formula views on a phone (390×844) and a laptop (1280×800): a Conv2D over an
 * 8-wide map, one with a 5×5 kernel, and a TimeDistributed Conv2D over 8×8 slices; the Masking
 * view, whose formula line wraps rather than scrolls. Nothing in the dialog is wider than the
 * screen but what scrolls inside its own marked frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, startHarness, type Harness } from './harness';
import { agrees, openNeuron, screenshotView } from './formulaShared';
import { clipped, PHONE, wideScrollers } from './fitsScreen';
import { encodeShareHash } from '../../src/lib/formats/shareLink';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { volumeNet } from './volumeNet';

const WAIT = 120_000;
const conv = (id: string, kernel: number, input: string) => ({
  id,
  type: 'Conv2D',
  params: {
    filters: 4,
    kernelSize: [kernel, kernel],
    strides: [1, 1],
    padding: 'same',
    dilation: [1, 1],
    activation: 'relu',
    useBias: true,
  },
  inputs: [input],
});
const eightWide: NetworkSpec = {
  name: 'Eight wide',
  layers: [
    { id: 'input', type: 'Input', params: { shape: [8, 8, 3] }, inputs: [] },
    conv('conv3', 3, 'input'),
    conv('conv5', 5, 'conv3'),
    { id: 'flat', type: 'Flatten', params: {}, inputs: ['conv5'] },
    {
      id: 'output',
      type: 'Dense',
      params: { units: 4, activation: 'softmax', useBias: true },
      inputs: ['flat'],
    },
  ],
};

// Steps of three ReLU outputs, masked where all three are 0.
const masking: NetworkSpec = {
  name: 'Masking',
  layers: [
    { id: 'input', type: 'Input', params: { shape: [8, 8, 3] }, inputs: [] },
    conv('conv3', 3, 'input'),
    { id: 'steps', type: 'Reshape', params: { targetShape: [64, 4] }, inputs: ['conv3'] },
    { id: 'mask', type: 'Masking', params: { maskValue: 0 }, inputs: ['steps'] },
    { id: 'flat', type: 'Flatten', params: {}, inputs: ['mask'] },
    {
      id: 'output',
      type: 'Dense',
      params: { units: 4, activation: 'softmax', useBias: true },
      inputs: ['flat'],
    },
  ],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 300_000);
afterAll(async () => {
  await h?.close();
});

/** Formula lines that need sideways scrolling: on a phone a 3×3 kernel's pieces wrap, so none should. */
const scrollingLines = (page: Page) =>
  page
    .locator('[data-testid="conv-formula"] .line')
    .evaluateAll((lines) =>
      lines
        .filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.getAttribute('data-testid')} ${e.scrollWidth}>${e.clientWidth}`),
    );

/** Screenshots of the dialog scrolled to its maps and to its formula. */
async function shots(page: Page, name: string): Promise<void> {
  await screenshotView(page, name);
  for (const part of ['conv-output', 'conv-formula']) {
    await page.getByTestId(part).first().scrollIntoViewIfNeeded();
    await screenshotView(page, `${name}-${part}`);
  }
}

/** The dialog's elements that stick out, and frames as wide as the screen that scroll but are not marked to. */
async function overflow(page: Page, width: number): Promise<string[]> {
  const detail = '[data-testid="neuron-detail"]';
  return [...(await clipped(page, detail, width)), ...(await wideScrollers(page, detail, width))];
}

describe('conv formula views fit the screen', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    // A tablet: the channel strip beside the maps left the grids ~50 px too little room.
    ['tablet', { width: 768, height: 1024 }],
    ['laptop', { width: 1280, height: 800 }],
  ] as const) {
    it(`Conv2D over 8-wide maps, 3×3 and 5×5 kernels (${name})`, { timeout: WAIT * 2 }, async () => {
      const { page, errors } = await openApp(h, `#${encodeShareHash(eightWide)}`, viewport);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      for (const neuron of ['conv3:1', 'conv5:2']) {
        const d = await openNeuron(page, neuron);
        await d.getByTestId('conv-view').waitFor();
        await agrees(d, 'conv-value');
        await shots(page, `fits-${name}-${neuron.replace(':', '-')}`);
        await expect.poll(() => overflow(page, viewport.width)).toEqual([]);
        // A 3×3 kernel's lines wrap to fit; a 5×5 window of signed numbers may be a few pixels
        // wider than a phone, and then scrolls inside its own line (checked by overflow above).
        if (neuron === 'conv3:1') expect(await scrollingLines(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(viewport.width);
        await page.keyboard.press('Escape');
      }
      expect(errors, errors.join('\n')).toEqual([]);
      await page.close();
    });

    it(`TimeDistributed(Conv2D) over 8×8 slices (${name})`, { timeout: WAIT }, async () => {
      const { page, errors } = await openApp(h, `#${encodeShareHash(volumeNet)}`, viewport);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page
        .locator('[data-testid="overview"] [data-layer="td_conv"]')
        .first()
        .waitFor({ timeout: WAIT });
      const d = await openNeuron(page, 'td_conv:0');
      await d.getByTestId('conv-view').waitFor();
      await agrees(d, 'conv-value');
      await shots(page, `fits-${name}-td-conv`);
      await expect.poll(() => overflow(page, viewport.width)).toEqual([]);
      expect(await scrollingLines(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(viewport.width);
      expect(errors, errors.join('\n')).toEqual([]);
      await page.close();
    });
  }

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['laptop', { width: 1280, height: 800 }],
  ] as const) {
    it(`Masking: the formula line wraps instead of scrolling (${name})`, { timeout: WAIT }, async () => {
      const { page, errors } = await openApp(h, `#${encodeShareHash(masking)}`, viewport);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const d = await openNeuron(page, 'mask:1');
      await d.getByTestId('masking-view').waitFor();
      await agrees(d, 'masking-value');
      await screenshotView(page, `fits-${name}-masking`);
      await d.getByTestId('masking-line').scrollIntoViewIfNeeded();
      await screenshotView(page, `fits-${name}-masking-line`);
      await expect.poll(() => overflow(page, viewport.width)).toEqual([]);
      const line = await d
        .getByTestId('masking-line')
        .evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      expect(line.scroll).toBeLessThanOrEqual(line.client + 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(viewport.width);
      expect(errors, errors.join('\n')).toEqual([]);
      await page.close();
    });
  }
});
