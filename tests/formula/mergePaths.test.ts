import { describe, expect, it } from 'vitest';
import { mergePaths } from '../../src/lib/formula/mergePaths';
import { resnet18Spec } from '../../src/lib/zoo/resnet18';
import { mobilenetV2Spec } from '../../src/lib/zoo/mobilenetV2';
import { branchNetSpec, layer } from '../fixtures/branchNets';
import type { NetworkSpec } from '../../src/lib/spec/types';

const ids = (p: { layers: { id: string }[] }) => p.layers.map((l) => l.id);

describe('the paths into a merge', () => {
  it('ResNet-18: an identity shortcut beside five layers, then a projection shortcut of two', () => {
    const spec = resnet18Spec();
    const identity = mergePaths(spec, 'layer1_0_add');
    expect(identity.fork?.id).toBe('pool1');
    expect(identity.paths.map(ids)).toEqual([
      [],
      ['layer1_0_1_conv', 'layer1_0_1_bn', 'layer1_0_1_relu', 'layer1_0_2_conv', 'layer1_0_2_bn'],
    ]);
    const projection = mergePaths(spec, 'layer2_0_add');
    expect(projection.fork?.id).toBe('layer1_1_out');
    expect(projection.paths.map(ids)).toEqual([
      ['layer2_0_down_conv', 'layer2_0_down_bn'],
      [
        'layer2_0_1_pad',
        'layer2_0_1_conv',
        'layer2_0_1_bn',
        'layer2_0_1_relu',
        'layer2_0_2_conv',
        'layer2_0_2_bn',
      ],
    ]);
    expect(projection.paths.map((p) => p.truncated)).toEqual([false, false]);
  });

  it('MobileNetV2: the block input is the fork of every inverted-residual Add', () => {
    const spec = mobilenetV2Spec();
    for (const add of spec.layers.filter((l) => l.type === 'Add')) {
      const { fork, paths } = mergePaths(spec, add.id);
      expect(fork?.id).toBe(add.inputs[0]);
      expect(paths[0]?.layers).toEqual([]);
      expect(paths[1]?.layers.at(-1)?.id).toBe(add.inputs[1]);
      expect(paths[1]?.layers.length).toBeGreaterThanOrEqual(6);
    }
  });

  it('passes through joins on the way, cuts long paths, and has no fork for two network inputs', () => {
    const spec = branchNetSpec();
    const mean = mergePaths(spec, 'mean3');
    expect(mean.fork?.id).toBe('c1');
    expect(mean.paths.map(ids)).toEqual([['res_add', 'se_scale'], ['c2'], []]);
    expect(mean.paths.map((p) => p.truncated)).toEqual([true, false, false]);
    const cut = mergePaths(spec, 'mean3', 1);
    expect(cut.paths[0]).toMatchObject({ truncated: true, source: 'se_scale' });
    expect(ids(cut.paths[0] ?? { layers: [] })).toEqual(['se_scale']);
    const twoInputs: NetworkSpec = {
      name: 'two',
      layers: [
        layer('a', 'Input', [], { shape: [4] }),
        layer('b', 'Input', [], { shape: [4] }),
        layer('sum', 'Add', ['a', 'b']),
      ],
    };
    expect(mergePaths(twoInputs, 'sum')).toMatchObject({ fork: null });
    expect(mergePaths(twoInputs, 'sum').paths.map(ids)).toEqual([['a'], ['b']]);
    expect(mergePaths(twoInputs, 'nope')).toEqual({ fork: null, paths: [] });
  });
});
