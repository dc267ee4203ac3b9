/**
 * What a finger can hit on a phone: every visible control's hit area, measured by hit-testing
 * (`elementFromPoint`) along the lines through its centre, so a `::before` that enlarges the
 * area counts and a neighbour lying over it does not.
 */
import type { Page } from 'playwright-core';

/** A touch phone as Chromium emulates one: `(pointer: coarse)` and `(hover: none)` match. */
export const TOUCH = { hasTouch: true, isMobile: true } as const;

/**
 * Why a control may be smaller, after WCAG 2.5.8's own exceptions: a link inside a sentence
 * ("inline": its size is the text's), and a formula frame that takes focus only so a keyboard
 * can scroll it (a finger swipes it; a tap on it does nothing).
 */
export type Exception = 'inline link' | 'scroll frame';

export interface SmallTarget {
  /** `tag.class "text"` of the control. */
  name: string;
  /** The row of the overview's output column (class name and probability) it is in, if any. */
  outputRow: boolean;
  exception: Exception | null;
  /** Its hit area through its centre, each side capped at the minimum asked for. */
  width: number;
  height: number;
}

/** Controls: what a tap activates (a label counts when it labels a control). */
const CONTROLS = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  'label',
  '[role="button"]',
  '[role="tab"]',
  '[role="radio"]',
  '[role="checkbox"]',
  '[role="link"]',
  '[role="menuitem"]',
  '[role="option"]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * The visible controls (inside `within`, a selector, when given) whose hit area is less than
 * `min` px wide or high, found by scrolling each small one into the middle of the screen (or of
 * its dialog) and testing points out from its centre. A tap on
 * a control's label (or on the control of a label) counts as a tap on the control.
 */
export function smallTargets(page: Page, min = 32, within: string | null = null): Promise<SmallTarget[]> {
  return page.evaluate(
    ([selector, min, within]) => {
      const visible = (e: Element) => {
        const box = e.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        const style = getComputedStyle(e);
        return style.visibility === 'visible' && !e.closest('[inert], [aria-hidden="true"]');
      };
      /** Whether a tap on `hit` activates `target`. */
      const activates = (hit: Element | null, target: Element) => {
        if (!hit) return false;
        if (target.contains(hit)) return true;
        const label = hit.closest('label');
        if (label && label.control === target) return true;
        if (target instanceof HTMLLabelElement && target.control?.contains(hit)) return true;
        return (
          (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) &&
          [...(target.labels ?? [])].some((l) => l.contains(hit))
        );
      };
      /** How far from the centre along (dx, dy) a tap still activates the target, up to `min`. */
      const reach = (target: Element, x: number, y: number, dx: number, dy: number) => {
        let d = 0;
        while (d < min && activates(document.elementFromPoint(x + dx * (d + 1), y + dy * (d + 1)), target))
          d++;
        return d;
      };
      /** A link with words of its sentence around it, in a paragraph or a list item. */
      const inline = (e: Element) => {
        const block = e.tagName === 'A' ? e.closest('p, li') : null;
        const own = e.textContent?.trim().length ?? 0;
        return !!block && (block.textContent?.trim().length ?? 0) > own + 10;
      };
      const scrollFrame = (e: Element) =>
        e instanceof HTMLElement &&
        e.tabIndex >= 0 &&
        !e.matches('a, button, input, select, textarea, summary, [role="button"]') &&
        e.scrollWidth > e.clientWidth;
      const small: SmallTarget[] = [];
      // `within`: an open dialog or drawer (the page behind it takes no taps then).
      const root = within ? document.querySelector(within) : document;
      if (!root) throw new Error(`no ${within} to measure`);
      for (const e of root.querySelectorAll(selector)) {
        if (e instanceof HTMLLabelElement && !e.control) continue;
        if (!visible(e)) continue;
        // An input inside the label that shows it: the label is the target (measured itself).
        if ((e instanceof HTMLInputElement || e instanceof HTMLSelectElement) && e.closest('label')) continue;
        const before = e.getBoundingClientRect();
        if (before.width >= min && before.height >= min) continue;
        e.scrollIntoView({ block: 'center', inline: 'center' });
        const box = e.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const width = Math.min(min, reach(e, x, y, -1, 0) + reach(e, x, y, 1, 0) + 1);
        const height = Math.min(min, reach(e, x, y, 0, -1) + reach(e, x, y, 0, 1) + 1);
        if (width >= min && height >= min) continue;
        const text = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\s+/g, ' ');
        const classes = [...e.classList].filter((c) => !c.startsWith('svelte-')).join('.');
        const id = e.getAttribute('data-testid');
        small.push({
          name: `${e.tagName.toLowerCase()}${classes ? '.' + classes : ''}${id ? `[${id}]` : ''} "${text.slice(0, 30)}"`,
          outputRow: !!e.closest('[data-testid="probabilities"]'),
          exception: inline(e) ? 'inline link' : scrollFrame(e) ? 'scroll frame' : null,
          width,
          height,
        });
      }
      window.scrollTo(0, 0);
      return small;
    },
    [CONTROLS, min, within] as const,
  );
}
