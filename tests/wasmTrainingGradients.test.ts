/**
 * The whole training step's gradients on wasm, with every kernel we replaced (convolution and
 * depthwise gradients, leading-axis sums, per-channel ops, shared copies), against the cpu
 * backend's for the same weights and batch: TinyVGG (max pooling), ResNet-8 and MobileNet-CIFAR (batch norm in training
 * mode, squeeze-and-excitation, hard-swish, residual adds) as `npm run train` builds them.
 *
 * The weights are drawn at random. Now and then (about one draw in four for MobileNet-CIFAR) an
 * input of some ReLU lands within rounding of 0, and the two backends, whose sums round
 * differently, put it on opposite sides of the kink. That one element's derivative then differs
 * by its whole value, and the stem's gradient by up to a few per cent: legitimately, since the
 * derivative at the kink is undefined. So the test compares which piece of every piecewise
 * activation each element falls on, draws new weights when one or two elements disagree, and
 * fails when more do (a wrong forward kernel moves many).
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
const MOST_DRAWS = 8;
/** More elements than this on different pieces is not rounding. */
const MOST_KINK_DISAGREEMENTS = 3;

/**
 * Which straight piece of its activation each element falls on, for every piecewise-linear
 * activation of the model, flattened: 0 below the first kink, 1 between, 2 above the last.
 */
function activationPieces(model: tf.LayersModel, x: tf.Tensor): Uint8Array {
  // `flat`: the probed tensor is an activation's output, which sits exactly on the saturated
  // value; otherwise it is the pre-activation, which falls either side of a kink.
  const probes: { tensor: tf.SymbolicTensor; kinks: [number, number]; flat: boolean }[] = [];
  for (const layer of model.layers) {
    const activation = (layer.getConfig() as { activation?: string }).activation;
    const input = layer.input as tf.SymbolicTensor;
    const output = layer.output as tf.SymbolicTensor;
    const separate = layer.getClassName() === 'ReLU' || layer.getClassName() === 'Activation';
    if (layer.getClassName() === 'ReLU' || (separate && activation === 'relu'))
      probes.push({ tensor: input, kinks: [0, 0], flat: false });
    else if (separate && activation === 'hard_swish')
      probes.push({ tensor: input, kinks: [-3, 3], flat: false });
    else if (activation === 'relu') probes.push({ tensor: output, kinks: [0, 0], flat: true });
    else if (activation === 'relu6') probes.push({ tensor: output, kinks: [0, 6], flat: true });
    else if (activation === 'hard_sigmoid') probes.push({ tensor: output, kinks: [0, 1], flat: true });
  }
  const probe = tf.model({ inputs: model.inputs, outputs: probes.map((p) => p.tensor) });
  const values = tf.tidy(() => {
    const out = probe.apply(x, { training: true });
    return (Array.isArray(out) ? out : [out]).map((t) => (t as tf.Tensor).dataSync() as Float32Array);
  });
  const pieces: number[] = [];
  values.forEach((v, k) => {
    const {
      kinks: [lo, hi],
      flat,
    } = probes[k]!;
    for (const a of v) {
      if (flat) pieces.push(a <= lo ? 0 : hi > lo && a >= hi ? 2 : 1);
      else pieces.push(a < lo ? 0 : a > hi ? 2 : 1);
    }
  });
  return Uint8Array.from(pieces);
}

async function gradients(spec: NetworkSpec, weights: NamedWeights | undefined, images: Float32Array) {
  const model = await buildModel(spec, weights);
  const named = getNamedWeights(model);
  const before = tf.memory().numTensors;
  const pieces = tf.tidy(() => activationPieces(model, tf.tensor(images, [BATCH, 32, 32, 3])));
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
  return { grads, named, leaked, pieces };
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
      const drawAndCompare = async () => {
        await initBackend({ order: ['cpu'] });
        const ref = await gradients(spec, undefined, images);
        await initBackend({ order: ['wasm'] });
        const got = await gradients(spec, ref.named, images);
        expect(got.pieces.length).toBe(ref.pieces.length);
        const disagreements = got.pieces.reduce((n, p, i) => n + (p !== ref.pieces[i] ? 1 : 0), 0);
        expect(disagreements, 'elements on different pieces of an activation').toBeLessThanOrEqual(
          MOST_KINK_DISAGREEMENTS,
        );
        return { ref, got, disagreements };
      };
      let draw = await drawAndCompare();
      for (let n = 1; draw.disagreements > 0 && n < MOST_DRAWS; n++) draw = await drawAndCompare();
      expect(draw.disagreements, `every one of ${MOST_DRAWS} draws had an element on a kink`).toBe(0);
      const { ref, got } = draw;
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
