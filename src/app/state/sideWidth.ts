/**
 * The side panel's width rules, pure, so the page's first inline script (src/prerender/snapshot.ts)
 * lays the prerendered page out as LayoutState will.
 */
export const DRAWER_BELOW = 1024;
/** The media query under which the side panel is a drawer (LayoutState, the prerender's script). */
export const NARROW_QUERY = `(max-width: ${DRAWER_BELOW - 0.02}px)`;

/**
 * The room the drawer's toggle (Workspace.svelte: fixed, 16 px from the window's bottom, ~43 px
 * high) takes at a narrow window's bottom: the overview's maps are fitted above it (fitOverview's
 * callers, OverviewFitting and the snapshot's script), so it covers none of the first screen.
 */
export const DRAWER_TOGGLE_ROOM = 64;
/** The window's height the overview is fitted to: above the drawer's toggle on a narrow window. */
export const fitHeight = (innerHeight: number, narrow: boolean): number =>
  innerHeight - (narrow ? DRAWER_TOGGLE_ROOM : 0);

/** Whether the window is narrow now; false where there is no window (the build's prerender fakes one). */
export function isNarrow(): boolean {
  return typeof matchMedia === 'function' && matchMedia(NARROW_QUERY).matches;
}
export const SIDE_MIN = 280;
export const SIDE_DEFAULT = 400;
/**
 * The side panel's width until the user drags it: about a quarter of the window, so that on a
 * 1280-pixel laptop the overview beside it still shows the whole of TinyVGG with its prediction.
 */
export function defaultSideWidth(viewport: number): number {
  return Math.round(Math.min(440, Math.max(320, viewport * 0.26)));
}
/** Keeps the side panel between its minimum and ~55% of the window, so the views never vanish. */
export function clampSideWidth(width: number, viewport: number): number {
  const max = Math.max(SIDE_MIN, Math.round(viewport * 0.55));
  return Math.round(Math.min(Math.max(width, SIDE_MIN), max));
}
export const SIDE_STORAGE_KEY = 'cnn-studio.sideWidth';
