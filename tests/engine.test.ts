import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { buildModel, getNamedWeights, setNamedWeights } from '../src/lib/engine/build';
import { Explainer } from '../src/lib/engine/explain';
import { loadModelFromArtifacts, saveModelToArtifacts } from '../src/lib/engine/io';
import { tinyVggSpec } from '../src/lib/zoo/tinyvgg';
import { inferShapes, totals } from '../src/lib/spec/inferShapes';
import { createRng } from '../src/lib/random';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

function randomImage(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size * size * 3 }, () => rng());
}

describe('engine', () => {
  it('builds TinyVGG with the layer names, shapes and parameter count of the spec', async () => {
    const spec = tinyVggSpec();
    const model = await buildModel(spec);
    expect(model.layers.map((l) => l.name)).toEqual(spec.layers.map((l) => l.id));
    expect(model.countParams()).toBe(totals(inferShapes(spec)).params);
    expect(model.outputs[0]?.shape).toEqual([null, 10]);
    model.dispose();
  });

  it('explains an image with one execution: every layer, probabilities, kernels and biases; no tensor left behind', async () => {
    const spec = tinyVggSpec(10, 32);
    const model = await buildModel(spec);
    const explainer = new Explainer(model);
    const image = randomImage(32, 1);
    // One execution of the multi-output probe model per explain, not one per layer.
    const executeSpy = { calls: 0 };
    const probe = (explainer as unknown as { probe: tf.LayersModel }).probe;
    const original = probe.execute.bind(probe);
    probe.execute = (x, outputs) => {
      executeSpy.calls++;
      return original(x, outputs);
    };
    explainer.explain(image); // warm-up: tfjs caches some tensors on first use
    const before = tf.memory().numTensors;
    const e = explainer.explain(image);
    expect(tf.memory().numTensors).toBe(before);
    expect(executeSpy.calls).toBe(2);
    const table = inferShapes(spec);
    for (const layer of spec.layers) {
      const a = e.activations.get(layer.id);
      const info = table.layers.get(layer.id);
      expect(a, layer.id).toBeDefined();
      expect(info?.status === 'ok' && a!.shape).toEqual(info?.status === 'ok' ? info.shape : null);
      expect(a!.data.length).toBe(a!.shape.reduce((x, y) => x * y, 1));
    }
    expect(e.probabilities.length).toBe(10);
    expect([...e.probabilities].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(e.activations.get('input')!.data).toBe(image);
    const conv = e.weights.get('conv_1_1')!;
    expect(conv.map((w) => [w.name, w.value.shape])).toEqual([
      ['kernel', [3, 3, 3, 10]],
      ['bias', [10]],
    ]);
    expect(e.weights.get('relu_1_1')).toEqual([]);
    // ReLU really is max(0, conv).
    const c = e.activations.get('conv_1_1')!.data;
    const r = e.activations.get('relu_1_1')!.data;
    for (let i = 0; i < c.length; i += 97) expect(r[i]).toBe(Math.max(0, c[i]!));
    model.dispose();
  });

  it('saves and loads the tfjs format with identical weights, predictions and spec', async () => {
    const spec = tinyVggSpec(4, 24);
    const model = await buildModel(spec);
    const artifacts = await saveModelToArtifacts(model);
    const loaded = await loadModelFromArtifacts(artifacts, 'memory');
    expect(loaded.spec.layers).toEqual(spec.layers);
    const a = getNamedWeights(model);
    const b = getNamedWeights(loaded.model);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [k, v] of a) expect(Array.from(b.get(k)!)).toEqual(Array.from(v));
    const img = randomImage(24, 2);
    expect(Array.from(new Explainer(loaded.model).explain(img).probabilities)).toEqual(
      Array.from(new Explainer(model).explain(img).probabilities),
    );
    model.dispose();
    loaded.model.dispose();
  });

  it('builds with given weights and refuses weights of the wrong size by name', async () => {
    const spec = tinyVggSpec(3, 16);
    const a = await buildModel(spec);
    const weights = getNamedWeights(a);
    const b = await buildModel(spec, weights);
    const img = randomImage(16, 3);
    expect(Array.from(new Explainer(b).explain(img).probabilities)).toEqual(
      Array.from(new Explainer(a).explain(img).probabilities),
    );
    const bad = new Map(weights);
    bad.set('conv_1_2/kernel', new Float32Array(5));
    expect(() => setNamedWeights(b, bad)).toThrow('conv_1_2/kernel: expected 900 values, got 5');
    a.dispose();
    b.dispose();
  });

  it('refuses to build a spec with a shape error, naming the layer', async () => {
    const spec = tinyVggSpec(10, 4);
    await expect(buildModel(spec)).rejects.toThrow(/conv_1_2: a 3×3 kernel does not fit a 2×2 input/);
  });

  it('rejects corrupt model artifacts with the source named', async () => {
    await expect(
      loadModelFromArtifacts({ modelTopology: { nonsense: true } }, 'broken/model.json'),
    ).rejects.toThrow(/^broken\/model\.json: /);
  });
});

describe('engine weight names', () => {
  it('keeps the weights of wrapped layers apart (Bidirectional forward and backward)', async () => {
    const { getLayerDef } = await import('../src/lib/layers/registry');
    const { defaultLayerParams } = await import('../src/lib/layers/shared/params');
    const def = getLayerDef('Bidirectional')!;
    const params = { ...defaultLayerParams(def), layer: 'LSTM' };
    const spec = {
      name: 'bi',
      layers: [
        { id: 'in', type: 'Input', params: { shape: [5, 4] }, inputs: [] },
        { id: 'bi', type: 'Bidirectional', params, inputs: ['in'] },
      ],
    };
    const model = await buildModel(spec);
    const named = getNamedWeights(model);
    const count = model.layers.reduce((n, l) => n + l.weights.length, 0);
    expect(named.size).toBe(count);
    expect([...named.keys()].every((k) => k.startsWith('bi/'))).toBe(true);
    const copy = await buildModel(spec, named);
    const again = getNamedWeights(copy);
    for (const [k, v] of named) expect(Array.from(again.get(k)!)).toEqual(Array.from(v));
    model.dispose();
    copy.dispose();
  });
});
