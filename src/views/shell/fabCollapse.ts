/**
 * When the phone's floating editor button shrinks to an icon: while the reader scrolls down
 * (it would cover the end of every line it passes over), and back to its label when they
 * scroll up or are near the top of the page, as Material's extended buttons do. Small moves
 * either way (a finger's jitter, a smooth scroll's last pixels) change nothing.
 */
export interface FabScroll {
  collapsed: boolean;
  /** Where the last change of direction (or of state) was, px from the top. */
  anchor: number;
  /** The last position seen. */
  last: number;
}

/** Scrolling this far one way counts as a direction. */
export const FAB_THRESHOLD = 24;
/** Within this of the top the label always shows. */
export const FAB_TOP = 80;

export const FAB_START: FabScroll = { collapsed: false, anchor: 0, last: 0 };

export function nextFabScroll(s: FabScroll, y: number): FabScroll {
  if (y <= FAB_TOP) return { collapsed: false, anchor: y, last: y };
  // A turn restarts the distance counted from where it turned.
  const turned = (y > s.last && s.last < s.anchor) || (y < s.last && s.last > s.anchor);
  const anchor = turned ? s.last : s.anchor;
  if (y - anchor >= FAB_THRESHOLD) return { collapsed: true, anchor: y, last: y };
  if (anchor - y >= FAB_THRESHOLD) return { collapsed: false, anchor: y, last: y };
  return { collapsed: s.collapsed, anchor, last: y };
}
