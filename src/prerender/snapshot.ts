/**
 * The page's first script, inlined into index.html by the build (scripts/lib/vitePrerender.ts)
 * right after the prerendered first screen (#prerender). Before the app's code has arrived it
 * decides whether the snapshot is what the app will show, and if so fits the overview to the
 * window as NetworkOverview will (the same fitOverview and layoutOverview), puts in the
 * overview's markup prerendered for that fit and paints the maps from the build's sprite the
 * way MapPainter paints them. The page holds the first screen in English on a wide window; in
 * Chinese or on a narrow window (a phone: the side panel a drawer) that one is swapped in,
 * the English one hidden from before it was parsed (firstScreen.ts, a script in <head>, whose
 * choice of language and width this script follows). Anything it cannot show exactly (a share
 * link, no choice from that script, a fit without prerendered markup, a failed download) removes
 * the snapshot, and the page loads as it did before (the boot placeholder, then the app).
 */
import type { OverviewColumn } from '../lib/overview/columns';
import { layoutOverview, type LayoutOptions } from '../lib/overview/layout';
import { fitOverview } from '../views/overview/fitBox';
import type { Locale } from '../lib/i18n/define';
import { defaultSideWidth, fitHeight, SIDE_STORAGE_KEY } from '../app/state/sideWidth';
import { CHOICE_ATTRIBUTE, readChoice, stored } from './firstScreen';
import type { SpriteMap } from './sprite';
import { LINE_STILL_CLASS, removeSnapshotStyle, SWAP_ATTRIBUTE } from './snapshotStyle';
import { decodeLut, imageSheet, paintColumn, paintPreviews, type PreviewRect } from './snapshotPaint';
import { fitKey } from './fitKey';
import { thumbnailSheetCss } from '../lib/data/exampleIndex';

export interface SnapshotData {
  columns: OverviewColumn[];
  /** NetworkOverview's layout options before fitting (its `base`), without `expanded` (none is). */
  layout: Omit<LayoutOptions, 'expanded'>;
  /** The fits whose overview markup the build wrote, by fitKey. */
  fits: string[];
  spriteUrl: string;
  maps: SpriteMap[];
  previewsUrl: string;
  previews: PreviewRect[];
  /** The example thumbnails' sheet, shown once the overview is drawn; null without one. */
  thumbnailsUrl: string | null;
  /** The schemes' look-up tables, base64 of their packed pixels. */
  luts: Record<string, string>;
  /**
   * Each language's first screen: the shell (#prerender's content; null for the one already in
   * the page, English on a wide window), the shell on a narrow window, and the overview's markup
   * for a fit (`{key}` replaced by its fitKey).
   */
  locales: Record<Locale, { shellUrl: string | null; narrowShellUrl: string; fragmentUrl: string }>;
}

/** A gzipped file's text (the build gzips the fragments itself, see vitePrerender.ts). */
async function fetchGzipText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  return new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).text();
}

/** Resolves after the next frame is painted (as debugHook's afterNextPaint). */
const afterPaint = (): Promise<void> =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    }),
  );

/** Shows the snapshot's overview; resolves to why not, or null once it is painted. */
export async function showSnapshot(root: HTMLElement, data: SnapshotData): Promise<string | null> {
  // The choice the <head> script made (firstScreen.ts) before #prerender was parsed; without
  // one (that script failed) the English first screen may not be this reader's: none is shown.
  const html = document.documentElement;
  const choice = readChoice(html.getAttribute(CHOICE_ATTRIBUTE));
  if (!choice) return 'no first-screen choice';
  const { skip, locale, narrow } = choice;
  if (skip) return skip;
  const files = data.locales[locale];
  if (!files) return 'language';
  const shellUrl = narrow ? files.narrowShellUrl : files.shellUrl;
  if (shellUrl) {
    // The page's first screen (English, wide) was hidden before it was parsed (the <head>
    // script's SWAP_ATTRIBUTE); this language's or this width's comes in its place (a few kB),
    // with the boot line kept.
    const shell = await fetchGzipText(shellUrl);
    if (!root.isConnected) return 'taken over';
    const line = root.querySelector('.boot-line');
    root.innerHTML = shell;
    if (line) root.append(line);
    html.lang = locale;
    html.removeAttribute(SWAP_ATTRIBUTE);
  }
  // The side panel's width as LayoutState sets it (the prerender assumed a 400 px one).
  const saved = Number(stored(SIDE_STORAGE_KEY));
  const side = Number.isFinite(saved) && saved > 0 ? saved : defaultSideWidth(window.innerWidth);
  root.querySelector<HTMLElement>('.workspace')?.style.setProperty('--side-width', `${side}px`);
  const scroller = root.querySelector<HTMLElement>('[data-testid="overview"]');
  const content = scroller?.querySelector<HTMLElement>('.content');
  if (!scroller || !content) return 'no overview';
  const base: LayoutOptions = { ...data.layout, expanded: new Set() };
  const fit = fitOverview(
    data.columns,
    {
      width: scroller.clientWidth,
      top: scroller.getBoundingClientRect().top + window.scrollY,
      viewportHeight: fitHeight(window.innerHeight, narrow),
    },
    base,
  );
  const key = fitKey(fit);
  if (!data.fits.includes(key)) return `fit ${key}`;
  // The app's overview starts at this fit instead of measuring the page as it mounts
  // (prerenderFit.ts snapshotFit), and the page has the header's height the app's Header sets
  // (read while the page is laid out): its first frame then changes neither.
  root.dataset.fit = JSON.stringify(fit);
  const header = root.querySelector('header');
  if (header) document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`);
  const layout = layoutOverview(data.columns, { ...base, ...fit });
  // Stages for the bench's breakdown: the script has run, then its files have come.
  performance.mark('prerender-fit');
  const [markup, sheet, previews] = await Promise.all([
    fetchGzipText(files.fragmentUrl.replace('{key}', key)),
    imageSheet(data.spriteUrl),
    imageSheet(data.previewsUrl),
  ]);
  performance.mark('prerender-fetched');
  // The app may have taken over while this downloaded.
  if (!root.isConnected) return 'taken over';
  content.style.width = `${layout.width}px`;
  content.style.height = `${layout.height}px`;
  content.innerHTML = markup;
  const maps = new Map(data.maps.map((m) => [`${m.layerId}/${m.channel}`, m]));
  const luts = new Map(Object.entries(data.luts).map(([k, v]) => [k, decodeLut(v)]));
  // The whole sprite read back once: a read per map would stall the page on each.
  const w = sheet.canvas.width;
  const pixels = { data: sheet.getImageData(0, 0, w, sheet.canvas.height).data, width: w };
  for (const col of layout.columns) {
    const canvas = content.querySelector<HTMLCanvasElement>(
      `canvas[data-layer="${CSS.escape(col.column.id)}"]`,
    );
    if (canvas) paintColumn(canvas, col, maps, luts, pixels);
  }
  paintPreviews(root, data.previews, previews);
  performance.mark('prerender-painted');
  // The fade NetworkOverview's onscroll gives an overview wider than its frame.
  scroller.classList.toggle('fade-right', scroller.scrollWidth > scroller.clientWidth + 2);
  await afterPaint();
  // Or while it was being painted: under load the app's release timer can win the race.
  return root.isConnected ? null : 'taken over';
}

/**
 * Starts the app: its scripts and preloads wait in a template (vitePrerender.ts) so that they
 * neither share the network with the snapshot's files nor hold the main thread while it is
 * being painted. Called once, when the snapshot is painted or given up.
 */
export function releaseApp(): void {
  const deferred = document.getElementById('prerender-deferred');
  if (!(deferred instanceof HTMLTemplateElement)) return;
  deferred.remove();
  for (const el of Array.from(deferred.content.children)) {
    // A new element: a <script> cloned from a template would never run.
    const copy = document.createElement(el.tagName.toLowerCase());
    for (const a of Array.from(el.attributes)) copy.setAttribute(a.name, a.value);
    document.head.append(copy);
  }
}

/** However the snapshot fares, the app starts at the latest this long after the page's first script. */
const RELEASE_AFTER_MS = 1500;

/** Runs where index.html inlines it: `#prerender` and its data are just above. */
export function bootSnapshot(): void {
  const html = document.documentElement;
  const timer = setTimeout(releaseApp, RELEASE_AFTER_MS);
  const release = (): void => {
    clearTimeout(timer);
    releaseApp();
  };
  const root = document.getElementById('prerender');
  const drop = (why: string): void => {
    html.dataset.prerender = `skipped: ${why}`;
    root?.remove();
    removeSnapshotStyle();
    document.getElementById('app')?.classList.remove('behind-snapshot');
    release();
  };
  try {
    const json = document.getElementById('prerender-data')?.textContent;
    if (!root || !json) return drop('no snapshot');
    html.dataset.prerender = 'pending';
    const data = JSON.parse(json) as SnapshotData;
    showSnapshot(root, data).then(
      (why) => {
        // Never 'shown' over 'taken over': the app may have replaced the snapshot meanwhile.
        if (why === 'taken over' || html.dataset.prerender !== 'pending') return release();
        if (why) return drop(why);
        html.dataset.prerender = 'shown';
        // The loading line stands still from here: the overview is on screen, and its slide,
        // drawn in software on a machine without a GPU, takes from the other core the time
        // the app's scripts need to download and compile (~25 ms of the wait to interactive).
        root.classList.add(LINE_STILL_CLASS);
        performance.mark('overview-drawn', { detail: 'prerendered' });
        release();
        // The example strip's thumbnails, after the app's files: on the snapshot's strip and on
        // the app's root, whose strip inherits it once it takes over (ExampleStrip.svelte). Not
        // on <html>: a custom property there restyles the whole page, in the gap where the
        // app's scripts start.
        if (data.thumbnailsUrl) {
          const sheet = thumbnailSheetCss(data.thumbnailsUrl, document.baseURI);
          const holders = [...root.querySelectorAll<HTMLElement>('[data-testid="examples"]')];
          for (const el of [...holders, document.getElementById('app')])
            el?.style.setProperty('--example-thumbnails', sheet);
        }
      },
      (e: unknown) => drop(`failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  } catch (e) {
    drop(`failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
