/** The article in Chromium: both languages, MathML formulas, graphs, and its links into the views and back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, shot, startHarness, type Harness } from './harness';
import { audit } from './axe';
import { firstVisit, viewShot } from './shellShared';
import { ARTICLE, sectionAnchor } from '../../src/lib/article';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('article', () => {
  it('switches language together with the UI, keeping formulas, numbers and layer names', async () => {
    const { context, page, errors } = await firstVisit(h, { returning: true });
    const article = page.getByTestId('article');
    const sections = article.locator('section[data-section]');
    const count = await sections.count();
    expect(count).toBeGreaterThanOrEqual(11);
    const enTitles = await sections.locator('h2').allTextContents();
    const formulas = async (): Promise<string[]> =>
      article.locator('math').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-tex') ?? ''));
    const enFormulas = await formulas();
    expect(enFormulas.length).toBeGreaterThan(30);
    // Real MathML, typeset by the browser: elements in the MathML namespace with layout boxes.
    await expect
      .poll(() =>
        article
          .locator('math mfrac')
          .first()
          .evaluate((e) => [e.namespaceURI, e.getBoundingClientRect().height > 10]),
      )
      .toEqual(['http://www.w3.org/1998/Math/MathML', true]);
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => page.locator('#article h1').textContent()).toBe('卷积网络是怎样工作的');
    const zhTitles = await sections.locator('h2').allTextContents();
    expect(zhTitles).toHaveLength(enTitles.length);
    for (let i = 0; i < zhTitles.length; i++) {
      expect(zhTitles[i]).not.toBe(enTitles[i]);
      expect(zhTitles[i]).toMatch(/\p{Script=Han}/u);
    }
    // The same formulas in the same places, only the prose around them changes.
    expect((await formulas()).sort()).toEqual([...enFormulas].sort());
    await expect.poll(() => page.locator('#learn-mobilenet').textContent()).toContain('深度可分离');
    await expect
      .poll(() => page.locator('#learn-convolution').getByTestId('show-me').last().textContent())
      .toMatch(/在网络中查看 conv_\w+/);
    await page.evaluate(() => document.getElementById('learn-convolution')?.scrollIntoView());
    await viewShot(page, 'article-convolution-zh');
    await page.evaluate(() => document.getElementById('learn-activations')?.scrollIntoView());
    await viewShot(page, 'article-activations-zh');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the browser skip its sections off screen, each at the height it has when shown', async () => {
    const { context, page, errors } = await firstVisit(h, { returning: true });
    const sections = page.locator('#article section[data-section]');
    // The view links come as their panels land, the training panel's among the last: a link that
    // appeared after the heights were read would change its section's. Read them once it is there.
    await expect
      .poll(() =>
        page.locator('#learn-training [data-testid="show-me"]').filter({ hasText: 'training panel' }).count(),
      )
      .toBe(1);
    // Skipped (content-visibility: auto) once laid out, so a change over the whole page (closing
    // the zoo dialog, a big net's panels) does not restyle and lay out the whole article.
    await expect
      .poll(() => sections.evaluateAll((ss) => ss.map((s) => getComputedStyle(s).contentVisibility)))
      .toEqual(Array.from({ length: await sections.count() }, () => 'auto'));
    const skipped = await sections.evaluateAll((ss) => ss.map((s) => s.getBoundingClientRect().height));
    const twoFrames = (): Promise<unknown> =>
      page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (let i = 0; i < skipped.length; i++) {
      await sections.nth(i).evaluate((s) => s.scrollIntoView());
      await twoFrames();
      const shown = await sections.nth(i).evaluate((s) => s.getBoundingClientRect().height);
      // Its remembered size, not the 600 px stand-in: the page does not jump as it is scrolled.
      expect(Math.abs(shown - skipped[i]!), `section ${i}`).toBeLessThanOrEqual(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps a section's height when its panel's link comes after the browser has skipped it", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    const page = await context.newPage();
    // The training panel lands late, as on a loaded machine: its "show me" link with it.
    let land: () => void = () => undefined;
    const landed = new Promise<void>((r) => (land = r));
    await page.route('**/assets/TrainingPanel-*.js', async (route) => {
      await landed;
      await route.continue();
    });
    await page.goto(h.server.url);
    const training = page.locator('#article section[data-section="training"]');
    await training.waitFor({ state: 'attached' });
    await expect.poll(() => training.evaluate((s) => getComputedStyle(s).contentVisibility)).toBe('auto');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const before = await training.evaluate((s) => s.getBoundingClientRect().height);
    expect(await training.getByTestId('show-me').count()).toBe(0);
    land();
    await expect.poll(() => training.getByTestId('show-me').count(), { timeout: 30_000 }).toBe(1);
    await training.evaluate((s) => s.scrollIntoView());
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // The link took the row kept for it: the page does not jump as the reader gets there.
    expect(await training.evaluate((s) => s.getBoundingClientRect().height)).toBeCloseTo(before, 0);
    await context.close();
  });

  it('draws each activation graph from its function', async () => {
    const { context, page } = await firstVisit(h, { returning: true });
    const plots = page.locator('#learn-activations figure[data-activation]');
    expect(await plots.count()).toBe(8);
    const relu = plots.filter({ has: page.locator('svg[aria-label="Graph of ReLU"]') });
    // ReLU is flat at zero on the left and rises with slope 1 on the right, in SVG coordinates too.
    const shape = await relu.locator('path').evaluate((p: SVGPathElement) => {
      const len = p.getTotalLength();
      const at = (f: number): DOMPoint => p.getPointAtLength(len * f);
      const [a, b, c, d] = [at(0), at(0.3), at(0.7), at(1)];
      return { flatLeft: Math.abs(a.y - b.y) < 0.5, risesRight: c.y > d.y + 5 };
    });
    expect(shape).toEqual({ flatLeft: true, risesRight: true });
    await context.close();
  });

  it('“show me” opens the first matching layer of the current network, and a button leads back', async () => {
    const { context, page, errors } = await firstVisit(h, { returning: true });
    const section = page.locator('#learn-pooling');
    await section.scrollIntoViewIfNeeded();
    const link = section.getByTestId('show-me');
    await expect.poll(() => link.textContent()).toMatch(/Show me max_pool_1 in the network/);
    const sectionTop = await section.evaluate((e) => e.getBoundingClientRect().top);
    expect(sectionTop).toBeLessThan(800);
    await link.click();
    const detail = page.getByTestId('neuron-detail');
    await detail.waitFor();
    await expect.poll(() => detail.locator('h2').first().textContent()).toBe('max_pool_1');
    // On a channel with something to see: its maps' colour ranges are not the empty 0 to 1e−6
    // of a dead channel (channel 0 of max_pool_1 is dead for this image).
    const highs = await detail
      .getByTestId('legend')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-hi'))));
    expect(highs.length).toBeGreaterThan(0);
    expect(Math.min(...highs)).toBeGreaterThan(1e-3);
    await viewShot(page, 'article-show-me');
    // Done looking: close the detail; while the reader stays with the network, the way back is offered.
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    const back = page.getByTestId('back-to-article');
    await expect.poll(() => back.textContent()).toContain('Back to “Pooling”');
    await viewShot(page, 'article-back');
    await back.click();
    await expect.poll(() => back.count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.id === 'learn-pooling-title');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#learn-pooling');
    // Sections about layers this network does not have offer no layer link.
    await expect.poll(() => page.locator('#learn-recurrent').getByTestId('show-me').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers every view link the article’s sections name (each view is marked on the page)', async () => {
    const { context, page, errors } = await firstVisit(h, { returning: true });
    await page.locator('#article').scrollIntoViewIfNeeded();
    const wanted = ARTICLE.flatMap((section) =>
      (section.showMe ?? []).flatMap((m) =>
        m.kind === 'view' ? [{ id: sectionAnchor(section.id), text: `Open ${m.label.en}` }] : [],
      ),
    );
    expect(wanted.length).toBeGreaterThan(4);
    const offered = await page.evaluate(
      (list) =>
        list.filter(({ id, text }) =>
          [...(document.getElementById(id)?.querySelectorAll('[data-testid="show-me"]') ?? [])].some(
            (l) => l.textContent?.replace('▶', '').trim() === text,
          ),
        ),
      wanted,
    );
    expect(offered).toEqual(wanted);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [section, text, target] of [
    ['learn-hyperparameters', 'Open the hyperparameter playground', 'playground'],
    ['learn-training', 'Open the training panel', 'training-panel'],
    ['learn-cnn', 'Open the network overview', 'overview'],
  ] as const)
    it(`“${text}” shows the view's top below the sticky header`, async () => {
      const { context, page, errors } = await firstVisit(h, { returning: true });
      const link = page.locator(`#${section}`).getByTestId('show-me').filter({ hasText: text });
      await link.scrollIntoViewIfNeeded();
      await link.click();
      const header = await page
        .locator('header')
        .first()
        .evaluate((e) => e.getBoundingClientRect().bottom);
      const view = page.getByTestId(target);
      // Settled where the reveal put it (smooth scrolling takes a moment).
      await expect
        .poll(async () => {
          const a = await view.evaluate((e) => e.getBoundingClientRect().top);
          await page.waitForTimeout(100);
          const b = await view.evaluate((e) => e.getBoundingClientRect().top);
          return a === b && b >= header - 1 && b < 400;
        })
        .toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });

  it('“show me the model zoo” opens the zoo', async () => {
    const { context, page, errors } = await firstVisit(h, { returning: true });
    const link = page.locator('#learn-architectures').getByTestId('show-me').filter({ hasText: 'model zoo' });
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await expect.poll(() => page.getByTestId('zoo-card').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('zoo-card').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('“show me the training panel” takes the reader to it (the panel marks itself as the training view)', async () => {
    const { context, page, errors } = await firstVisit(h, { returning: true });
    const link = page.locator('#learn-training').getByTestId('show-me').filter({ hasText: 'training panel' });
    await link.scrollIntoViewIfNeeded();
    await link.click();
    const panel = page.getByTestId('training-panel');
    // Its top in the upper half of the window (it is above the article, so before the click it is off screen).
    await expect
      .poll(() =>
        panel.evaluate((e) => {
          const top = e.getBoundingClientRect().top;
          return top >= -2 && top < window.innerHeight / 2;
        }),
      )
      .toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a side-panel view from “show me” in the drawer on a tablet, tapping only', async () => {
    const { context, page, errors } = await firstVisit(h, {
      returning: true,
      hasTouch: true,
      viewport: { width: 768, height: 1024 },
    });
    expect(
      await page.getByTestId('side-panel').count(),
      'no side panel mounted: the editor mounts in <Workspace>',
    ).toBe(1);
    const link = page.locator('#learn-architectures').getByTestId('show-me').filter({ hasText: 'editor' });
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await expect.poll(() => page.getByTestId('drawer-toggle').getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('#side-panel') !== null))
      .toBe(true);
    // A layer link works by tap as well.
    await page.keyboard.press('Escape');
    const conv = page.locator('#learn-convolution').getByTestId('show-me').filter({ hasText: 'conv_' });
    await conv.scrollIntoViewIfNeeded();
    await conv.tap();
    await expect
      .poll(() => page.getByTestId('neuron-detail').locator('h2').first().textContent())
      .toBe('conv_1_1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('contents links and cross-references move the reader to the section and focus its heading', async () => {
    const { context, page } = await firstVisit(h, {
      returning: true,
      viewport: { width: 1920, height: 1080 },
    });
    const toc = page.getByRole('navigation', { name: 'Contents' });
    await toc.getByRole('link', { name: 'How a network learns' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'learn-training-title');
    // The contents follow the scroll position, which settles a moment after the jump.
    await expect
      .poll(() => toc.locator('a[aria-current]').textContent(), { timeout: 10_000 })
      .toBe('How a network learns');
    await page.locator('#learn-activations a[href="#learn-mobilenet"]').first().click();
    await page.waitForFunction(() => document.activeElement?.id === 'learn-mobilenet-title');
    await page.waitForFunction(
      () => Math.abs(document.getElementById('learn-mobilenet')!.getBoundingClientRect().top) < 120,
    );
    await viewShot(page, 'article-mobilenet-1920');
    await context.close();
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ])
    it(`keeps the article's promise: a layer's name in the overview leads to its section, at ${viewport.width}×${viewport.height}`, async () => {
      const { page, errors } = await openApp(h, '', viewport);
      // Jumps without the smooth scroll, so the screenshot shows where the reader lands.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const links = page.getByTestId('column-article-link');
      // Every layer of TinyVGG has a section: the input, convolution, activation, pooling, flatten, dense.
      await expect
        .poll(() => links.evaluateAll((els) => els.map((e) => e.getAttribute('data-layer'))))
        .toEqual([
          'input',
          'conv_1_1',
          'relu_1_1',
          'conv_1_2',
          'relu_1_2',
          'max_pool_1',
          'conv_2_1',
          'relu_2_1',
          'conv_2_2',
          'relu_2_2',
          'max_pool_2',
          'flatten',
          'output',
        ]);
      const pool = page.locator('[data-testid="column-article-link"][data-layer="max_pool_1"]');
      expect(await pool.getAttribute('aria-label')).toBe(
        'max_pool_1: read about MaxPooling2D in the article',
      );
      await pool.click();
      const section = page.locator('#learn-pooling');
      await expect
        .poll(() => section.evaluate((e) => e.getBoundingClientRect().top))
        .toBeLessThan(viewport.height / 2);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('section')?.id))
        .toBe('learn-pooling');
      expect(page.url()).toMatch(/#learn-pooling$/);
      // And by keyboard: the name is a button in the tab order.
      await page.locator('[data-testid="column-article-link"][data-layer="conv_1_1"]').focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('section')?.id))
        .toBe('learn-convolution');
      await expect
        .poll(() => page.locator('#learn-convolution').evaluate((e) => e.getBoundingClientRect().top))
        .toBeLessThan(viewport.height / 2);
      await shot(page, `article-from-overview-${viewport.width}x${viewport.height}`);
      expect(await audit(page, '[data-testid="overview"]')).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
});
