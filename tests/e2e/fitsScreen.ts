/** Whether a part of the page fits a phone's width (390 px): nothing sticks out, nothing but marked frames scrolls sideways. */
import type { Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };

/**
 * Elements of `selector` that stick out of the screen sideways, other than those inside a
 * frame that scrolls or clips them (a wide map or formula scrolls inside its own frame).
 */
export function clipped(page: Page, selector: string, screenWidth = PHONE.width): Promise<string[]> {
  return page.evaluate(
    ([sel, width]) =>
      [...document.querySelectorAll(`${sel} *`)]
        .filter((e) => {
          const box = e.getBoundingClientRect();
          if (box.width === 0 || (box.right <= width + 1 && box.left >= -1)) return false;
          for (let a = e.parentElement; a; a = a.parentElement) {
            if (a.matches(sel)) break;
            if (getComputedStyle(a).overflowX !== 'visible') return false;
          }
          return true;
        })
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`,
        ),
    [selector, screenWidth] as const,
  );
}

/**
 * Frames inside `selector` as wide as (most of) the screen that scroll sideways: the dialog's
 * or drawer's own body must not; only a frame made to scroll (`data-scrolls`, around a wide
 * formula or table) may.
 */
export function wideScrollers(page: Page, selector: string, screenWidth = PHONE.width): Promise<string[]> {
  return page.evaluate(
    ([sel, width]) =>
      [document.querySelector(sel), ...document.querySelectorAll(`${sel} *`)]
        .filter(
          (e): e is Element =>
            !!e &&
            !e.hasAttribute('data-scrolls') &&
            e.clientWidth > width * 0.6 &&
            e.scrollWidth > e.clientWidth + 1,
        )
        .map(
          (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${e.scrollWidth}>${e.clientWidth}`,
        ),
    [selector, screenWidth] as const,
  );
}
