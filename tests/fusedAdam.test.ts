/**
 * FusedAdam (one kernel per variable on wasm) against tfjs' AdamOptimizer on the cpu backend and
 * on wasm, bit for bit:
 * the variables and both moments after several steps, for sizes with and without a tail past
 * the last block of 4; the optimizer's saved state; no tensors left behind; and one whole
 * Trainer step of TinyVGG (gradients and the update) on wasm against the same on cpu.
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { FusedAdam, setFusedAdam } from '../src/lib/engine/fusedAdam';
import { buildModel, getNamedWeights } from '../src/lib/engine/build';
import { Trainer } from '../src/lib/engine/train';
import { tinyVggSpec } from '../src/lib/zoo/tinyvgg';
import { createRng } from '../src/lib/random';

const SHAPES = [[3, 3, 3, 10], [10], [169, 10], [7], [2, 2], [1]];
const STEPS = 4;

function draws(seed: number): { init: Float32Array[]; grads: Float32Array[][] } {
  const rng = createRng(seed);
  const make = (shape: number[], scale: number) =>
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (rng() * 2 - 1) * scale);
  return {
    init: SHAPES.map((s) => make(s, 1)),
    grads: Array.from({ length: STEPS }, (_, step) => SHAPES.map((s) => make(s, 10 ** -(step % 3)))),
  };
}

async function run(optimizer: tf.AdamOptimizer, seed: number) {
  const { init, grads } = draws(seed);
  const vars = init.map((v, i) =>
    tf.variable(tf.tensor(v, SHAPES[i]), true, `adam-test-${seed}-${i}-${Math.random()}`),
  );
  let afterFirst = 0;
  for (let s = 0; s < STEPS; s++) {
    const g = grads[s]!;
    tf.tidy(() =>
      optimizer.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: tf.tensor(g[i]!, SHAPES[i]) }))),
    );
    if (s === 0) afterFirst = tf.memory().numTensors;
  }
  const leaked = tf.memory().numTensors - afterFirst;
  const values = vars.map((v) => v.dataSync() as Float32Array);
  const state = (await optimizer.getWeights()).map(({ name, tensor }) => ({
    name,
    data: tensor.dataSync() as Float32Array,
  }));
  optimizer.dispose();
  vars.forEach((v) => v.dispose());
  return { values, state, leaked };
}

function expectClose(got: Float32Array, ref: Float32Array, relative: number, label: string): void {
  expect(got.length, label).toBe(ref.length);
  const scale = Math.max(1e-30, ...ref.map(Math.abs));
  let worst = 0;
  for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(got[i]! - ref[i]!));
  expect(worst / scale, label).toBeLessThanOrEqual(relative);
}

describe('FusedAdam', () => {
  it.each([1, 2])('equals tfjs Adam on the cpu backend (seed %i)', async (seed) => {
    await initBackend({ order: ['cpu'] });
    const ref = await run(new tf.AdamOptimizer(0.004, 0.9, 0.999), seed);
    await initBackend({ order: ['wasm'] });
    const got = await run(new FusedAdam(0.004, 0.9, 0.999), seed);
    setFusedAdam(false);
    const plain = await run(new FusedAdam(0.004, 0.9, 0.999), seed);
    setFusedAdam(true);
    expect(got.leaked).toBe(0);
    got.values.forEach((v, i) => expectClose(v, ref.values[i]!, 0, `variable ${i}`));
    got.values.forEach((v, i) => expectClose(v, plain.values[i]!, 0, `variable ${i}, unfused on wasm`));
    // The iteration count, then each variable's m and v, named as tfjs names them.
    expect(got.state.length).toBe(1 + 2 * SHAPES.length);
    got.state.forEach((s, i) => {
      expect(s.name.replace(/adam-test-.*-(\d+)-[\d.]+/, 'v$1')).toBe(
        ref.state[i]!.name.replace(/adam-test-.*-(\d+)-[\d.]+/, 'v$1'),
      );
      expectClose(s.data, ref.state[i]!.data, 1e-6, s.name);
    });
  });

  it('gives the cpu backend’s TinyVGG weights after a training step', async () => {
    const rng = createRng(9);
    const images = Float32Array.from({ length: 3 * 32 * 32 * 3 }, () => rng());
    const labels = [1, 4, 7];
    const step = async (weights?: Map<string, Float32Array>) => {
      const model = await buildModel(tinyVggSpec(10, 32), weights);
      const before = getNamedWeights(model);
      const trainer = new Trainer(model, { optimizer: 'adam', learningRate: 0.004 });
      await trainer.trainBatch(images, labels);
      const after = getNamedWeights(model);
      trainer.dispose();
      model.dispose();
      return { before, after };
    };
    await initBackend({ order: ['cpu'] });
    const ref = await step();
    await initBackend({ order: ['wasm'] });
    const tensors = tf.memory().numTensors;
    const got = await step(ref.before);
    expect(tf.memory().numTensors).toBe(tensors);
    expect([...got.after.keys()]).toEqual([...ref.after.keys()]);
    for (const [name, r] of ref.after) {
      const b = ref.before.get(name)!;
      const g = got.after.get(name)!;
      // Each weight moved by about the learning rate; a wrong update moves it by about as much.
      let worst = 0;
      for (let i = 0; i < r.length; i++) worst = Math.max(worst, Math.abs(g[i]! - b[i]! - (r[i]! - b[i]!)));
      expect(worst, name).toBeLessThan(0.004 * 1e-2);
      expect(
        r.some((v, i) => v !== b[i]),
        name,
      ).toBe(true);
    }
  }, 120_000);
});
