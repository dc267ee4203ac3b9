/**
 * The two CIFAR-10 networks we train (ResNet-8, MobileNet-CIFAR): shapes, parameter and
 * multiply-add counts against a hand computation, the blocks they are made of, and that tfjs
 * builds them with the same counts and trains them (HardSwish and depthwise gradients included).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel } from '../../src/lib/engine/build';
import { Trainer } from '../../src/lib/engine/train';
import { tf } from '../../src/lib/engine/tf';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { zooCounts } from '../../src/lib/zoo/index';
import { resnetCifarSpec } from '../../src/lib/zoo/resnetCifar';
import { mobilenetCifarSpec } from '../../src/lib/zoo/mobilenetCifar';
import type { NetworkSpec } from '../../src/lib/spec/types';

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
});

const conv = (k: number, ci: number, co: number) => k * k * ci * co;
const bn = (c: number) => 4 * c; // γ, β, moving mean, moving variance
const dense = (i: number, o: number) => i * o + o;

function shapeOf(spec: NetworkSpec, id: string): number[] | null {
  const info = inferShapes(spec).layers.get(id);
  return info?.status === 'ok' ? info.shape : null;
}

describe('ResNet-8 for CIFAR-10', () => {
  const spec = resnetCifarSpec(10, 1);

  it('counts parameters and multiply-adds as computed by hand', () => {
    const stem = conv(3, 3, 16) + bn(16);
    const stage1 = 2 * (conv(3, 16, 16) + bn(16));
    const stage2 = conv(3, 16, 32) + conv(3, 32, 32) + conv(1, 16, 32) + 3 * bn(32);
    const stage3 = conv(3, 32, 64) + conv(3, 64, 64) + conv(1, 32, 64) + 3 * bn(64);
    const counts = zooCounts(spec);
    expect(counts.params).toBe(stem + stage1 + stage2 + stage3 + dense(64, 10));
    expect(counts.params).toBe(78_714);
    // Moving means and variances are not trained: 2 × (3·16 + 3·32 + 3·64) of them.
    expect(counts.params - counts.trainable).toBe(2 * (48 + 96 + 192));
    const macs =
      32 * 32 * (conv(3, 3, 16) + 2 * conv(3, 16, 16)) +
      16 * 16 * (conv(3, 16, 32) + conv(3, 32, 32) + conv(1, 16, 32)) +
      8 * 8 * (conv(3, 32, 64) + conv(3, 64, 64) + conv(1, 32, 64)) +
      64 * 10;
    expect(counts.macs).toBe(macs);
    expect(counts.valid && counts.runnable).toBe(true);
  });

  it('halves the map at each stage and joins each block with an Add', () => {
    expect(shapeOf(spec, 'input')).toEqual([32, 32, 3]);
    expect(shapeOf(spec, 'stage1_block1_out')).toEqual([32, 32, 16]);
    expect(shapeOf(spec, 'stage2_block1_out')).toEqual([16, 16, 32]);
    expect(shapeOf(spec, 'stage3_block1_out')).toEqual([8, 8, 64]);
    expect(shapeOf(spec, 'output')).toEqual([10]);
    const adds = spec.layers.filter((l) => l.type === 'Add');
    expect(adds.map((l) => l.inputs)).toEqual([
      ['stem_relu', 'stage1_block1_2_bn'],
      ['stage2_block1_shortcut_bn', 'stage2_block1_2_bn'],
      ['stage3_block1_shortcut_bn', 'stage3_block1_2_bn'],
    ]);
    expect(zooCounts(resnetCifarSpec(10, 3)).params).toBeGreaterThan(270_000); // ResNet-20
  });
});

describe('MobileNet for CIFAR-10', () => {
  const spec = mobilenetCifarSpec();
  const se = (c: number, r: number) => dense(c, r) + dense(r, c);
  /** Expand 1×1 (when e > 1), depthwise 3×3, project 1×1, their batch norms and the SE gate. */
  const block = (ci: number, e: number, co: number, reduce: number) =>
    (e > 1 ? ci * e * ci + bn(e * ci) : 0) +
    9 * e * ci +
    bn(e * ci) +
    e * ci * co +
    bn(co) +
    (reduce ? se(e * ci, reduce) : 0);

  it('counts parameters as computed by hand', () => {
    const params =
      conv(3, 3, 16) +
      bn(16) +
      block(16, 1, 16, 0) +
      block(16, 4, 24, 0) +
      block(24, 3, 24, 0) +
      block(24, 4, 40, 24) +
      block(40, 4, 40, 40) +
      block(40, 4, 64, 40) +
      block(64, 4, 64, 64) +
      conv(1, 64, 256) +
      bn(256) +
      dense(256, 10);
    const counts = zooCounts(spec);
    expect(counts.params).toBe(params);
    expect(counts.params).toBe(173_946);
    expect(counts.valid && counts.runnable).toBe(true);
    // Cheaper than ResNet-8 in multiply-adds, as the card says (about half).
    expect(counts.macs / zooCounts(resnetCifarSpec(10, 1)).macs).toBeLessThan(0.6);
  });

  it('is made of inverted residuals with depthwise filters, SE gates and hard-swish', () => {
    const types = spec.layers.map((l) => l.type);
    expect(types.filter((t) => t === 'DepthwiseConv2D')).toHaveLength(7);
    expect(types.filter((t) => t === 'Multiply')).toHaveLength(4);
    expect(types.filter((t) => t === 'HardSwish').length).toBeGreaterThan(8);
    // Adds only where a block keeps its shape: blocks 1, 3, 5 and 7.
    expect(spec.layers.filter((l) => l.type === 'Add').map((l) => l.id)).toEqual([
      'block1_add',
      'block3_add',
      'block5_add',
      'block7_add',
    ]);
    // The projection is linear: straight into batch norm, no activation after it.
    const afterProject = spec.layers.filter((l) => l.inputs.some((i) => /_project_bn$/.test(i)));
    expect(
      afterProject.every((l) => l.type === 'Add' || l.type === 'DepthwiseConv2D' || l.type === 'Conv2D'),
    ).toBe(true);
    expect(shapeOf(spec, 'block4_se_reshape')).toEqual([1, 1, 96]);
    expect(shapeOf(spec, 'block4_se_scale')).toEqual([8, 8, 96]);
    expect(shapeOf(spec, 'block7_add')).toEqual([4, 4, 64]);
  });
});

describe.each([
  ['ResNet-8', () => resnetCifarSpec(10, 1)],
  ['MobileNet-CIFAR', () => mobilenetCifarSpec()],
])('%s in tfjs', (_name, make) => {
  it('builds with the counted weights and takes a training step on wasm without leaking', async () => {
    const spec = make();
    const model = await buildModel(spec);
    const trainer = new Trainer(model, { optimizer: 'adam', learningRate: 1e-3, weightDecay: 0.05 });
    try {
      expect(model.countParams()).toBe(zooCounts(spec).params);
      const images = Float32Array.from({ length: 4 * 32 * 32 * 3 }, (_, i) => (i % 97) / 97);
      const first = await trainer.trainBatch(images, [0, 1, 2, 3]);
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) await trainer.trainBatch(images, [0, 1, 2, 3]);
      const later = await trainer.trainBatch(images, [0, 1, 2, 3]);
      expect(tf.memory().numTensors).toBe(before);
      expect(Number.isFinite(later.loss)).toBe(true);
      // Five steps on the same four images: the loss must fall.
      expect(later.loss).toBeLessThan(first.loss);
    } finally {
      trainer.dispose();
      model.dispose();
    }
  });
});
