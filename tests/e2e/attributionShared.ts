/** What the "Why?" browser tests share: opening the panel, reading its numbers and the pixels it drew. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations inside the "Why?" panel (and the overview's marks). */
export async function auditPanel(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<Result> } }).axe;
    const include = [['[data-testid="attribution"]'], ['[data-testid="overview"]']];
    const { violations } = await axe.run({ include }, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id} at ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      );
  });
}

/** The RGBA bytes a canvas drew (found by its own test id, or the one inside it), at its own size. */
export function canvasBytes(page: Page, testid: string): Promise<number[]> {
  return page.getByTestId(testid).evaluate((el) => {
    const c = el instanceof HTMLCanvasElement ? el : el.querySelector('canvas')!;
    return Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
  });
}

/** The largest difference of two pictures' bytes (Infinity when their sizes differ). */
export const worstDiff = (a: number[], b: number[]): number =>
  a.length === b.length ? Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) : Infinity;

/** True when a picture's red channel takes many values: a picture, not black or one grey. */
export const isPicture = (bytes: number[]): boolean => new Set(bytes.filter((_, i) => i % 4 === 0)).size > 20;
