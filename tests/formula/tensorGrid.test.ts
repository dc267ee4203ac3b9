/** The arranging views' grids: every flat index has one cell and each cell gives back its index, for every rank. */
import { describe, expect, it } from 'vitest';
import {
  blockCoords,
  cellOfIndex,
  gridOf,
  indexOfCell,
  strongestInChannel,
} from '../../src/lib/formula/tensorGrid';

const tensor = (shape: number[]) => ({
  shape,
  data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i),
});

describe('tensor grids', () => {
  it.each([[[5]], [[40]], [[6, 4]], [[144, 3]], [[4, 5, 3]], [[2, 3, 4, 5]], [[2, 2, 3, 4, 2]]])(
    '%j: index → cell → index, and the cell shows the value',
    (shape) => {
      const t = tensor(shape);
      for (let i = 0; i < t.data.length; i++) {
        const grid = gridOf(t, i);
        const cell = cellOfIndex(shape, i);
        expect(indexOfCell(shape, cell, grid.channel, grid.block)).toBe(i);
        expect(grid.plane[cell.row * grid.cols + cell.col]).toBe(i);
      }
    },
  );

  it('draws a long sequence steps across, a short one as rows of steps', () => {
    expect(gridOf(tensor([144, 3]), 0)).toMatchObject({ rows: 3, cols: 144, transposed: true });
    expect(gridOf(tensor([6, 4]), 0)).toMatchObject({ rows: 6, cols: 4, transposed: false });
    expect(indexOfCell([40], { row: 2, col: 15 }, -1)).toBeNull();
  });

  it('draws more than three axes as maps: the H × W plane of one channel of the block holding the value', () => {
    // A Reshape's 4-D output [2, 3, 4, 5]: value 77 is block 1, pixel (0, 3), channel 2.
    const t = tensor([2, 3, 4, 5]);
    const grid = gridOf(t, 77);
    expect(grid).toMatchObject({ rows: 3, cols: 4, channel: 2, block: 1 });
    expect(Array.from(grid.plane.slice(0, 4))).toEqual([62, 67, 72, 77]);
    expect(cellOfIndex(t.shape, 77)).toEqual({ row: 0, col: 3 });
    // Three axes keep their one plane and no block.
    expect(gridOf(tensor([4, 5, 3]), 7).block).toBe(-1);
    expect(blockCoords([2, 2, 3, 4, 2], 3)).toEqual([1, 1]);
  });
});

describe('strongestInChannel', () => {
  const t = (shape: number[], data: number[]) => ({ shape, data: Float32Array.from(data) });
  it('picks the value of largest magnitude in the channel, negative ones too', () => {
    // [2, 2, 2]: channel 0 holds 0, 0, −5, 1; channel 1 holds 9, 0, 0, 0.
    const maps = t([2, 2, 2], [0, 9, 0, 0, -5, 0, 1, 0]);
    expect(strongestInChannel(maps, 0)).toBe(4);
    expect(strongestInChannel(maps, 1)).toBe(1);
  });
  it('falls back to the channel’s first value when all are zero, and clamps the channel', () => {
    const zeros = t([3, 2], [0, 0, 0, 0, 0, 0]);
    expect(strongestInChannel(zeros, 1)).toBe(1);
    expect(strongestInChannel(zeros, 7)).toBe(1);
    expect(strongestInChannel(t([3, 2], [0, 1, 0, -4, 0, 2]), 1)).toBe(3);
  });
});
