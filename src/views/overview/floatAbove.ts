/**
 * Svelte action: a tooltip leaves the overview for the top of the page (the end of #app), drawn
 * `fixed` at `at` — coordinates in the box it was placed in. Inside the overview it was in the
 * overview's own stacking context (`contain: strict` and a transform), so the tour's dim layer
 * (z-index 50) covered it and the overview's edge clipped it; up here it is over both.
 */
export interface FloatAt {
  x: number;
  y: number;
}

export function floatAbove(node: HTMLElement, at: FloatAt): { update(at: FloatAt): void; destroy(): void } {
  const anchor = node.parentElement;
  let where = at;
  function place(): void {
    const r = anchor?.getBoundingClientRect() ?? { left: 0, top: 0 };
    node.style.left = `${r.left + where.x}px`;
    node.style.top = `${r.top + where.y}px`;
  }
  node.style.position = 'fixed';
  (node.closest('#app') ?? document.body).append(node);
  place();
  // The page, or a pane around the overview, may scroll under a resting pointer.
  window.addEventListener('scroll', place, { capture: true, passive: true });
  return {
    update(next) {
      where = next;
      place();
    },
    destroy() {
      window.removeEventListener('scroll', place, { capture: true });
      node.remove();
    },
  };
}
