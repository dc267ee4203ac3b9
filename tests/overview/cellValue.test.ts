/**
 * The overview's hover readout (src/lib/overview/cellValue): a volume's stacked grid reads
 * back as (slice, row within it, column); a flatten of a volume names the cell it copied.
 */
import { describe, expect, it } from 'vitest';
import { buildColumns, type OverviewColumn } from '../../src/lib/overview/columns';
import { cellValue, stackedSlices, unstackRow } from '../../src/lib/overview/cellValue';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import type { NetworkSpec } from '../../src/lib/spec/types';

// A [4, 3, 5, 2] volume: 4 slices of 3×5, 2 channels; then its flatten.
const [D, H, W, C] = [4, 3, 5, 2];
const spec: NetworkSpec = {
  name: 'volume readout',
  layers: [
    { id: 'in', type: 'Input', params: { shape: [D * H, W, C] }, inputs: [] },
    { id: 'vol', type: 'Reshape', params: { targetShape: [D, H, W, C] }, inputs: ['in'] },
    { id: 'flat', type: 'Flatten', params: {}, inputs: ['vol'] },
    {
      id: 'out',
      type: 'Dense',
      params: { units: 2, activation: 'softmax', useBias: true },
      inputs: ['flat'],
    },
  ],
};
const columns = buildColumns(spec, inferShapes(spec));
const column = (id: string): OverviewColumn => columns.find((c) => c.id === id)!;
/** Each value encodes its own coordinates: d·1000 + r·100 + c·10 + channel. */
const data = Float32Array.from({ length: D * H * W * C }, (_, i) => {
  const ch = i % C;
  const c = Math.floor(i / C) % W;
  const r = Math.floor(i / (C * W)) % H;
  const d = Math.floor(i / (C * W * H));
  return d * 1000 + r * 100 + c * 10 + ch;
});
const volume = { data, shape: [D, H, W, C] };

describe('the hover readout of a volume', () => {
  it('splits a stacked row into its slice and the row within the slice', () => {
    expect(unstackRow(0, 3)).toEqual({ depth: 0, row: 0 });
    expect(unstackRow(2, 3)).toEqual({ depth: 0, row: 2 });
    expect(unstackRow(3, 3)).toEqual({ depth: 1, row: 0 });
    expect(unstackRow(11, 3)).toEqual({ depth: 3, row: 2 });
  });

  it('reads every cell of the stacked grid as (depth, row, column) with that cell’s value', () => {
    const vol = column('vol');
    expect(vol.grid).toEqual({ rows: D * H, cols: W });
    expect(stackedSlices(vol)).toBe(D);
    for (let stacked = 0; stacked < D * H; stacked++)
      for (let col = 0; col < W; col++)
        for (let channel = 0; channel < C; channel++) {
          const v = cellValue(vol, volume, channel, { row: stacked, col });
          const depth = Math.floor(stacked / H);
          const row = stacked % H;
          expect(v).toEqual({
            kind: 'cell',
            depth,
            row,
            col,
            value: depth * 1000 + row * 100 + col * 10 + channel,
          });
        }
  });

  it('leaves 2-D maps as (row, column), without a depth', () => {
    const input = column('in');
    expect(stackedSlices(input)).toBe(1);
    const v = cellValue(input, { data, shape: [D * H, W, C] }, 1, { row: 7, col: 3 });
    expect(v).toEqual({ kind: 'cell', row: 7, col: 3, value: 2 * 1000 + 1 * 100 + 30 + 1 });
  });

  it('names the volume cell a flattened value was copied from', () => {
    const flat = column('flat');
    for (const index of [0, 1, 37, data.length - 1]) {
      const v = cellValue(flat, { data, shape: [data.length] }, 0, {
        row: Math.floor(index / flat.grid.cols),
        col: index % flat.grid.cols,
      });
      const value = data[index]!;
      expect(v).toEqual({
        kind: 'index',
        index,
        value,
        source: {
          layer: 'vol',
          depth: Math.floor(value / 1000),
          row: Math.floor(value / 100) % 10,
          col: Math.floor(value / 10) % 10,
          channel: value % 10,
        },
      });
    }
  });
});
