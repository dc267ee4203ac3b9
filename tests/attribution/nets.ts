/**
 * Small nets for the attribution tests, their logits by a route of their own (a copy of the
 * net whose last layer has no softmax, weights copied by name), and plain-TypeScript heads.
 */
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';
import { tf } from '../../src/lib/engine/tf';
import { buildModel, getNamedWeights, setNamedWeights } from '../../src/lib/engine/build';
import { convLayer, denseLayer, flattenLayer, inputLayer, poolLayer } from '../fixtures/layers';
import { createRng } from '../../src/lib/random';

/** conv 3×3 tanh → 2×2 average pool → dense softmax: smooth, so finite differences are exact to rounding. */
export function smoothNet(size: number, classes: number): NetworkSpec {
  return {
    name: 'smooth',
    layers: [
      inputLayer([size, size, 3]),
      convLayer('conv', 'input', { activation: 'tanh' }),
      poolLayer('pool', 'AveragePooling2D', 'conv', [2, 2], [2, 2], 'valid'),
      flattenLayer('flatten', 'pool'),
      denseLayer('out', 'flatten', classes, 'softmax'),
    ],
  };
}

/** A residual block: conv a (same, ReLU) → conv b (same) → add(a, b) → ReLU → global mean → dense softmax. */
export function residualNet(size: number, classes: number): NetworkSpec {
  const layers: LayerSpec[] = [
    inputLayer([size, size, 3]),
    convLayer('a', 'input', { padding: 'same', activation: 'relu' }),
    convLayer('b', 'a', { padding: 'same' }),
    { id: 'sum', type: 'Add', params: {}, inputs: ['a', 'b'] },
    { id: 'act', type: 'Activation', params: { activation: 'relu' }, inputs: ['sum'] },
    { id: 'gap', type: 'GlobalAveragePooling2D', params: {}, inputs: ['act'] },
    denseLayer('out', 'gap', classes, 'softmax'),
  ];
  return { name: 'residual', layers };
}

/** The same net with a Softmax layer of its own after a linear dense layer. */
export function softmaxLayerNet(size: number, classes: number): NetworkSpec {
  const spec = smoothNet(size, classes);
  const layers = spec.layers.map((l) =>
    l.id === 'out' ? denseLayer('logits', 'flatten', classes, 'linear') : l,
  );
  return {
    name: 'softmax-layer',
    layers: [...layers, { id: 'out', type: 'Softmax', params: { axis: -1 }, inputs: ['logits'] }],
  };
}

/** The spec with its last layer's softmax taken off (a Softmax layer dropped, a fused one made linear). */
export function withoutSoftmax(spec: NetworkSpec): NetworkSpec {
  const last = spec.layers.at(-1)!;
  if (last.type === 'Softmax') return { ...spec, layers: spec.layers.slice(0, -1) };
  return {
    ...spec,
    layers: [...spec.layers.slice(0, -1), { ...last, params: { ...last.params, activation: 'linear' } }],
  };
}

/** The net and a copy that outputs its logits, with the same seeded weights. */
export async function netWithLogits(
  spec: NetworkSpec,
  seed: number,
): Promise<{ model: tf.LayersModel; logits: tf.LayersModel; weights: Map<string, Float32Array> }> {
  const model = await buildModel(spec);
  const rng = createRng(seed);
  const weights = new Map([...getNamedWeights(model)].map(([k, v]) => [k, v.map(() => (rng() - 0.5) * 0.8)]));
  setNamedWeights(model, weights);
  const logits = await buildModel(withoutSoftmax(spec), weights);
  return { model, logits, weights };
}

export function randomImage(size: number, seed: number, lo = 0, hi = 1): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size * size * 3 }, () => lo + (hi - lo) * rng());
}

/** One output of `model` for one HWC image. */
export function outputOf(model: tf.LayersModel, image: Float32Array, size: number, c: number): number {
  return tf.tidy(() => (model.predict(tf.tensor4d(image, [1, size, size, 3])) as tf.Tensor).dataSync()[c]!);
}

/** Central differences of f at x, for the listed indices, in float64. */
export function finiteDifferences(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  indices: number[],
  h: number,
): number[] {
  return indices.map((i) => {
    const up = Float64Array.from(x);
    const down = Float64Array.from(x);
    up[i]! += h;
    down[i]! -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}
