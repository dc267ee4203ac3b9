/** Where the tour's card goes: below its target if it fits, else above, else beside; always inside the window. */

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
  // A target taller than the window: put the card beside it, on whichever side has room.
  const right = target.left + target.width + GAP;
  const left = right + card.width <= viewport.width - EDGE ? right : target.left - GAP - card.width;
  return { left: clampX(left), top: clampY(target.top + GAP) };
}
