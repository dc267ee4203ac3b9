/**
 * Where the tour's card goes and where its target is scrolled to: the target in full with the
 * card below it when both fit in the window under the header; a taller target shows its top
 * (column headers, a title) and the card sits beside it or over its lower part.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
}

const GAP = 14;
const EDGE = 12;

/**
 * How far below the window's top the target's top should land when it is scrolled into view
 * (its `scroll-margin-top`). The page's sticky header covers the first `header` pixels.
 */
export function scrollMarginFor(
  targetHeight: number,
  cardHeight: number,
  viewportHeight: number,
  header: number,
): number {
  const room = viewportHeight - header - 2 * EDGE;
  const pair = targetHeight + GAP + cardHeight;
  // Both fit: centre the pair, so the card lands below the target with nothing covered.
  if (pair <= room) return header + EDGE + (room - pair) / 2;
  // The target alone fits: centre it; the card goes above or below, or over its edge.
  if (targetHeight <= room) return header + EDGE + (room - targetHeight) / 2;
  return header + EDGE;
}

export function placeCard(
  target: Rect | null,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const clampX = (x: number): number => Math.min(Math.max(x, EDGE), viewport.width - card.width - EDGE);
  const clampY = (y: number): number => Math.min(Math.max(y, EDGE), viewport.height - card.height - EDGE);
  if (!target)
    return {
      left: clampX((viewport.width - card.width) / 2),
      top: clampY((viewport.height - card.height) / 2),
    };
  const below = target.top + target.height + GAP;
  if (below + card.height <= viewport.height - EDGE) return { left: clampX(target.left), top: below };
  const above = target.top - GAP - card.height;
  if (above >= EDGE) return { left: clampX(target.left), top: above };
  // No room above or below: beside it, on whichever side has room.
  const right = target.left + target.width + GAP;
  if (right + card.width <= viewport.width - EDGE) return { left: right, top: clampY(target.top + GAP) };
  const left = target.left - GAP - card.width;
  if (left >= EDGE) return { left, top: clampY(target.top + GAP) };
  // No room anywhere (a phone, a full-width panel): at the window's bottom, over the target's
  // lower part, so its top (what the learner reads first) stays in sight.
  return { left: clampX(target.left), top: viewport.height - card.height - EDGE };
}
