/**
 * Feature visualisation (gradient ascent on the input) for a class or one channel of any
 * layer: the value it reports is checked against a forward pass of its own (a tfjs sub-model
 * ending at the layer), and it must rise well above the plain grey image's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend, tensorCount } from '../../src/lib/engine/backend';
import { buildModel } from '../../src/lib/engine/build';
import { Explainer } from '../../src/lib/engine/explain';
import { EngineAttributor } from '../../src/lib/engine/attribution/attributor';
import type { VisualiseOptions } from '../../src/lib/attribution/types';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { createRng } from '../../src/lib/random';
import { smallConvNet } from '../fixtures/smallConvNet';
import { setSeededWeights } from '../formula/helpers';
import { residualNet } from './nets';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const SIZE = 16;
const SHORT = {
  steps: 15,
  scales: [8, 16],
  seed: 3,
  tvWeight: 0.1,
  saturationWeight: 0.1,
  stepSize: 0.05,
  jitter: 1,
};

async function setUp(spec: NetworkSpec, seed = 11) {
  const model = await buildModel(spec);
  setSeededWeights(model, createRng(seed));
  const explainer = new Explainer(model);
  return { model, attributor: new EngineAttributor(model, (x) => explainer.explain(x)) };
}

/** The channel's mean activation, by a sub-model of tfjs' own that ends at the layer. */
function channelMean(model: tf.LayersModel, layerId: string, channel: number, image: Float32Array): number {
  return tf.tidy(() => {
    const sub = tf.model({
      inputs: model.inputs,
      outputs: model.getLayer(layerId).output as tf.SymbolicTensor,
    });
    const out = sub.predict(tf.tensor4d(image, [1, SIZE, SIZE, 3])) as tf.Tensor;
    const values = out.dataSync();
    const channels = out.shape[out.rank - 1]!;
    let sum = 0;
    for (let i = channel; i < values.length; i += channels) sum += values[i]!;
    return sum / (values.length / channels);
  });
}

describe('visualise (feature visualisation)', () => {
  it('raises one conv channel’s mean activation well above the grey image’s, as a sub-model measures it', async () => {
    const { model, attributor } = await setUp(smallConvNet(SIZE, 3));
    const grey = new Float32Array(SIZE * SIZE * 3).fill(0.5);
    for (const channel of [0, 1]) {
      const options: VisualiseOptions = { target: { kind: 'channel', layerId: 'conv', channel }, ...SHORT };
      const before = tensorCount();
      const r = await attributor.visualise(options);
      expect(tensorCount()).toBe(before);
      expect(r.image).toHaveLength(SIZE * SIZE * 3);
      expect(r.image.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(r.greyValue).toBeCloseTo(channelMean(model, 'conv', channel, grey), 5);
      expect(r.value).toBeCloseTo(channelMean(model, 'conv', channel, r.image), 5);
      expect(r.value).toBeGreaterThan(r.greyValue + 0.2);
      expect(r.value).toBeGreaterThan(2 * Math.max(r.greyValue, 0.1));
      // Seeded: the same options give the same image; another seed, another one.
      expect((await attributor.visualise(options)).image).toEqual(r.image);
      expect((await attributor.visualise({ ...options, seed: 4 })).image).not.toEqual(r.image);
    }
    model.dispose();
  });

  it('wakes a channel that is silent (0 after its ReLU) on grey, by climbing its value before the ReLU', async () => {
    const { model, attributor } = await setUp(smallConvNet(SIZE, 3));
    const grey = new Float32Array(SIZE * SIZE * 3).fill(0.5);
    expect(channelMean(model, 'conv', 2, grey)).toBe(0);
    const r = await attributor.visualise({
      target: { kind: 'channel', layerId: 'conv', channel: 2 },
      ...SHORT,
    });
    expect(r.greyValue).toBe(0);
    expect(r.value).toBeCloseTo(channelMean(model, 'conv', 2, r.image), 6);
    expect(r.value).toBeGreaterThan(0.005);
    model.dispose();
  });

  it('raises a class’s probability above the grey image’s and reports it as model.predict does', async () => {
    const { model, attributor } = await setUp(smallConvNet(SIZE, 3));
    const before = tensorCount();
    const r = await attributor.visualise({ target: { kind: 'class', classIndex: 2 }, ...SHORT });
    expect(tensorCount()).toBe(before);
    const predicted = tf.tidy(() =>
      (model.predict(tf.tensor4d(r.image, [1, SIZE, SIZE, 3])) as tf.Tensor).dataSync(),
    );
    expect(r.value).toBeCloseTo(predicted[2]!, 5);
    expect(Array.from(r.probabilities)).toEqual(Array.from(predicted));
    expect(r.value).toBeGreaterThan(Math.min(0.9, r.greyValue + 0.2));
    model.dispose();
  });

  it('reaches a channel of a layer that joins two branches (Add in a residual block)', async () => {
    const { model, attributor } = await setUp(residualNet(SIZE, 3), 5);
    const r = await attributor.visualise({
      target: { kind: 'channel', layerId: 'sum', channel: 1 },
      ...SHORT,
    });
    expect(r.value).toBeCloseTo(channelMean(model, 'sum', 1, r.image), 5);
    expect(r.value).toBeGreaterThan(r.greyValue + 0.3);
    model.dispose();
  });

  it('reports progress in chunks up to every step, stops on a signal and leaks nothing either way', async () => {
    const { model, attributor } = await setUp(smallConvNet(SIZE, 3));
    const seen: [number, number][] = [];
    const previews: Float32Array[] = [];
    const r = await attributor.visualise({
      target: { kind: 'class', classIndex: 0 },
      ...SHORT,
      budgetMs: 0,
      onProgress: (done, total) => seen.push([done, total]),
      onPreview: (image) => previews.push(image),
    });
    // A preview after every chunk but the last (the result is that one), each a new image.
    expect(previews).toHaveLength(29);
    expect(previews.every((p) => p.length === SIZE * SIZE * 3)).toBe(true);
    expect(previews[28]).not.toEqual(previews[0]);
    expect(previews[28]).not.toEqual(r.image);
    expect(r.steps).toBe(30);
    // A budget of 0 ms: one step per chunk, each reported.
    expect(seen).toEqual(Array.from({ length: 30 }, (_, k) => [k + 1, 30]));
    const before = tensorCount();
    const stop = new AbortController();
    const run = attributor.visualise({
      target: { kind: 'class', classIndex: 0 },
      ...SHORT,
      budgetMs: 0,
      onProgress: (done) => done === 5 && stop.abort(new Error('cancelled')),
      signal: stop.signal,
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(tensorCount()).toBe(before);
    model.dispose();
  });

  it('names a layer the net lacks, a channel it lacks and a class it lacks', async () => {
    const { model, attributor } = await setUp(smallConvNet(SIZE, 3));
    const before = tensorCount();
    await expect(
      attributor.visualise({ target: { kind: 'channel', layerId: 'nope', channel: 0 } }),
    ).rejects.toThrow('the net has no layer "nope"');
    await expect(
      attributor.visualise({ target: { kind: 'channel', layerId: 'conv', channel: 9 } }),
    ).rejects.toThrow(/channel 9 is not one of layer "conv"’s 4 channels/);
    await expect(attributor.visualise({ target: { kind: 'class', classIndex: 3 } })).rejects.toThrow(
      /class 3 is not one of the net's 3 outputs/,
    );
    await expect(
      attributor.visualise({ target: { kind: 'class', classIndex: 0 }, steps: 0 }),
    ).rejects.toThrow('steps must be a whole number ≥ 1, not 0');
    expect(tensorCount()).toBe(before);
    model.dispose();
  });
});
