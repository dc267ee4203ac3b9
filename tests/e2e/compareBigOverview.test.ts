/**
 * Compare on ResNet-18 (224×224, in the net worker): the overview's maps are painted again a
 * few columns per frame when B comes and when it is switched to B − A (MapPainter.setFrame),
 * and the overview counts as drawn (`paints()`) only once every column has its new maps. Each
 * column canvas is read as a fingerprint (a sum of its pixels) before and right after. B's input
 * (made in the worker) and the changed layers (worked out in slices) are checked against the
 * page's own computations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { chooseMethod } from './attributionShared';
import { finished, openResnetInWorker } from './whyInWorkerShared';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Each column canvas's pixel sum, by layer. */
const fingerprints = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const c of document.querySelectorAll<HTMLCanvasElement>('[data-testid="column-canvas"]')) {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += data[i]! * 3 + data[i + 1]! * 5 + data[i + 2]! * 7;
      out[c.dataset.layer!] = sum;
    }
    return out;
  });

const paints = (page: Page): Promise<number> => page.evaluate(() => window.__cnnStudio!.paints());

/** Runs `change`, waits for the next full paint of the overview, and reads the canvases then. */
async function afterRepaint(page: Page, change: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await paints(page);
  await change();
  await page.waitForFunction((n) => window.__cnnStudio!.paints() > n, before, {
    timeout: 240_000,
    polling: 'raf',
  });
  return fingerprints(page);
}

/** The layers whose canvas is the same in `a` and `b`. */
const unchanged = (a: Record<string, number>, b: Record<string, number>): string[] =>
  Object.keys(b).filter((id) => a[id] === b[id]);

describe('compare on ResNet-18: the overview repainted a few columns per frame', () => {
  it('has every column painted anew when B comes and when it shows B − A', async () => {
    const { page, errors } = await openResnetInWorker(h);
    await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
    await page.getByTestId('why-button').click();
    await finished(page, 'gradCam');
    await chooseMethod(page, 'compare');
    await page.getByTestId('compare-pin').click();
    await expect.poll(() => page.getByTestId('compare-same').count()).toBe(1);
    const a = await fingerprints(page);
    // Some 50 columns of maps: more than one frame's painting.
    expect(Object.keys(a).length).toBeGreaterThan(40);

    const b = await afterRepaint(page, () => page.evaluate(() => window.__cnnStudio!.setTestImage(8)));
    expect(unchanged(a, b)).toEqual([]);
    // B's input was made in the worker from its pixels: the page's own preprocessing gives the same values.
    expect(await page.evaluate(() => window.__cnnStudio!.inputDiff())).toBe(0);
    await page.getByTestId('compare-changed').waitFor({ timeout: 240_000 });
    // The changed layers, worked out in slices between frames: each layer's ‖B − A‖ / ‖A‖ as a plain loop gives it.
    const info = await page.evaluate(() => window.__cnnStudio!.attribution!.compare());
    expect(info.pinned).toBe('test-7.png');
    expect(info.sameImage).toBe(false);
    expect(info.changed.length).toBeGreaterThan(40);
    for (const l of info.changed) expect(l.relative, l.layerId).toBeGreaterThan(0);
    const check = await page.evaluate(() => window.__cnnStudio!.attribution!.compareCheck());
    expect(check.layers).toBe(info.changed.length);
    expect(check.maxDiff).toBeLessThan(1e-9);
    await expect.poll(() => page.getByTestId('compare-b').textContent()).toContain('test-8.png');

    const diff = await afterRepaint(page, () =>
      page.getByTestId('compare-overview').selectOption('difference'),
    );
    await expect
      .poll(() => page.getByTestId('overview-source').getAttribute('data-shows'))
      .toBe('difference');
    // The input is not drawn as a difference (it stays B's image); every other column is.
    const input = Object.keys(a)[0]!;
    expect(unchanged(b, diff)).toEqual([input]);

    // Back to B: the same pixels as when B was first painted.
    const again = await afterRepaint(page, () => page.getByTestId('compare-overview').selectOption('image'));
    expect(again).toEqual(b);

    // Hit-testing the page skips the overview's hundreds of neurons at once only while its
    // content box has a transform of its own (NetworkOverview .content); the neurons under it
    // are still the ones found, where they are drawn.
    const hits = await page.evaluate(() => {
      const content = document.querySelector<HTMLElement>('[data-testid="overview"] > .content')!;
      const neurons = [...document.querySelectorAll<HTMLElement>('[data-testid="neuron"]')].slice(0, 40);
      const found = neurons.filter((n) => {
        n.scrollIntoView({ block: 'center', inline: 'center' });
        const r = n.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === n;
      });
      return { transform: getComputedStyle(content).transform, found: found.length, of: neurons.length };
    });
    expect(hits.transform).not.toBe('none');
    expect(hits.found).toBe(hits.of);
    expect(errors).toEqual([]);
    await page.close();
  }, 900_000);
});
