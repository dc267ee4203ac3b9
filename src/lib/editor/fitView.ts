/**
 * Where the graph pane puts a net when it fits it: the scale and offset (screen = graph · k +
 * offset) that show a box of graph coordinates in the pane, clear of its edges and of the zoom
 * controls, a narrow column over the pane's right edge. Nodes kept left of that strip are never
 * under the controls, whatever the pane's height and however far a tall net runs down.
 */
export interface View {
  x: number;
  y: number;
  k: number;
}

/** Room kept clear along each edge of the pane, in screen pixels. */
export interface Clearance {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const PAD = 24;
/** The zoom controls (ZoomControls.svelte): a column 46 px wide, 10 px in from the pane's right edge, and a gap. */
export const CONTROLS_CLEARANCE = 10 + 46 + 10;
export const PANE_CLEARANCE: Clearance = { top: PAD, right: CONTROLS_CLEARANCE, bottom: PAD, left: PAD };

/** The smallest scale at which node text is still legible (the type line's 11 px stay ≥ 8.8 px). */
export const READABLE = 0.8;

/**
 * Fits a `width` × `height` box of graph coordinates into a `paneW` × `paneH` pane, never
 * enlarging past 100%. `readable` stops shrinking at a legible size and shows the top left of a
 * net too big for that (the input is at the top); the rest is a scroll or a drag away.
 */
export function fitView(
  paneW: number,
  paneH: number,
  width: number,
  height: number,
  mode: 'all' | 'readable' = 'all',
  clear: Clearance = PANE_CLEARANCE,
): View | null {
  if (paneW === 0 || paneH === 0 || width === 0) return null;
  const roomW = Math.max(1, paneW - clear.left - clear.right);
  const roomH = Math.max(1, paneH - clear.top - clear.bottom);
  const all = Math.max(0.05, Math.min(1, roomW / width, roomH / Math.max(1, height)));
  const k = mode === 'readable' ? Math.max(READABLE, all) : all;
  // Too wide: start at the left edge; too tall: start at the top, where the input is.
  const x = width * k > roomW ? clear.left : clear.left + (roomW - width * k) / 2;
  const y = height * k > roomH ? clear.top : clear.top + (roomH - height * k) / 2;
  return { x, y, k };
}

/** Whether a box already shown at `view` is inside the pane, left of the controls' strip (else the pane pans to it). */
export function isInView(
  view: View,
  box: { x: number; y: number; width: number; height: number },
  paneW: number,
  paneH: number,
  clearRight = CONTROLS_CLEARANCE,
): boolean {
  const left = view.x + box.x * view.k;
  const top = view.y + box.y * view.k;
  return (
    left >= 0 &&
    top >= 0 &&
    left + box.width * view.k <= paneW - clearRight &&
    top + box.height * view.k <= paneH
  );
}
