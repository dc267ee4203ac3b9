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
