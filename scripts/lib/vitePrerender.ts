/**
 * Prerenders the first screen into the built index.html (issue 19): the app as it first mounts,
 * rendered by svelte/server from the real components with the first example explained in Node
 * (scripts/lib/prerender/renderFirstScreen.ts), an inline script that fits the overview to the
 * window (src/prerender/snapshot.ts), the overview's markup for each map size under
 * `prerender/overview-<fit>.html` and the maps' pixels in `prerender/maps.png`. The app mounts
 * behind the snapshot and replaces it once its own overview is painted (src/main.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, createServer, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { FirstScreen } from './prerender/renderFirstScreen';
import type { SnapshotData } from '../../src/prerender/snapshot';
import { SNAPSHOT_RULES, SNAPSHOT_STYLE_ID } from '../../src/prerender/snapshotStyle';
import { LOCALES, type Locale } from '../../src/lib/i18n/define';

/** The languages whose files go in a folder of their own (English's are at the top). */
const FETCHED_LOCALES = LOCALES.filter((l) => l !== 'en');
import { firstExampleFile } from './vitePreload';

export const PRERENDER_DIR = 'prerender';

/** A language's prerendered file (`{key}` may stand in `name`). */
const fileFor = (locale: Locale, name: string): string =>
  locale === 'en' ? `${name}.html.gz` : `${locale}/${name}.html.gz`;

/** The head's tags that start the app: its module script, module preloads and file preloads. */
const APP_TAGS = /\s*(<script type="module"[^>]*><\/script>|<link rel="(?:modulepreload|preload)"[^>]*>)/g;

/** JSON that can sit inside a <script> element (no `</script>`, no `<!--`). */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

async function renderWithSsr(
  root: string,
  o: { modelsRoot: string; staticRoot: string },
): Promise<FirstScreen> {
  const server = await createServer({
    root,
    configFile: false,
    plugins: [svelte()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const mod = (await server.ssrLoadModule('/scripts/lib/prerender/renderFirstScreen.ts')) as {
      renderFirstScreen: (x: { modelsRoot: string; staticRoot: string }) => Promise<FirstScreen>;
    };
    return await mod.renderFirstScreen({
      modelsRoot: resolve(root, o.modelsRoot),
      staticRoot: resolve(root, o.staticRoot),
    });
  } finally {
    await server.close();
  }
}

/** An inline script (src/prerender/<entry>.ts), bundled and minified on its own (a few kB). */
async function bundleInlineScript(root: string, entry: string): Promise<string> {
  const out = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: resolve(root, `src/prerender/${entry}.ts`), formats: ['iife'], name: 'cnnSnapshot' },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs)
    if ('output' in o)
      for (const chunk of o.output)
        if (chunk.type === 'chunk') return chunk.code.replace(/<\/script/gi, '<\\/script');
  throw new Error(`prerender: the ${entry} script did not bundle`);
}

/** The <head> tag the page's first-screen choice (src/prerender/firstScreen.ts) goes after. */
const VIEWPORT_META = /<meta name="viewport"[^>]*>/;

export function prerenderPlugin(o: { modelsRoot: string; staticRoot: string }): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let screen: FirstScreen | null = null;
  return {
    name: 'cnn-studio-prerender',
    apply: 'build',
    configResolved(c) {
      root = c.root;
      outDir = resolve(c.root, c.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        // No example to explain (a checkout without static/examples): the page loads as before.
        if (!firstExampleFile(join(resolve(root, o.staticRoot), 'examples'))) return html;
        screen = await renderWithSsr(root, o);
        const script = await bundleInlineScript(root, 'snapshotEntry');
        // Blocking, in <head> after the viewport (which the narrow-window query reads) and before
        // the stylesheet (which an inline script would wait for): decides before #prerender is
        // parsed whether its inline first screen may be painted.
        const choose = await bundleInlineScript(root, 'firstScreenEntry');
        if (!VIEWPORT_META.test(html)) throw new Error('prerender: index.html has no viewport <meta>');
        html = html.replace(VIEWPORT_META, (meta) => `${meta}\n    <script>${choose}</script>`);
        const data: SnapshotData = {
          ...screen.data,
          locales: Object.fromEntries(
            LOCALES.map((l) => [
              l,
              {
                // English on a wide window is the first screen inline below.
                shellUrl: l === 'en' ? null : `./${PRERENDER_DIR}/${fileFor(l, 'shell')}`,
                narrowShellUrl: `./${PRERENDER_DIR}/${fileFor(l, 'shell-narrow')}`,
                fragmentUrl: `./${PRERENDER_DIR}/${fileFor(l, 'overview-{key}')}`,
              },
            ]),
          ) as SnapshotData['locales'],
          spriteUrl: `./${PRERENDER_DIR}/maps.png`,
          previewsUrl: `./${PRERENDER_DIR}/previews.png`,
        };
        // The app's scripts and preloads wait until the snapshot is painted (snapshot.ts releaseApp).
        const deferred: string[] = [];
        const head = html.slice(0, html.indexOf('</head>')).replace(APP_TAGS, (tag) => {
          deferred.push(tag.trim());
          return '';
        });
        html = head + html.slice(html.indexOf('</head>'));
        if (!deferred.some((t) => t.startsWith('<script')))
          throw new Error('prerender: no app script found in index.html');
        const snapshot =
          // Without JavaScript nothing would ever answer or draw the maps: the boot placeholder
          // stays, as it always did, instead of a page that looks alive.
          `<noscript><style>#prerender{display:none}body #boot{display:block}</style></noscript>\n` +
          // Hides the boot placeholder while the snapshot is in the page (src/prerender/snapshotStyle.ts).
          `<style id="${SNAPSHOT_STYLE_ID}">${SNAPSHOT_RULES}</style>\n` +
          // The boot placeholder's moving line, under the header: the page is not answering yet.
          `<div id="prerender">${screen.shells.en.wide}<div class="boot-line" aria-hidden="true"></div></div>\n` +
          `<template id="prerender-deferred">${deferred.join('')}</template>\n` +
          `<script type="application/json" id="prerender-data">${scriptJson(data)}</script>\n` +
          `<script>${script}</script>\n`;
        if (!html.includes('<div id="app"></div>'))
          throw new Error('prerender: index.html has no <div id="app"></div>');
        return html
          .replace('<div id="app"></div>', () => `${snapshot}<div id="app"></div>`)
          .replace(
            '</head>',
            () =>
              `<link rel="preload" href="${data.spriteUrl}" as="image">\n<link rel="preload" href="${data.previewsUrl}" as="image">\n</head>`,
          );
      },
    },
    writeBundle() {
      if (!screen) return;
      const dir = join(outDir, PRERENDER_DIR);
      mkdirSync(dir, { recursive: true });
      for (const l of FETCHED_LOCALES) mkdirSync(join(dir, l), { recursive: true });
      writeFileSync(join(dir, 'maps.png'), screen.spritePng);
      writeFileSync(join(dir, 'previews.png'), screen.previewsPng);
      // Gzipped by us (the page inflates them with DecompressionStream): ~280 fits of ~45 kB
      // markup would otherwise put megabytes on the host, whatever it compresses on the wire.
      const write = (locale: Locale, name: string, markup: string): void =>
        writeFileSync(join(dir, fileFor(locale, name)), gzipSync(markup, { level: 9 }));
      for (const l of LOCALES) {
        if (l !== 'en') write(l, 'shell', screen.shells[l].wide);
        write(l, 'shell-narrow', screen.shells[l].narrow);
        for (const [key, markup] of screen.fragments[l]) write(l, `overview-${key}`, markup);
      }
    },
  };
}
