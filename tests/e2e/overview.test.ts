/** The network overview in real Chromium: maps, hover, keyboard, colour ranges, other nets. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { partsOutsideColumnBoxes } from './pageReads';
import '../../src/app/browser/debugHookTypes';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
// Pages left open keep painting and compete for the CPU with the next test.
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

/** Opens the app and waits until the overview has been painted for the first image. */
async function openOverview(
  query = '',
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; errors: string[] }> {
  const opened = await openApp(h, query, viewport);
  await opened.page.waitForFunction(() => (window.__cnnStudio?.paints() ?? 0) > 0, null, { timeout: 60_000 });
  return opened;
}

const neuron = (page: Page, layer: string, channel: number) =>
  page.locator(`[data-layer="${layer}"][data-channel="${channel}"]`);

/**
 * What a neuron shows: the part of its layer's column canvas under the neuron's box. The
 * colour count, the mean green (on the white-to-red scale, lower is stronger) and the number
 * of colour runs along the middle row (a 13-wide map scaled up must show at most 13).
 */
async function canvasInfo(page: Page, layer: string, channel: number) {
  const box = (await neuron(page, layer, channel).boundingBox())!;
  return page
    .locator(`[data-testid="column-canvas"][data-layer="${layer}"]`)
    .evaluate((c: HTMLCanvasElement, b) => {
      const r = c.getBoundingClientRect();
      const k = c.width / r.width;
      const x = Math.round((b.x - r.left) * k);
      const y = Math.round((b.y - r.top) * k);
      const w = Math.round(b.width * k);
      const h = Math.round(b.height * k);
      const data = c.getContext('2d')!.getImageData(x, y, w, h).data;
      const colours = new Set<number>();
      let green = 0;
      for (let i = 0; i < data.length; i += 4) {
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        green += data[i + 1]!;
      }
      let runs = 1;
      const row = Math.floor(h / 2) * w * 4;
      for (let i = 1; i < w; i++)
        if (
          data.slice(row + i * 4, row + i * 4 + 3).join() !==
          data.slice(row + i * 4 - 4, row + i * 4 - 1).join()
        )
          runs++;
      return { width: w, height: h, colours: colours.size, green: green / (w * h), runs };
    }, box);
}

describe('TinyVGG overview', () => {
  it('draws one column per layer with every map painted at its native resolution', async () => {
    const { page, errors } = await openOverview();
    const headers = page.getByTestId('column-header');
    await expect.poll(() => headers.count()).toBe(13);
    await expect.poll(() => headers.first().textContent()).toContain('64×64×3');
    await expect.poll(() => page.locator('[data-layer="conv_1_1"][data-testid="neuron"]').count()).toBe(10);
    const conv = await canvasInfo(page, 'conv_1_1', 0);
    expect(conv.colours).toBeGreaterThan(20);
    // A 13×13 map scaled up keeps square cells (nearest neighbour, never blurred): along a
    // row of 26–40 screen pixels there are at most 13 runs of one colour.
    const pool = await canvasInfo(page, 'max_pool_2', 0);
    expect(pool.width).toBeGreaterThanOrEqual(26);
    expect(pool.runs).toBeLessThanOrEqual(13);
    expect(pool.runs).toBeGreaterThan(3);
    // Text alternatives follow the pixels when the browser is idle.
    await expect
      .poll(() => neuron(page, 'relu_1_1', 2).getAttribute('aria-label'))
      .toMatch(/relu_1_1, channel 2: values from 0 to \d/);
    await expect.poll(() => neuron(page, 'input', 0).getAttribute('aria-label')).toMatch(/channel 0 · red/);
    await expect.poll(() => page.getByTestId('probabilities').locator('li').count()).toBe(10);
    await shot(page, 'overview-tinyvgg');
    expect(errors).toEqual([]);
  });

  it('paints the maps once on load: the other panels arriving do not repaint them', async () => {
    const { page, errors } = await openOverview();
    // openApp has waited for every deferred panel; give any late repaint time to happen.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__cnnStudio!.paints())).toBe(1);
    expect(await page.evaluate(() => performance.getEntriesByName('overview-drawn').length)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows a conv neuron’s input edges, its kernels and a tooltip with the value under the pointer', async () => {
    const { page } = await openOverview();
    // A twentieth of the way in: row and column 3 of the 60×60 map, whatever size the window gives the maps.
    const map = (await neuron(page, 'conv_1_2', 3).boundingBox())!;
    await neuron(page, 'conv_1_2', 3).hover({ position: { x: map.width / 20, y: map.height / 20 } });
    const tip = page.getByTestId('neuron-tooltip');
    await expect
      .poll(() => tip.textContent())
      // 3 px into a map drawn 26–40 px wide for its 60 cells: one of the first few rows and columns.
      .toMatch(/conv_1_2.*Channel 3.*Map 60 × 60.*Min .* max .*Row [0-9], column [0-9]: /s);
    // Conv mixes every input channel: 10 edges and one 3×3 kernel glyph per input channel.
    await expect.poll(() => page.getByTestId('edges').getAttribute('data-count')).toBe('10');
    await expect.poll(() => page.getByTestId('kernel-glyph').count()).toBe(10);
    await expect.poll(() => page.getByTestId('kernel-glyph').first().getAttribute('width')).toBe('3');
    await expect.poll(() => page.locator('.neuron.linked[data-layer="relu_1_1"]').count()).toBe(10);
    await shot(page, 'overview-hover');
    // An activation works per channel: one edge, to the same channel, and no kernels.
    await neuron(page, 'relu_1_2', 6).hover();
    await expect.poll(() => page.getByTestId('edges').getAttribute('data-count')).toBe('1');
    await expect.poll(() => page.locator('.neuron.linked').getAttribute('data-channel')).toBe('6');
    await expect.poll(() => page.getByTestId('kernel-glyph').count()).toBe(0);
    // A cell of the flatten strip points back to the map and channel it was copied from.
    const strip = neuron(page, 'flatten', 0);
    const box = (await strip.boundingBox())!;
    await strip.hover({ position: { x: box.width * 0.35, y: 2 } });
    await expect.poll(() => tip.textContent()).toMatch(/Value \d+: .*from max_pool_2 row/s);
    // Whichever cell the fitted strip puts under the pointer, it names its source: flatten
    // reads max_pool_2's 5×5×10 output row by row, then column, then channel.
    const [, value, row, column, channel] = (await tip.textContent())!
      .match(/Value (\d+): .*from max_pool_2 row (\d+), column (\d+), channel (\d+)/s)!
      .map(Number);
    expect(value).toBe((row! * 5 + column!) * 10 + channel!);
  });

  it('moves with the arrow keys, opens a neuron with Enter and comes back to it on Escape', async () => {
    const { page } = await openOverview();
    const scroller = page.getByTestId('overview');
    await neuron(page, 'input', 0).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const focused = () =>
      page.evaluate(() => [
        document.activeElement?.getAttribute('data-layer'),
        document.activeElement?.getAttribute('data-channel'),
      ]);
    // From the middle of the 3 input maps to the nearest of the 10 maps to the right.
    await expect.poll(() => focused()).toEqual(['relu_1_1', '4']);
    await expect.poll(() => page.getByTestId('neuron-tooltip').textContent()).toContain('relu_1_1');
    await scroller.evaluate((el) => (el.scrollLeft = 60));
    const scrolled = await scroller.evaluate((el) => el.scrollLeft);
    await page.keyboard.press('Enter');
    await page.getByTestId('neuron-detail').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('neuron-detail').waitFor({ state: 'detached' });
    await expect.poll(() => focused()).toEqual(['relu_1_1', '4']);
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBe(scrolled);
    // A click opens the same detail for the clicked neuron.
    await neuron(page, 'conv_1_1', 4).click();
    await expect.poll(() => page.getByTestId('neuron-detail').textContent()).toContain('conv_1_1');
  });

  it('switches the colour range between map, layer, block and network, with matching legends', async () => {
    const { page } = await openOverview();
    const legends = page.getByTestId('range-legends');
    const mode = async (name: string): Promise<void> => {
      await page.getByTestId('range-mode').getByText(name, { exact: true }).click();
    };
    await expect.poll(() => legends.getAttribute('data-mode')).toBe('layer');
    // Every coloured column gets its own legend: 10 map layers and the flatten strip.
    await expect.poll(() => legends.getByTestId('legend').count()).toBe(11);
    // The busiest map of relu_2_2 (a dead, all-zero map would look the same in every mode).
    const infos = await Promise.all(Array.from({ length: 10 }, (_, c) => canvasInfo(page, 'relu_2_2', c)));
    const busiest = infos.indexOf(infos.reduce((a, b) => (b.colours > a.colours ? b : a)));
    const layerGreen = infos[busiest]!.green;
    await mode('Whole network');
    await expect.poll(() => legends.getAttribute('data-mode')).toBe('network');
    await expect.poll(() => legends.getByTestId('legend').count()).toBe(1);
    const networkGreen = (await canvasInfo(page, 'relu_2_2', busiest)).green;
    await mode('Per block');
    // Block 1, block 2 and the classifier (the flatten strip).
    await expect.poll(() => legends.getByTestId('legend').count()).toBe(3);
    const [b1, b2] = await legends
      .getByTestId('legend')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-hi'))));
    expect(b1).not.toBe(b2);
    await mode('Per map');
    await expect.poll(() => legends.textContent()).toContain('each map uses its own range');
    const mapGreen = (await canvasInfo(page, 'relu_2_2', busiest)).green;
    // The network's range is wider than this layer's, so its map is paler; against its own
    // range (never wider than the layer's) it is at least as strong.
    expect(networkGreen).toBeGreaterThan(layerGreen);
    expect(mapGreen).toBeLessThanOrEqual(layerGreen);
    await shot(page, 'overview-range-map');
  });

  it('shows short headers in compact mode and shape and parameters in detailed mode', async () => {
    // Wide enough for the natural layout, where the parameter count has its own line.
    const { page } = await openOverview('', { width: 1920, height: 1080 });
    const header = page.getByTestId('column-header').nth(1);
    await expect.poll(() => header.textContent()).toMatch(/conv_1_1\s*62×62×10\s*280 params/);
    await page.getByTestId('details-toggle').uncheck();
    await expect.poll(() => header.textContent()).toMatch(/^\s*conv_1_1\s*$/);
    expect(await partsOutsideColumnBoxes(page)).toEqual([]);
  });

  it('beside the editor on a laptop, a compact header keeps the parameter count in its tooltip', async () => {
    const { page } = await openOverview();
    const header = page.getByTestId('column-header').nth(1);
    await expect.poll(() => header.textContent()).toMatch(/^\s*conv_1_1\s*62×62×10\s*$/);
    expect(await header.getByTestId('column-article-link').getAttribute('title')).toMatch(
      /^conv_1_1 · Conv2D · 280 params · /,
    );
  });

  it('on a tablet (768×1024) shows TinyVGG whole, the prediction column inside the overview’s visible box', async () => {
    const { page } = await openOverview('', { width: 768, height: 1024 });
    const scroller = page.getByTestId('overview');
    await expect.poll(() => scroller.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
    const visible = await scroller.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left + e.clientLeft, right: r.left + e.clientLeft + e.clientWidth };
    });
    const output = (await page.getByTestId('probabilities').boundingBox())!;
    expect(output.x).toBeGreaterThanOrEqual(visible.left);
    expect(output.x + output.width).toBeLessThanOrEqual(visible.right);
    // No fade says more is to the right, and the top class's name is shown whole.
    expect(await scroller.evaluate((e) => e.classList.contains('fade-right'))).toBe(false);
    const top = page.locator('[data-testid="probabilities"] li.top .name');
    expect(await top.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    // The tight headers and output rows stay inside their columns' boxes.
    expect(await partsOutsideColumnBoxes(page)).toEqual([]);
    await shot(page, 'overview-tablet-768');
  });
});

describe('other conv nets', () => {
  it('draws Wide128 (128×128 input, 64 channels) folded to the first maps with "+N more"', async () => {
    const { page, errors } = await openOverview('?net=wide128');
    await page.getByTestId('random-weights').waitFor();
    await page.locator('[data-layer="conv_wide"][data-testid="neuron"]').first().waitFor();
    await expect.poll(() => page.getByTestId('column-header').count()).toBe(10);
    const maps = page.locator('[data-layer="conv_wide"][data-testid="neuron"]');
    await expect.poll(() => maps.count()).toBe(10);
    const more = page.locator('[data-testid="more-channels"][data-layer="conv_wide"]');
    // "+54 more", or "+54" when the column is too narrow for the words (the tooltip has them).
    await expect.poll(async () => (await more.textContent())?.trim()).toMatch(/^\+54( more)?$/);
    expect(await more.getAttribute('title')).toBe('Show all 64 channels of conv_wide');
    await expect.poll(() => page.getByTestId('column-header').first().textContent()).toContain('128×128×3');
    await shot(page, 'overview-wide128');
    await more.click();
    await expect.poll(() => maps.count()).toBe(64);
    // Newly shown maps are painted straight away.
    expect((await canvasInfo(page, 'conv_wide', 63)).colours).toBeGreaterThan(20);
    await expect.poll(() => more.textContent()).toContain('Show fewer');
    expect(await partsOutsideColumnBoxes(page)).toEqual([]);
    await more.click();
    await expect.poll(() => maps.count()).toBe(10);
    expect(errors).toEqual([]);
  });

  for (const [net, columns] of [
    ['deep8', 15],
    ['strided', 10],
  ] as const) {
    it(`draws ${net} with every layer and its prediction`, async () => {
      const { page, errors } = await openOverview(`?net=${net}`);
      await page.getByTestId('random-weights').waitFor();
      await expect.poll(() => page.getByTestId('column-header').count()).toBe(columns);
      await expect.poll(() => page.getByTestId('probabilities').locator('li').count()).toBe(10);
      expect(errors).toEqual([]);
    });
  }

  it('names an unknown demo net and the known ones', async () => {
    const { page } = await openOverview('?net=nosuchnet');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/no demo network "nosuchnet".*deep8, wide128, strided/);
  });
});
