/**
 * Compare side by side: an image pinned as A against another image through the same net (the
 * overview draws B, A or B − A; the maps of one layer of A, B and B − A side by side), against
 * the same image after an edit of the net, and against another model of the zoo (each side's
 * own layer, no B − A).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { probabilities } from './pageReads';
import { auditPanel, canvasBytes, chooseMethod, isPicture, worstDiff } from './attributionShared';
import { node, openEditor, setInputPreset, settled as editorSettled } from './editorHelpers';
import {
  differenceDomain,
  jointDomain,
  paintTiles,
  tileGrid,
  type TileGrid,
} from '../../src/lib/attribution/mapsSideBySide';
import { packRgba, parseColour, schemeLut } from '../../src/lib/colour/lut';
import type { Domain } from '../../src/lib/colour/ranges';
import type { TensorData } from '../../src/lib/tensor/types';
import { colour } from '../../src/lib/theme';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A layer of A or B as the page holds it. */
async function layerOf(page: Page, side: 'a' | 'b', id: string): Promise<TensorData> {
  const t = await page.evaluate(([s, l]) => window.__cnnStudio!.attribution!.compareLayer(s, l), [
    side,
    id,
  ] as const);
  expect(t, `${side}: ${id}`).not.toBeNull();
  return { data: Float32Array.from(t!.data), shape: t!.shape };
}

const gridOf = (t: TensorData): TileGrid => {
  const [height = 0, width = 0, channels = 0] = t.shape;
  return tileGrid({ id: '', height, width, channels });
};

/** The tiles' RGBA bytes as they should be drawn (gaps in the panel colour). */
function tiles(grid: TileGrid, data: Float32Array, minus: Float32Array | null, domain: Domain): number[] {
  const out = new Uint32Array(grid.pixelWidth * grid.pixelHeight).fill(
    packRgba(...parseColour(colour.panel)),
  );
  paintTiles(grid, data, minus, domain, schemeLut(domain.scheme), out);
  return Array.from(new Uint8Array(out.buffer));
}

/** The layer a panel of the maps side by side draws. */
const drawnLayer = (page: Page, testid: string): Promise<string | null> =>
  page.getByTestId(testid).locator('canvas').getAttribute('data-layer');

/** The largest difference of two pictures' bytes (Infinity when their sizes differ), for big pictures too. */
function largestDiff(a: number[], b: number[]): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** Waits until the panel drew `expected` (the canvas's bytes equal, ±1). */
async function expectDrawn(page: Page, testid: string, expected: number[]): Promise<void> {
  await expect
    .poll(async () => largestDiff(await canvasBytes(page, testid), expected))
    .toBeLessThanOrEqual(1);
}

describe('compare side by side', () => {
  it('two images through the same net: predictions side by side, the layers that differ, the overview as B, A or B − A', async () => {
    const { page, errors } = await openApp(h);
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
    const a = await probabilities(page);
    await page.getByTestId('why-button').click();
    await chooseMethod(page, 'compare');
    // The tab asks its own question, not why the net predicted a class.
    await expect.poll(() => page.locator('#attribution-title').textContent()).toBe('Compare A and B');
    // Before anything is pinned the tab is its text and its button, with no blank band below
    // (the other methods' room for a picture): the panel ends a status line after the button.
    const gap = await page.evaluate(() => {
      const pin = document.querySelector('[data-testid="compare-pin"]')!.getBoundingClientRect();
      const panel = document.querySelector('[data-testid="attribution"]')!.getBoundingClientRect();
      return panel.bottom - pin.bottom;
    });
    expect(gap).toBeLessThan(70);
    await page.getByTestId('compare-pin').click();
    await expect.poll(() => page.getByTestId('compare-same').count()).toBe(1);
    await page.evaluate(() => window.__cnnStudio!.setTestImage(8));
    const b = await probabilities(page);
    await page.getByTestId('compare-changed').waitFor();
    const info = await page.evaluate(() => window.__cnnStudio!.attribution!.compare());
    expect(info.pinned).toBe('test-7.png');
    expect(info.matches).toBe(true);
    expect(info.sameImage).toBe(false);
    expect(info.pinnedProbabilities.map(Math.fround)).toEqual(a);
    for (const l of info.changed) expect(l.relative).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('compare-a').textContent()).toContain('test-7.png');
    await expect.poll(() => page.getByTestId('compare-b').textContent()).toContain('test-8.png');
    await page.getByTestId('compare-overview').selectOption('other');
    await expect.poll(() => probabilities(page)).toEqual(a);
    await page.getByTestId('compare-overview').selectOption('difference');
    await expect
      .poll(() => page.getByTestId('overview-source').getAttribute('data-shows'))
      .toBe('difference');
    (await probabilities(page)).forEach((d, i) => expect(d).toBeCloseTo(b[i]! - a[i]!, 6));
    await shot(page, 'attribution-compare-1280');
    await page.getByTestId('overview-source').getByRole('button').click();
    await expect.poll(() => probabilities(page)).toEqual(b);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('two images through TinyVGG: one layer’s maps of A, B and B − A side by side, as the numbers call for', async () => {
    const { page, errors } = await openApp(h);
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
    await page.getByTestId('why-button').click();
    await chooseMethod(page, 'compare');
    await page.getByTestId('compare-pin').click();
    await expect.poll(() => page.getByTestId('compare-same').count()).toBe(1);
    expect(await page.getByTestId('compare-maps').count()).toBe(0);
    await page.evaluate(() => window.__cnnStudio!.setTestImage(8));
    await page.getByTestId('compare-maps').waitFor();
    // One net: one picker, no note about nets, and the layer is the top changed one with maps.
    expect(await page.getByTestId('compare-maps-layer-a').count()).toBe(0);
    expect(await page.getByTestId('compare-maps-own').count()).toBe(0);
    expect(await page.getByTestId('compare-other-net').count()).toBe(0);
    const top = await page
      .getByTestId('compare-changed')
      .locator('li:has(button)')
      .first()
      .getAttribute('data-layer');
    expect(top).toBeTruthy();
    for (const id of ['compare-maps-a', 'compare-maps-b', 'compare-maps-diff'])
      expect(await drawnLayer(page, id), id).toBe(top);
    expect(await page.getByTestId('compare-maps-layer').inputValue()).toBe(top);

    const check = async (id: string): Promise<void> => {
      const a = await layerOf(page, 'a', id);
      const b = await layerOf(page, 'b', id);
      const grid = gridOf(a);
      const canvas = page.getByTestId('compare-maps-a').locator('canvas');
      expect(await canvas.getAttribute('data-channels')).toBe(String(a.shape[2]));
      expect(await canvas.getAttribute('data-shown')).toBe(String(grid.shown));
      const domain = jointDomain([
        { data: a, shown: grid.shown },
        { data: b, shown: grid.shown },
      ]);
      const drawnA = tiles(grid, a.data, null, domain);
      await expectDrawn(page, 'compare-maps-a', drawnA);
      await expectDrawn(page, 'compare-maps-b', tiles(grid, b.data, null, domain));
      await expectDrawn(
        page,
        'compare-maps-diff',
        tiles(grid, b.data, a.data, differenceDomain(a, b, grid.shown)),
      );
      // The images differ, so do their maps; B − A is the neutral middle of its scale where A and B are equal.
      expect(largestDiff(await canvasBytes(page, 'compare-maps-b'), drawnA)).toBeGreaterThan(50);
      const diff = await canvasBytes(page, 'compare-maps-diff');
      const lut = schemeLut('diverging');
      const middle = [lut.rgb[128 * 3], lut.rgb[128 * 3 + 1], lut.rgb[128 * 3 + 2]];
      const [, width = 0, channels = 1] = a.shape;
      let equal = 0;
      let notNeutral = 0;
      for (let i = 0; i < a.data.length; i++) {
        const c = i % channels;
        if (c >= grid.shown || a.data[i] !== b.data[i]) continue;
        const x = Math.floor(i / channels) % width;
        const y = Math.floor(i / channels / width);
        const ox = (c % grid.cols) * (grid.width + grid.gap);
        const oy = Math.floor(c / grid.cols) * (grid.height + grid.gap);
        const p = ((oy + y) * grid.pixelWidth + ox + x) * 4;
        if (diff[p] !== middle[0] || diff[p + 1] !== middle[1] || diff[p + 2] !== middle[2]) notNeutral++;
        equal++;
      }
      expect(notNeutral).toBe(0);
      if (id.startsWith('relu')) expect(equal).toBeGreaterThan(0);
    };
    await check(top!);

    // Pointing at a tile names its channel.
    const box = (await page.getByTestId('compare-maps-b').locator('canvas').boundingBox())!;
    const grid = gridOf(await layerOf(page, 'b', top!));
    await page.mouse.move(box.x + box.width * ((grid.width + grid.gap + 2) / grid.pixelWidth), box.y + 2);
    await expect
      .poll(() => page.getByTestId('compare-maps-b-channel').textContent())
      .toBe(`Channel 1 of ${top}`);

    // Another row of the changed layers picks its layer for every panel.
    const other = await page
      .getByTestId('compare-changed')
      .locator(`li:has(button):not([data-layer="${top}"])`)
      .first()
      .getAttribute('data-layer');
    await page.getByTestId('compare-changed').locator(`li[data-layer="${other}"] button`).click();
    await expect.poll(() => drawnLayer(page, 'compare-maps-diff')).toBe(other);
    expect(await drawnLayer(page, 'compare-maps-a')).toBe(other);
    expect(await page.getByTestId('compare-maps-layer').inputValue()).toBe(other);
    await check(other!);
    // And the picker: the first layer of maps (conv_1_1, 62×62×10).
    await page.getByTestId('compare-maps-layer').selectOption('conv_1_1');
    await expect.poll(() => drawnLayer(page, 'compare-maps-b')).toBe('conv_1_1');
    await check('conv_1_1');
    await page.getByTestId('compare-maps').scrollIntoViewIfNeeded();
    await shot(page, 'attribution-compare-maps');
    expect(await auditPanel(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('two nets of another shape (TinyVGG, then ResNet-8 from the zoo): each side its own layer, no B − A, a note naming both', async () => {
    const { page, errors } = await openApp(h);
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
    await page.getByTestId('why-button').click();
    await chooseMethod(page, 'compare');
    await page.getByTestId('compare-pin').click();
    await expect.poll(() => page.getByTestId('compare-same').count()).toBe(1);
    await page.getByTestId('model-menu').selectOption('resnet8');
    await page.getByTestId('compare-maps-layer-a').waitFor({ timeout: 120_000 });
    expect((await page.evaluate(() => window.__cnnStudio!.attribution!.compare())).matches).toBe(false);
    await expect.poll(() => page.getByTestId('compare-other-net').textContent()).toContain('ResNet-8');
    expect(await page.getByTestId('compare-maps-own').textContent()).toMatch(/TinyVGG.*ResNet-8/);
    expect(await page.getByTestId('compare-maps-layer').count()).toBe(0);
    // Each net's last layer of maps.
    const lastOption = (id: string): Promise<string | null> =>
      page.getByTestId(id).locator('option').last().getAttribute('value');
    expect(await drawnLayer(page, 'compare-maps-a')).toBe('max_pool_2');
    expect(await lastOption('compare-maps-layer-a')).toBe('max_pool_2');
    const lastB = await lastOption('compare-maps-layer-b');
    expect(lastB).toMatch(/^stage3/);
    expect(await drawnLayer(page, 'compare-maps-b')).toBe(lastB);
    expect(await page.getByTestId('compare-maps-diff').count()).toBe(0);
    expect(await page.getByTestId('compare-maps-nodiff').textContent()).toContain('max_pool_2');

    const both = async (idA: string, idB: string): Promise<void> => {
      const a = await layerOf(page, 'a', idA);
      const b = await layerOf(page, 'b', idB);
      const [gridA, gridB] = [gridOf(a), gridOf(b)];
      // Two different layers: each side on its own scale (one shared scale washed A out).
      const domainA = jointDomain([{ data: a, shown: gridA.shown }]);
      const domainB = jointDomain([{ data: b, shown: gridB.shown }]);
      await expectDrawn(page, 'compare-maps-a', tiles(gridA, a.data, null, domainA));
      await expectDrawn(page, 'compare-maps-b', tiles(gridB, b.data, null, domainB));
      expect(isPicture(await canvasBytes(page, 'compare-maps-b'))).toBe(true);
    };
    await both('max_pool_2', lastB!);
    // Each picker moves its own side only.
    await page.getByTestId('compare-maps-layer-a').selectOption('conv_1_1');
    await expect.poll(() => drawnLayer(page, 'compare-maps-a')).toBe('conv_1_1');
    expect(await drawnLayer(page, 'compare-maps-b')).toBe(lastB);
    await page.getByTestId('compare-maps-layer-b').selectOption('stem_relu');
    await expect.poll(() => drawnLayer(page, 'compare-maps-b')).toBe('stem_relu');
    expect(await drawnLayer(page, 'compare-maps-a')).toBe('conv_1_1');
    await both('conv_1_1', 'stem_relu');
    await page.getByTestId('compare-maps').scrollIntoViewIfNeeded();
    await shot(page, 'attribution-compare-maps-nets');
    expect(await auditPanel(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the same image before and after an edit: unchanged layers are equal, the re-initialised classifier differs', async () => {
    const { page, errors } = await openEditor(h);
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
    await page.getByTestId('why-button').click();
    await chooseMethod(page, 'compare');
    await page.getByTestId('compare-pin').click();
    await node(page, 'conv_2_2').focus();
    await page.getByTestId('tab-layer').click();
    await page.locator('#param-conv_2_2-filters').fill('12');
    await editorSettled(page);
    await expect
      .poll(() => page.evaluate(() => window.__cnnStudio!.attribution!.compare().changed.length))
      .toBeGreaterThan(0);
    const info = await page.evaluate(() => window.__cnnStudio!.attribution!.compare());
    expect(info.sameImage).toBe(true);
    expect(info.matches).toBe(false);
    const byId = new Map(info.changed.map((l) => [l.layerId, l.relative]));
    for (const id of ['conv_1_1', 'relu_1_2', 'max_pool_1', 'conv_2_1']) expect(byId.get(id)).toBe(0);
    // conv_2_2 onwards changed shape and are not compared; the output kept its shape.
    expect(byId.has('conv_2_2')).toBe(false);
    expect(byId.get('output')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the image as the user sees it in both thumbnails when the net takes Caffe’s BGR 0–255 with the mean taken off', async () => {
    const { page, errors } = await openEditor(h);
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
    const plain = await probabilities(page);
    await page.getByTestId('why-button').click();
    await chooseMethod(page, 'compare');
    await page.getByTestId('compare-pin').click();
    await expect.poll(() => page.getByTestId('compare-same').count()).toBe(1);
    const a = await canvasBytes(page, 'compare-a');
    // A plain RGB net: the thumbnail is the picture (not black, not one colour).
    expect(isPicture(a)).toBe(true);
    // The same image through the net set to Caffe's preprocessing: B is the same picture.
    await setInputPreset(page, 'caffe');
    await expect.poll(() => probabilities(page)).not.toEqual(plain);
    // B is now the new net's explanation: it differs from A's.
    await expect.poll(() => page.getByTestId('compare-same').count()).toBe(0);
    await expect.poll(async () => worstDiff(await canvasBytes(page, 'compare-b'), a)).toBeLessThanOrEqual(2);
    // Pinned again under this net, A is the picture too.
    await page.getByTestId('compare-repin').click();
    await expect.poll(() => page.getByTestId('compare-same').count()).toBe(1);
    expect(worstDiff(await canvasBytes(page, 'compare-a'), a)).toBeLessThanOrEqual(2);
    await shot(page, 'attribution-compare-caffe');
    expect(errors).toEqual([]);
    await page.close();
  });
});
