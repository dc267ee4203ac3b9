/**
 * The whole training step's gradients on wasm, with every kernel we replaced (convolution and
 * depthwise gradients, leading-axis sums, per-channel ops, shared copies), against the cpu
 * backend's for the same weights and batch: TinyVGG (max pooling), ResNet-8 and MobileNet-CIFAR (batch norm in training
 * mode, squeeze-and-excitation, hard-swish, residual adds) as `npm run train` builds them.
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { buildModel, getNamedWeights, type NamedWeights } from '../src/lib/engine/build';
import { resnetCifarSpec } from '../src/lib/zoo/resnetCifar';
import { mobilenetCifarSpec } from '../src/lib/zoo/mobilenetCifar';
import { tinyVggSpec } from '../src/lib/zoo/tinyvgg';
import { createRng } from '../src/lib/random';
import type { NetworkSpec } from '../src/lib/spec/types';

const BATCH = 3;

async function gradients(spec: NetworkSpec, weights: NamedWeights | undefined, images: Float32Array) {
  const model = await buildModel(spec, weights);
  const named = getNamedWeights(model);
  const before = tf.memory().numTensors;
  const grads = tf.tidy(() => {
    const x = tf.tensor(images, [BATCH, 32, 32, 3]);
    const labels = tf.oneHot(tf.tensor1d([1, 4, 7], 'int32'), 10).toFloat();
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads: g } = tf.variableGrads(() => {
      const p = model.apply(x, { training: true }) as tf.Tensor;
      return tf.losses.softmaxCrossEntropy(labels, tf.log(tf.add(p, 1e-7))) as tf.Scalar;
    }, variables);
    // Keyed by the weight's place in the model: tfjs renames the variables of a second build.
    return Object.fromEntries(
      model.trainableWeights.map((w, i) => [
        `${i} ${w.originalName}`,
        g[variables[i]!.name]!.dataSync() as Float32Array,
      ]),
    );
  });
  const leaked = tf.memory().numTensors - before;
  model.dispose();
  return { grads, named, leaked };
}

describe('training gradients on wasm', () => {
  it.each([
    ['ResNet-8', () => resnetCifarSpec(10, 1)],
    ['MobileNet-CIFAR', () => mobilenetCifarSpec(10)],
    // Max-pool gradients, and filter gradients with the batch moved to channels by our loops.
    ['TinyVGG', () => tinyVggSpec(10, 32)],
  ] as const)(
    'match the cpu backend for %s',
    async (_name, makeSpec) => {
      const spec = makeSpec();
      const rng = createRng(5);
      const images = Float32Array.from({ length: BATCH * 32 * 32 * 3 }, () => rng());
      await initBackend({ order: ['cpu'] });
      const ref = await gradients(spec, undefined, images);
      await initBackend({ order: ['wasm'] });
      const got = await gradients(spec, ref.named, images);
      expect(got.leaked).toBe(0);
      const names = Object.keys(ref.grads).sort();
      expect(Object.keys(got.grads).sort()).toEqual(names);
      expect(names.length).toBeGreaterThanOrEqual(10);
      const largest = (v: Float32Array) => v.reduce((m, a) => Math.max(m, Math.abs(a)), 0);
      const overall = Math.max(...names.map((n) => largest(ref.grads[n]!)));
      for (const name of names) {
        const r = ref.grads[name]!;
        const g = got.grads[name]!;
        // Relative to the largest entry of the gradient: float32 sums in another order differ
        // by far less than this, a wrong or misplaced term by far more. A floor at 1e-4 of the
        // net's largest gradient: the β of a batch norm whose output feeds only other batch norms
        // (through 1×1 convolutions and adds) has a gradient of exactly zero in exact arithmetic,
        // so both backends give rounding noise of ~1e-9 there.
        const scale = Math.max(largest(r), 1e-4 * overall);
        let worst = 0;
        for (let i = 0; i < r.length; i++) worst = Math.max(worst, Math.abs(g[i]! - r[i]!) / scale);
        expect(worst, name).toBeLessThan(2e-3);
      }
    },
    300_000,
  );
});
