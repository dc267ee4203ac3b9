/**
 * The first overview is drawn without TensorFlow.js: the registry's plain-TypeScript forward
 * pass explains the first image, and the engine joins afterwards. These tests hold the engine's
 * scripts back (or drop them) to see the page in between.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { openNeuron, valueOf } from './formulaShared';
import '../../src/app/browser/debugHookTypes';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const ENGINE_SCRIPTS = ['**/assets/engineModule-*.js', '**/assets/tfjs-*.js'];

async function newVisit(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

const paints = (page: Page) => page.evaluate(() => window.__cnnStudio?.paints() ?? 0);
const probabilities = (page: Page) => page.getByTestId('probabilities').textContent();

describe('first look', () => {
  it('draws the first overview before TensorFlow.js has arrived, explains new images, then hands over to the engine with the same results', async () => {
    const { page, errors, close } = await newVisit();
    let release: () => void = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    const asked: string[] = [];
    for (const pattern of ENGINE_SCRIPTS)
      await page.route(pattern, async (route) => {
        asked.push(route.request().url());
        await held;
        await route.continue();
      });
    await page.goto(h.server.url);
    await expect.poll(() => paints(page)).toBe(1);
    const firstTop = await page.getByTestId('top-class').textContent();
    expect(firstTop).toMatch(/\d/);
    // Drawn with no engine: no backend named, no tensors, the page not ready yet.
    expect(await page.getByTestId('backend').count()).toBe(0);
    expect(await page.evaluate(() => window.__cnnStudio?.numTensors())).toBe(0);
    expect(await page.locator('html').getAttribute('data-panels')).toBe('loading');
    // A new image is explained by the forward pass meanwhile.
    await page.evaluate(() => window.__cnnStudio?.setTestImage(5));
    const beforeEngine = await probabilities(page);
    expect(await paints(page)).toBe(2);
    expect(asked.length).toBeGreaterThan(0);
    release();
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    await expect.poll(() => page.getByTestId('backend').textContent()).toMatch(/wasm/);
    // The same image through the engine: the same probabilities, to the digit shown.
    await page.evaluate(() => window.__cnnStudio?.setTestImage(5));
    expect(await probabilities(page)).toBe(beforeEngine);
    expect(await page.evaluate(() => window.__cnnStudio?.numTensors())).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('loads the first screen’s panels (the editor, the formula views a click opens) before the ones below it', async () => {
    const { page, errors, close } = await newVisit();
    await page.goto(h.server.url);
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    const chunks = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .map((e) => ({
          name: e.name
            .split('/')
            .pop()!
            .replace(/-[\w-]{8}\.js$/, ''),
          start: e.startTime,
          end: e.responseEnd,
        }))
        .filter((e) => /^(EditorPanel|NeuronDetail|TrainingPanel|PlaygroundPanel|Article)$/.test(e.name)),
    );
    const at = (name: string) => chunks.find((c) => c.name === name);
    for (const name of ['EditorPanel', 'NeuronDetail', 'TrainingPanel', 'PlaygroundPanel', 'Article'])
      expect(at(name), name).toBeDefined();
    const firstDone = Math.max(at('EditorPanel')!.end, at('NeuronDetail')!.end);
    for (const later of ['TrainingPanel', 'PlaygroundPanel', 'Article'])
      expect(at(later)!.start, later).toBeGreaterThanOrEqual(firstDone);
    expect(errors).toEqual([]);
    await close();
  });

  for (const locale of ['en-US', 'zh-CN'] as const)
    it(`shows the editor's outline, saying it is loading, from the first paint until the editor comes (${locale})`, async () => {
      const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
      await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
      const page = await context.newPage();
      let release: () => void = () => {};
      const held = new Promise<void>((ok) => (release = ok));
      await page.route('**/assets/EditorPanel-*.js', async (route) => {
        await held;
        await route.continue();
      });
      // The app's entry waits until the snapshot has been shown and read: on a loaded machine the
      // snapshot's 1.5 s fallback could otherwise let the app take over before this test looks.
      let releaseApp: () => void = () => {};
      const appHeld = new Promise<void>((ok) => (releaseApp = ok));
      await page.route('**/assets/index-*.js', async (route) => {
        await appHeld;
        await route.continue();
      });
      const loading = locale === 'en-US' ? 'Loading the architecture editor…' : '正在载入架构编辑器…';
      const skeleton = page.getByTestId('editor-skeleton');
      await page.goto(h.server.url);
      // In the prerendered first screen, then in the app once it has taken over.
      await page.locator('html[data-prerender="shown"]').waitFor({ state: 'attached', timeout: 60_000 });
      const inSnapshot = page.locator('#prerender [data-testid="editor-skeleton"]');
      expect(await inSnapshot.count()).toBe(1);
      expect((await inSnapshot.textContent())?.trim()).toBe(loading);
      releaseApp();
      await page.waitForFunction(() => performance.getEntriesByName('interactive').length > 0);
      expect(await page.locator('#prerender').count()).toBe(0);
      expect((await skeleton.textContent())?.trim()).toBe(loading);
      expect(await skeleton.getAttribute('role')).toBe('status');
      // It fills the side panel, as the editor will.
      const [panel, outline] = await Promise.all([
        page.getByTestId('side-panel').boundingBox(),
        skeleton.boundingBox(),
      ]);
      expect(outline!.height).toBeGreaterThan(panel!.height - 2);
      expect(await page.getByTestId('open-zoo').count()).toBe(0);
      release();
      await page.getByTestId('open-zoo').waitFor();
      expect(await skeleton.count()).toBe(0);
      await context.close();
    });

  it('takes new weights before the engine has arrived (a reset), and the engine carries them over', async () => {
    const { page, errors, close } = await newVisit();
    let release: () => void = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    for (const pattern of ENGINE_SCRIPTS)
      await page.route(pattern, async (route) => {
        await held;
        await route.continue();
      });
    await page.goto(h.server.url);
    await expect.poll(() => paints(page)).toBe(1);
    // The editor beside the views needs no TensorFlow.js: it is there while the engine is held
    // (its chunk once imported all of tfjs for an empty stand-in of Node's "fs").
    await page.getByTestId('open-zoo').waitFor();
    const pretrained = await probabilities(page);
    await page.getByTestId('train-reset').click();
    await page.getByTestId('prediction-untrained').waitFor();
    await page.evaluate(() => window.__cnnStudio?.setTestImage(5));
    const fresh = await probabilities(page);
    expect(fresh).not.toBe(pretrained);
    release();
    await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    // The engine's model has the reset weights, not the downloaded ones.
    await page.evaluate(() => window.__cnnStudio?.setTestImage(5));
    expect(await probabilities(page)).toBe(fresh);
    expect(await page.getByTestId('prediction-untrained').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('opens a neuron’s formula view before the engine has arrived, with the first look’s numbers adding up', async () => {
    const { page, errors, close } = await newVisit();
    for (const pattern of ENGINE_SCRIPTS) await page.route(pattern, () => new Promise(() => {}));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(h.server.url);
    await expect.poll(() => paints(page)).toBe(1);
    const detail = await openNeuron(page, 'conv_1_1:3');
    await detail.getByTestId('conv-view').waitFor();
    // The view recomputes the value from the input and the kernel; the overview's is the forward pass's.
    const value = await valueOf(detail, 'conv-value');
    const given = await valueOf(detail, 'conv-value', 'data-engine-value');
    expect(Number.isFinite(value)).toBe(true);
    expect(Math.abs(value - given)).toBeLessThan(1e-4);
    expect(await page.getByTestId('backend').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps the overview working and says why when TensorFlow.js cannot be downloaded; Try again starts it', async () => {
    const { page, close } = await newVisit();
    let drop = true;
    for (const pattern of ENGINE_SCRIPTS)
      await page.route(pattern, (route) => (drop ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(h.server.url);
    const notice = page.getByTestId('engine-error');
    await expect.poll(() => notice.textContent()).toMatch(/TensorFlow\.js could not start: .+/);
    expect(await paints(page)).toBe(1);
    await page.evaluate(() => window.__cnnStudio?.setTestImage(9));
    expect(await paints(page)).toBe(2);
    await expect.poll(() => page.getByTestId('top-class').textContent()).toMatch(/\d/);
    drop = false;
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByTestId('backend').textContent()).toMatch(/wasm/);
    expect(await notice.count()).toBe(0);
    await close();
  });

  // What moved after the first overview was on screen, by where it is: the header, or the main
  // column from the input panel down. Recorded from the page's start (a string: it runs first).
  const RECORD_SHIFTS = `
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        for (const s of e.sources || []) {
          const n = s.node && s.node.nodeType === 1 ? s.node : s.node && s.node.parentElement;
          const where = !n ? 'gone' : n.closest('header') && !n.closest('aside, .side') ? 'header'
            : n.closest('.overview-page') ? 'overview' : 'elsewhere';
          window.__shifts.push({ t: e.startTime, where, what: n ? n.tagName + '.' + n.className : '?' });
        }
    }).observe({ type: 'layout-shift', buffered: true });`;

  for (const [width, height, locale] of [
    [1280, 800, 'en-US'],
    [390, 844, 'zh-CN'],
  ] as const)
    it(`keeps the header and the overview still once the first overview is drawn (${width} px, ${locale})`, async () => {
      const context = await h.browser.newContext({ viewport: { width, height }, locale });
      await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
      await context.addInitScript(RECORD_SHIFTS);
      const page = await context.newPage();
      await page.goto(h.server.url);
      await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
      // The trained nets' index, the engine's backend and the deferred panels have all come.
      await page.getByTestId('backend').waitFor({ state: 'attached' });
      await page.waitForTimeout(500);
      const moved = await page.evaluate(() => {
        const drawn = performance.getEntriesByName('overview-drawn')[0]?.startTime ?? Infinity;
        const shifts = (window as unknown as { __shifts: { t: number; where: string; what: string }[] })
          .__shifts;
        return shifts.filter((s) => s.t > drawn && (s.where === 'header' || s.where === 'overview'));
      });
      // Each was a real jump: a panel that starts closed left a grid gap behind, the model menu
      // came with the trained nets' index, the backend's name came with the engine.
      expect(moved).toEqual([]);
      await context.close();
    });
});
