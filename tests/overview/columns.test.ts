/** Columns, blocks and signs of the overview, derived from specs alone. */
import { describe, expect, it } from 'vitest';
import { buildColumns, isDownsampling, stripGrid, type OverviewColumn } from '../../src/lib/overview/columns';
import { activationSign, isSigned } from '../../src/lib/overview/signs';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { DEMO_NETS, findDemoNet } from '../../src/lib/zoo/demoNets';
import type { NetworkSpec } from '../../src/lib/spec/types';

const columnsOf = (spec: NetworkSpec): OverviewColumn[] => buildColumns(spec, inferShapes(spec));

describe('overview columns', () => {
  it('lays TinyVGG out as input, 10 map layers, a flatten strip and the output', () => {
    const cols = columnsOf(tinyVggSpec());
    expect(cols.map((c) => c.kind)).toEqual([...Array(11).fill('maps'), 'strip', 'output']);
    expect(cols[0]).toMatchObject({ id: 'input', isInput: true, neurons: 3, grid: { rows: 64, cols: 64 } });
    expect(cols.find((c) => c.id === 'conv_1_1')).toMatchObject({
      neurons: 10,
      grid: { rows: 62, cols: 62 },
      paramCount: 280,
    });
    // The flatten strip keeps one column per channel of the 13×13×10 maps it came from.
    expect(cols.find((c) => c.id === 'flatten')?.grid).toEqual({ rows: 169, cols: 10 });
    expect(cols.at(-1)).toMatchObject({ id: 'output', neurons: 10 });
  });

  it('starts a new block after every pooling layer, the input being block 0', () => {
    const blocks = Object.fromEntries(columnsOf(tinyVggSpec()).map((c) => [c.id, c.block]));
    expect(blocks).toMatchObject({
      input: 0,
      conv_1_1: 1,
      max_pool_1: 1,
      conv_2_1: 2,
      max_pool_2: 2,
      flatten: 3,
      output: 3,
    });
  });

  it('knows which layers can be negative without looking at their types', () => {
    const signed = Object.fromEntries(columnsOf(tinyVggSpec()).map((c) => [c.id, c.signed]));
    expect(signed).toMatchObject({
      input: false,
      conv_1_1: true,
      relu_1_1: false,
      max_pool_1: false,
      flatten: false,
      output: false,
    });
    const strided = Object.fromEntries(columnsOf(findDemoNet('strided')!.spec).map((c) => [c.id, c.signed]));
    // ELU can be negative, and the pooling and flatten after it inherit that.
    expect(strided).toMatchObject({ elu: true, max_pool: true, flatten: true });
    const deep = columnsOf(findDemoNet('deep8')!.spec);
    expect(deep.filter((c) => c.id.startsWith('conv')).every((c) => !c.signed)).toBe(true);
  });

  it('draws every demo net: valid shapes, blocks that only grow, wide layers and hidden units', () => {
    for (const net of DEMO_NETS) {
      const table = inferShapes(net.spec);
      expect(
        [...table.layers.values()].every((i) => i.status === 'ok'),
        net.name,
      ).toBe(true);
      const cols = buildColumns(net.spec, table);
      expect(cols).toHaveLength(net.spec.layers.length);
      const blocks = cols.map((c) => c.block);
      expect(blocks).toEqual([...blocks].sort((a, b) => a - b));
    }
    const wide = columnsOf(findDemoNet('wide128')!.spec);
    expect(wide.find((c) => c.id === 'conv_wide')).toMatchObject({
      neurons: 64,
      grid: { rows: 64, cols: 64 },
    });
    expect(wide.find((c) => c.id === 'dense_hidden')).toMatchObject({ kind: 'units', neurons: 32 });
  });

  it('draws a volume [D, H, W, C] per channel as its depth slices stacked, in stored order', () => {
    const cols = columnsOf({
      name: 'volume',
      layers: [
        { id: 'in', type: 'Input', params: { shape: [12, 12, 3] }, inputs: [] },
        { id: 'vol', type: 'Reshape', params: { targetShape: [4, 6, 6, 3] }, inputs: ['in'] },
        {
          id: 'c3',
          type: 'Conv3D',
          params: {
            filters: 5,
            kernelSize: [2, 3, 3],
            strides: [1, 1, 1],
            padding: 'valid',
            dilation: [1, 1, 1],
            activation: 'relu',
            useBias: true,
          },
          inputs: ['vol'],
        },
      ],
    });
    expect(cols.find((c) => c.id === 'vol')).toMatchObject({
      kind: 'maps',
      neurons: 3,
      grid: { rows: 24, cols: 6 },
    });
    expect(cols.find((c) => c.id === 'c3')).toMatchObject({
      kind: 'maps',
      neurons: 5,
      grid: { rows: 12, cols: 4 },
    });
  });

  it('treats only weightless shrinking layers as block ends', () => {
    expect(isDownsampling(0, [[8, 8, 4]], [4, 4, 4])).toBe(true);
    expect(isDownsampling(0, [[8, 8, 4]], [256])).toBe(false);
    expect(isDownsampling(10, [[8, 8, 4]], [4, 4, 4])).toBe(false);
  });

  it('picks a strip grid from the source channels, or a tall near-square one', () => {
    expect(stripGrid(1690, [13, 13, 10])).toEqual({ rows: 169, cols: 10 });
    const g = stripGrid(1000, [1000]);
    expect(g.rows * g.cols).toBeGreaterThanOrEqual(1000);
    expect(g.rows).toBeGreaterThan(g.cols);
  });
});

describe('activation signs', () => {
  it('classifies activation functions by probing them', () => {
    expect(activationSign('relu')).toBe('nonNegative');
    expect(activationSign('sigmoid')).toBe('nonNegative');
    expect(activationSign('softmax')).toBe('nonNegative');
    expect(activationSign('linear')).toBe('identity');
    expect(activationSign('tanh')).toBe('signed');
    expect(activationSign('leaky_relu')).toBe('signed');
    expect(activationSign('no-such-thing')).toBe('signed');
  });

  it('lets weightless layers inherit the sign of their inputs', () => {
    expect(isSigned({ weights: 0, inputsSigned: [false] })).toBe(false);
    expect(isSigned({ weights: 0, inputsSigned: [false, true] })).toBe(true);
    expect(isSigned({ activation: 'linear', weights: 12, inputsSigned: [false] })).toBe(true);
    expect(isSigned({ activation: 'relu', weights: 12, inputsSigned: [true] })).toBe(false);
  });
});
