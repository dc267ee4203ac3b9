/**
 * The overview's size for the room it has. The map size lets the tallest folded column fit
 * the window below the overview's top, within readable bounds: big screens get bigger maps,
 * small ones scroll. When the columns are then wider than the overview's frame (a laptop with
 * the editor open), a compact layout narrows the gaps, the output column and the headers so
 * the whole net, prediction included, still fits; only a net too deep for even that scrolls.
 */
import type { OverviewColumn } from '../../lib/overview/columns';
import { layoutOverview, type LayoutOptions } from '../../lib/overview/layout';

export const MIN_BOX = 26;
export const MAX_BOX = 84;
/** Compact layout: the narrowest gap (kernel glyphs and edges still fit) and output column. */
const MIN_GAP = 20;
export const COMPACT_OUTPUT_WIDTH = 132;
/**
 * Column pitch under which a compact header's lines (a wrapped name, a shape such as
 * "62×62×10" at the compact font) no longer fit; below it the overview scrolls instead.
 */
export const MIN_COMPACT_PITCH = 58;

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

export interface OverviewFit {
  box: number;
  columnGap: number;
  minSlot: number;
  outputWidth: number;
  /** Headers in the compact style (smaller type, names wrapped, no parameter line). */
  compact: boolean;
}

/**
 * Fits the overview into `width` × the window below `top`: the map size from the height, then,
 * if the natural layout is wider than `width`, one pitch for every column (map and gap) that
 * fills the width, no narrower than MIN_COMPACT_PITCH.
 */
export function fitOverview(
  columns: readonly OverviewColumn[],
  space: { width: number; top: number; viewportHeight: number },
  o: LayoutOptions,
): OverviewFit {
  const box = fitBox(columns, space.top, space.viewportHeight, o);
  const natural: OverviewFit = {
    box,
    columnGap: o.columnGap,
    minSlot: o.minSlot,
    outputWidth: o.outputWidth,
    compact: false,
  };
  if (layoutOverview(columns, { ...o, ...natural }).width <= space.width) return natural;
  const others = columns.filter((c) => c.kind !== 'output').length;
  const outputs = columns.length - others;
  const output = outputs > 0 ? COMPACT_OUTPUT_WIDTH : 0;
  // width = 2·padding + others·pitch + outputs·(output + gap): the widest pitch that fits.
  const gapFor = (pitch: number): number => Math.max(MIN_GAP, Math.min(o.columnGap, pitch - box));
  const widthAt = (pitch: number): number =>
    2 * o.padding + others * pitch + outputs * (output + gapFor(pitch));
  let pitch = Math.floor((space.width - 2 * o.padding - outputs * (output + MIN_GAP)) / Math.max(1, others));
  while (pitch > MIN_COMPACT_PITCH && widthAt(pitch) > space.width) pitch--;
  pitch = Math.max(MIN_COMPACT_PITCH, pitch);
  const columnGap = gapFor(pitch);
  const slot = pitch - columnGap;
  return {
    box: Math.min(box, slot),
    columnGap,
    minSlot: slot,
    outputWidth: output || o.outputWidth,
    compact: true,
  };
}
