import { describe, expect, it } from 'vitest';
import { roomyCells } from '../../src/views/detail/grid/roomyCells';

describe('roomyCells', () => {
  it('keeps the view’s own count until two full-size grids of more cells fit beside their minimaps', () => {
    // Two panels of 11 cells: 2 × (136 + 11 × 42) + 32 = 1228 px.
    expect(roomyCells(1228, 7)).toBe(11);
    expect(roomyCells(1227, 7)).toBe(10);
    // Two of 8: 2 × (136 + 8 × 42) + 32 = 976; a laptop's dialog (~950) keeps 7.
    expect(roomyCells(976, 7)).toBe(8);
    expect(roomyCells(950, 7)).toBe(7);
    expect(roomyCells(400, 7)).toBe(7);
  });

  it('adds at most four, and keeps the count before the width is known', () => {
    expect(roomyCells(5000, 7)).toBe(11);
    expect(roomyCells(5000, 8)).toBe(12);
    expect(roomyCells(0, 7)).toBe(7);
    expect(roomyCells(Number.NaN, 6)).toBe(6);
  });
});
