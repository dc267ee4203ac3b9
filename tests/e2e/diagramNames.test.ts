/**
 * A net from a share link with names XML cannot hold (NUL, a lone surrogate) still exports
 * a diagram that is well-formed XML, with the markup-like parts of the names kept as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startHarness, type Harness } from './harness';
import { node } from './editorHelpers';
import { encodeShareHash } from '../../src/lib/formats/shareLink';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('diagram export with hostile names', () => {
  it('writes well-formed SVG for a net named with NUL and a layer id with a lone surrogate', async () => {
    const spec = tinyVggSpec();
    const odd = 'c\u0000</title><script>x</script>\ud800';
    const renamed = {
      name: 'net\u0000]]><!--',
      layers: spec.layers.map((l) => ({
        ...l,
        id: l.id === 'conv_1_1' ? odd : l.id,
        inputs: l.inputs.map((i) => (i === 'conv_1_1' ? odd : i)),
      })),
    };
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await page.goto(`${h.server.url}#${encodeShareHash(renamed)}`);
    await node(page, 'conv_1_2').waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('export')
        .click()
        .then(() => page.getByTestId('export-svg').click()),
    ]);
    const svg = readFileSync((await download.path()) as string, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        title: doc.querySelector('title')?.textContent ?? null,
        scripts: doc.querySelectorAll('script').length,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.title).toBe('net\ufffd]]><!--');
    expect(parsed.scripts).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(svg).not.toMatch(/[\u0000\ud800-\udfff]/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
