/**
 * The local grid shown around a sliding window on a large map: which rows (or columns) of
 * the map are visible. It moves only when the window would leave it, so the grid does not
 * jitter while the window slides inside it, and it never shows beyond the map's edges.
 */

export interface AxisRange {
  /** First visible index (may be negative: padding cells before the map). */
  start: number;
  /** Number of visible cells. */
  size: number;
}

export interface AxisExtent {
  /** First index that may be shown (−padBefore). */
  min: number;
  /** One past the last index that may be shown (size + padAfter). */
  end: number;
}

/**
 * Keeps [windowStart, windowStart + windowSize) plus `margin` cells of context on each side
 * inside a viewport of `size` cells within `extent`, moving `previous` as little as possible
 * (or centring the window when there is no previous viewport).
 */
export function followWindow(
  windowStart: number,
  windowSize: number,
  size: number,
  extent: AxisExtent,
  previous?: AxisRange,
  margin = 1,
): AxisRange {
  const total = extent.end - extent.min;
  const shown = Math.max(1, Math.min(size, total));
  const maxStart = extent.end - shown;
  const clamp = (s: number) => Math.min(maxStart, Math.max(extent.min, s));
  if (previous && previous.size === shown) {
    // Less context when the window itself nearly fills the viewport.
    const m = Math.max(0, Math.min(margin, Math.floor((shown - windowSize) / 2)));
    let start = previous.start;
    if (windowStart - m < start) start = windowStart - m;
    else if (windowStart + windowSize + m > start + shown) start = windowStart + windowSize + m - shown;
    return { start: clamp(start), size: shown };
  }
  return { start: clamp(Math.round(windowStart + windowSize / 2 - shown / 2)), size: shown };
}

/** The indices a range covers, in order. */
export function rangeIndices(range: AxisRange): number[] {
  return Array.from({ length: range.size }, (_, i) => range.start + i);
}
