/** Accessibility of the main screens, checked by axe-core inside Chromium: no serious or critical violations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { firstVisit, viewShot } from './shellShared';
import { makePng, scene } from '../fixtures/images';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-a11y-'));

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe on the page as it is; returns serious and critical violations, described for a readable failure. */
async function audit(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    // Name the panel each offending node sits in, so a failure says whose view to fix.
    const owner = (selector: string): string => {
      const panel = document.querySelector(selector)?.closest('[data-view], [data-testid], [id]');
      return panel
        ? (panel.getAttribute('data-view') ?? panel.getAttribute('data-testid') ?? `#${panel.id}`)
        : 'page';
    };
    return result.violations.map((v) => ({
      ...v,
      nodes: v.nodes.map((n) => ({ target: [`(${owner(n.target.join(' '))}) ${n.target.join(' ')}`] })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
      const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
      return `${v.impact} ${v.id}: ${v.help} at ${where.join(' | ')}${more}`;
    });
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('accessibility (axe-core)', () => {
  it('the main screen with an image, the article and the side panel, in English', async () => {
    const { context, page } = await firstVisit(h, { returning: true });
    const file = join(dir, 'scene.png');
    writeFileSync(file, makePng(64, 64, scene));
    await page.getByTestId('image-file').setInputFiles(file);
    await page.getByTestId('top-class').waitFor();
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('the same screen in Chinese', async () => {
    const { context, page } = await firstVisit(h, { returning: true, locale: 'zh-CN' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('the guided tour, open', async () => {
    const { context, page } = await firstVisit(h);
    await page.getByTestId('tour').waitFor();
    await page.keyboard.press('ArrowRight');
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('a neuron’s detail, opened from the article', async () => {
    const { context, page } = await firstVisit(h, { returning: true });
    await page.locator('#learn-convolution').getByTestId('show-me').click();
    await page.getByTestId('neuron-detail').waitFor();
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('every formula view of the pretrained net: convolution, ReLU, pooling, flatten, softmax', async () => {
    const { context, page } = await firstVisit(h, { returning: true });
    const found: string[] = [];
    for (const layer of ['conv_1_1', 'relu_1_1', 'max_pool_1', 'flatten', 'output']) {
      await page.locator(`[data-layer="${layer}"][data-channel="0"]`).first().click();
      await page.getByTestId('neuron-detail').waitFor();
      found.push(...(await audit(page)).map((v) => `${layer}: ${v}`));
      await page.keyboard.press('Escape');
      await page.getByTestId('neuron-detail').waitFor({ state: 'detached' });
    }
    expect(found).toEqual([]);
    await context.close();
  });

  it('the tablet layout with the drawer open', async () => {
    const { context, page } = await firstVisit(h, {
      returning: true,
      viewport: { width: 768, height: 1024 },
    });
    await page.getByTestId('drawer-toggle').click();
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it('the loading screen', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/weights*.bin', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(h.server.url);
    await page.getByTestId('load-progress').waitFor();
    expect(await audit(page)).toEqual([]);
    await viewShot(page, 'a11y-loading');
    release();
    await context.close();
  });
});
