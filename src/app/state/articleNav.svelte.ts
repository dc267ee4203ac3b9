/**
 * Navigation between the views and the article. Views call `showLayer(type)` (or
 * `showSection(id)`) to scroll the article to the section that explains something; the
 * article's "show me" links record where the reader came from so they can jump back.
 */
import { sectionAnchor } from '../../lib/article/anchor';
import type { LayerDef } from '../../lib/layers/types';

/**
 * The article's sections, loaded with the article itself: their prose in two languages is
 * ~10 kB (gzip) that the first overview does not need.
 */
type ArticleIndex = typeof import('../../lib/article');

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class ArticleNav {
  /** The section the reader was last sent to; the table of contents highlights it. */
  current = $state<string | null>(null);
  /** The section a "show me" link left from, offered as a way back. */
  returnTo = $state<string | null>(null);

  /** The article's sections once loaded (the article panel loads them, or `load`). */
  index = $state.raw<ArticleIndex | null>(null);

  async load(): Promise<ArticleIndex> {
    return (this.index ??= await import('../../lib/article'));
  }

  /** The id of the section explaining a layer (by type, else by registry category), or null. */
  async sectionForLayer(layer: Pick<LayerDef, 'type' | 'category'> | string): Promise<string | null> {
    return (await this.load()).sectionForLayer(layer)?.id ?? null;
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
  async showLayer(layer: Pick<LayerDef, 'type' | 'category'> | string): Promise<boolean> {
    const id = await this.sectionForLayer(layer);
    return id !== null && this.showSection(id);
  }
}
