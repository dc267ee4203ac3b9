/** Step ⇄ cell lookups and the local viewport that follows a sliding window. */
import { describe, expect, it } from 'vitest';
import { GridSteps } from '../../src/lib/anim/gridSteps';
import { followWindow, rangeIndices } from '../../src/lib/anim/viewport';

describe('GridSteps', () => {
  const steps = [0, 1, 2].flatMap((r) => [0, 1].map((c) => ({ outRow: r, outCol: c, tag: `${r}${c}` })));
  const grid = new GridSteps(steps, 2);

  it('finds the step of a cell and the cell of a step', () => {
    expect(grid.count).toBe(6);
    expect(grid.indexOf(2, 1)).toBe(5);
    expect(grid.at(3)?.tag).toBe('11');
  });

  it('answers −1 for cells no step makes, including columns past the edge', () => {
    expect(grid.indexOf(3, 0)).toBe(-1);
    expect(grid.indexOf(0, 2)).toBe(-1); // would alias (1, 0) without the column check
    expect(grid.indexOf(-1, 1)).toBe(-1);
  });
});

describe('followWindow', () => {
  const extent = { min: -1, end: 65 }; // a 64-wide map with one padding cell each side

  it('centres the window when there is no previous viewport', () => {
    expect(followWindow(30, 3, 11, extent)).toEqual({ start: 26, size: 11 }); // 4 cells either side
  });

  it('stays put while the window slides inside it, then moves just enough', () => {
    const v = { start: 27, size: 11 };
    expect(followWindow(31, 3, 11, extent, v)).toEqual(v);
    expect(followWindow(35, 3, 11, extent, v)).toEqual({ start: 28, size: 11 }); // 35 + 3 + 1 margin = 39 = 28 + 11
    expect(followWindow(26, 3, 11, extent, v)).toEqual({ start: 25, size: 11 });
  });

  it('never shows beyond the padded map and shrinks to a small map', () => {
    expect(followWindow(-1, 3, 11, extent)).toEqual({ start: -1, size: 11 });
    expect(followWindow(62, 3, 11, extent, { start: 20, size: 11 })).toEqual({ start: 54, size: 11 });
    expect(followWindow(0, 3, 11, { min: 0, end: 5 })).toEqual({ start: 0, size: 5 });
  });

  it('drops the margin when the window nearly fills the viewport', () => {
    expect(followWindow(10, 5, 5, { min: 0, end: 30 }, { start: 8, size: 5 })).toEqual({
      start: 10,
      size: 5,
    });
  });

  it('lists the covered indices', () => {
    expect(rangeIndices({ start: -1, size: 3 })).toEqual([-1, 0, 1]);
  });
});
