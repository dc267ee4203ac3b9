/**
 * Navigation between the views and the article. Views call `showLayer(type)` (or
 * `showSection(id)`) to scroll the article to the section that explains something; the
 * article's "show me" links record where the reader came from so they can jump back.
 */
import { sectionAnchor, sectionForLayer } from '../../lib/article';
import type { LayerDef } from '../../lib/layers/types';

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class ArticleNav {
  /** The section the reader was last sent to; the table of contents highlights it. */
  current = $state<string | null>(null);
  /** The section a "show me" link left from, offered as a way back. */
  returnTo = $state<string | null>(null);

  /** The id of the section explaining a layer (by type, else by registry category), or null. */
  sectionForLayer(layer: Pick<LayerDef, 'type' | 'category'> | string): string | null {
    return sectionForLayer(layer)?.id ?? null;
  }

  /** Scrolls the article to a section and moves focus to its heading; false if it is not on the page. */
  showSection(id: string): boolean {
    const el = document.getElementById(sectionAnchor(id));
    if (!el) return false;
    this.current = id;
    this.returnTo = null;
    el.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
    el.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    history.replaceState(history.state, '', `#${sectionAnchor(id)}`);
    return true;
  }

  /** What a layer header in the overview calls: opens the section about that layer type. */
  showLayer(layer: Pick<LayerDef, 'type' | 'category'> | string): boolean {
    const id = this.sectionForLayer(layer);
    return id !== null && this.showSection(id);
  }
}
