/**
 * Accessibility beyond the main screen: every dialog, the editor's tabs and menus, the text
 * pane, the training panel while it runs, the live camera, and the phone layout — axe-core
 * finds no serious or critical violation in any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';
import { serveStatic } from '../../scripts/lib/staticServer';
import type { Harness } from './harness';
import { firstVisit } from './shellShared';
import { audit } from './axe';

let h: Harness;

beforeAll(async () => {
  const server = await serveStatic('dist');
  // A fake camera, so the camera dialog and the live bar can be audited too.
  const browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
  ]);
  h = { server, browser, close: async () => (await browser.close(), await server.close()) };
});
afterAll(async () => {
  await h?.close();
});

/** Audits the page in each state `steps` puts it in; returns the violations, prefixed by the state's name. */
async function auditEach(page: Page, steps: [string, () => Promise<unknown>][]): Promise<string[]> {
  const found: string[] = [];
  for (const [name, step] of steps) {
    await step();
    found.push(...(await audit(page)).map((v) => `${name}: ${v}`));
  }
  return found;
}

describe('accessibility of dialogs and panels (axe-core)', () => {
  it('the camera dialog, the live camera bar, the paint dialog and a refused image link', async () => {
    const { context, page } = await firstVisit(h, { returning: true });
    const found = await auditEach(page, [
      [
        'camera dialog',
        async () => {
          await page.getByTestId('camera-open').click();
          await page.getByTestId('camera-live').waitFor({ timeout: 20_000 });
        },
      ],
      [
        'live camera',
        async () => {
          await page.getByTestId('camera-live').click();
          await page.locator('[data-testid="live-camera"][data-state="running"]').waitFor();
          await page.getByTestId('live-pause').click();
        },
      ],
      [
        'paint dialog',
        async () => {
          await page.getByTestId('live-stop').click();
          await page.getByTestId('paint-open').click();
          await page.getByTestId('paint-canvas').waitFor();
        },
      ],
      [
        'refused image link',
        async () => {
          await page.keyboard.press('Escape');
          await page.getByTestId('image-url').fill('ftp://example.invalid/cat.png');
          await page.getByTestId('image-url-open').click();
          await page.getByRole('alert').first().waitFor();
        },
      ],
    ]);
    expect(found).toEqual([]);
    await context.close();
  }, 180_000);

  it('the editor: every tab with a layer selected, the export menu, the model zoo, the text pane', async () => {
    const { context, page } = await firstVisit(h, {
      returning: true,
      viewport: { width: 1600, height: 900 },
    });
    await page.locator('[data-testid="node"][data-id="conv_1_2"]').click();
    const tabs = await page
      .locator('[role="tab"][data-testid^="tab-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    expect(tabs.length).toBeGreaterThanOrEqual(3);
    const found = await auditEach(page, [
      ...tabs.map((id): [string, () => Promise<unknown>] => [id, () => page.getByTestId(id).click()]),
      ['export menu', () => page.getByTestId('export').click()],
      [
        'model zoo',
        async () => {
          await page.getByTestId('export').click();
          await page.getByTestId('open-zoo').click();
          await page.getByTestId('zoo-card').first().waitFor();
        },
      ],
      [
        'text pane',
        async () => {
          await page.keyboard.press('Escape');
          await page.getByTestId('zoo').waitFor({ state: 'hidden' });
          await page.getByTestId('view-text').click();
          await page.getByTestId('text-code').waitFor();
        },
      ],
    ]);
    expect(found).toEqual([]);
    await context.close();
  }, 180_000);

  it('the training panel while it trains', async () => {
    const { context, page } = await firstVisit(h, { returning: true });
    await page.getByTestId('train-demo').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=train-status]')?.getAttribute('data-status') === 'running',
      null,
      { timeout: 90_000 },
    );
    await page.getByTestId('training-panel').scrollIntoViewIfNeeded();
    expect(await audit(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('a phone (390×844): the main screen, a formula view and the editor drawer', async () => {
    const { context, page } = await firstVisit(h, { returning: true, viewport: { width: 390, height: 844 } });
    const found = await auditEach(page, [
      ['main screen', async () => {}],
      [
        'convolution view',
        async () => {
          await page.locator('[data-layer="conv_1_1"][data-channel="0"]').first().click();
          await page.getByTestId('neuron-detail').waitFor();
        },
      ],
      [
        'editor drawer',
        async () => {
          await page.keyboard.press('Escape');
          await page.getByTestId('neuron-detail').waitFor({ state: 'detached' });
          await page.getByTestId('drawer-toggle').click();
        },
      ],
    ]);
    expect(found).toEqual([]);
    await context.close();
  }, 180_000);

  it('a large screen (1920×1080)', async () => {
    const { context, page } = await firstVisit(h, {
      returning: true,
      viewport: { width: 1920, height: 1080 },
    });
    expect(await audit(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
