/**
 * The map size that lets the tallest folded column fit the window below the overview's
 * top, within readable bounds: big screens get bigger maps, small ones scroll.
 */
import type { OverviewColumn } from '../../lib/overview/columns';
import type { LayoutOptions } from '../../lib/overview/layout';

const MIN_BOX = 34;
const MAX_BOX = 84;

export function fitBox(
  columns: readonly OverviewColumn[],
  top: number,
  viewportHeight: number,
  o: LayoutOptions,
): number {
  const maps = columns.filter((c) => c.kind === 'maps');
  const rows = Math.max(1, ...maps.map((c) => Math.min(c.neurons, o.maxVisible)));
  const folded = maps.some((c) => c.neurons > o.maxVisible) ? o.moreHeight + 6 : 0;
  const chrome =
    o.padding * 2 + o.blockLabelHeight + o.flowHeight + o.headerHeight + 8 + 10 + o.legendHeight + 8 + folded;
  const available = viewportHeight - Math.max(0, top) - chrome;
  return Math.max(MIN_BOX, Math.min(MAX_BOX, Math.floor(available / rows) - o.rowGap));
}
