/**
 * Browser tests of a net opened from a share link (fresh weights): one page for a file's
 * tests, opened once, and the check that a file's views fit a 390-px phone.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, startHarness, type Harness } from './harness';
import { openNeuron, screenshotView } from './formulaShared';
import { clipped, PHONE, wideScrollers } from './fitsScreen';
import { encodeShareHash } from '../../src/lib/formats/shareLink';
import type { NetworkSpec } from '../../src/lib/spec/types';

export const WAIT = 120_000;

export interface ShareNet {
  h: Harness;
  page: Page;
  errors: string[];
}

/** Opens `spec` from a share link with reduced motion, once the overview draws `layer`. */
export async function openShareNet(
  h: Harness,
  spec: NetworkSpec,
  layer: string,
  viewport?: { width: number; height: number },
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openApp(h, `#${encodeShareHash(spec)}`, viewport);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.locator(`[data-testid="overview"] [data-layer="${layer}"]`).first().waitFor({ timeout: WAIT });
  return { page, errors };
}

/**
 * The page a test file shares: registers the file's beforeAll (start the server and Chromium,
 * open the net) and afterAll (close them). Read the fields inside tests, once they have run.
 */
export function useShareNet(spec: NetworkSpec, layer: string): ShareNet {
  const net = {} as ShareNet;
  beforeAll(async () => {
    net.h = await startHarness();
    Object.assign(net, await openShareNet(net.h, spec, layer));
  }, 300_000);
  afterAll(async () => {
    await net.h?.close();
  });
  return net;
}

/** A neuron to open, its view's test id, and what else to check in that view. */
export type PhoneView = readonly [string, string, ((d: Locator) => Promise<unknown>)?];

/**
 * Opens each `[neuron, view test id, check]` on a 390-px phone: nothing in the dialog sticks out or
 * scrolls sideways but a marked frame, the page is as wide as the screen; a screenshot of each
 * (`phone-formula-<layer>-<channel>`), and no page errors.
 */
export async function checkPhoneViews(
  net: ShareNet,
  spec: NetworkSpec,
  layer: string,
  views: readonly PhoneView[],
): Promise<void> {
  const { page: phone, errors } = await openShareNet(net.h, spec, layer, PHONE);
  for (const [neuron, view, check] of views) {
    const d = await openNeuron(phone, neuron);
    await d.getByTestId(view).waitFor();
    await check?.(d);
    await expect.poll(() => clipped(phone, '[data-testid="neuron-detail"]')).toEqual([]);
    expect(await wideScrollers(phone, '[data-testid="neuron-detail"]')).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
    await screenshotView(phone, `phone-formula-${neuron.replace(':', '-')}`);
    await phone.keyboard.press('Escape');
  }
  expect(errors, errors.join('\n')).toEqual([]);
  await phone.close();
}
