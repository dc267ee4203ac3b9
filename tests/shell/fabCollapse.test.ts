/** The phone's floating editor button: an icon while the reader scrolls down, its label when they scroll up. */
import { describe, expect, it } from 'vitest';
import { FAB_START, nextFabScroll, type FabScroll } from '../../src/views/shell/fabCollapse';

const walk = (ys: number[], from: FabScroll = FAB_START): boolean[] => {
  let s = from;
  return ys.map((y) => (s = nextFabScroll(s, y)).collapsed);
};

describe('nextFabScroll', () => {
  it('shrinks once the reader has scrolled down past the threshold, and grows when they scroll up', () => {
    expect(walk([50, 60, 90, 400, 390, 380, 370])).toEqual([false, false, true, true, true, true, false]);
  });
  it('ignores jitter: small moves back and forth keep the state, however many', () => {
    expect(walk([300, 310, 300, 312, 301, 311, 305])).toEqual([true, true, true, true, true, true, true]);
    const up = walk([500, 450]);
    expect(walk([460, 470, 455, 468, 452], { collapsed: up.at(-1)!, anchor: 450, last: 450 })).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  it('counts a turn from where it turned, not from where the last change was', () => {
    // Down to 600, up 20 (not enough), down again 10: still an icon; then up 30 from 610.
    expect(walk([200, 600, 580, 590, 560])).toEqual([true, true, true, true, false]);
  });
  it('always shows the label near the top of the page', () => {
    expect(walk([500, 60])).toEqual([true, false]);
    expect(walk([0, 50, 79])).toEqual([false, false, false]);
  });
});
