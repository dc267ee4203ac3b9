/**
 * The two sets of example images (drawn by our code; what the network thinks a class looks
 * like), the words that say what the current one is, and the upload call-to-action beside
 * them, at a laptop's, a desktop's and a phone's size.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { audit } from './axe';
import { imageName } from './pageReads';
import { makePng, stripes } from '../fixtures/images';
import { readThumbnails } from './thumbnailReads';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-examples-'));

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
];

const thumbs = (page: Page, kind: 'drawn' | 'pattern') =>
  page.locator(`[data-testid="example"][data-kind="${kind}"]`);

/** The top class's name and probability (0–1) as the prediction shows them. */
async function prediction(page: Page): Promise<{ name: string; p: number }> {
  const text = (await page.getByTestId('top-class').textContent()) ?? '';
  const m = /^\s*(.+?)\s*\(([\d.]+)%\)\s*$/.exec(text);
  if (!m) throw new Error(`unreadable prediction "${text}"`);
  return { name: m[1]!, p: Number(m[2]) / 100 };
}

/** True when the element is inside the viewport's width (the page never scrolls sideways). */
const insideWidth = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.every((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;
    }),
  );

describe('example images', () => {
  for (const viewport of SIZES) {
    it(`shows both sets, labelled in words, and the upload beside the drawn ones at ${viewport.width}×${viewport.height}`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      await expect.poll(() => thumbs(page, 'drawn').count()).toBe(10);
      expect(await thumbs(page, 'pattern').count()).toBe(10);
      const sets = page.locator('[data-testid="example-set"] > p');
      await expect
        .poll(() => sets.evaluateAll((els) => els.map((e) => e.textContent?.trim())))
        .toEqual(['Drawn by our code', 'What the network thinks each class looks like']);
      expect(await insideWidth(page, '[data-testid="example"], [data-testid="example-set"] label')).toBe(
        true,
      );
      // The first picture is a drawing, explained in visible words (not in a hover-only badge).
      const about = page.getByTestId('example-about');
      await expect.poll(() => about.getAttribute('data-kind')).toBe('drawn');
      expect(await about.isVisible()).toBe(true);
      expect(await about.textContent()).toMatch(
        /This airplane is not a photo: our code drew it.*The network says airplane \(\d+\.\d%\)/,
      );
      const first = await prediction(page);
      expect(first.name).toBe('airplane');
      expect(first.p).toBeLessThan(0.97);
      // The upload is in the drawn set's group, right after its last picture.
      const drawnSet = page.locator('[data-testid="example-set"][data-kind="drawn"]');
      const upload = drawnSet.locator('label:has([data-testid="image-file"])');
      expect(await upload.isVisible()).toBe(true);
      const last = await thumbs(page, 'drawn').last().boundingBox();
      const cta = await upload.boundingBox();
      expect(cta!.x > last!.x || cta!.y > last!.y).toBe(true);
      expect(cta!.y - (last!.y + last!.height)).toBeLessThan(40);
      await shot(page, `examples-${viewport.width}x${viewport.height}`);
      expect(await audit(page, '[data-testid="examples"]')).toEqual([]);
      expect(await audit(page, '[data-testid="example-about"]')).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  for (const viewport of [SIZES[0]!, SIZES[2]!])
    it(`shows every thumbnail from one small sheet, each picture in its place, at ${viewport.width}×${viewport.height}`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      const strip = page.getByTestId('examples');
      await expect.poll(() => strip.locator('[data-testid="example-thumbnail"]').count()).toBe(20);
      // The sheet is loaded once it paints: wait for the first thumbnail to be more than a blank box.
      await expect
        .poll(async () => (await readThumbnails(strip)).every((t) => t.spread > 8), { timeout: 15_000 })
        .toBe(true);
      const read = await readThumbnails(strip);
      expect(read.filter((t) => t.closest !== t.file)).toEqual([]);
      // One request for all twenty, and none of the pictures themselves but the one shown.
      const fetched = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.replace(/.*\//, '')),
      );
      expect(fetched.filter((f) => f === 'thumbnails.jpg')).toHaveLength(1);
      expect(fetched.filter((f) => f.endsWith('.png') && read.some((t) => t.file === f))).toEqual([
        'airplane.png',
      ]);
      expect(errors).toEqual([]);
    });

  // Where the sources do not fit beside the image (tablets, a laptop with the editor beside),
  // the caption goes there instead: never an empty half-panel beside the preview.
  for (const viewport of [
    { width: 600, height: 900 },
    { width: 768, height: 1024 },
    { width: 1024, height: 768 },
    { width: 1280, height: 800 },
  ])
    it(`puts the caption or the sources beside the image at ${viewport.width}×${viewport.height}`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      await expect.poll(() => thumbs(page, 'drawn').count()).toBe(10);
      const beside = await page.evaluate(() => {
        const box = (q: string): DOMRect => document.querySelector(q)!.getBoundingClientRect();
        const preview = box('.inputs .preview');
        const parts = { caption: box('[data-testid="example-about"]'), sources: box('.inputs .sources') };
        return Object.entries(parts)
          .filter(([, r]) => r.left >= preview.right - 1 && r.top < preview.bottom && r.bottom > preview.top)
          .map(([name]) => name);
      });
      expect(beside).toEqual(viewport.width >= 1280 ? ['sources'] : ['caption']);
      expect(await insideWidth(page, '[data-testid="example-about"], .inputs .sources')).toBe(true);
      await shot(page, `examples-beside-${viewport.width}x${viewport.height}`);
      expect(errors).toEqual([]);
    });

  it('a click on a drawn picture or a pattern explains it, and a user’s own "cat.png" is not taken for ours', async () => {
    const { page, errors } = await openApp(h);
    const about = page.getByTestId('example-about');
    await thumbs(page, 'drawn').and(page.locator('[data-class="ship"]')).click();
    await expect.poll(() => imageName(page)).toBe('ship.png');
    await expect
      .poll(() => about.textContent())
      .toMatch(/This ship is not a photo.*The network says ship \(/);
    const ship = await prediction(page);
    expect(ship.name).toBe('ship');
    expect(ship.p).toBeGreaterThan(0.4);
    expect(ship.p).toBeLessThan(0.97);
    expect(
      await page.locator('[data-testid="example"][aria-pressed="true"]').getAttribute('data-class'),
    ).toBe('ship');

    const cat = thumbs(page, 'pattern').and(page.locator('[data-class="cat"]'));
    expect(await cat.getAttribute('aria-label')).toBe('what the network thinks “cat” looks like');
    await cat.click();
    await expect.poll(() => imageName(page)).toBe('pattern-cat.png');
    await expect.poll(() => about.getAttribute('data-kind')).toBe('pattern');
    expect(await about.textContent()).toMatch(
      /What the pretrained TinyVGG thinks “cat” looks like: we started from noise/,
    );
    // A pattern is what the net is sure of.
    expect((await prediction(page)).p).toBeGreaterThan(0.9);
    await shot(page, 'examples-pattern-cat');

    await page.getByTestId('image-file').setInputFiles(join(dir, 'cat.png'));
    await expect.poll(() => about.count()).toBe(0);
    expect(await page.locator('[data-testid="example"][aria-pressed="true"]').count()).toBe(0);
    expect(await page.locator('[data-testid="example"].current').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('names the answer of the net shown, and never calls a random net’s answer wrong', async () => {
    // A demo net with random weights and no class names: the airplane stays, the answer is named
    // "class k" as the prediction beside it names it, and said to mean nothing yet.
    const { page, errors } = await openApp(h, '?net=strided');
    const about = page.getByTestId('example-about');
    await expect
      .poll(() => about.textContent(), { timeout: 60_000 })
      .toMatch(
        /The network says class \d \(\d+\.\d%\)\. Its weights are random, so its answer means nothing yet\./,
      );
    expect(await about.textContent()).not.toContain('gets this one wrong');
    expect(await about.textContent()).not.toMatch(/says airplane/);
    const top = (await page.getByTestId('top-class').locator('.name').textContent())?.trim();
    expect(await about.textContent()).toContain(`says ${top} (`);
    // Named classes without an airplane among them: it could not be right, rather than "wrong".
    await page.getByTestId('labels-open').click();
    await page
      .getByTestId('labels-text')
      .fill(
        [
          'horizontal stripes',
          'vertical stripes',
          'diagonal stripes',
          'big circle',
          'small square',
          'thin ring',
          'many dots',
          'red cross',
          'checker board',
          'wavy lines',
        ].join('\n'),
      );
    await page.getByTestId('labels-apply').click();
    await expect
      .poll(() => about.textContent())
      .toMatch(
        /says \w+ \w+ \(\d+\.\d%\)\. “airplane” is not one of its classes, so it cannot be right here\./,
      );
    expect(await about.textContent()).not.toContain('gets this one wrong');
    // The prediction's two-word name is whole (on two lines), not cut to "horizont…".
    const name = page.getByTestId('top-class').locator('.name');
    expect((await name.textContent())?.trim()).toMatch(/^\w+ \w+$/);
    expect(
      await name.evaluate((e) => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1),
    ).toBe(true);
    expect(errors).toEqual([]);
  });
});

writeFileSync(join(dir, 'cat.png'), makePng(80, 60, stripes));
