/**
 * The MobileNet cost comparison: the paper's formulas with each layer's own numbers, found
 * for SeparableConv2D, for DepthwiseConv2D + 1×1 Conv2D as the zoo's MobileNets build them
 * (through batch norm and ReLU6), and equal to what the registry counts for those layers.
 */
import { describe, expect, it } from 'vitest';
import { separableCost, separablePairOf } from '../../src/lib/formula/separableCost';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { mobilenetSpec } from '../../src/lib/zoo/mobilenet';
import { mobilenetV2Spec } from '../../src/lib/zoo/mobilenetV2';
import { modernNetSpec } from '../fixtures/modernNet';
import type { NetworkSpec } from '../../src/lib/spec/types';

function macs(spec: NetworkSpec, id: string): number {
  const info = inferShapes(spec).layers.get(id);
  if (info?.status !== 'ok') throw new Error(id);
  return info.macs;
}

describe('separable cost', () => {
  it('is the paper’s formula: D_K²·M·N·D_F² against D_K²·M·D_F² + M·N·D_F², ratio 1/N + 1/D_K²', () => {
    // MobileNet's 14×14×512 → 512 block with 3×3 kernels.
    const c = separableCost({
      outHeight: 14,
      outWidth: 14,
      kernel: [3, 3],
      inChannels: 512,
      depthMultiplier: 1,
      outChannels: 512,
    });
    expect(c.standard).toBe(3 * 3 * 512 * 512 * 14 * 14);
    expect(c.depthwise).toBe(3 * 3 * 512 * 14 * 14);
    expect(c.pointwise).toBe(512 * 512 * 14 * 14);
    expect(c.ratio).toBeCloseTo(1 / 512 + 1 / 9, 12);
    expect(c.paperRatio).toBeCloseTo(c.ratio, 12);
    const x2 = separableCost({ ...c, depthMultiplier: 2 });
    expect(x2.ratio).toBeCloseTo(2 * c.ratio, 12);
  });

  it('finds MobileNet v1’s pointwise convolution after its depthwise one, through batch norm and ReLU6', () => {
    const spec = mobilenetSpec();
    const pair = separablePairOf(spec, 'conv_dw_2');
    expect(pair).toMatchObject({
      depthwiseId: 'conv_dw_2',
      pointwiseId: 'conv_pw_2',
      between: ['conv_dw_2_bn', 'conv_dw_2_relu'],
      shape: {
        outHeight: 56,
        outWidth: 56,
        kernel: [3, 3],
        inChannels: 64,
        depthMultiplier: 1,
        outChannels: 128,
      },
    });
    // From the pointwise side it is the same pair.
    expect(separablePairOf(spec, 'conv_pw_2')).toEqual(pair);
    // The counts are the registry's own multiply-adds of the two layers.
    const cost = separableCost(pair!.shape);
    expect(cost.depthwise).toBe(macs(spec, 'conv_dw_2'));
    expect(cost.pointwise).toBe(macs(spec, 'conv_pw_2'));
    // A 1×1 convolution after a plain convolution is no pointwise step.
    expect(separablePairOf(spec, 'conv1')).toBeNull();
    expect(separablePairOf(spec, 'conv_preds')).toBeNull();
  });

  it('finds MobileNet v2’s projection after the depthwise step of an inverted residual', () => {
    const spec = mobilenetV2Spec();
    const dw = spec.layers.find((l) => l.type === 'DepthwiseConv2D' && l.id.startsWith('block_3'));
    expect(dw).toBeDefined();
    const pair = separablePairOf(spec, dw!.id);
    expect(pair?.pointwiseId).toBe('block_3_project');
    const cost = separableCost(pair!.shape);
    expect(cost.depthwise).toBe(macs(spec, dw!.id));
    expect(cost.pointwise).toBe(macs(spec, 'block_3_project'));
  });

  it('counts a SeparableConv2D as the registry does, and a depthwise with a multiplier', () => {
    const spec = modernNetSpec();
    for (const id of ['sep', 'sep_dil']) {
      const pair = separablePairOf(spec, id);
      expect(pair?.pointwiseId).toBeNull();
      const cost = separableCost(pair!.shape);
      expect(cost.separable).toBe(macs(spec, id));
    }
    expect(separablePairOf(spec, 'sep')?.shape).toMatchObject({
      inChannels: 16,
      depthMultiplier: 2,
      outChannels: 5,
    });
    expect(separablePairOf(spec, 'dw')).toMatchObject({
      pointwiseId: 'pw',
      between: ['bn_noscale', 'dw_relu6'],
    });
    // dw_x2 feeds a batch norm and then a separable convolution, not a 1×1 Conv2D.
    const alone = separablePairOf(spec, 'dw_x2');
    expect(alone).toMatchObject({ pointwiseId: null, shape: { outChannels: 16, depthMultiplier: 2 } });
    expect(separableCost(alone!.shape).depthwise).toBe(macs(spec, 'dw_x2'));
    expect(separablePairOf(spec, 'conv')).toBeNull();
  });

  it('stops at a branch: a depthwise output read twice has no single pointwise partner', () => {
    const spec = modernNetSpec();
    spec.layers.push({ id: 'tap', type: 'ReLU', params: {}, inputs: ['dw'] });
    expect(separablePairOf(spec, 'dw')?.pointwiseId).toBeNull();
    expect(separablePairOf(spec, 'pw')).toBeNull();
  });
});
