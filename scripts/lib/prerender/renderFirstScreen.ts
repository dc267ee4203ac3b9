/**
 * The build's prerender of the first screen (loaded through Vite's SSR by vitePrerender.ts):
 * explains the first example with the shipped TinyVGG in Node, by the app's own first-look
 * runner (the code path that draws the page's first overview), and renders with svelte/server
 * the app as it first mounts, the overview's markup for every map size the window may give it,
 * and the maps' pixels as one sprite (src/prerender/sprite.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { PNG } from 'pngjs';
import App from '../../../src/App.svelte';
import PrerenderOverview from '../../../src/prerender/PrerenderOverview.svelte';
import { ExplainerState } from '../../../src/app/state/explainerState.svelte';
import { explainerContext } from '../../../src/app/state/context';
import { PRETRAINED_URL } from '../../../src/app/net/loadPretrained';
import { buildColumns } from '../../../src/lib/overview/columns';
import { rangeLayers } from '../../../src/lib/overview/rangeLayers';
import { computeDomains } from '../../../src/lib/colour/ranges';
import { DEFAULT_LAYOUT } from '../../../src/lib/overview/layout';
import { paintSprite } from '../../../src/prerender/sprite';
import { schemeLut } from '../../../src/lib/colour/lut';
import { overviewFragment, prerenderFits } from '../../../src/prerender/fragments';
import type { SnapshotData } from '../../../src/prerender/snapshot';
import { fitKey } from '../../../src/prerender/fitKey';
import type { RawImage } from '../../../src/lib/preprocess/preprocess';
import { LOCALES, type Locale } from '../../../src/lib/i18n';
import { NARROW_QUERY } from '../../../src/app/state/sideWidth';
import { exampleFileName, exampleIndex, rememberExample } from '../../../src/app/browser/examples';
import { preprocessingOf } from '../../../src/lib/preprocess/netInput';
import { displayRgb } from '../../../src/lib/preprocess/preprocessing';
import { rawImageRgba, unitRgbRgba } from '../../../src/lib/colour/imagePixels';

const ORIGIN = 'http://prerender.invalid/';

export interface FirstScreen {
  /**
   * The body App renders before it has measured the window (the overview without maps), by
   * language, on a wide window and on a narrow one (the side panel a drawer).
   */
  shells: Record<Locale, { wide: string; narrow: string }>;
  /** The overview's markup by language, then by fitKey. */
  fragments: Record<Locale, Map<string, string>>;
  /** The maps' look-up-table indices, a grayscale PNG. */
  spritePng: Buffer;
  /** The image previews' pixels, an RGBA PNG. */
  previewsPng: Buffer;
  data: Omit<SnapshotData, 'spriteUrl' | 'previewsUrl' | 'locales'>;
  /** The first example's file name. */
  example: string;
}

/** The site's files as the app fetches them, from the source folders (models/ and static/). */
function siteFetch(o: { modelsRoot: string; staticRoot: string }): typeof fetch {
  return (input) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      ORIGIN,
    );
    const path = decodeURIComponent(url.pathname).replace(/^\//, '');
    const file = path.startsWith('models/')
      ? join(o.modelsRoot, path.slice('models/'.length))
      : join(o.staticRoot, path);
    try {
      return Promise.resolve(new Response(readFileSync(file)));
    } catch {
      return Promise.resolve(new Response('not found', { status: 404 }));
    }
  };
}

/**
 * Runs `render` as in a browser window: its language (the app's I18n picks it from
 * `navigator.languages` on a first visit) and whether it is narrow (LayoutState asks
 * `matchMedia(NARROW_QUERY)`; every other media query is answered no).
 */
function inBrowser<T>(w: { locale: Locale; narrow: boolean }, render: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const saved = ['navigator', 'matchMedia'].map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
  const fake = (key: string, value: unknown): void =>
    void Object.defineProperty(g, key, { value, configurable: true, writable: true });
  fake('navigator', { languages: [w.locale] });
  fake('matchMedia', (query: string) => ({ matches: w.narrow && query === NARROW_QUERY }));
  try {
    return render();
  } finally {
    for (const [key, descriptor] of saved)
      if (descriptor) Object.defineProperty(g, key, descriptor);
      else delete g[key];
  }
}

function grayPng(width: number, height: number, gray: Uint8Array): Buffer {
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  png.data = Buffer.from(gray.buffer, gray.byteOffset, gray.byteLength);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

/** Images stacked top to bottom in one RGBA PNG, and where each is. */
function stackImages(images: { id: string; width: number; height: number; rgba: Uint8ClampedArray }[]): {
  png: Buffer;
  rects: SnapshotData['previews'];
} {
  const width = Math.max(1, ...images.map((i) => i.width));
  const height = Math.max(
    1,
    images.reduce((h, i) => h + i.height, 0),
  );
  const png = new PNG({ width, height });
  const rects: SnapshotData['previews'] = [];
  let y = 0;
  for (const i of images) {
    for (let row = 0; row < i.height; row++)
      png.data.set(i.rgba.subarray(row * i.width * 4, (row + 1) * i.width * 4), (y + row) * width * 4);
    rects.push({ id: i.id, x: 0, y, cols: i.width, rows: i.height });
    y += i.height;
  }
  return { png: PNG.sync.write(png), rects };
}

function decodePng(bytes: Buffer): RawImage {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data), channels: 4 };
}

export async function renderFirstScreen(o: { modelsRoot: string; staticRoot: string }): Promise<FirstScreen> {
  const g = globalThis as { fetch: typeof fetch; location?: unknown };
  const saved = { fetch: g.fetch, location: g.location };
  g.fetch = siteFetch(o);
  g.location = new URL(ORIGIN);
  try {
    const explainer = new ExplainerState();
    // The example the page starts with (examples.ts firstExample), remembered as an example.
    const list = await exampleIndex();
    const example = list.find((e) => e.kind === 'drawn') ?? list[0];
    if (!example) throw new Error('prerender: static/examples/index.json lists no example');
    const name = exampleFileName(example);
    const raw = rememberExample(
      decodePng(readFileSync(join(o.staticRoot, 'examples', example.file))),
      example,
    );
    await explainer.load(new URL(PRETRAINED_URL, ORIGIN).href, Promise.resolve({ name, raw }));
    // The first look explains the image in a microtask or two after `load`.
    for (let i = 0; i < 50 && !explainer.explanation && explainer.status !== 'error'; i++)
      await new Promise((r) => setTimeout(r, 10));
    const explanation = explainer.explanation;
    if (explainer.status !== 'ready' || !explanation || !explainer.spec || !explainer.shapes)
      throw new Error(
        `prerender: the first overview could not be computed (${explainer.loadError ?? 'no explanation'})`,
      );
    const context = explainerContext(explainer);
    const columns = buildColumns(explainer.spec, explainer.shapes);
    // NetworkOverview's `base` for the pretrained net: layer details on (46), no flow lane.
    const layout = { ...DEFAULT_LAYOUT, headerHeight: 46, flowHeight: 0, expanded: new Set<string>() };
    const fits = prerenderFits(columns, layout);
    const shells = {} as FirstScreen['shells'];
    const fragments = {} as Record<Locale, Map<string, string>>;
    for (const locale of LOCALES)
      inBrowser({ locale, narrow: false }, () => {
        shells[locale] = {
          wide: render(App, { context }).body,
          narrow: inBrowser({ locale, narrow: true }, () => render(App, { context }).body),
        };
        fragments[locale] = new Map(
          fits.map((fit) => [
            fitKey(fit),
            overviewFragment(render(PrerenderOverview, { context, props: { fit } }).body),
          ]),
        );
      });
    const domains = computeDomains(rangeLayers(columns, explanation.activations), 'layer');
    const image = explainer.image;
    if (!image) throw new Error('prerender: the first image was not shown');
    // What ImagePreview shows of the model's input: the RGB its values stand for.
    const pre = preprocessingOf(explainer.spec);
    const shown = pre.ok ? displayRgb(image.input, pre.value) : image.input;
    const side = Math.round(Math.sqrt(shown.length / 3));
    const sprite = paintSprite(columns, explanation.activations, domains);
    const schemes = [...new Set(sprite.maps.map((m) => m.scheme))];
    const { expanded: _none, ...plain } = layout;
    const previews = stackImages([
      { id: '@raw', width: raw.width, height: raw.height, rgba: rawImageRgba(raw) },
      { id: '@input', width: side, height: side, rgba: unitRgbRgba(shown, side, side) },
    ]);
    return {
      shells,
      fragments,
      spritePng: grayPng(sprite.width, sprite.height, sprite.indices),
      previewsPng: previews.png,
      data: {
        columns,
        layout: plain,
        fits: fits.map(fitKey),
        maps: sprite.maps,
        previews: previews.rects,
        thumbnailsUrl: list.find((e) => e.thumbnail)?.thumbnail?.sheetUrl ?? null,
        luts: Object.fromEntries(
          schemes.map((k) => {
            const packed = schemeLut(k).packed;
            return [k, Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString('base64')];
          }),
        ),
      },
      example: name,
    };
  } finally {
    g.fetch = saved.fetch;
    g.location = saved.location;
  }
}
