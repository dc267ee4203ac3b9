/**
 * The built site as a plain static site: served from a sub-folder of an ordinary static
 * server, with every request that leaves 127.0.0.1 blocked and recorded. Nothing may need the network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';
import { serveStatic, type StaticServer } from '../../scripts/lib/staticServer';
import { makePng, stripes } from '../fixtures/images';
import { viewShot, waitReady } from './shellShared';

const root = mkdtempSync(join(tmpdir(), 'cnn-studio-host-'));
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // The site lives at /some/folder/, as on a shared static host, not at the server's root.
  mkdirSync(join(root, 'some'));
  symlinkSync(resolve('dist'), join(root, 'some', 'folder'));
  writeFileSync(join(root, 'index.html'), '<p>another site</p>');
  server = await serveStatic(root);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('offline static build', () => {
  it('loads, classifies and shows the article with nothing but its own files', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    const outside: string[] = [];
    const requested: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).hostname !== '127.0.0.1') {
        outside.push(url);
        await route.abort('internetdisconnected');
      } else {
        requested.push(url);
        await route.continue();
      }
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const site = `${server.url}some/folder/`;
    await page.goto(site);
    await waitReady(page);
    const file = join(root, 'stripes.png');
    writeFileSync(file, makePng(48, 48, stripes));
    await page.getByTestId('image-file').setInputFiles(file);
    await page.getByTestId('top-class').waitFor();
    await page.locator('#learn-activations svg path').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await viewShot(page, 'offline-subfolder');
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    // Everything came from the site's own folder: relative paths, no absolute /assets.
    expect(requested.filter((u) => !u.startsWith(site))).toEqual([]);
    expect(requested.some((u) => u.includes('/models/') && u.endsWith('.bin'))).toBe(true);
    expect(requested.some((u) => u.endsWith('.wasm'))).toBe(true);
    await context.close();
  });

  it('preloads the model and the first example (not the engine), and uses every preload', async () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const preloads = [...html.matchAll(/<link rel="(?:preload|modulepreload)"[^>]*href="\.\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    for (const wanted of [
      /^models\/tinyvgg-cifar10\/model\.json$/,
      /^models\/tinyvgg-cifar10\/weights\.bin$/,
      /^models\/tinyvgg-cifar10\/meta\.json$/,
      /^examples\/index\.json$/,
      /^examples\/\w+\.png$/,
    ])
      expect(
        preloads.filter((p) => wanted.test(p)),
        String(wanted),
      ).toHaveLength(1);
    // The engine's binary (135 kB gzip) comes after the first overview, which is drawn without it.
    expect(preloads.filter((p) => p.endsWith('.wasm'))).toEqual([]);
    // A hand-written preload in index.html is copied by Vite under a hashed name the app never asks for.
    expect(preloads.filter((p) => /^assets\/(model|weights|meta)-/.test(p))).toEqual([]);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const requests = new Map<string, number>();
    // The page's own requests (a CDP session on the page does not see its workers', and the
    // training worker loads its own copy of some files), but not <img>s: the example strip's
    // thumbnails are requests of their own, which a fetch preload cannot serve.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (e) => {
      // The prerendered first screen's sprites are images preloaded as such: they count.
      if (e.type !== 'Image' || e.request.url.includes('/prerender/'))
        requests.set(e.request.url, (requests.get(e.request.url) ?? 0) + 1);
    });
    const site = `${server.url}some/folder/`;
    await page.goto(site);
    await waitReady(page);
    // Chromium warns about a preload nobody used a few seconds after the load event.
    await page.waitForTimeout(4000);
    expect(warnings.filter((w) => w.includes('preload'))).toEqual([]);
    // A preload the app's own request cannot reuse (another URL, another credentials mode) is fetched twice.
    for (const p of preloads) expect(requests.get(`${site}${p}`), p).toBe(1);
    await page.close();
  });

  it('fetches no engine binary or thumbnail before the first overview, nor the training worker before the learner nears it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requested: { url: string; at: number }[] = [];
    page.on('request', (r) => requested.push({ url: r.url(), at: Date.now() }));
    const start = Date.now();
    await page.goto(`${server.url}some/folder/`);
    await waitReady(page);
    const drawnAt =
      start + (await page.evaluate(() => performance.getEntriesByName('overview-drawn')[0]!.startTime));
    // Scripts and styles that start before the mark are only what index.html names (the first
    // script and the chunks it preloads): no panel's chunk and no deferred message catalogue
    // races the first overview (the bench counts whatever starts before it as its cost).
    const named = new Set(
      [...readFileSync('dist/index.html', 'utf8').matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map(
        (m) => m[1],
      ),
    );
    const early = await page.evaluate(() => {
      const drawn = performance.getEntriesByName('overview-drawn')[0]!.startTime;
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < drawn && /\/assets\/.+\.(js|css)$/.test(e.name))
        .map((e) => new URL(e.name).pathname.replace(/^.*\/(assets\/)/, '$1'));
    });
    expect(early.length).toBeGreaterThan(0);
    expect(early.filter((f) => !named.has(f))).toEqual([]);
    // The engine arrives after the overview (the page is ready only once it has).
    const wasm = requested.filter((r) => r.url.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    for (const r of wasm) expect(r.at).toBeGreaterThanOrEqual(drawnAt);
    // So do the example thumbnails, one sheet for all twenty; of the pictures themselves only the
    // first is fetched (preloaded: the overview needs it).
    const sheet = requested.filter((r) => /\/examples\/thumbnails\.jpg$/.test(r.url));
    expect(sheet).toHaveLength(1);
    expect(sheet[0]!.at).toBeGreaterThanOrEqual(drawnAt);
    const pictures = requested.filter((r) => /\/examples\/[\w-]+\.png$/.test(r.url));
    expect(pictures.map((r) => r.url.replace(/.*\//, ''))).toEqual(['airplane.png']);
    const worker = () => requested.filter((r) => /trainingWorker-[\w-]+\.js$/.test(r.url)).length;
    await page.waitForTimeout(1500);
    expect(worker()).toBe(0);
    // Scrolled to the training section, the worker starts so that Start responds at once.
    await page.getByTestId('training-panel').scrollIntoViewIfNeeded();
    await expect.poll(worker).toBe(1);
    await page.close();
  });

  it('references no other host from its HTML and CSS, and bundles any font it uses', () => {
    const built = files('dist').filter((f) => ['.html', '.css'].includes(extname(f)));
    expect(built.length).toBeGreaterThanOrEqual(2);
    for (const f of built) {
      const text = readFileSync(f, 'utf8');
      // Links and loads only: xmlns namespace names are identifiers, never fetched.
      expect(
        text.match(
          /(?:src|href)=["']?(?:https?:)?\/\/[^"'\s>]+|url\(\s*["']?(?:https?:)?\/\/[^)]+\)|@import\s+["']?(?:https?:)?\/\//g,
        ) ?? [],
        f,
      ).toEqual([]);
      for (const m of text.matchAll(/@font-face\s*{[^}]*}/g))
        expect(m[0], f).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
    }
    const html = readFileSync('dist/index.html', 'utf8');
    // In-page anchors (the prerendered skip links) are no fetch.
    for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g))
      expect(m[1], 'index.html').toMatch(/^(\.\/|data:|#[\w-]+$)/);
    // The bundles carry no licence comments, so the bundled packages' licences ship beside them.
    const licences = readFileSync('dist/third-party-licenses.md', 'utf8');
    for (const pkg of [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-layers',
      '@tensorflow/tfjs-backend-wasm',
      'svelte',
      'd3-scale',
    ])
      expect(licences, pkg).toContain(`## ${pkg} - `);
  });
});
