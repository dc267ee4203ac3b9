/**
 * A training step on wasm skips the first convolution's input gradient (the images'): the step
 * must still update every weight exactly as the cpu backend's full step does, and the skip must
 * apply only to that convolution and only during the step.
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { buildModel, getNamedWeights, type NamedWeights } from '../src/lib/engine/build';
import { Trainer } from '../src/lib/engine/train';
import {
  inputConvKernels,
  inputGradientSkipped,
  withoutInputGradients,
} from '../src/lib/engine/inputGradientSkip';
import { tinyVggSpec } from '../src/lib/zoo/tinyvgg';
import { createRng } from '../src/lib/random';

const SIZE = 20;
const BATCH = 4;

async function oneStep(weights: NamedWeights | undefined, images: Float32Array) {
  const model = await buildModel(tinyVggSpec(3, SIZE), weights);
  const before = getNamedWeights(model);
  const trainer = new Trainer(model, { optimizer: 'sgd', learningRate: 0.1 });
  await trainer.trainBatch(images, [0, 1, 2, 1]);
  const after = getNamedWeights(model);
  trainer.dispose();
  model.dispose();
  return { before, after };
}

describe('skipping the images’ gradient in a training step', () => {
  it('updates every weight as the cpu backend does, to 1e-4 relative', async () => {
    const rng = createRng(19);
    const images = Float32Array.from({ length: BATCH * SIZE * SIZE * 3 }, () => rng());
    await initBackend({ order: ['cpu'] });
    const ref = await oneStep(undefined, images);
    await initBackend({ order: ['wasm'] });
    const start = tf.memory().numTensors;
    const got = await oneStep(ref.before, images);
    expect(tf.memory().numTensors).toBe(start);
    expect([...got.after.keys()]).toEqual([...ref.after.keys()]);
    for (const [name, w] of ref.after) {
      const w0 = ref.before.get(name)!;
      const g = got.after.get(name)!;
      const step = w.map((v, i) => v - w0[i]!);
      const scale = Math.max(...step.map(Math.abs));
      expect(scale, name).toBeGreaterThan(0);
      for (let i = 0; i < w.length; i++)
        expect(Math.abs(g[i]! - w[i]!), name).toBeLessThanOrEqual(1e-4 * scale);
    }
  });

  it('names only the convolution that reads the input, and only while the step runs', async () => {
    await initBackend({ order: ['wasm'] });
    const model = await buildModel(tinyVggSpec(3, SIZE));
    const kernels = inputConvKernels(model)();
    expect(kernels.length).toBe(1);
    const first = model.getLayer('conv_1_1').trainableWeights[0]!.read();
    const second = model.getLayer('conv_1_2').trainableWeights[0]!.read();
    expect(kernels[0]!.dataId).toBe(first.dataId);
    const during = await withoutInputGradients(kernels, async () => [
      inputGradientSkipped(first),
      inputGradientSkipped(second),
    ]);
    expect(during).toEqual([true, false]);
    expect(inputGradientSkipped(first)).toBe(false);
    model.dispose();
  });
});
