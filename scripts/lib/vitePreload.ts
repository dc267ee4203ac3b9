/**
 * Adds `<link rel="preload">` tags for what the first overview needs (the pretrained model's
 * files, the example list and first example), so they download while the scripts are parsed.
 * The engine's WebAssembly binary is not among them: the first overview is drawn without it,
 * and its 135 kB (gzip) would double what the first overview costs to download. The tags are added after Vite has processed the page's own
 * links: a preload written into index.html by hand is taken for a module asset, copied under
 * a hashed name and never used by the app, which fetches the real paths.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** Where the app loads its first model from (ExplainerState's PRETRAINED_URL), relative to the site. */
export const PRETRAINED_DIR = 'models/tinyvgg-cifar10/';
export const EXAMPLES_DIR = 'examples/';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** The model's own files, in the order the app asks for them: model.json, its shards, meta.json. */
export function modelFiles(modelDir: string): string[] {
  const model = readJson(join(modelDir, 'model.json')) as { weightsManifest?: { paths?: unknown }[] } | null;
  if (!model) return [];
  const shards = (model.weightsManifest ?? []).flatMap((g) =>
    Array.isArray(g.paths) ? g.paths.filter((p): p is string => typeof p === 'string') : [],
  );
  return ['model.json', ...shards, ...(existsSync(join(modelDir, 'meta.json')) ? ['meta.json'] : [])];
}

/** The first example's file name, as the example strip lists it; null when there is none. */
export function firstExampleFile(examplesDir: string): string | null {
  const index = readJson(join(examplesDir, 'index.json')) as { examples?: { file?: unknown }[] } | null;
  const file = index?.examples?.[0]?.file;
  return typeof file === 'string' && /^[\w.-]+$/.test(file) ? file : null;
}

export function preloadTags(o: { modelsRoot: string; staticRoot: string }): HtmlTagDescriptor[] {
  const hrefs = modelFiles(join(o.modelsRoot, PRETRAINED_DIR.replace(/^models\//, ''))).map(
    (f) => `./${PRETRAINED_DIR}${f}`,
  );
  if (existsSync(join(o.staticRoot, EXAMPLES_DIR, 'index.json'))) {
    hrefs.push(`./${EXAMPLES_DIR}index.json`);
    const first = firstExampleFile(join(o.staticRoot, EXAMPLES_DIR));
    if (first) hrefs.push(`./${EXAMPLES_DIR}${first}`);
  }
  return hrefs.map((href) => ({
    tag: 'link',
    // `crossorigin` so the app's own fetch() (a CORS-mode request) can use the preloaded response.
    attrs: { rel: 'preload', href, as: 'fetch', crossorigin: 'anonymous' },
    injectTo: 'head',
  }));
}

export function preloadPlugin(o: { modelsRoot: string; staticRoot: string }): Plugin {
  return {
    name: 'cnn-studio-preload',
    transformIndexHtml: {
      order: 'post',
      handler: () => preloadTags(o),
    },
  };
}
