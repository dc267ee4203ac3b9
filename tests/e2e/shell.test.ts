/** The app shell in Chromium: loading progress, language on first visit, the guided tour, layout at three widths. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startHarness, type Harness } from './harness';
import { firstVisit, horizontalOverflow, viewShot, waitReady } from './shellShared';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('loading', () => {
  it('shows staged progress with the bytes of the weights download, then the views', async () => {
    // The prerendered first screen (tests/e2e/prerender.test.ts) stands in for the loading
    // screen while the weights download; without its files the page shows the loading screen.
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await context.route('**/prerender/**', (route) => route.abort());
    const page = await context.newPage();
    // Hold the weights back until the test has seen the indicator in the download stage.
    let release: () => void = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/weights*.bin', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(h.server.url);
    const bar = page.getByTestId('load-progress');
    await page.locator('[data-stage="weights"][aria-current="step"]').waitFor();
    await expect.poll(() => bar.getAttribute('role')).toBe('progressbar');
    const now = Number(await bar.getAttribute('aria-valuenow'));
    expect(now).toBeGreaterThanOrEqual(0);
    expect(now).toBeLessThan(90);
    await expect.poll(() => page.locator('[data-stage="model"]').getAttribute('class')).toContain('pending');
    await expect.poll(() => page.getByTestId('load-bytes').textContent()).toMatch(/^0 B of \d+(\.\d+)? kB$/);
    await viewShot(page, 'shell-loading');
    release();
    await waitReady(page);
    await expect.poll(() => page.getByTestId('loading').count()).toBe(0);
    await context.close();
  });

  it('says what failed when the model is missing, and keeps a way to retry', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await page.route('**/model.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(h.server.url);
    const error = page.getByTestId('load-error');
    await expect.poll(() => error.textContent()).toMatch(/model\.json: HTTP 404/);
    await expect.poll(() => error.getByRole('button').textContent()).toMatch(/Try again/);
    await page.unroute('**/model.json');
    await error.getByRole('button').click();
    await waitReady(page);
    await context.close();
  });

  it('says so when a panel’s code cannot be downloaded, and the rest of the page still works', async () => {
    const context = await h.browser.newContext();
    await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The editor's chunk is fetched after the first overview is drawn; the network drops it.
    await page.route('**/EditorPanel-*.js', (route) => route.abort('internetdisconnected'));
    await page.goto(h.server.url);
    await waitReady(page);
    const side = page.getByTestId('side-panel');
    await expect
      .poll(() => side.getByRole('alert').textContent())
      .toMatch(/could not be loaded .*Reload the page/);
    // The explainer and the other panels are there and working.
    await expect.poll(() => page.getByTestId('probabilities').locator('li').count()).toBe(10);
    await expect.poll(() => page.getByTestId('train-demo').count()).toBe(1);
    await expect.poll(() => page.locator('#article h1').count()).toBe(1);
    await viewShot(page, 'shell-panel-failed');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('language', () => {
  it('follows the browser on a first visit, and remembers a choice over it', async () => {
    const { context, page, errors } = await firstVisit(h, { locale: 'zh-CN', returning: true });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect
      .poll(() => page.getByRole('navigation', { name: '页面板块' }).textContent())
      .toContain('学习');
    // The pretrained model's class labels are shown in Chinese too (the first example is the airplane).
    await expect.poll(() => page.getByTestId('top-class').textContent()).toContain('飞机');
    await expect.poll(() => page.getByTestId('probabilities').textContent()).toContain('卡车');
    await page.getByTestId('language').selectOption('en');
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Page sections' }).textContent())
      .toContain('Learn');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.getByTestId('top-class').textContent()).toContain('airplane');
    await page.reload();
    await waitReady(page);
    await expect.poll(() => page.getByTestId('language').inputValue()).toBe('en');
    await expect
      .poll(() => page.locator('#article h1').textContent())
      .toBe('How a convolutional network works');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('guided tour', () => {
  it('greets a first visit, skips steps whose panel is missing, pages by keyboard, and never returns once dismissed', async () => {
    const { context, page, errors } = await firstVisit(h);
    const tour = page.getByTestId('tour');
    await tour.waitFor();
    await expect.poll(() => tour.getAttribute('data-step')).toBe('welcome');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('tour');
    await viewShot(page, 'shell-tour-welcome');
    const total = Number(/of (\d+)/.exec((await tour.locator('.progress').textContent()) ?? '')?.[1]);
    const visited: string[] = [];
    for (let i = 0; i < total; i++) {
      const step = (await tour.getAttribute('data-step')) ?? '';
      visited.push(step);
      // Every step shown points at something that is really on the page.
      if (step !== 'welcome')
        await expect
          .poll(() => page.locator('[data-tour], [data-view], #article, label, table').count())
          .toBeGreaterThan(0);
      if (step === 'overview' || step === 'editor') await viewShot(page, `shell-tour-${step}`);
      if (i < total - 1) await page.keyboard.press('ArrowRight');
    }
    expect(visited[0]).toBe('welcome');
    expect(visited).toContain('article');
    expect(visited).toContain('language');
    expect(new Set(visited).size).toBe(visited.length);
    // Panels that are not on the page are not toured.
    for (const [step, selector] of [
      ['editor', '[data-view="editor"], #side-panel'],
      ['training', '[data-view="training"]'],
    ] as const)
      expect(visited.includes(step)).toBe((await page.locator(selector).count()) > 0);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tour.getAttribute('data-step')).toBe(visited[total - 2]);
    await page.keyboard.press('Escape');
    await expect.poll(() => tour.count()).toBe(0);
    await page.reload();
    await waitReady(page);
    await page.locator('#article').waitFor();
    await expect.poll(() => page.getByTestId('tour').count()).toBe(0);
    // The header's button brings it back on demand.
    await page.getByTestId('tour-start').click();
    await expect.poll(() => page.getByTestId('tour').getAttribute('data-step')).toBe('welcome');
    await page.getByTestId('tour-skip').click();
    await expect.poll(() => page.getByTestId('tour').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('layout', () => {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
    [768, 1024],
    [390, 844],
  ] as const)
    it(`fits ${width}×${height} without sideways scrolling`, async () => {
      const { page, errors } = await firstVisit(h, { returning: true, viewport: { width, height } });
      expect(await horizontalOverflow(page)).toBe(0);
      await page.locator('#article').scrollIntoViewIfNeeded();
      expect(await horizontalOverflow(page)).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await viewShot(page, `shell-top-${width}`);
      await page.evaluate(() => document.getElementById('learn-convolution')?.scrollIntoView());
      await viewShot(page, `shell-article-${width}`);
      // Every landmark a screen reader lists is there once.
      await expect
        .poll(() =>
          page
            .locator('header')
            .first()
            .evaluate((e) => e.closest('body') !== null),
        )
        .toBe(true);
      await expect.poll(() => page.getByRole('main').count()).toBe(1);
      await expect.poll(() => page.getByRole('contentinfo').count()).toBe(1);
      if (width === 1280) await screenshot(page, 'shell-full-1280');
      expect(errors).toEqual([]);
      await page.context().close();
    });

  it('keeps every header item on one line in Chinese from a tablet up', async () => {
    for (const width of [768, 820, 1024, 1280]) {
      const { context, page, errors } = await firstVisit(h, {
        locale: 'zh-CN',
        returning: true,
        viewport: { width, height: 900 },
      });
      // Chinese may break between any two characters: a squeezed item grows taller than a line.
      const tall = await page
        .locator('header')
        .first()
        .evaluate((header) => {
          const items = header.querySelectorAll<HTMLElement>('nav a, button, .caption, h1');
          return Array.from(items)
            .filter((e) => e.offsetParent !== null)
            .filter((e) => {
              const line =
                parseFloat(getComputedStyle(e).lineHeight) || 1.5 * parseFloat(getComputedStyle(e).fontSize);
              const padding =
                parseFloat(getComputedStyle(e).paddingTop) + parseFloat(getComputedStyle(e).paddingBottom);
              return e.getBoundingClientRect().height - padding > 1.6 * line;
            })
            .map((e) => `${e.tagName} ${e.textContent?.trim()}`);
        });
      expect(tall, `at ${width} px`).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('folds the side panel into a drawer below 1024 px: opens by button, focus inside, Esc closes', async () => {
    const { page, errors } = await firstVisit(h, { returning: true, viewport: { width: 768, height: 1024 } });
    const side = page.getByTestId('side-panel');
    const toggle = page.getByTestId('drawer-toggle');
    expect(
      await side.count(),
      'no side panel mounted: the editor mounts in the side snippet of <Workspace>',
    ).toBe(1);
    await expect.poll(() => side.evaluate((e) => e.hasAttribute('inert'))).toBe(true);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => side.evaluate((e) => e.hasAttribute('inert'))).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('#side-panel') !== null))
      .toBe(true);
    await page.waitForFunction(() => {
      const r = document.getElementById('side-panel')?.getBoundingClientRect();
      return r !== undefined && Math.abs(r.right - window.innerWidth) < 1;
    });
    await viewShot(page, 'shell-drawer-768');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('drawer-toggle');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('resizes the side column by keyboard within limits, and remembers the width', async () => {
    const { page } = await firstVisit(h, { returning: true });
    const resizer = page.getByTestId('side-resizer');
    expect(
      await resizer.count(),
      'no side panel mounted: the editor mounts in the side snippet of <Workspace>',
    ).toBe(1);
    const width = async (): Promise<number> => Number(await resizer.getAttribute('aria-valuenow'));
    const before = await width();
    await resizer.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await width()).toBe(before + 16);
    await expect
      .poll(() => page.getByTestId('side-panel').evaluate((e) => Math.round(e.getBoundingClientRect().width)))
      .toBe(before + 16);
    for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+ArrowLeft');
    expect(await width()).toBe(Math.round(1280 * 0.55));
    expect(await horizontalOverflow(page)).toBe(0);
    await page.keyboard.press('Home');
    expect(await width()).toBe(280);
    await page.reload();
    await waitReady(page);
    expect(await width()).toBe(280);
    await page.context().close();
  });

  it('lets keyboard users skip straight to the views and to the article', async () => {
    const { page } = await firstVisit(h, { returning: true });
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    await expect.poll(() => skip.textContent()).toBe('Skip to the explainer');
    await expect.poll(() => skip.evaluate((e) => e.getBoundingClientRect().top >= 0)).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Skip to the article');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#article');
    await page.context().close();
  });
});
