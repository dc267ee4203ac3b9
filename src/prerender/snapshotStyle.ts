/**
 * While the prerendered snapshot is in the page, the boot placeholder is hidden and the body is
 * the app's containing block (the app mounts behind the snapshot, app/browser/takeover.ts). The
 * build writes these rules in a <style> just before #prerender (scripts/lib/vitePrerender.ts), so
 * they apply from the moment the snapshot is parsed, and snapshot.ts (when it drops the snapshot)
 * and takeover.ts remove it with #prerender. They were `body:has(#prerender) …` in app.css,
 * which made every DOM change anywhere on the page search the whole body for #prerender at the
 * next style update (~1.5 ms a frame on ResNet-18's page).
 */
export const SNAPSHOT_STYLE_ID = 'snapshot-style';

/**
 * On <html> while #prerender's inline content is not what the page will show (another language
 * or width, or no snapshot): set by the blocking script in <head> (firstScreen.ts) before the
 * parser reaches #prerender, so that content is never painted.
 */
export const SWAP_ATTRIBUTE = 'data-snapshot-swap';

/**
 * The app behind the snapshot is as wide as the page's own flow (the body's box, without the
 * scrollbar), so it measures the overview as it will be once in place. #prerender is hidden
 * while its content is to be swapped.
 */
export const SNAPSHOT_RULES = `#boot{display:none}body{position:relative}html[${SWAP_ATTRIBUTE}] #prerender{visibility:hidden}`;

/** Takes the snapshot's rules (and the mark one of them reads) out with it. */
export function removeSnapshotStyle(): void {
  document.getElementById(SNAPSHOT_STYLE_ID)?.remove();
  document.documentElement.removeAttribute(SWAP_ATTRIBUTE);
}

/**
 * The class that stops the snapshot's loading line (app.css): set once the snapshot's overview
 * is painted (snapshot.ts), and again by the app's first line (takeover.ts) when it came first.
 */
export const LINE_STILL_CLASS = 'starting';
