/** Layout, connections, kernels and keyboard movement of the overview. */
import { describe, expect, it } from 'vitest';
import { buildColumns, type OverviewColumn } from '../../src/lib/overview/columns';
import { DEFAULT_LAYOUT, layoutOverview, neuronBox } from '../../src/lib/overview/layout';
import { inputLinks } from '../../src/lib/overview/connections';
import { kernelSlices } from '../../src/lib/overview/kernels';
import { moveFocus } from '../../src/lib/overview/navigate';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { findDemoNet } from '../../src/lib/zoo/demoNets';
import type { NetworkSpec } from '../../src/lib/spec/types';

const columnsOf = (spec: NetworkSpec): OverviewColumn[] => buildColumns(spec, inferShapes(spec));
const tiny = columnsOf(tinyVggSpec());
const byId = (cols: OverviewColumn[], id: string): OverviewColumn => cols.find((c) => c.id === id)!;

describe('overview layout', () => {
  it('places columns left to right without overlap and every TinyVGG neuron inside the drawing', () => {
    const l = layoutOverview(tiny, DEFAULT_LAYOUT);
    for (let i = 1; i < l.columns.length; i++) {
      const prev = l.columns[i - 1]!;
      expect(l.columns[i]!.x).toBeGreaterThanOrEqual(prev.x + prev.width + DEFAULT_LAYOUT.columnGap);
    }
    for (const c of l.columns)
      for (const n of c.neurons) {
        expect(n.x + n.w).toBeLessThanOrEqual(l.width);
        expect(n.y + n.h).toBeLessThanOrEqual(l.legendY);
        expect(n.y).toBeGreaterThanOrEqual(l.neuronsTop);
      }
    expect(l.columns.every((c) => c.hidden === 0 && c.moreY === null)).toBe(true);
    // Same-sized columns line up row by row.
    expect(neuronBox(l, 'conv_1_1', 3)!.y).toBe(neuronBox(l, 'relu_2_2', 3)!.y);
  });

  it('folds a 64-channel layer to the first maxVisible maps with a "+N more" row, and unfolds it', () => {
    const wide = columnsOf(findDemoNet('wide128')!.spec);
    const folded = layoutOverview(wide, DEFAULT_LAYOUT).byId.get('conv_wide')!;
    expect(folded.neurons).toHaveLength(DEFAULT_LAYOUT.maxVisible);
    expect(folded.hidden).toBe(64 - DEFAULT_LAYOUT.maxVisible);
    expect(folded.moreY).toBeGreaterThan(folded.neurons.at(-1)!.y);
    const open = layoutOverview(wide, { ...DEFAULT_LAYOUT, expanded: new Set(['conv_wide']) });
    const col = open.byId.get('conv_wide')!;
    expect(col.neurons).toHaveLength(64);
    expect(col.hidden).toBe(0);
    expect(open.legendY).toBeGreaterThan(col.neurons.at(-1)!.y + col.neurons.at(-1)!.h);
    // Expanding one column leaves the others where they were.
    expect(neuronBox(open, 'relu_2', 0)).toEqual(
      neuronBox(layoutOverview(wide, DEFAULT_LAYOUT), 'relu_2', 0),
    );
  });

  it('groups consecutive columns of a block into one band', () => {
    const l = layoutOverview(tiny, DEFAULT_LAYOUT);
    expect(l.blocks.map((b) => b.block)).toEqual([0, 1, 2, 3]);
    for (let i = 1; i < l.blocks.length; i++) expect(l.blocks[i]!.x0).toBeGreaterThan(l.blocks[i - 1]!.x1);
  });
});

describe('connections', () => {
  it('links a conv neuron to every input channel and per-channel layers to one', () => {
    expect(inputLinks(byId(tiny, 'conv_1_2'), 4)).toEqual([{ from: 'relu_1_1', channels: 'all' }]);
    expect(inputLinks(byId(tiny, 'relu_1_1'), 4)).toEqual([{ from: 'conv_1_1', channels: [4] }]);
    expect(inputLinks(byId(tiny, 'max_pool_2'), 7)).toEqual([{ from: 'relu_2_2', channels: [7] }]);
    expect(inputLinks(byId(tiny, 'flatten'), 0)).toEqual([{ from: 'max_pool_2', channels: 'all' }]);
    expect(inputLinks(byId(tiny, 'output'), 2)).toEqual([{ from: 'flatten', channels: 'all' }]);
    expect(inputLinks(byId(tiny, 'input'), 0)).toEqual([]);
  });

  it('handles concatenation, element-wise merges and depthwise multipliers from shapes', () => {
    const base = byId(tiny, 'relu_1_1');
    const concat = {
      ...base,
      inputs: ['a', 'b'],
      inputShapes: [
        [8, 8, 3],
        [8, 8, 5],
      ],
      shape: [8, 8, 8],
    };
    expect(inputLinks(concat, 4)).toEqual([{ from: 'b', channels: [1] }]);
    const add = {
      ...base,
      inputs: ['a', 'b'],
      inputShapes: [
        [8, 8, 4],
        [8, 8, 4],
      ],
      shape: [8, 8, 4],
    };
    expect(inputLinks(add, 2)).toEqual([
      { from: 'a', channels: [2] },
      { from: 'b', channels: [2] },
    ]);
    const depthwise = { ...base, inputShapes: [[8, 8, 3]], shape: [8, 8, 6], weightShapes: [[3, 3, 3, 2]] };
    expect(inputLinks(depthwise, 5)).toEqual([{ from: 'conv_1_1', channels: [2] }]);
  });
});

describe('kernels', () => {
  it('slices [kh, kw, in, out] into one kh×kw kernel per input channel', () => {
    // kernel[r, c, i, o] = 1000r + 100c + 10i + o
    const shape = [2, 3, 4, 5];
    const data = new Float32Array(2 * 3 * 4 * 5);
    for (let r = 0; r < 2; r++)
      for (let c = 0; c < 3; c++)
        for (let i = 0; i < 4; i++)
          for (let o = 0; o < 5; o++) data[((r * 3 + c) * 4 + i) * 5 + o] = 1000 * r + 100 * c + 10 * i + o;
    const k = kernelSlices(
      [
        { name: 'kernel', value: { data, shape } },
        { name: 'bias', value: { data: new Float32Array(5), shape: [5] } },
      ],
      4,
      5,
      3,
    );
    expect(k).toMatchObject({ rows: 2, cols: 3 });
    expect([...k!.slices.get(2)!]).toEqual([23, 123, 223, 1023, 1123, 1223]);
    expect(k!.magnitude).toBe(1233);
    expect(
      kernelSlices([{ name: 'bias', value: { data: new Float32Array(5), shape: [5] } }], 4, 5, 0),
    ).toBeNull();
  });
});

describe('keyboard movement', () => {
  const l = layoutOverview(tiny, DEFAULT_LAYOUT);
  it('starts at the first neuron and moves within and across columns', () => {
    const start = moveFocus(l, null, 'down');
    expect(start).toEqual({ layerId: 'input', channel: 0 });
    expect(moveFocus(l, { layerId: 'conv_1_1', channel: 4 }, 'down')).toEqual({
      layerId: 'conv_1_1',
      channel: 5,
    });
    expect(moveFocus(l, { layerId: 'conv_1_1', channel: 0 }, 'up')).toEqual({
      layerId: 'conv_1_1',
      channel: 0,
    });
    expect(moveFocus(l, { layerId: 'conv_1_1', channel: 4 }, 'right')).toEqual({
      layerId: 'relu_1_1',
      channel: 4,
    });
    expect(moveFocus(l, { layerId: 'conv_1_1', channel: 9 }, 'left')).toEqual({
      layerId: 'input',
      channel: 2,
    });
    expect(moveFocus(l, { layerId: 'output', channel: 9 }, 'right')).toEqual({
      layerId: 'output',
      channel: 9,
    });
    expect(moveFocus(l, { layerId: 'max_pool_2', channel: 7 }, 'right')).toEqual({
      layerId: 'flatten',
      channel: 0,
    });
    expect(moveFocus(l, { layerId: 'conv_1_1', channel: 4 }, 'last')).toEqual({
      layerId: 'conv_1_1',
      channel: 9,
    });
  });
});
