/** The arranging views' grids: every flat index has one cell and each cell gives back its index, for every rank. */
import { describe, expect, it } from 'vitest';
import { cellOfIndex, gridOf, indexOfCell } from '../../src/lib/formula/tensorGrid';

const tensor = (shape: number[]) => ({
  shape,
  data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i),
});

describe('tensor grids', () => {
  it.each([[[5]], [[40]], [[6, 4]], [[144, 3]], [[4, 5, 3]], [[2, 3, 4, 5]]])(
    '%j: index → cell → index, and the cell shows the value',
    (shape) => {
      const t = tensor(shape);
      for (let i = 0; i < t.data.length; i++) {
        const grid = gridOf(t, i);
        const cell = cellOfIndex(shape, i);
        expect(indexOfCell(shape, cell, grid.channel)).toBe(i);
        expect(grid.plane[cell.row * grid.cols + cell.col]).toBe(i);
      }
    },
  );

  it('draws a long sequence steps across, a short one as rows of steps', () => {
    expect(gridOf(tensor([144, 3]), 0)).toMatchObject({ rows: 3, cols: 144, transposed: true });
    expect(gridOf(tensor([6, 4]), 0)).toMatchObject({ rows: 6, cols: 4, transposed: false });
    expect(indexOfCell([40], { row: 2, col: 15 }, -1)).toBeNull();
  });
});
