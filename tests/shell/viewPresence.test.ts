/**
 * The article's "show me" links follow which views are on the page; looking for them searches
 * the whole document, so only DOM changes that add or remove a view set off a look.
 */
import { describe, expect, it } from 'vitest';
import { VIEW_SELECTOR, viewsMayHaveChanged } from '../../src/views/shell/reveal';

/** A stand-in element: `views` lists which selectors it matches itself; `inside` what it holds. */
function el(own: string[] = [], inside: string[] = []) {
  const hit = (list: string[], selector: string) => selector.split(',').some((s) => list.includes(s.trim()));
  return {
    nodeType: 1,
    matches: (s: string) => hit(own, s),
    querySelector: (s: string) => (hit(inside, s) ? {} : null),
  };
}
const text = { nodeType: 3 };
const record = (added: unknown[] = [], removed: unknown[] = []) => ({
  addedNodes: added,
  removedNodes: removed,
});

describe('which DOM changes may change the views on the page', () => {
  it('knows every view marker and fallback', () => {
    for (const s of ['[data-view]', '[data-testid="overview"]', '[data-testid="playground"]', '#side-panel'])
      expect(VIEW_SELECTOR.split(', ')).toContain(s);
  });

  it('ignores changes that neither add nor remove a view (a big net’s neurons, text)', () => {
    expect(viewsMayHaveChanged([])).toBe(false);
    expect(viewsMayHaveChanged([record([el(), el(), text], [el(), text])])).toBe(false);
  });

  it('sees a view added or removed, itself or inside what changed', () => {
    expect(viewsMayHaveChanged([record([el(['[data-view]'])])])).toBe(true);
    expect(viewsMayHaveChanged([record([], [el(['#side-panel'])])])).toBe(true);
    expect(viewsMayHaveChanged([record([el([], ['[data-testid="overview"]'])])])).toBe(true);
    expect(viewsMayHaveChanged([record([text]), record([], [el([], ['[data-view]'])])])).toBe(true);
  });
});
