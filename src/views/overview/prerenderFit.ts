/**
 * The fit the build's prerender (src/prerender) renders the overview at: with it in context,
 * NetworkOverview starts "measured" at this fit, so svelte/server writes its maps' markup.
 * In the browser nothing provides it; the overview starts at the fit the snapshot's script
 * chose on this page, while the snapshot shows it (snapshotFit), or measures the window.
 */
import { getContext } from 'svelte';
import type { OverviewFit } from './fitBox';
import { snapshotShown } from '../../app/browser/takeover';

export const PRERENDER_FIT = Symbol('prerenderFit');

export function usePrerenderFit(): OverviewFit | undefined {
  return getContext<OverviewFit | undefined>(PRERENDER_FIT);
}

/** The overview's fit and its right edge's fade as the snapshot shows them. */
export interface SnapshotFit {
  fit: OverviewFit;
  fadeRight: boolean;
}

/**
 * What the snapshot's overview was fitted to (src/prerender/snapshot.ts: the same fitOverview
 * on this page, before the app), while the snapshot is painted and on screen, else null. The
 * app's first overview starts at it instead of measuring the page as it mounts, which laid out
 * the whole page (the snapshot included) inside the mounting task.
 */
export function snapshotFit(): SnapshotFit | null {
  if (typeof document === 'undefined' || document.documentElement.dataset.prerender !== 'shown') return null;
  const root = snapshotShown();
  const json = root?.dataset.fit;
  if (!root || !json) return null;
  const scroller = root.querySelector('[data-testid="overview"]');
  return {
    fit: JSON.parse(json) as OverviewFit,
    fadeRight: Boolean(scroller?.classList.contains('fade-right')),
  };
}
