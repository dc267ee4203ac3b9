/**
 * Issue 18 at a laptop's, a desktop's and a phone's size: an image link the other server will
 * not share, a Keras file without weights and an edit the explainer cannot run (what the
 * messages say and what the overview shows agree), the way back, refused playground values,
 * the softmax view, each on screen without sideways scrolling and with no serious axe finding.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { firstVisit } from './shellShared';
import { audit } from './axe';
import { probabilities } from './pageReads';
import { node, settled } from './editorHelpers';
import { serveStatic, type StaticServer } from '../../scripts/lib/staticServer';
import { makePng, stripes } from '../fixtures/images';
import { serializeKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { TOUR_STEPS } from '../../src/views/tour/steps';

let h: Harness;
/** Another origin (another port) that sends no CORS permission, as most image hosts do not. */
let other: StaticServer;
const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-first-minutes-'));

beforeAll(async () => {
  h = await startHarness();
  const site = mkdtempSync(join(tmpdir(), 'cnn-studio-other-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>other</title>');
  writeFileSync(join(site, 'photo.png'), makePng(40, 30, stripes));
  other = await serveStatic(site);
  // TinyVGG's own architecture as Keras writes it, without its weight file.
  writeFileSync(join(dir, 'model.json'), serializeKerasJson(tinyVggSpec()).json);
});
afterAll(async () => {
  await other?.close();
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
const isPhone = (page: Page): boolean => (page.viewportSize()?.width ?? 0) < 600;

const pageWidth = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth);

/** The element is shown and lies within the window's width (and height, once scrolled to). */
async function onScreen(page: Page, testid: string): Promise<boolean> {
  const el = page.getByTestId(testid).first();
  await el.scrollIntoViewIfNeeded();
  return el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return (
      r.width > 0 &&
      r.left >= 0 &&
      r.right <= window.innerWidth &&
      r.top >= 0 &&
      r.bottom <= window.innerHeight
    );
  });
}

/** Opens the editor (a drawer on a phone) and runs `act` in it; the drawer is closed again. */
async function inEditor(page: Page, act: () => Promise<void>): Promise<void> {
  if (isPhone(page)) {
    await page.getByTestId('drawer-toggle').click();
    await page.getByTestId('side-panel').waitFor();
  }
  await act();
  if (isPhone(page)) {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('side-panel').isVisible()).toBe(false);
  }
}

const size = (v: { width: number; height: number }) => `${v.width}x${v.height}`;

describe('the first ten minutes at every size', () => {
  for (const viewport of SIZES) {
    it(`a refused image link says why and keeps the image at ${size(viewport)}`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      const top = await page.getByTestId('top-class').textContent();
      const field = page.getByTestId('image-url');
      await field.fill(`${other.url}photo.png`);
      await field.press('Enter');
      await expect
        .poll(() => page.getByTestId('image-error').textContent())
        .toMatch(
          /photo\.png: the image could not be read\. The server at 127\.0\.0\.1:\d+ does not let other sites read its images .*CORS.* The current image is kept\./,
        );
      expect(await onScreen(page, 'image-error')).toBe(true);
      expect(await page.getByTestId('top-class').textContent()).toBe(top);
      // No two sentences run together anywhere on the page ("GIF.The current image…").
      expect(await page.locator('body').innerText()).not.toMatch(/[A-Za-z0-9)%][.!?][A-Z][a-z]/);
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      await shot(page, `first-minutes-url-${size(viewport)}`);
      expect(await audit(page, '[data-testid="image-error"]')).toEqual([]);
      expect(errors).toEqual([]);
    });

    it(`a Keras file without weights and an edit that cannot run are what the overview shows, with a way back, at ${size(viewport)}`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      const before = await probabilities(page);
      await inEditor(page, async () => {
        await page.getByTestId('view-text').click();
        await page.getByTestId('text-file').setInputFiles(join(dir, 'model.json'));
        await expect
          .poll(() => page.getByTestId('text-message').textContent())
          .toMatch(
            /Opened model\.json.*carries no weights, so the explainer runs it with fresh random weights/s,
          );
        await settled(page);
      });
      // The message said random weights: the overview says so too and no longer shows the trained answer.
      await expect.poll(() => page.getByTestId('random-weights').count()).toBe(1);
      await expect.poll(async () => (await probabilities(page))[0]).not.toBeCloseTo(before[0]!, 4);
      await expect
        .poll(() => page.getByTestId('prediction-untrained').textContent())
        .toMatch(/from random weights: means nothing/);
      // The caption beside the example names the answer as the prediction does ("class k", not "#k").
      const topName = (await page.getByTestId('top-class').locator('.name').textContent())?.trim();
      expect(topName).toMatch(/^class \d$/);
      expect(await page.getByTestId('example-about').textContent()).toContain(`says ${topName} (`);
      expect(await onScreen(page, 'random-weights')).toBe(true);
      expect(await onScreen(page, 'back-to-pretrained')).toBe(true);
      // The class pictures are still the pretrained TinyVGG's, and say so; back, they are "the network's".
      const patterns = page.locator('[data-testid="example-set"][data-kind="pattern"]');
      const patternsTitle = (): Promise<string | null> => patterns.locator('.title').textContent();
      expect(await patternsTitle()).toBe('What the pretrained TinyVGG thinks each class looks like');
      expect(await patterns.getByTestId('example').first().getAttribute('aria-label')).toMatch(
        /^what the pretrained TinyVGG thinks “\w+” looks like$/,
      );
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      await shot(page, `first-minutes-no-weights-${size(viewport)}`);
      expect(await audit(page)).toEqual([]);

      await page.getByTestId('back-to-pretrained').click();
      await expect.poll(() => page.getByTestId('random-weights').count()).toBe(0);
      await expect.poll(async () => (await probabilities(page))[0]).toBeCloseTo(before[0]!, 5);
      expect(await patternsTitle()).toBe('What the network thinks each class looks like');

      // An edit the explainer cannot run: the old net stays in the overview, marked as such.
      // A 40×40 kernel on the 28-wide maps of conv_2_2.
      await inEditor(page, async () => {
        await page.getByTestId('view-graph').click();
        await node(page, 'conv_2_2').focus();
        await page.keyboard.press('Enter');
        await page.getByTestId('tab-layer').click();
        await page.locator('#param-conv_2_2-kernelSize').fill('40');
        await page.locator('#param-conv_2_2-kernelSize-1').fill('40');
        await expect.poll(() => node(page, 'conv_2_2').getAttribute('data-status')).toBe('error');
      });
      const stale = page.getByTestId('overview-stale');
      await expect.poll(() => stale.textContent()).toBe('not the edited net');
      // Its explanation names the layer at fault and the net still shown.
      expect(await stale.getAttribute('title')).toMatch(/conv_2_2.*TinyVGG|TinyVGG.*conv_2_2/s);
      expect(await onScreen(page, 'overview-stale')).toBe(true);
      await shot(page, `first-minutes-stale-${size(viewport)}`);
      expect(await audit(page)).toEqual([]);
      expect(errors).toEqual([]);
    });

    it(`the playground flags a refused value until it is replaced, and the softmax view reads well, at ${size(viewport)}`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const pg = page.getByTestId('playground');
      await pg.scrollIntoViewIfNeeded();
      const stride = await pg.getByTestId('pg-stride-number').inputValue();
      for (const bad of ['2.5', '-1']) {
        await pg.getByTestId('pg-stride-number').fill(bad);
        await expect.poll(() => pg.getByTestId('pg-refused').textContent()).toMatch(/^Stride must be/);
        expect(await pg.getByTestId('pg-stride-number').getAttribute('aria-invalid')).toBe('true');
        expect(await onScreen(page, 'pg-refused')).toBe(true);
      }
      await shot(page, `first-minutes-playground-${size(viewport)}`);
      expect(await audit(page, '[data-testid="playground"]')).toEqual([]);
      // Another setting changed: the stride field shows the stride in force, not an unflagged "-1".
      await pg.getByTestId('pg-padding-number').fill('0');
      await expect.poll(() => pg.getByTestId('pg-refused').count()).toBe(0);
      expect(await pg.getByTestId('pg-stride-number').inputValue()).toBe(stride);
      expect(await pg.getByTestId('pg-stride-number').getAttribute('aria-invalid')).toBe('false');
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('[data-layer="output"][data-channel="0"]').first().click();
      await page.getByTestId('neuron-detail').waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      // Every class's probability is in sight, not scrolled off the dialog's side on a phone.
      const rows = page.getByTestId('softmax-row');
      await expect.poll(() => rows.count()).toBe(10);
      const outside = await rows.evaluateAll(
        (els) =>
          els
            .map((e) => e.lastElementChild!.getBoundingClientRect())
            .filter((r) => r.width === 0 || r.right > window.innerWidth).length,
      );
      expect(outside).toBe(0);
      await expect.poll(() => rows.first().textContent()).toMatch(/airplane.*\d\.\d%/s);
      await shot(page, `first-minutes-softmax-${size(viewport)}`);
      expect(await audit(page)).toEqual([]);
      expect(errors).toEqual([]);
    });

    it(`reads in Chinese: the example caption, the softmax view, no run-together sentences, at ${size(viewport)}`, async () => {
      const { page, errors } = await firstVisit(h, { returning: true, locale: 'zh-CN', viewport });
      await expect.poll(() => page.getByTestId('example-about').textContent()).toMatch(/飞机/);
      await page.locator('[data-layer="output"][data-channel="0"]').first().click();
      const detail = page.getByTestId('neuron-detail');
      await detail.waitFor();
      const rows = page.getByTestId('softmax-rows');
      await expect.poll(() => rows.locator('[role="columnheader"]').first().textContent()).toBe('类别');
      expect(await rows.textContent()).toContain('对数几率（logit）z');
      expect(await rows.textContent()).not.toMatch(/Logit|airplane|Class/);
      // Every label on one line: "温度" is not broken into one character a line.
      const temp = detail.locator('.temp > span');
      expect(await temp.evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(30);
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      await shot(page, `first-minutes-softmax-zh-${size(viewport)}`);
      expect(await audit(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      // A refused link in Chinese: the two sentences are joined by the Chinese full stop alone.
      const field = page.getByTestId('image-url');
      await field.fill(`${other.url}photo.png`);
      await field.press('Enter');
      await expect.poll(() => page.getByTestId('image-error').textContent()).toMatch(/。当前图像保持不变。/);
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(/[A-Za-z0-9)%][.!?][A-Z][a-z]/);
      expect(errors).toEqual([]);
    });

    it(`walks the guided tour with every card whole on screen at ${size(viewport)}`, async () => {
      const { page, errors } = await firstVisit(h, { viewport });
      const tour = page.getByTestId('tour');
      await tour.waitFor();
      expect(await audit(page)).toEqual([]);
      const total = Number(/of (\d+)/.exec((await tour.locator('.progress').textContent()) ?? '')?.[1]);
      expect(total).toBeGreaterThan(3);
      const seen: string[] = [];
      const cut: string[] = [];
      const covered: string[] = [];
      for (let i = 0; i < total; i++) {
        const step = (await tour.getAttribute('data-step')) ?? '';
        seen.push(step);
        // The card settles where its target is, then must lie wholly inside the window.
        await page.waitForTimeout(350);
        const inside = await tour.evaluate((e) => {
          const r = e.getBoundingClientRect();
          return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
        });
        if (!inside) cut.push(step);
        // Where the card points at a big panel, the panel's top (the overview's column headers,
        // the article's title) is in sight: below the sticky header and not under the card.
        const selectors = ['overview', 'article'].includes(step)
          ? TOUR_STEPS.find((t) => t.id === step)!.target!.split(/,\s*/)
          : [];
        const hidden = await tour.evaluate(
          (card, [id, ...candidates]) => {
            const el = candidates
              .map((c) => document.querySelector(c))
              .find((e) => e?.getClientRects().length);
            if (!el) return candidates.length ? `${id}: no target` : null;
            const target = el.getBoundingClientRect();
            const c = card.getBoundingClientRect();
            const header = document.querySelector('header')!.getBoundingClientRect().bottom;
            const bandBottom = target.top + 120;
            const overlaps =
              c.left < target.right && c.right > target.left && c.top < bandBottom && c.bottom > target.top;
            return target.top < header - 1 || overlaps
              ? `${id} top ${Math.round(target.top)}, card top ${Math.round(c.top)}`
              : null;
          },
          [step, ...selectors],
        );
        if (hidden) covered.push(hidden);
        if (step === 'editor' || step === 'overview')
          await shot(page, `first-minutes-tour-${step}-${size(viewport)}`);
        expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
        if (i < total - 1) await page.keyboard.press('ArrowRight');
      }
      // "Start exploring" on the last stop (far down the page) brings the learner back to the
      // top, where the image and the overview are; it left them in the article before.
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
      await tour.getByTestId('tour-next').click();
      await tour.waitFor({ state: 'detached' });
      await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
      expect(cut).toEqual([]);
      expect(covered).toEqual([]);
      // The editor has its stop on every screen: on a phone, at the button that opens its drawer.
      expect(seen).toContain('editor');
      expect(errors).toEqual([]);
    });
  }
});
