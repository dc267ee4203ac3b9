/**
 * The `interactive` load mark (debugHook's notePainted, read by `npm run bench` as
 * interactiveMs) is honest: in the task that sees the mark, a pointer over a map hits the
 * app's own neuron (not the prerendered snapshot's copy) and the hover does what the app's
 * hover does, the tooltip and the dimmed overview, on the next frame. And the snapshot's
 * loading line stops once the app's code runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

interface HoverAtMark {
  prerender: string;
  /** The element under the map's centre at the mark is inside the app's #app. */
  inApp: boolean;
  hitNeuron: boolean;
  tooltip: string | null;
  dimmed: boolean;
}

declare global {
  interface Window {
    __hoverAtMark?: HoverAtMark | { error: string };
    /** The snapshot's loading line's animation state when a mark was seen, by mark. */
    __lineAt?: Record<string, string | null>;
  }
}

/** In the page: the loading line's state as the snapshot loads, once it is painted, and once the app runs. */
function recordLine(): void {
  const at: Record<string, string | null> = {};
  window.__lineAt = at;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'prerender-fit' || e.name === 'overview-drawn' || e.name === 'app-start') {
        const line = document.querySelector('#prerender > .boot-line');
        at[e.name] = line ? getComputedStyle(line).animationPlayState : null;
      }
  }).observe({ type: 'mark', buffered: true });
}

/**
 * In the page before its scripts: as soon as `interactive` is marked, moves a pointer over
 * the centre of conv_1_2's channel 3 (whatever element is there, as a user's pointer would)
 * and, two frames later, records what the page shows.
 */
function hoverAtInteractive(): void {
  new PerformanceObserver((list, observer) => {
    if (!list.getEntries().some((e) => e.name === 'interactive')) return;
    observer.disconnect();
    try {
      const sel = '[data-testid="neuron"][data-layer="conv_1_2"][data-channel="3"]';
      const target = document.querySelector(`#app ${sel}`);
      if (!target) throw new Error('no neuron conv_1_2/3 in the app');
      const r = target.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      const hit = document.elementFromPoint(x, y);
      if (!hit) throw new Error('nothing under the map');
      for (const type of ['pointerover', 'pointerenter', 'pointermove'])
        hit.dispatchEvent(
          new PointerEvent(type, { clientX: x, clientY: y, bubbles: type !== 'pointerenter' }),
        );
      const read = (): void => {
        window.__hoverAtMark = {
          prerender: document.documentElement.dataset.prerender ?? '',
          inApp: Boolean(hit.closest('#app')),
          hitNeuron: Boolean(hit.closest(sel)),
          tooltip: document.querySelector('#app [data-testid="neuron-tooltip"]')?.textContent ?? null,
          dimmed: Boolean(document.querySelector('#app [data-testid="overview"] .content.dimmed')),
        };
      };
      requestAnimationFrame(() => requestAnimationFrame(read));
    } catch (e) {
      window.__hoverAtMark = { error: e instanceof Error ? e.message : String(e) };
    }
  }).observe({ type: 'mark', buffered: true });
}

describe('the interactive mark', () => {
  it('is set when hovering a map already shows the app’s tooltip and dims the overview', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await context.addInitScript(hoverAtInteractive);
    await context.addInitScript(recordLine);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(h.server.url);
    await expect
      .poll(() => page.evaluate(() => window.__hoverAtMark ?? null), { timeout: 60_000 })
      .not.toBeNull();
    const seen = await page.evaluate(() => window.__hoverAtMark!);
    expect(seen).not.toHaveProperty('error');
    const at = seen as HoverAtMark;
    // The snapshot was shown and is gone: the pointer met the app, on the map it aimed at.
    expect(at.prerender).toBe('taken over');
    expect(at.inApp).toBe(true);
    expect(at.hitNeuron).toBe(true);
    expect(at.tooltip).toMatch(/conv_1_2.*Channel 3/s);
    expect(at.dimmed).toBe(true);
    // The snapshot's loading line moves while the snapshot loads, then stands still from the
    // moment its overview is painted (its slide, composited in software, would take a core from
    // the app's start: snapshot.ts and takeover.ts, LINE_STILL_CLASS).
    expect(await page.evaluate(() => window.__lineAt)).toEqual({
      'prerender-fit': 'running',
      'overview-drawn': 'paused',
      'app-start': 'paused',
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
