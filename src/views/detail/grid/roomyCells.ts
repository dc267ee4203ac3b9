/**
 * How many cells a side of a sliding-window view's two number grids may show, for the width the
 * two panels have: the view's own choice (7 for a convolution) on a laptop, up to four more on a
 * wide screen, whose dialog otherwise left half its width empty beside two 7-cell grids. More
 * cells show more of the map around the window as it slides.
 */

/** A panel beside its grid: the minimap and legend column (96), the gap (16), the axis labels (22), the frame (2). */
const PANEL_EXTRA = 96 + 16 + 22 + 2;
/** The gap between the two panels (WindowMaps). */
const PANELS_GAP = 32;
/** A cell's side at full size, in CSS pixels (MapPanel's largest). */
export const FULL_CELL = 42;
/** At most this many cells more than the view asks for: beyond, the numbers get too many to read. */
const MORE = 4;

export function roomyCells(width: number, cells: number): number {
  if (!(width > 0)) return cells;
  const fit = Math.floor((width - PANELS_GAP - 2 * PANEL_EXTRA) / (2 * FULL_CELL));
  return Math.max(cells, Math.min(cells + MORE, fit));
}
