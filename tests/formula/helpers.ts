/**
 * Shared fixtures for the formula tests: small nets built with seeded random weights and run
 * once through the engine, so the pure formulas can be checked against tfjs' own numbers.
 * Tensors are NHWC without the batch axis, as everywhere in the app.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel, setNamedWeights, weightName, type NamedWeights } from '../../src/lib/engine/build';
import { Explainer } from '../../src/lib/engine/explain';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { createRng, randomInt, type Rng } from '../../src/lib/random';
import type { Explanation, TensorData } from '../../src/lib/tensor/types';
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';
import { convLayer as conv, poolLayer as pool } from '../fixtures/layers';

/** Same padding and stride 2, odd pad totals (extra zero bottom/right), a bias-free conv, same-padded pools. */
export function strideNetSpec(): NetworkSpec {
  return {
    name: 'stride-net',
    layers: [
      { id: 'input', type: 'Input', params: { shape: [10, 11, 3] }, inputs: [] },
      conv('conv_s2', 'input', { filters: 4, strides: [2, 2], padding: 'same', activation: 'relu' }),
      conv('conv_tall', 'conv_s2', {
        filters: 5,
        kernelSize: [4, 2],
        strides: [2, 1],
        padding: 'same',
        activation: 'sigmoid',
        useBias: false,
      }),
      pool('max_same', 'MaxPooling2D', 'conv_tall', [3, 3], [2, 2], 'same'),
      pool('avg_same', 'AveragePooling2D', 'max_same', [2, 3], [1, 2], 'same'),
      { id: 'flatten', type: 'Flatten', params: {}, inputs: ['avg_same'] },
      {
        id: 'output',
        type: 'Dense',
        params: { units: 6, activation: 'softmax', useBias: true },
        inputs: ['flatten'],
      },
    ],
  };
}

/** Dilation 2 with same and valid padding, a conv with softmax over channels, valid pools. */
export function dilationNetSpec(): NetworkSpec {
  return {
    name: 'dilation-net',
    layers: [
      { id: 'input', type: 'Input', params: { shape: [13, 12, 2] }, inputs: [] },
      conv('conv_dil_same', 'input', { filters: 3, dilation: [2, 2], padding: 'same', activation: 'tanh' }),
      conv('conv_dil_valid', 'conv_dil_same', {
        filters: 4,
        kernelSize: [2, 3],
        dilation: [2, 1],
        activation: 'softmax',
      }),
      pool('avg_valid', 'AveragePooling2D', 'conv_dil_valid', [2, 2], [2, 2], 'valid'),
      pool('max_overlap', 'MaxPooling2D', 'avg_valid', [2, 2], [1, 1], 'valid'),
      { id: 'flatten', type: 'Flatten', params: {}, inputs: ['max_overlap'] },
      {
        id: 'output',
        type: 'Dense',
        params: { units: 5, activation: 'softmax', useBias: true },
        inputs: ['flatten'],
      },
    ],
  };
}

export interface ExplainedNet {
  spec: NetworkSpec;
  model: tf.LayersModel;
  explanation: Explanation;
}

let backendReady: Promise<unknown> | null = null;

/**
 * One random weight. Batch norm's statistics get values a trained net could have: a moving
 * variance in 0.2…2 (never negative), a mean and shift in −1…1, a scale in 0.5…1.5.
 */
function randomWeight(name: string, rng: Rng, scale: number): number {
  if (name === 'moving_variance') return 0.2 + rng() * 1.8;
  if (name === 'moving_mean' || name === 'beta') return rng() * 2 - 1;
  if (name === 'gamma') return 0.5 + rng();
  return (rng() * 2 - 1) * scale;
}

/** Gives every weight of `model` a seeded value (see randomWeight): He-scaled kernels, non-zero biases, so no ReLU starts dead everywhere. */
export function setSeededWeights(model: tf.LayersModel, rng: Rng): void {
  const weights: NamedWeights = new Map();
  for (const layer of model.layers)
    for (const w of layer.weights) {
      const shape = w.shape.map((d) => d ?? 1);
      const size = shape.reduce((a, b) => a * b, 1);
      const fanIn = shape.length > 1 ? size / (shape[shape.length - 1] ?? 1) : 1;
      const scale = shape.length > 1 ? Math.sqrt(6 / fanIn) : 0.3;
      const name = w.originalName.split('/').pop() ?? '';
      // Full names: a Bidirectional's two directions have weights of the same short name.
      weights.set(
        weightName(layer.name, w.originalName),
        Float32Array.from({ length: size }, () => randomWeight(name, rng, scale)),
      );
    }
  setNamedWeights(model, weights);
}

/** Builds the net with seeded weights (see setSeededWeights) and explains one random image. */
export async function explainNet(spec: NetworkSpec, seed: number): Promise<ExplainedNet> {
  backendReady ??= initBackend({ order: ['cpu'] });
  await backendReady;
  const rng = createRng(seed);
  const model = await buildModel(spec);
  setSeededWeights(model, rng);
  const [, ...inputShape] = model.inputs[0]?.shape ?? [];
  const size = inputShape.reduce((a: number, b) => a * (b ?? 1), 1);
  const image = Float32Array.from({ length: size }, () => rng());
  const explanation = new Explainer(model).explain(image);
  return { spec, model, explanation };
}

export function tinyVgg(seed = 1): Promise<ExplainedNet> {
  return explainNet(tinyVggSpec(), seed);
}

export function activationOf(net: Pick<ExplainedNet, 'explanation'>, id: string): TensorData {
  const t = net.explanation.activations.get(id);
  if (!t) throw new Error(`no activation for ${id}`);
  return t;
}

export function layersOfType(net: ExplainedNet, type: string): LayerSpec[] {
  return net.spec.layers.filter((l) => l.type === type);
}

export interface Position {
  row: number;
  col: number;
  channel: number;
}

/** Every position when there are few, else the four corners plus `count` random ones. */
export function samplePositions(shape: readonly number[], rng: Rng, count = 24): Position[] {
  const [h = 1, w = 1, c = 1] = shape;
  if (h * w * c <= count + 4) {
    const all: Position[] = [];
    for (let row = 0; row < h; row++)
      for (let col = 0; col < w; col++)
        for (let channel = 0; channel < c; channel++) all.push({ row, col, channel });
    return all;
  }
  const corners: Position[] = [
    { row: 0, col: 0, channel: 0 },
    { row: 0, col: w - 1, channel: c - 1 },
    { row: h - 1, col: 0, channel: 0 },
    { row: h - 1, col: w - 1, channel: c - 1 },
  ];
  const random = Array.from({ length: count }, () => ({
    row: randomInt(rng, 0, h - 1),
    col: randomInt(rng, 0, w - 1),
    channel: randomInt(rng, 0, c - 1),
  }));
  return [...corners, ...random];
}

/** |actual − expected| within 1e-4, relative for values above 1 (float32 sums of many terms). */
export function expectClose(actual: number, expected: number, what: string, tolerance = 1e-4): void {
  const error = Math.abs(actual - expected);
  if (!(error <= tolerance * Math.max(1, Math.abs(expected))))
    throw new Error(`${what}: got ${actual}, expected ${expected} (off by ${error})`);
}

export function disposeNets(nets: readonly ExplainedNet[]): void {
  for (const net of nets) net.model.dispose();
}

export function tensorCount(): number {
  return tf.memory().numTensors;
}

/**
 * For a test file: the nets `load` explains, made before its tests and disposed after them;
 * each test must leave the tensor count as it found it. The returned list is filled once the
 * nets are ready.
 */
export function useExplainedNets(load: () => Promise<ExplainedNet[]>): ExplainedNet[] {
  const nets: ExplainedNet[] = [];
  let baseline = 0;
  beforeAll(async () => {
    nets.push(...(await load()));
    baseline = tensorCount();
  });
  afterEach(() => expect(tensorCount()).toBe(baseline));
  afterAll(() => disposeNets(nets));
  return nets;
}

/** One net as `useExplainedNets` makes them: the returned object gets its fields once it is ready. */
export function useExplainedNet(spec: NetworkSpec, seed: number): ExplainedNet {
  const net = {} as ExplainedNet;
  useExplainedNets(async () => [Object.assign(net, await explainNet(spec, seed))]);
  return net;
}

/** TinyVGG, the stride net and the dilation net with seeds `seed + 1…3` (see useExplainedNets). */
export function useFormulaNets(seed: number): ExplainedNet[] {
  return useExplainedNets(async () => [
    await tinyVgg(seed + 1),
    await explainNet(strideNetSpec(), seed + 2),
    await explainNet(dilationNetSpec(), seed + 3),
  ]);
}
