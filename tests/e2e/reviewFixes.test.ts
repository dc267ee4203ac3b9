/**
 * What a screenshot review found cut, covered or spaced wrongly, checked as a visitor sees it:
 * long class names in the output column, the model menu's edited net, hover tooltips during
 * the tour, the editor graph's nodes and its zoom controls, Chinese sentences set side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { openApp, shot, startHarness, type Harness } from './harness';
import { chineseSpacingProblems } from '../../src/lib/i18n/spacing';

const NAMES = [
  'circle',
  'vertical stripes',
  'horizontal stripes',
  'a very long class name that no column holds',
  'dog',
  'frog',
  'horse',
  'ship',
  'x',
  'y',
];

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Names the net's classes in the labels editor, as a user does, and waits for the output column to show them. */
async function nameClasses(page: Page): Promise<void> {
  await page.getByTestId('labels-open').click();
  await page.getByTestId('labels-text').fill(NAMES.join('\n'));
  await page.getByTestId('labels-apply').click();
  await expect
    .poll(() => page.getByTestId('probabilities').first().locator('li .name').allTextContents())
    .toEqual(NAMES);
}

/** Each output row's name: shown whole or not, and its title. */
function outputNames(page: Page): Promise<{ text: string; whole: boolean; title: string | null }[]> {
  return page
    .getByTestId('probabilities')
    .first()
    .locator('li .name')
    .evaluateAll((els) =>
      els.map((e) => ({
        text: e.textContent ?? '',
        whole: e.scrollWidth <= e.clientWidth,
        title: e.getAttribute('title'),
      })),
    );
}

/** The model menu's shown entry, and whether its text fits the closed menu (beside the arrow). */
function menuEntry(page: Page): Promise<{ text: string; fits: boolean; title: string }> {
  return page.getByTestId('model-menu').evaluate((s: HTMLSelectElement) => {
    const css = getComputedStyle(s);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = css.font;
    const text = s.options[s.selectedIndex]?.text ?? '';
    // The closed menu's text box: its width less the padding and the drop-down arrow (~20 px).
    const room = s.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight) - 20;
    return { text, fits: ctx.measureText(text).width <= room, title: s.title };
  });
}

describe('after the screenshot review', () => {
  it('shows “vertical stripes” whole in the output column at 1280×800, any name still cut in its title and the hover tooltip, and the edited net’s menu entry whole in both languages', async () => {
    const { page, errors } = await openApp(h);
    await nameClasses(page);
    const names = await outputNames(page);
    expect(names.find((n) => n.text === 'vertical stripes')?.whole).toBe(true);
    // A name that cannot fit is cut, and its title holds all of it.
    for (const n of names) if (!n.whole) expect(n.title).toBe(n.text);
    expect(names.find((n) => n.text === NAMES[3])?.whole).toBe(false);
    // Hovering its row shows the whole name in the tooltip.
    await page.locator('[data-layer="output"][data-channel="3"]').first().hover();
    await expect.poll(() => page.getByTestId('tooltip-class').textContent()).toBe(NAMES[3]);
    await page.mouse.move(5, 400);
    await shot(page, 'review-output-names-1280');

    // Renaming the classes edited the net: the menu says so, the name and the mark whole.
    const en = await menuEntry(page);
    expect(en.text).toBe('TinyVGG (edited)');
    expect(en.fits).toBe(true);
    expect(en.title).toContain(en.text);

    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(async () => (await menuEntry(page)).text).toBe('TinyVGG（已编辑）');
    expect((await menuEntry(page)).fits).toBe(true);
    // The airplane drawing is none of these classes: two sentences in a row, with no space between them in Chinese.
    const about = (await page.getByTestId('example-about').textContent())!.trim();
    expect(about).toContain('“飞机”不是它的类别之一');
    expect(chineseSpacingProblems(about)).toEqual([]);
    await shot(page, 'review-menu-zh-1280');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a hover tooltip over the tour’s dim layer', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(h.server.url);
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    const tour = page.getByTestId('tour');
    await tour.waitFor({ timeout: 60_000 });
    for (let i = 0; i < 8 && (await tour.getAttribute('data-step')) !== 'neuron'; i++)
      await page.getByTestId('tour-next').click();
    await expect.poll(() => tour.getAttribute('data-step')).toBe('neuron');
    // A map away from the tour's card: its tooltip lands on the dimmed page.
    const map = page.locator('[data-layer="conv_2_1"][data-channel="0"]').first();
    await map.hover();
    const tip = page.getByTestId('neuron-tooltip');
    await expect.poll(() => tip.textContent()).toContain('conv_2_1');
    const box = (await tip.boundingBox())!;
    const card = (await tour.boundingBox())!;
    expect(box.x > card.x + card.width || box.x + box.width < card.x || box.y > card.y + card.height).toBe(
      true,
    );
    // The tooltip's own light background shows (the dim layer darkens what it covers to ~60 %).
    const png = PNG.sync.read(
      await page.screenshot({
        clip: { x: box.x + 4, y: box.y + 4, width: box.width - 8, height: box.height - 8 },
      }),
    );
    const lum: number[] = [];
    for (let i = 0; i < png.data.length; i += 4)
      lum.push(0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]!);
    lum.sort((a, b) => a - b);
    expect(lum[Math.floor(lum.length / 2)]).toBeGreaterThan(225);
    await shot(page, 'review-tour-tooltip');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    [1280, 800],
    [1280, 1300],
  ])(
    'keeps the editor graph’s nodes clear of its zoom controls at %i×%i, fitted and after “Fit”',
    async (width, height) => {
      const { page, errors } = await openApp(h, '', { width, height });
      const overlaps = (): Promise<string[]> =>
        page.evaluate(() => {
          const c = document
            .querySelector('[data-testid="graph-fit"]')!
            .parentElement!.getBoundingClientRect();
          return Array.from(document.querySelectorAll('[data-testid="node"]'))
            .filter((n) => {
              const r = n.getBoundingClientRect();
              return r.right > c.left && r.left < c.right && r.bottom > c.top && r.top < c.bottom;
            })
            .map((n) => n.textContent ?? '');
        });
      await page.getByTestId('node').first().waitFor();
      await expect.poll(() => page.getByTestId('graph-fit').locator('..').textContent()).toContain('80');
      expect(await overlaps()).toEqual([]);
      await page.getByTestId('graph-fit').click();
      expect(await overlaps()).toEqual([]);
      await shot(page, `review-graph-${width}x${height}`);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
