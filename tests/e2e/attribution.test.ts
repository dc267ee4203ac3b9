/**
 * "Why did it predict that?" in the browser: the panel opens from the prediction, a class's
 * detail and a layer's detail; each method's map is drawn as the engine's numbers say; the
 * controls change the result; Grad-CAM's weights mark the layer's maps in the overview.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { probabilities } from './pageReads';
import { auditPanel, chooseMethod, expectOverlayDrawn, pick, settled } from './attributionShared';
import { resizeBilinear } from '../../src/lib/attribution/heatMaps';

let h: Harness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startHarness();
  ({ page, errors } = await openApp(h));
  // A picture-like test image: the bundled examples are so sure of their class that gradients vanish.
  await page.evaluate(() => window.__cnnStudio!.setTestImage(7));
});
afterAll(async () => {
  await h?.close();
});

const argmax = (xs: number[]): number => xs.indexOf(Math.max(...xs));

describe('the “Why?” panel', () => {
  it('opens from the prediction on Grad-CAM of the top class at the last conv’s ReLU, drawn as the engine computed it', async () => {
    await page.getByTestId('why-button').click();
    await page.getByTestId('attribution').waitFor();
    const r = await settled(page, 'gradCam');
    expect(r.classIndex).toBe(argmax(await probabilities(page)));
    expect(r.layerId).toBe('relu_2_2');
    expect(r.weights).toHaveLength(10);
    // The drawn map is the engine's 26×26 CAM resized to the input.
    const resized = resizeBilinear(Float32Array.from(r.cam!), 26, 26, 64, 64);
    r.heat!.map.forEach((v, i) => expect(v).toBeCloseTo(resized[i]!, 5));
    await expectOverlayDrawn(page, r);
    // The weights mark relu_2_2's maps in the overview, one bar per map, with the same values.
    const marks = await page
      .getByTestId('cam-weight')
      .evaluateAll((els) => els.map((e) => [Number(e.dataset.channel), Number(e.dataset.weight)]));
    expect(marks).toHaveLength(10);
    for (const [c, w] of marks) expect(w).toBeCloseTo(r.weights![c!]!, 6);
    await shot(page, 'attribution-gradcam-1280');
    expect(await auditPanel(page)).toEqual([]);
  });

  it('follows the class and layer controls, and a click on a column’s name in the overview', async () => {
    const before = await settled(page, 'gradCam');
    const other = (before.classIndex + 3) % 10;
    await page.getByTestId('attribution-class').selectOption(String(other));
    const r = await settled(page, 'gradCam', (x) => x.classIndex === other);
    expect(r.weights).not.toEqual(before.weights);
    await expectOverlayDrawn(page, r);
    await page.getByTestId('attribution-layer').selectOption('conv_1_2');
    const early = await settled(page, 'gradCam', (x) => x.layerId === 'conv_1_2');
    expect(early.cam).toHaveLength(60 * 60);
    const pickPool = page.locator('[data-testid="cam-pick"][data-layer="max_pool_2"]');
    // Scrolled so that the panel (above the overview) is mostly out of view, the column's name
    // below the sticky header (else the click itself would scroll): the learner watches the overview.
    await pickPool.evaluate((e) => scrollBy(0, e.getBoundingClientRect().top - 150));
    const scrolled = await page.evaluate(() => scrollY);
    await pickPool.click();
    const pooled = await settled(page, 'gradCam', (x) => x.layerId === 'max_pool_2');
    expect(pooled.cam).toHaveLength(13 * 13);
    await expect.poll(() => page.getByTestId('attribution-layer').inputValue()).toBe('max_pool_2');
    // The page stays on the overview and its new weight bars (it used to scroll back to the panel).
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  });

  it('saliency: the gradient map, then SmoothGrad and gradient × input (signed)', async () => {
    await chooseMethod(page, 'saliency');
    const g = await settled(page, 'saliency', (x) => x.method === 'gradient');
    expect(g.heat!.range.lo).toBe(0);
    await expectOverlayDrawn(page, g);
    // The trained net's gradients are far above float32's precision: no "too faint" note.
    expect(await page.getByTestId('attribution-faint').count()).toBe(0);
    await pick(page, 'saliency-smoothGrad');
    const s = await settled(page, 'saliency', (x) => x.method === 'smoothGrad');
    expect(s.heat!.map).not.toEqual(g.heat!.map);
    await pick(page, 'saliency-gradientTimesInput');
    const gx = await settled(page, 'saliency', (x) => x.method === 'gradientTimesInput');
    expect(gx.heat!.range.lo).toBeLessThan(0);
    await expectOverlayDrawn(page, gx);
  });

  it('occlusion: 14×14 positions with progress, the map drawn from the drops; a larger patch, fewer positions', async () => {
    await chooseMethod(page, 'occlusion');
    await expect
      .poll(() => page.getByTestId('attribution').getAttribute('data-running'), { timeout: 20_000 })
      .toBe('true');
    const r = await settled(page, 'occlusion', (x) => x.rows === 14);
    expect([r.rows, r.cols]).toEqual([14, 14]);
    expect(r.drops).toHaveLength(196);
    await expectOverlayDrawn(page, r);
    await page.getByTestId('occlusion-size').fill('20');
    const big = await settled(page, 'occlusion', (x) => x.rows === 12);
    expect(big.cols).toBe(12); // (64 − 20) / 4 + 1
    await expect.poll(() => page.getByTestId('occlusion-grid').textContent()).toContain('12 × 12');
  });

  it('FGSM: a perturbation of ±ε, the new prediction, the layers that changed; ε and steps follow the sliders', async () => {
    await chooseMethod(page, 'fgsm');
    const r = await settled(page, 'fgsm');
    const eps = r.epsilon!;
    // 8 of 255 levels, as the slider's label says (it moves in whole levels).
    expect(eps).toBeCloseTo(8 / 255, 9);
    // The adversarial image is an 8-bit picture, the one "explain" hands on.
    r.perturbation!.forEach((d, i) => {
      const v = (r.input[i]! + d) * 255;
      expect(Math.abs(v - Math.round(v))).toBeLessThan(1e-3);
    });
    for (const d of r.perturbation!) expect(Math.abs(d)).toBeLessThanOrEqual(eps + 1e-6);
    // Most values move by ε, less what it takes to land on a level (the resized image's values
    // lie between levels): at least ε − 1/255.
    expect(r.perturbation!.filter((d) => Math.abs(d) > eps - 1 / 255 - 1e-6).length).toBeGreaterThan(8000);
    expect(r.losses![1]).toBeGreaterThan(r.losses![0]!);
    expect(r.changed!.length).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('fgsm-changed').locator('li').count()).toBeGreaterThan(3);
    await page.getByTestId('fgsm-epsilon').fill('2');
    const small = await settled(page, 'fgsm', (x) => Math.abs(x.epsilon! - 2 / 255) < 1e-9);
    expect(Math.max(...small.perturbation!.map(Math.abs))).toBeLessThanOrEqual(2 / 255 + 1e-6);
    await page.getByTestId('fgsm-steps').fill('5');
    const iterated = await settled(page, 'fgsm', (x) => x.losses!.length === 6);
    expect(iterated.losses!.at(-1)).toBeGreaterThan(iterated.losses![0]!);
    await shot(page, 'attribution-fgsm-1280');
    expect(await auditPanel(page)).toEqual([]);
  });

  it('the overview can show the adversarial image’s activations and their difference from the image’s', async () => {
    const r = await settled(page, 'fgsm');
    const original = await probabilities(page);
    await page.getByTestId('fgsm-overview').selectOption('other');
    await expect.poll(() => page.getByTestId('overview-source').getAttribute('data-shows')).toBe('other');
    await expect.poll(() => probabilities(page)).toEqual(r.after!.map((v) => Math.fround(v)));
    await page.getByTestId('fgsm-overview').selectOption('difference');
    await expect
      .poll(() => page.getByTestId('overview-source').getAttribute('data-shows'))
      .toBe('difference');
    const diff = await probabilities(page);
    diff.forEach((d, i) => expect(d).toBeCloseTo(r.after![i]! - r.before![i]!, 6));
    // Read as changes of probability: signed points with one decimal, not "−9.1e−8" beside "0.225".
    const shown = await page
      .locator('[data-testid="probabilities"] .value')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(shown).toHaveLength(10);
    for (const t of shown) expect(t).toMatch(/^(0\.0|[+−]\d+\.\d)%$/);
    expect(shown.some((t) => t.startsWith('−'))).toBe(true);
    await shot(page, 'attribution-difference-1280');
    await page.getByTestId('overview-source').getByRole('button').click();
    await expect.poll(() => page.getByTestId('overview-source').count()).toBe(0);
    expect(await probabilities(page)).toEqual(original);
  });

  it('explains the adversarial image in the overview when asked', async () => {
    const r = await settled(page, 'fgsm');
    await page.getByTestId('fgsm-open').click();
    // The adversarial image is on 8-bit levels already: handed on as pixels, it gives the very
    // prediction the panel showed (it moved by 1.6 points when the image was rounded here).
    await expect.poll(async () => argmax(await probabilities(page))).toBe(argmax(r.after!));
    const explained = await probabilities(page);
    explained.forEach((p, i) => expect(p).toBeCloseTo(r.after![i]!, 5));
  });

  it('opens from a class’s detail on that class, and from a layer’s detail on Grad-CAM at that layer', async () => {
    await page.getByTestId('attribution-close').click();
    await expect.poll(() => page.getByTestId('attribution').count()).toBe(0);
    await page.locator('[data-testid="probabilities"] [data-channel="4"]').click();
    await page.getByTestId('detail-why').click();
    await expect.poll(() => page.getByTestId('neuron-detail').count()).toBe(0);
    const cls = await settled(page, 'fgsm', (x) => x.classIndex === 4);
    expect(cls.classIndex).toBe(4);
    await chooseMethod(page, 'gradCam');
    await page.getByTestId('attribution-close').click();
    await page.locator('[data-testid="neuron"][data-layer="conv_2_1"][data-channel="2"]').click();
    await page.getByTestId('detail-why').click();
    const r = await settled(page, 'gradCam', (x) => x.layerId === 'conv_2_1');
    expect(r.classIndex).toBe(4);
    expect(errors).toEqual([]);
  });

  it('opens from the article’s “show me” on the section’s method', async () => {
    await page.getByTestId('attribution-close').click();
    for (const [section, method] of [
      ['occlusion', 'occlusion'],
      ['grad-cam', 'gradCam'],
    ] as const) {
      const link = page.locator(`#learn-${section}`).getByTestId('show-me');
      await link.scrollIntoViewIfNeeded();
      await link.click();
      await expect.poll(() => page.getByTestId('attribution').getAttribute('data-method')).toBe(method);
      await settled(page, method);
      // The panel comes into view.
      await expect
        .poll(() =>
          page.getByTestId('attribution').evaluate((e) => e.getBoundingClientRect().top < innerHeight),
        )
        .toBe(true);
    }
  });

  it('leaves no tensor behind over a round of every method', async () => {
    const count = () => page.evaluate(() => window.__cnnStudio!.numTensors());
    for (const m of ['saliency', 'gradCam', 'occlusion', 'fgsm'] as const)
      await page.evaluate((x) => window.__cnnStudio!.attribution!.time(x, 1), m);
    const before = await count();
    for (const m of ['saliency', 'gradCam', 'occlusion', 'fgsm'] as const)
      await page.evaluate((x) => window.__cnnStudio!.attribution!.time(x, 2), m);
    expect(await count()).toBe(before);
  });
});

describe('the “Why?” panel on a phone', () => {
  it('fits 390 px without sideways scrolling, in English and Chinese', async () => {
    const phone = await openApp(h, '', { width: 390, height: 844 });
    const p = phone.page;
    await p.evaluate(() => window.__cnnStudio!.setTestImage(7));
    await p.getByTestId('why-button').click();
    for (const m of ['gradCam', 'saliency', 'occlusion', 'fgsm'] as const) {
      await chooseMethod(p, m);
      await settled(p, m);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await p.getByTestId('attribution').scrollIntoViewIfNeeded();
    await shot(p, 'attribution-fgsm-390');
    await chooseMethod(p, 'gradCam');
    await settled(p, 'gradCam');
    await p.getByTestId('attribution').evaluate((e) => e.scrollIntoView());
    await shot(p, 'attribution-gradcam-390');
    // In Chinese the longer labels still fit.
    await p.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => p.getByTestId('attribution').locator('h2').textContent()).toContain('为什么');
    for (const m of ['gradCam', 'fgsm'] as const) {
      await chooseMethod(p, m);
      await settled(p, m);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await p.getByTestId('attribution').evaluate((e) => e.scrollIntoView());
    await shot(p, 'attribution-fgsm-390-zh');
    expect(phone.errors).toEqual([]);
    await p.close();
  });
});
