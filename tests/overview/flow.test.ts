import { describe, expect, it } from 'vitest';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { buildColumns } from '../../src/lib/overview/columns';
import { DEFAULT_LAYOUT, layoutOverview } from '../../src/lib/overview/layout';
import { arcHeight, branchOrder, flowOf, isBranching, joinSymbol } from '../../src/lib/overview/flow';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { resnet18Spec } from '../../src/lib/zoo/resnet18';
import { mobilenetV3SmallSpec } from '../../src/lib/zoo/mobilenetV3Small';
import { layer } from '../fixtures/branchNets';
import type { NetworkSpec } from '../../src/lib/spec/types';

const laidOut = (spec: NetworkSpec, flowHeight = 46) =>
  layoutOverview(buildColumns(spec, inferShapes(spec)), { ...DEFAULT_LAYOUT, flowHeight });
const ids = (spec: NetworkSpec) => buildColumns(spec, inferShapes(spec)).map((c) => c.id);

/** An inception-style block: four branches of 1–3 layers from one map, concatenated. */
function inceptionSpec(): NetworkSpec {
  const conv = (id: string, input: string, k: number) =>
    layer(id, 'Conv2D', [input], { filters: 2, kernelSize: [k, k], padding: 'same' });
  return {
    name: 'inception',
    layers: [
      layer('input', 'Input', [], { shape: [8, 8, 3] }),
      conv('b1', 'input', 1),
      conv('b2a', 'input', 1),
      conv('b2b', 'b2a', 3),
      conv('b3a', 'input', 1),
      conv('b3b', 'b3a', 5),
      layer('b4a', 'MaxPooling2D', ['input'], { poolSize: [3, 3], strides: [1, 1], padding: 'same' }),
      conv('b4b', 'b4a', 1),
      layer('mixed', 'Concatenate', ['b1', 'b2b', 'b3b', 'b4b']),
    ],
  };
}

describe('the overview of a branching net', () => {
  it('leaves a chain as it was: TinyVGG keeps its order, blocks and layout', () => {
    const spec = tinyVggSpec();
    expect(isBranching(spec)).toBe(false);
    expect(ids(spec)).toEqual(inferShapes(spec).order);
    const before = layoutOverview(buildColumns(spec, inferShapes(spec)), DEFAULT_LAYOUT);
    expect(before.headerY).toBe(DEFAULT_LAYOUT.padding + DEFAULT_LAYOUT.blockLabelHeight);
    expect(before.flowY).toBe(before.headerY);
    expect(flowOf(before).links.every((l) => l.kind === 'next')).toBe(true);
    expect(buildColumns(spec, inferShapes(spec)).map((c) => c.block)).toEqual([
      0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3,
    ]);
  });

  it('ResNet-18: each branch in one piece, the identity shortcut an arc into the Add', () => {
    const spec = resnet18Spec();
    expect(isBranching(spec)).toBe(true);
    const order = ids(spec);
    const at = (id: string) => order.indexOf(id);
    // layer2_0: the main path, then the projection shortcut, then the join.
    const block = order.slice(at('layer2_0_1_pad'), at('layer2_0_add') + 1);
    expect(block).toEqual([
      'layer2_0_1_pad',
      'layer2_0_1_conv',
      'layer2_0_1_bn',
      'layer2_0_1_relu',
      'layer2_0_2_conv',
      'layer2_0_2_bn',
      'layer2_0_down_conv',
      'layer2_0_down_bn',
      'layer2_0_add',
    ]);
    const layout = laidOut(spec);
    expect(layout.headerY).toBe(layout.flowY + 46);
    const flow = flowOf(layout);
    const skip = flow.links.find((l) => l.from === 'pool1' && l.to === 'layer1_0_add');
    const add = layout.byId.get('layer1_0_add');
    if (!skip || !add) throw new Error('no shortcut');
    expect(skip).toMatchObject({ kind: 'skip', shortcut: true, span: 6 });
    expect(skip.x1).toBe(add.slotX + add.slotWidth / 2);
    // The projection: out of the fork over the main path, along its own layers, into the join.
    const into = flow.links.filter((l) => l.to === 'layer2_0_add');
    expect(into.map((l) => [l.from, l.kind, l.side])).toEqual([
      ['layer2_0_down_bn', 'next', true],
      ['layer2_0_2_bn', 'skip', true],
    ]);
    expect(flow.links.find((l) => l.to === 'layer2_0_down_conv')).toMatchObject({
      kind: 'skip',
      shortcut: false,
    });
    expect(flow.links.find((l) => l.to === 'layer2_0_1_conv')).toMatchObject({ kind: 'next', side: false });
    expect(flow.joins.map((j) => j.id)).toHaveLength(8);
    expect(joinSymbol('Add')).toBe('+');
    // Two skips per projected block, one per identity block, none elsewhere.
    expect(flow.links.filter((l) => l.kind === 'skip')).toHaveLength(3 * 2 + 5);
  });

  it('inception: every branch in one piece, and longer arcs nest above shorter ones', () => {
    const spec = inceptionSpec();
    expect(ids(spec)).toEqual(['input', 'b1', 'b2a', 'b2b', 'b3a', 'b3b', 'b4a', 'b4b', 'mixed']);
    const flow = flowOf(laidOut(spec));
    const out = flow.links.filter((l) => l.from === 'input').map((l) => [l.to, l.kind]);
    expect(out).toEqual([
      ['b1', 'next'],
      ['b2a', 'skip'],
      ['b3a', 'skip'],
      ['b4a', 'skip'],
    ]);
    const lane = 40;
    const height = (to: string, from = 'input') => {
      const l = flow.links.find((x) => x.from === from && x.to === to);
      if (!l) throw new Error(`${from} → ${to}`);
      return arcHeight(l, lane);
    };
    expect(height('b3a')).toBeGreaterThan(height('b2a'));
    expect(height('b4a')).toBeGreaterThan(height('b3a'));
    expect(height('mixed', 'b1')).toBeGreaterThan(height('mixed', 'b3b'));
    expect(flow.links.filter((l) => l.side && l.kind === 'next').map((l) => l.to)).toEqual([
      'b2b',
      'b3b',
      'b4b',
      'mixed',
    ]);
  });

  it('an SE branch’s pooling ends no block; the head’s pooling does', () => {
    const spec = mobilenetV3SmallSpec();
    const columns = buildColumns(spec, inferShapes(spec));
    const blockOf = (id: string) => columns.find((c) => c.id === id)?.block;
    // The stem and every block up to the classifier's pooling share one band.
    expect(blockOf('expanded_conv_squeeze_excite_avg_pool')).toBe(blockOf('conv'));
    expect(blockOf('expanded_conv_10_project_bn')).toBe(blockOf('conv'));
    expect(blockOf('pool_reshape')).toBe((blockOf('global_average_pooling2d') ?? 0) + 1);
  });

  it('orders a long chain, and leaves cycles out', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      i === 0 ? layer('l0', 'Input', [], { shape: [4] }) : layer(`l${i}`, 'ReLU', [`l${i - 1}`]),
    );
    // 20,000 layers in one chain: a quadratic order would run past the test's time limit.
    expect(branchOrder(chain)).toHaveLength(20_000);
    const cyclic = [
      layer('a', 'Input', [], { shape: [4] }),
      layer('b', 'Add', ['a', 'c']),
      layer('c', 'ReLU', ['b']),
    ];
    expect(branchOrder(cyclic).map((l) => l.id)).toEqual(['a']);
  });
});
