/** Fitting a net into the graph pane keeps every node clear of the zoom controls, a column over the pane's right edge. */
import { describe, expect, it } from 'vitest';
import { CONTROLS_CLEARANCE, fitView, isInView, READABLE } from '../../src/lib/editor/fitView';

/** The zoom controls' box in a pane (ZoomControls.svelte: 46 px wide, 10 px from the right and bottom, ~120 px tall). */
const controls = (w: number, h: number) => ({
  left: w - 10 - 46,
  top: h - 10 - 120,
  right: w - 10,
  bottom: h - 10,
});

describe('fitView', () => {
  it('keeps a net that fits the pane’s width clear of the zoom controls, however tall it runs', () => {
    for (const [paneW, paneH] of [
      [332, 400],
      [332, 703],
      [640, 520],
      [260, 900],
    ] as const)
      for (const [width, height] of [
        [150, 1020],
        [150, 300],
        [420, 520],
        [150, 64],
      ] as const)
        for (const mode of ['all', 'readable'] as const) {
          const v = fitView(paneW, paneH, width, height, mode)!;
          const at = `${paneW}×${paneH}, ${width}×${height}, ${mode}`;
          const right = v.x + width * v.k;
          const c = controls(paneW, paneH);
          // Left of the controls wherever its nodes are, unless even the legible size is wider than the pane.
          if (mode === 'all' || width * READABLE <= paneW - 24 - CONTROLS_CLEARANCE)
            expect(right, at).toBeLessThanOrEqual(c.left);
          expect(v.k).toBeLessThanOrEqual(1);
          if (mode === 'readable') expect(v.k).toBeGreaterThanOrEqual(READABLE);
          // "all" shows the whole net.
          if (mode === 'all') expect(v.y + height * v.k, at).toBeLessThanOrEqual(paneH);
        }
  });

  it('centres a small net in the room left of the controls, and starts a tall one at the top', () => {
    const small = fitView(400, 600, 200, 100)!;
    expect(small.k).toBe(1);
    expect(small.x).toBeCloseTo(24 + (400 - 24 - CONTROLS_CLEARANCE - 200) / 2, 9);
    expect(small.y).toBe(250);
    const tall = fitView(400, 600, 200, 2000, 'readable')!;
    expect(tall).toEqual({
      x: 24 + (400 - 24 - CONTROLS_CLEARANCE - 200 * READABLE) / 2,
      y: 24,
      k: READABLE,
    });
    expect(fitView(0, 600, 200, 100)).toBeNull();
  });

  it('treats a node under the controls’ strip as out of view, so the pane pans to it', () => {
    const view = { x: 0, y: 0, k: 1 };
    expect(isInView(view, { x: 10, y: 10, width: 150, height: 40 }, 400, 600)).toBe(true);
    expect(isInView(view, { x: 220, y: 10, width: 150, height: 40 }, 400, 600)).toBe(false);
    expect(isInView(view, { x: 10, y: -5, width: 150, height: 40 }, 400, 600)).toBe(false);
  });
});
