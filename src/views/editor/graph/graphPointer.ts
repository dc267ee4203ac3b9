/** Pointer helpers for the graph pane: what is under the pointer, and following a drag to its release. */

export interface PointerTarget {
  /** The node under the pointer, by layer id. */
  node: string | null;
  /** The wire under the pointer, by edge key (only when no node is). */
  edge: string | null;
}

export function targetAt(p: { clientX: number; clientY: number }): PointerTarget {
  const el = document.elementFromPoint(p.clientX, p.clientY);
  const node = el?.closest('[data-node]')?.getAttribute('data-node') ?? null;
  return { node, edge: node ? null : (el?.closest('[data-edge]')?.getAttribute('data-edge') ?? null) };
}

/** Calls `move` on every pointer move until the button is released, then `up` once. */
export function followDrag(move: (e: PointerEvent) => void, up: (e: PointerEvent) => void): void {
  const end = (e: PointerEvent) => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    up(e);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', end);
}

/** The page's scroll position as of the last scroll event. */
let settledScroll: { x: number; y: number } | null = null;

/** Starts following the page's scroll position; call when the graph mounts. */
export function trackPageScroll(): () => void {
  const note = () => (settledScroll = { x: window.scrollX, y: window.scrollY });
  note();
  window.addEventListener('scroll', note, { passive: true });
  return () => window.removeEventListener('scroll', note);
}

/**
 * Call from a focus handler inside the graph. A node or wire panned out of the pane is
 * still "below the fold" to the browser, which scrolls the whole page to it just before
 * the focus event; scroll events come a frame later, so the last one noted is where the
 * page was. It is put back; the pane pans to the node instead.
 */
export function keepPageScroll(): void {
  const s = settledScroll;
  if (s && (window.scrollX !== s.x || window.scrollY !== s.y)) window.scrollTo(s.x, s.y);
}
