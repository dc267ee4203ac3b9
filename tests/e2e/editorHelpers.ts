/** Browser helpers for the architecture editor's tests: open the app with the editor ready, read and drive the graph. */
import type { Locator, Page } from 'playwright-core';
import type { Harness } from './harness';

export interface EditorPage {
  page: Page;
  errors: string[];
}

/** Opens the built app with the tour dismissed and the side panel `sideWidth` wide; waits for the graph. */
export async function openEditor(
  h: Harness,
  options: { sideWidth?: number; locale?: string } = {},
): Promise<EditorPage> {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(
    ([width, locale]) => {
      localStorage.setItem('cnn-studio.tour', 'done');
      if (width) localStorage.setItem('cnn-studio.sideWidth', width);
      if (locale) localStorage.setItem('cnn-studio.locale', locale);
    },
    [options.sideWidth ? String(options.sideWidth) : '', options.locale ?? ''],
  );
  await page.goto(h.server.url);
  await node(page, 'conv_1_1').waitFor({ timeout: 120_000 });
  return { page, errors };
}

export function node(page: Page, id: string): Locator {
  return page.locator(`[data-testid="node"][data-id="${id}"]`);
}

export async function shapeOf(page: Page, id: string): Promise<string> {
  return ((await node(page, id).getByTestId('node-shape').textContent()) ?? '').trim();
}

export async function nodeIds(page: Page): Promise<string[]> {
  return page.getByTestId('node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
}

/** Waits until the explainer has taken the last edit (no rebuild running). */
export async function settled(page: Page, timeout = 90_000): Promise<void> {
  await page.getByTestId('link-rebuilding').waitFor({ state: 'detached', timeout });
}

/** Drags a palette entry onto a target (a node, an edge, or the graph's empty space at `position`). */
export async function dropLayer(
  page: Page,
  type: string,
  target: Locator,
  position?: { x: number; y: number },
): Promise<void> {
  const item = page.locator(`[data-testid="palette-item"][data-type="${type}"]`);
  await item.scrollIntoViewIfNeeded();
  await item.dragTo(target, position ? { targetPosition: position } : {});
}

/** Drags a wire from one node's output port onto another node. */
export async function dragWire(page: Page, from: string, to: string): Promise<void> {
  const port = await node(page, from).getByTestId('port-out').boundingBox();
  const target = await node(page, to).boundingBox();
  if (!port || !target) throw new Error(`cannot see ${from} or ${to}`);
  await page.mouse.move(port.x + port.width / 2, port.y + port.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** The first list of class probabilities on the page (the explainer's prediction). */
export async function probabilities(page: Page): Promise<number[]> {
  return page
    .getByTestId('probabilities')
    .first()
    .locator('li')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-probability'))));
}

/** Sets the net's Input layer to one of its preprocessing presets in the editor (as a user would), and waits for the rebuild. */
export async function setInputPreset(page: Page, preset: 'caffe' | 'imagenet' | 'plain'): Promise<void> {
  await node(page, 'input').focus();
  await page.getByTestId('tab-layer').click();
  await page.getByTestId(`input-preset-${preset}`).click();
  await settled(page);
}

export { shot } from './harness';
