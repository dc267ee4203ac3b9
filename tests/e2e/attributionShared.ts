/** What the "Why?" browser tests share: opening the panel, reading its numbers and the pixels it drew. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import '../../src/app/browser/debugHookTypes';
import type { AttributionSnapshot } from '../../src/app/browser/debugHookTypes';
import { overlayPixels } from '../../src/lib/attribution/overlay';
import type { AttributionMethod } from '../../src/lib/attribution/types';

/** Waits for the panel to have finished a result of `kind` (and optionally more) and returns it. */
export async function settled(
  page: Page,
  kind: AttributionSnapshot['kind'],
  accept: (r: AttributionSnapshot) => boolean = () => true,
): Promise<AttributionSnapshot> {
  let last: AttributionSnapshot | null = null;
  await expect
    .poll(
      async () => {
        last = await page.evaluate(() => {
          const hook = window.__cnnStudio?.attribution;
          return hook && !hook.state().running ? hook.result() : null;
        });
        return last !== null && last.kind === kind && accept(last);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return last!;
}

/** Clicks the label of a visually hidden radio button (as a user would), given the radio's test id. */
export async function pick(page: Page, testid: string): Promise<void> {
  await page.locator('label', { has: page.getByTestId(testid) }).click();
  await expect.poll(() => page.getByTestId(testid).isChecked()).toBe(true);
}

export function chooseMethod(page: Page, method: AttributionMethod): Promise<void> {
  return pick(page, `method-${method}`);
}

/** The RGBA bytes of a canvas, at its own resolution. */
export function canvasPixels(page: Page, testid: string): Promise<number[]> {
  return page
    .getByTestId(testid)
    .evaluate((c: HTMLCanvasElement) =>
      Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data),
    );
}

/** The overlay the engine's numbers call for, computed here in Node from the hook's snapshot. */
export function expectedOverlay(r: AttributionSnapshot): number[] {
  const heat = r.heat!;
  const channels = r.input.length / (heat.width * heat.height);
  return Array.from(
    overlayPixels({
      image: Float32Array.from(r.input),
      channels,
      width: heat.width,
      height: heat.height,
      map: Float32Array.from(heat.map),
      range: heat.range,
    }),
  );
}

/** The drawn overlay equals the one computed from the engine's numbers (±1 for the canvas round trip). */
export async function expectOverlayDrawn(page: Page, r: AttributionSnapshot): Promise<void> {
  const drawn = await canvasPixels(page, 'attribution-overlay');
  const expected = expectedOverlay(r);
  expect(drawn.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < drawn.length; i++) worst = Math.max(worst, Math.abs(drawn[i]! - expected[i]!));
  expect(worst).toBeLessThanOrEqual(1);
}
