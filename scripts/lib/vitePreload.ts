/**
 * Adds `<link rel="preload">` tags for what the first overview needs (the pretrained model's
 * files, the example list and first example) and, at low priority, for the engine's
 * WebAssembly binary, so they download while the scripts are parsed. The tags are added after Vite has processed the page's own
 * links: a preload written into index.html by hand is taken for a module asset, copied under
 * a hashed name and never used by the app, which fetches the real paths.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** Where the app loads its first model from (ExplainerState's PRETRAINED_URL), relative to the site. */
export const PRETRAINED_DIR = 'models/tinyvgg-cifar10/';
export const EXAMPLES_DIR = 'examples/';
/** The binary the wasm backend picks in every browser with WebAssembly SIMD (all current ones). */
const WASM_SIMD = /tfjs-backend-wasm-simd-[\w-]+\.wasm$/;

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

export function preloadTags(o: {
  modelsRoot: string;
  staticRoot: string;
  wasmFile: string | null;
}): HtmlTagDescriptor[] {
  const hrefs = modelFiles(join(o.modelsRoot, PRETRAINED_DIR.replace(/^models\//, ''))).map(
    (f) => `./${PRETRAINED_DIR}${f}`,
  );
  if (existsSync(join(o.staticRoot, EXAMPLES_DIR, 'index.json'))) {
    hrefs.push(`./${EXAMPLES_DIR}index.json`);
    const first = firstExampleFile(join(o.staticRoot, EXAMPLES_DIR));
    if (first) hrefs.push(`./${EXAMPLES_DIR}${first}`);
  }
  if (o.wasmFile) hrefs.push(`./${o.wasmFile}`);
  return hrefs.map((href) => ({
    tag: 'link',
    // `crossorigin` so the app's own fetch() (a CORS-mode request) can use the preloaded response.
    // The engine's binary is needed only after the first overview (which is drawn without it):
    // on a slow connection it must not hold up the model and the first example.
    attrs: {
      rel: 'preload',
      href,
      as: 'fetch',
      crossorigin: 'anonymous',
      ...(href.endsWith('.wasm') ? { fetchpriority: 'low' } : {}),
    },
    injectTo: 'head',
  }));
}

export function preloadPlugin(o: { modelsRoot: string; staticRoot: string }): Plugin {
  return {
    name: 'cnn-studio-preload',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const wasm = Object.keys(ctx.bundle ?? {}).find((f) => WASM_SIMD.test(f)) ?? null;
        return preloadTags({ ...o, wasmFile: wasm });
      },
    },
  };
}
