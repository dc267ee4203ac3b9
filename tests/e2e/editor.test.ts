/** The architecture editor in real Chromium: building nets by mouse and keyboard, parameters, errors, undo, export. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startHarness, type Harness } from './harness';
import { dragWire, dropLayer, node, nodeIds, openEditor, settled, shapeOf, shot } from './editorHelpers';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterEach(async () => {
  // A page left open keeps its tfjs work running and slows the next test down.
  for (const context of h.browser.contexts()) await context.close();
});
afterAll(async () => {
  await h?.close();
});

describe('architecture editor', () => {
  it('shows the loaded TinyVGG as a graph beside the explainer, every shape from shape inference', async () => {
    const { page, errors } = await openEditor(h);
    expect(await nodeIds(page)).toHaveLength(13);
    expect(await shapeOf(page, 'conv_1_1')).toBe('62 × 62 × 10');
    expect(await shapeOf(page, 'flatten')).toBe('1690');
    expect(await page.getByTestId('edge').count()).toBe(12);
    await shot(page, 'editor-beside-explainer');
    await page.getByTestId('tab-costs').click();
    await expect.poll(() => page.getByTestId('total-params').last().getAttribute('title')).toBe('19,920');
    await shot(page, 'editor-costs');
    expect(errors).toEqual([]);
  });

  it('builds a small CNN from an empty canvas with the mouse: drops, a dragged wire, shapes all the way', async () => {
    const { page, errors } = await openEditor(h, { sideWidth: 700 });
    await page.getByTestId('new-net').click();
    await expect.poll(() => page.getByTestId('node').count()).toBe(0);
    const graph = page.getByTestId('graph');
    await dropLayer(page, 'Input', graph, { x: 60, y: 60 });
    await node(page, 'input_1').waitFor();
    // Dropped on empty space, a conv is unconnected and says so on its node.
    await dropLayer(page, 'Conv2D', graph, { x: 20, y: 20 });
    await expect.poll(() => node(page, 'conv2d_1').getAttribute('data-status')).toBe('error');
    await expect
      .poll(() => node(page, 'conv2d_1').getByTestId('node-problem').first().textContent())
      .toMatch(/takes 1 input/);
    await dragWire(page, 'input_1', 'conv2d_1');
    await expect.poll(() => node(page, 'conv2d_1').getAttribute('data-status')).toBe('ok');
    // Dropped on a node, a layer goes right after it.
    await dropLayer(page, 'MaxPooling2D', node(page, 'conv2d_1'));
    await dropLayer(page, 'Flatten', node(page, 'max_pooling2d_1'));
    await dropLayer(page, 'Dense', node(page, 'flatten_1'));
    expect(await shapeOf(page, 'conv2d_1')).toBe('62 × 62 × 10');
    expect(await shapeOf(page, 'max_pooling2d_1')).toBe('31 × 31 × 10');
    expect(await shapeOf(page, 'flatten_1')).toBe('9610');
    expect(await shapeOf(page, 'dense_1')).toBe('10');
    // Dropped on a wire, a layer is inserted between the two ends.
    // A vertical wire has no width for Playwright to aim at, so aim at its middle on the svg.
    await page.getByTestId('graph-fit').click();
    const wire = await page
      .locator('[data-testid="edge"][data-from="conv2d_1"][data-to="max_pooling2d_1"] .wire')
      .boundingBox();
    const area = await graph.boundingBox();
    if (!wire || !area) throw new Error('wire not drawn');
    await dropLayer(page, 'ReLU', graph, {
      x: wire.x - area.x + wire.width / 2,
      y: wire.y - area.y + wire.height / 2,
    });
    await expect
      .poll(() => page.locator('[data-testid="edge"][data-from="relu_1"][data-to="max_pooling2d_1"]').count())
      .toBe(1);
    expect(await page.locator('[data-status="ok"]').count()).toBe(6);
    await settled(page);
    await expect.poll(() => page.getByTestId('link-problem').count()).toBe(0);
    await shot(page, 'editor-built-by-mouse');
    expect(errors).toEqual([]);
  });

  it('builds a residual block with the keyboard only: palette Enter, C + Enter to connect, a select for padding', async () => {
    const { page, errors } = await openEditor(h);
    await page.getByTestId('new-net').click();
    await page.getByTestId('tab-palette').click();
    const search = page.getByTestId('palette-search');
    for (const type of ['Input', 'Conv2D', 'Conv2D', 'Add']) {
      await search.fill(type);
      await search.press('Enter');
    }
    expect(await nodeIds(page)).toEqual(['input_1', 'conv2d_1', 'conv2d_2', 'add_1']);
    await expect
      .poll(() => node(page, 'add_1').getByTestId('node-problem').first().textContent())
      .toMatch(/takes 2–8 input/);
    // C on conv2d_1, walk down to the Add with the arrows, Enter connects.
    await node(page, 'conv2d_1').focus();
    await page.keyboard.press('c');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Connecting from conv2d_1' }).count())
      .toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id')))
      .toBe('add_1');
    await page.keyboard.press('Enter');
    // The two branches differ in size (62 vs 60): the Add names the problem.
    await expect.poll(() => node(page, 'add_1').getAttribute('data-status')).toBe('error');
    await expect
      .poll(() => node(page, 'add_1').locator('desc').textContent())
      .toMatch(/cannot be combined value by value/);
    await node(page, 'conv2d_2').focus();
    await page.keyboard.press('Enter');
    const padding = page.locator('#param-conv2d_2-padding');
    await padding.focus();
    await padding.selectOption('same');
    await expect.poll(() => node(page, 'add_1').getAttribute('data-status')).toBe('ok');
    expect(await shapeOf(page, 'add_1')).toBe('62 × 62 × 10');
    await node(page, 'add_1').focus();
    await shot(page, 'editor-residual-by-keyboard');
    expect(errors).toEqual([]);
  });

  it('a kernel size change updates shapes at once; an out-of-range value is refused beside its field', async () => {
    const { page, errors } = await openEditor(h);
    await node(page, 'conv_1_1').click();
    await page.getByTestId('tab-layer').click();
    const k = page.locator('#param-conv_1_1-kernelSize');
    await k.fill('5');
    await page.locator('#param-conv_1_1-kernelSize-1').fill('5');
    expect(await shapeOf(page, 'conv_1_1')).toBe('60 × 60 × 10');
    expect(await shapeOf(page, 'max_pool_2')).toBe('12 × 12 × 10');
    await expect.poll(() => page.getByTestId('layer-shape').textContent()).toBe('60 × 60 × 10');
    const filters = page.locator('#param-conv_1_1-filters');
    await filters.fill('0');
    await expect
      .poll(() => page.getByTestId('param-error').textContent())
      .toMatch(/Filters must be between 1 and 4096, not 0.*Kept 10/s);
    expect(await shapeOf(page, 'conv_1_1')).toBe('60 × 60 × 10');
    await filters.fill('');
    await expect.poll(() => page.getByTestId('param-error').textContent()).toMatch(/Filters is empty/);
    await shot(page, 'editor-param-refused');
    await filters.fill('16');
    await expect.poll(() => page.getByTestId('param-error').count()).toBe(0);
    expect(await shapeOf(page, 'conv_1_1')).toBe('60 × 60 × 16');
    // The panel's header names the category as the palette does, in the page's language.
    await expect
      .poll(() => page.getByTestId('layer-panel').locator('header .type').textContent())
      .toBe('Conv2D · Vision');
    await page.getByTestId('language').selectOption('zh-CN');
    await expect
      .poll(() => page.getByTestId('layer-panel').locator('header .type').textContent())
      .toBe('Conv2D · 视觉');
    expect(errors).toEqual([]);
  });

  it('an invalid net shows the reason on the right node, blocks the layers after it, and undo repairs it', async () => {
    const { page, errors } = await openEditor(h);
    await settled(page);
    // Focus selects a layer and pans it into view, as a click would once it is visible.
    await node(page, 'conv_2_2').focus();
    await page.getByTestId('tab-layer').click();
    await page.locator('#param-conv_2_2-kernelSize').fill('29');
    await expect.poll(() => node(page, 'conv_2_2').getAttribute('data-status')).toBe('error');
    const problem = await node(page, 'conv_2_2').getByTestId('node-problem').allTextContents();
    expect(problem.join(' ')).toMatch(/kernel/);
    for (const id of ['relu_2_2', 'max_pool_2', 'flatten', 'output'])
      await expect.poll(() => node(page, id).getAttribute('data-status')).toBe('blocked');
    await expect.poll(() => node(page, 'conv_2_1').getAttribute('data-status')).toBe('ok');
    await expect
      .poll(() => page.getByTestId('link-problem').textContent())
      .toMatch(/still shows the last valid network.*conv_2_2/);
    await shot(page, 'editor-invalid-node');
    await node(page, 'conv_2_2').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => node(page, 'conv_2_2').getAttribute('data-status')).toBe('ok');
    await expect.poll(() => page.locator('[data-status="blocked"]').count()).toBe(0);
    await settled(page);
    await expect.poll(() => page.getByTestId('link-problem').count()).toBe(0);
    await page.getByTestId('redo').click();
    await expect.poll(() => node(page, 'conv_2_2').getAttribute('data-status')).toBe('error');
    expect(errors).toEqual([]);
  });

  it('deletes a layer (bridging the chain), renames one, and exports the diagram as SVG and PNG', async () => {
    const { page, errors } = await openEditor(h);
    await node(page, 'relu_1_1').focus();
    await page.keyboard.press('Delete');
    expect(await nodeIds(page)).not.toContain('relu_1_1');
    await expect
      .poll(() => page.locator('[data-testid="edge"][data-from="conv_1_1"][data-to="conv_1_2"]').count())
      .toBe(1);
    await node(page, 'conv_1_1').click();
    await page.getByTestId('tab-layer').click();
    const name = page.getByTestId('layer-name');
    await name.fill('conv_1_2');
    await name.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'already called "conv_1_2"' }).count())
      .toBe(1);
    await name.fill('stem');
    await name.press('Enter');
    await node(page, 'stem').waitFor();
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('export')
        .click()
        .then(() => page.getByTestId('export-svg').click()),
    ]);
    expect(svgDownload.suggestedFilename()).toBe('tinyvgg.svg');
    const svg = readFileSync((await svgDownload.path()) as string, 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('stem');
    expect(svg).toContain('62 × 62 × 10');
    expect(svg).not.toContain('transform="translate(0,0) scale(');
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('export')
        .click()
        .then(() => page.getByTestId('export-png').click()),
    ]);
    expect(pngDownload.suggestedFilename()).toBe('tinyvgg.png');
    const png = readFileSync((await pngDownload.path()) as string);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    // Width from the IHDR chunk: twice the diagram's width.
    expect(png.readUInt32BE(16)).toBeGreaterThan(300);
    expect(errors).toEqual([]);
  });
});
