/**
 * Which overview fits the build prerenders, and how a fragment is cut from the overview's
 * server-rendered markup. Pure: no DOM.
 */
import type { OverviewColumn } from '../lib/overview/columns';
import type { LayoutOptions } from '../lib/overview/layout';
import {
  COMPACT_OUTPUT_WIDTH,
  fitOverview,
  MAX_BOX,
  MIN_BOX,
  MIN_COMPACT_PITCH,
  MIN_TIGHT_PITCH,
  TIGHT_OUTPUT_WIDTH,
  type OverviewFit,
} from '../views/overview/fitBox';
import { fitKey } from './fitKey';

/**
 * Compact pitches prerendered: the narrowest ones, which laptops (1024–1440 px windows) give,
 * and every tight one (tablets; a tight fit's maps grow with the height, up to its pitch less
 * the tight gap: about 190 fits of TinyVGG's 500, ~0.6 kB more gzipped keys in index.html).
 */
export const COMPACT_PITCHES = 12;

/**
 * The fits the build prerenders: every one a window wide enough for the natural layout gives
 * (fitBox picks the map size from the window's height, MIN_BOX to MAX_BOX), and the compact
 * ones of the narrowest COMPACT_PITCHES column pitches at every height, the tight ones too.
 * Made by fitOverview itself, for frames of the widths and heights that give them, so they are
 * the fits the page will compute; deduplicated by fitKey.
 */
export function prerenderFits(columns: readonly OverviewColumn[], o: LayoutOptions): OverviewFit[] {
  const fits = new Map<string, OverviewFit>();
  const others = columns.filter((c) => c.kind !== 'output').length;
  const outputs = columns.length - others;
  for (let box = MIN_BOX; box <= MAX_BOX; box++) {
    // The window height that makes fitBox choose `box`, with the overview at the window's top.
    const viewportHeight = heightFor(columns, box, o);
    const wide = fitOverview(columns, { width: 1e6, top: 0, viewportHeight }, o);
    fits.set(fitKey(wide), wide);
    const narrowest = 2 * o.padding + others * MIN_TIGHT_PITCH + outputs * TIGHT_OUTPUT_WIDTH;
    const widest =
      2 * o.padding +
      others * (MIN_COMPACT_PITCH + COMPACT_PITCHES) +
      outputs * (COMPACT_OUTPUT_WIDTH + o.columnGap);
    for (let width = narrowest; width <= widest; width++) {
      const fit = fitOverview(columns, { width, top: 0, viewportHeight }, o);
      if (fit.compact && fit.minSlot + fit.columnGap < MIN_COMPACT_PITCH + COMPACT_PITCHES)
        fits.set(fitKey(fit), fit);
    }
  }
  return [...fits.values()];
}

/** The smallest window height at which fitBox gives `box` (its inverse). */
function heightFor(columns: readonly OverviewColumn[], box: number, o: LayoutOptions): number {
  let h = 200;
  while (fitOverview(columns, { width: 1e6, top: 0, viewportHeight: h }, o).box < box && h < 10_000) h++;
  return h;
}

const CONTENT = '<div class="content';

/**
 * The inside of the overview's `.content` element in NetworkOverview's server-rendered body
 * (its maps, headers, output and legends): what the snapshot puts into the page's own
 * `.content`. Throws when the markup is not shaped as expected, so a changed component fails
 * the build instead of shipping a broken snapshot.
 */
export function overviewFragment(body: string): string {
  const open = body.indexOf(CONTENT);
  if (open < 0 || body.indexOf(CONTENT, open + 1) >= 0)
    throw new Error('prerender: expected one overview .content element in the rendered overview');
  const start = body.indexOf('>', open) + 1;
  const end = body.lastIndexOf('</div></div>');
  if (start <= 0 || end < start)
    throw new Error('prerender: the rendered overview does not end with its .content');
  // Svelte's hydration anchors: the snapshot is replaced, never hydrated.
  return body.slice(start, end).replace(/<!--[\s\S]*?-->/g, '');
}
