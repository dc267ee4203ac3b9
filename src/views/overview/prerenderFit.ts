/**
 * The fit the build's prerender (src/prerender) renders the overview at: with it in context,
 * NetworkOverview starts "measured" at this fit, so svelte/server writes its maps' markup
 * (in the browser nothing provides it and the overview measures the window as always).
 */
import { getContext } from 'svelte';
import type { OverviewFit } from './fitBox';

export const PRERENDER_FIT = Symbol('prerenderFit');

export function usePrerenderFit(): OverviewFit | undefined {
  return getContext<OverviewFit | undefined>(PRERENDER_FIT);
}
