/** What the browser tests read off the page: the prediction and the image being explained. */
import type { Page } from 'playwright-core';

/** The output column's probabilities, class by class. */
export const probabilities = (page: Page): Promise<number[]> =>
  page
    .getByTestId('probabilities')
    .locator('li')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-probability'))));

/** The output column's class names, as its rows label them. */
export const classNames = (page: Page): Promise<string[]> =>
  page
    .getByTestId('probabilities')
    .locator('button')
    // The name cell, not the aria-label: a class name may hold spaces ("class 3", "kit fox").
    .evaluateAll((els) => els.map((e) => e.querySelector('.name')?.textContent?.trim() ?? ''));

/** The name of the image the model input shows (its canvas' label). */
export const imageName = (page: Page): Promise<string | null> =>
  page
    .locator('[data-testid="model-input"]')
    .locator('..')
    .locator('canvas')
    .first()
    .getAttribute('aria-label');

/**
 * Every part of the overview's columns (headers, maps, canvases, "+N more", output rows) that
 * reaches outside its column's box, which clips it (ColumnBox's paint containment): none
 * should. Each entry names the layer and the part.
 */
export const partsOutsideColumnBoxes = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const outside: string[] = [];
    const boxes = document.querySelectorAll<HTMLElement>('[data-testid="column-box"]');
    for (const box of boxes) {
      const b = box.getBoundingClientRect();
      for (const part of box.querySelectorAll<HTMLElement>('.origin > *, .origin li, .origin button')) {
        const r = part.getBoundingClientRect();
        // An empty positioning box (the output column's list) paints nothing of its own.
        if (r.width === 0 || r.height === 0) continue;
        if (
          r.left < b.left - 0.5 ||
          r.right > b.right + 0.5 ||
          r.top < b.top - 0.5 ||
          r.bottom > b.bottom + 0.5
        )
          outside.push(`${box.dataset.layer}: ${part.dataset.testid ?? part.tagName.toLowerCase()}`);
      }
    }
    if (boxes.length === 0) outside.push('no column boxes');
    return outside;
  });
