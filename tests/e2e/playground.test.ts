/** The hyperparameter playground in real Chromium: sliders and number fields, the size formula, sentences for bad combinations. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, SCREENSHOTS, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function openPlayground(): Promise<{ page: Page; pg: Locator; errors: string[] }> {
  const { page, errors } = await openApp(h);
  // It autoplays once on screen unless the user asked for less motion; the test steps by hand.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const pg = page.getByTestId('playground');
  await pg.scrollIntoViewIfNeeded();
  await expect.poll(() => pg.getByTestId('play').getAttribute('data-playing')).toBe('false');
  return { page, pg, errors };
}

async function set(pg: Locator, param: string, value: string): Promise<void> {
  await pg.getByTestId(`pg-${param}-number`).fill(value);
}

/** The 1280×800 viewport with the playground's top just under the sticky header. */
async function shoot(page: Page, pg: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await pg.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 64));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe('hyperparameter playground', () => {
  it('fills the size formula in and walks the kernel over the padded input', async () => {
    const { page, pg, errors } = await openPlayground();
    const formula = pg.getByTestId('size-formula');
    // Defaults 7×7, P 1, K 3, S 2: ⌊(7 − 3 + 2·1) / 2⌋ + 1 = 4.
    await expect.poll(() => formula.getAttribute('data-output')).toBe('4');
    await expect.poll(() => pg.getByTestId('pg-explanation').textContent()).toContain('4×4');
    await expect
      .poll(() => pg.getByTestId('pg-input').locator('[data-kind="pad"]').count())
      .toBe(9 * 9 - 7 * 7);
    await expect.poll(() => pg.getByTestId('pg-output').locator('g[data-row]').count()).toBe(16);

    const position = pg.getByTestId('player-position');
    // Hovering an output cell jumps there (and pauses); then two steps along the row.
    await pg.locator('[data-testid="pg-output"] [data-row="0"][data-col="0"]').hover();
    await expect.poll(() => pg.getByTestId('play').getAttribute('data-playing')).toBe('false');
    await pg.getByTestId('step-forward').click();
    await pg.getByTestId('step-forward').click();
    await expect.poll(() => position.textContent()).toMatch(/output \(0, 2\).*step 3 of 16/);
    await pg.locator('[data-testid="pg-output"] [data-row="3"][data-col="1"]').hover();
    await expect.poll(() => position.textContent()).toMatch(/output \(3, 1\)/);

    // The slider and the number field move together.
    await pg.getByTestId('pg-stride-slider').fill('1');
    await expect.poll(() => pg.getByTestId('pg-stride-number').inputValue()).toBe('1');
    await expect.poll(() => formula.getAttribute('data-output')).toBe('7');

    // With numbers: the written-out products sum to the output cell under the kernel.
    await pg.getByTestId('pg-values').check();
    await pg.locator('[data-testid="pg-output"] [data-row="2"][data-col="5"]').hover();
    const sum = await pg.getByTestId('playground-sum').getAttribute('data-value');
    await expect
      .poll(() => pg.locator('[data-testid="pg-output"] [data-row="2"][data-col="5"] text').textContent())
      .toBe(String(Number(sum)).replace('-', '−'));
    // An inner input cell is covered by K·K = 9 positions at stride 1.
    await pg.locator('[data-testid="pg-input"] [data-row="4"][data-col="4"]').hover();
    await expect
      .poll(() => pg.getByTestId('pg-hover').textContent())
      .toMatch(/input \(3, 3\) is covered by 9 kernel positions/);
    await shoot(page, pg, 'playground');
    expect(errors).toEqual([]);
  });

  it('says in a sentence which input cells the kernel never visits', async () => {
    const { page, pg } = await openPlayground();
    await set(pg, 'inputSize', '6');
    await set(pg, 'padding', '0');
    await set(pg, 'kernelSize', '3');
    await set(pg, 'stride', '2');
    await expect.poll(() => pg.getByTestId('size-formula').getAttribute('data-output')).toBe('2');
    const issue = pg.getByTestId('pg-issue');
    await expect.poll(() => issue.getAttribute('data-kind')).toBe('unvisited');
    await expect
      .poll(() => issue.textContent())
      .toMatch(/never reaches the last 1 row and column.*11 input cells never affect the output/);
    await expect.poll(() => pg.getByTestId('pg-input').locator('[data-kind="unvisited"]').count()).toBe(11);
    await shoot(page, pg, 'playground-unvisited');
  });

  it('explains an impossible kernel and refuses a bad number without losing the settings', async () => {
    const { page, pg } = await openPlayground();
    await set(pg, 'inputSize', '5');
    await set(pg, 'padding', '1');
    await set(pg, 'kernelSize', '9');
    await expect
      .poll(() => pg.getByTestId('pg-impossible').textContent())
      .toMatch(/9×9 kernel does not fit the 5×5 input even with padding 1 \(W \+ 2P = 7 < 9\)/);
    await expect.poll(() => pg.getByTestId('pg-output').count()).toBe(0);
    await shoot(page, pg, 'playground-impossible');

    await set(pg, 'kernelSize', '3');
    await expect.poll(() => pg.getByTestId('size-formula').getAttribute('data-output')).toBe('3');
    await set(pg, 'stride', '2.5');
    await expect
      .poll(() => pg.getByTestId('pg-refused').textContent())
      .toMatch(/Stride must be a whole number, not 2\.5\. The last valid settings are kept\./);
    // What was typed stays, the settings in force do not change.
    await expect.poll(() => pg.getByTestId('pg-stride-number').inputValue()).toBe('2.5');
    await expect.poll(() => pg.getByTestId('size-formula').getAttribute('data-output')).toBe('3');
    // Changing another setting clears the refusal: the stride field shows the stride in force
    // again instead of keeping an unflagged "2.5".
    await set(pg, 'padding', '0');
    await expect.poll(() => pg.getByTestId('pg-refused').count()).toBe(0);
    await expect.poll(() => pg.getByTestId('pg-stride-number').inputValue()).toBe('2');
    await set(pg, 'padding', '1');
    await set(pg, 'stride', '1');
    await expect.poll(() => pg.getByTestId('pg-refused').count()).toBe(0);
    await expect.poll(() => pg.getByTestId('size-formula').getAttribute('data-output')).toBe('5');
  });

  it('bounds the stride by the padded input it walks over, and brings it down when the input shrinks', async () => {
    const { page, pg, errors } = await openPlayground();
    await set(pg, 'inputSize', '5');
    await set(pg, 'padding', '1');
    await set(pg, 'kernelSize', '3');
    await set(pg, 'stride', '12');
    await expect
      .poll(() => pg.getByTestId('pg-refused').textContent())
      .toMatch(
        /Stride must be from 1 to 7 \(the padded input is 7 wide, so a longer stride has nowhere to go\), not 12\./,
      );
    expect(await pg.getByTestId('pg-stride-number').getAttribute('max')).toBe('7');
    await set(pg, 'stride', '7');
    await expect.poll(() => pg.getByTestId('size-formula').getAttribute('data-output')).toBe('1');
    // A smaller input: the stride follows it down, and the playground says so.
    await set(pg, 'padding', '0');
    await expect
      .poll(() => pg.getByTestId('pg-adjusted').textContent())
      .toMatch(
        /The stride 7 was wider than the 5-wide padded input; it is now 5, which gives the same single position\./,
      );
    await expect.poll(() => pg.getByTestId('pg-stride-number').inputValue()).toBe('5');
    await expect.poll(() => pg.getByTestId('size-formula').getAttribute('data-output')).toBe('1');
    await shoot(page, pg, 'playground-stride-bound');
    expect(errors).toEqual([]);
  });
});
