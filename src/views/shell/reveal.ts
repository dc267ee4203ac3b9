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
