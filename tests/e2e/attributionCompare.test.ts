/**
 * Compare side by side: an image pinned as A against another image through the same net (the
 * overview draws B, A or B − A), and against the same image after an edit of the net.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, shot, startHarness, type Harness } from './harness';
import { probabilities } from './pageReads';
import { canvasBytes, chooseMethod, isPicture, worstDiff } from './attributionShared';
import { node, openEditor, setInputPreset, settled as editorSettled } from './editorHelpers';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('compare side by side', () => {
  it('two images through the same net: predictions side by side, the layers that differ, the overview as B, A or B − A', async () => {
    const { page, errors } = await openApp(h);
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
    const a = await probabilities(page);
    await page.getByTestId('why-button').click();
    await chooseMethod(page, 'compare');
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
