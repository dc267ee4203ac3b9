/**
 * Finding and showing the app's views by their `data-view="<name>"` marker, so links (the
 * article's "show me", the tour) work with whatever panels are on the page, and skip the rest.
 */

/**
 * Where a view lives when its panel does not mark itself with data-view: the overview by its
 * test id, the editor in the side panel (its place in the layout).
 */
const FALLBACKS: Record<string, string> = {
  overview: '[data-testid="overview"]',
  playground: '[data-testid="playground"]',
  editor: '#side-panel',
};

/** Any element that is a view, by its marker or its fallback place. */
export const VIEW_SELECTOR = ['[data-view]', ...Object.values(FALLBACKS)].join(', ');

/** What `viewsMayHaveChanged` reads of a MutationRecord's nodes. */
export interface AddedOrRemoved {
  addedNodes: ArrayLike<unknown>;
  removedNodes: ArrayLike<unknown>;
}

interface Queryable {
  matches(selector: string): boolean;
  querySelector(selector: string): unknown;
}

/**
 * True when these DOM changes added or removed a view (an element matching `selector`, or one
 * holding one). Most changes on the page are the overview's own (a big net's neurons, labels)
 * and need no look for views, which searches the whole document once per view name.
 */
export function viewsMayHaveChanged(
  records: Iterable<AddedOrRemoved>,
  selector: string = VIEW_SELECTOR,
): boolean {
  const holds = (n: unknown): boolean => {
    // Elements only: text and comments never are, nor hold, a view.
    if (typeof n !== 'object' || n === null || (n as { nodeType?: number }).nodeType !== 1) return false;
    const el = n as Queryable;
    return el.matches(selector) || el.querySelector(selector) !== null;
  };
  for (const r of records)
    for (const list of [r.addedNodes, r.removedNodes])
      for (let i = 0; i < list.length; i++) if (holds(list[i])) return true;
  return false;
}

export function findView(name: string): HTMLElement | null {
  const fallback = FALLBACKS[name];
  return (
    document.querySelector<HTMLElement>(`[data-view="${name}"]`) ??
    (fallback ? document.querySelector<HTMLElement>(fallback) : null)
  );
}

function reducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Scrolls an element into view and moves keyboard focus to it, as following a link would. */
export function revealElement(el: HTMLElement, block: ScrollLogicalPosition = 'start'): void {
  el.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block });
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
}
