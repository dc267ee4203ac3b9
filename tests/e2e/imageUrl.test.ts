/** An image from a link: typed or pasted, same-origin or refused by another server, in real Chromium. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, shot, startHarness, type Harness } from './harness';
import { imageName } from './pageReads';
import { serveStatic, type StaticServer } from '../../scripts/lib/staticServer';
import { makePng, stripes } from '../fixtures/images';

let h: Harness;
/** Another origin (another port) that sends no CORS permission, as most image hosts do not. */
let other: StaticServer;

beforeAll(async () => {
  h = await startHarness();
  const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-other-origin-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>other</title>');
  writeFileSync(join(dir, 'stripes.png'), makePng(40, 30, stripes));
  other = await serveStatic(dir);
});
afterAll(async () => {
  await other?.close();
  await h?.close();
});
afterEach(async () => {
  await Promise.all(h.browser.contexts().map((c) => c.close()));
});

async function openLink(page: Page, url: string): Promise<void> {
  await page.getByTestId('image-url').fill(url);
  await page.getByTestId('image-url').press('Enter');
}

describe('image from a link', () => {
  it('opens an image by its address, and says why a link cannot be read, keeping the image', async () => {
    const { page, errors } = await openApp(h);
    const topClass = await page.getByTestId('top-class').textContent();
    await openLink(page, `${other.url}stripes.png`);
    await expect
      .poll(() => page.getByTestId('image-error').textContent())
      .toMatch(
        /stripes\.png: the image could not be read\. The server at 127\.0\.0\.1:\d+ does not let other sites read its images .*CORS.*upload the file instead\. The current image is kept\./,
      );
    await shot(page, 'inputs-url-blocked');
    await expect.poll(() => page.getByTestId('top-class').textContent()).toBe(topClass);
    await openLink(page, `${h.server.url}examples/no-such.png`);
    await expect
      .poll(() => page.getByTestId('image-error').textContent())
      .toMatch(/no-such\.png: the server answered 404/);
    await openLink(page, 'javascript:alert(1)');
    await expect
      .poll(() => page.getByTestId('image-error').textContent())
      .toMatch(/only http:\/\/ and https:\/\/ links/);
    await openLink(page, `${h.server.url}examples/ship.png`);
    await expect.poll(() => imageName(page)).toBe('ship.png');
    await expect.poll(() => page.getByTestId('image-error').count()).toBe(0);
    await expect.poll(() => page.getByTestId('image-url').inputValue()).toBe('');
    expect(errors).toEqual([]);
  });

  it('opens a link pasted anywhere on the page', async () => {
    const { page, errors } = await openApp(h);
    const url = `${h.server.url}examples/frog.png`;
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, url);
    await expect.poll(() => imageName(page)).toBe('frog.png');
    expect(errors).toEqual([]);
  });
});
