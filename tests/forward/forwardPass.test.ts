/**
 * The plain-TypeScript forward pass the page draws its first image with: the pretrained
 * TinyVGG read straight from its files must give the engine's explanation, layer by layer.
 * (Each layer type's forward is checked against tfjs over random configurations in
 * tests/layers, through the shared harness.)
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/lib/engine/backend';
import { Explainer } from '../../src/lib/engine/explain';
import { loadModelFromArtifacts } from '../../src/lib/engine/io';
import {
  ForwardUnsupported,
  forwardPass,
  layersWithoutForward,
  weightsFromManifest,
} from '../../src/lib/forward/forwardPass';
import { kerasModelToSpec } from '../../src/lib/formats/keras/topology';
import { createRng } from '../../src/lib/random';
import { FirstLook } from '../../src/lib/forward/firstLook';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { smallConvNet } from '../fixtures/smallConvNet';

const DIR = 'models/tinyvgg-cifar10';

interface ModelJson {
  modelTopology: Record<string, unknown>;
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
}

function pretrained() {
  const json = JSON.parse(readFileSync(`${DIR}/model.json`, 'utf8')) as ModelJson;
  const bytes = readFileSync(`${DIR}/weights.bin`);
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
  return { json, weightData, weightSpecs };
}

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('forward pass of the pretrained TinyVGG', () => {
  it('gives every layer the values the engine extracts, and the same weights', async () => {
    const { json, weightData, weightSpecs } = pretrained();
    const spec = kerasModelToSpec(json.modelTopology, 'TinyVGG');
    const weights = weightsFromManifest(weightSpecs, weightData);
    const { model } = await loadModelFromArtifacts(
      { modelTopology: json.modelTopology as never, weightSpecs: weightSpecs as never, weightData },
      DIR,
    );
    const engine = new Explainer(model);
    const rng = createRng(7);
    const image = Float32Array.from({ length: 64 * 64 * 3 }, () => rng());
    const expected = engine.explain(image);
    const ours = forwardPass(spec, weights, image);
    expect([...ours.activations.keys()]).toEqual([...expected.activations.keys()]);
    for (const [id, want] of expected.activations) {
      const got = ours.activations.get(id);
      expect(got?.shape, id).toEqual(want.shape);
      const worst = want.data.reduce((m, v, i) => Math.max(m, Math.abs(v - (got?.data[i] ?? NaN))), 0);
      expect(worst, id).toBeLessThan(1e-4);
    }
    expect(ours.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    for (const [id, want] of expected.weights)
      expect(
        ours.weights.get(id)?.map((w) => [w.name, w.value.shape, [...w.value.data]]),
        id,
      ).toEqual(want.map((w) => [w.name, w.value.shape, [...w.value.data]]));
    model.dispose();
  });
});

describe('first look', () => {
  it('reads the same spec and weights from the model files as the engine does', async () => {
    const { json, weightData, weightSpecs } = pretrained();
    const files = {
      modelTopology: json.modelTopology as never,
      weightSpecs: weightSpecs as never,
      weightData,
    };
    const look = FirstLook.fromModelFiles(files);
    const { model, spec } = await loadModelFromArtifacts(files, DIR);
    expect(look?.spec).toEqual(spec);
    expect(look?.inputShape).toEqual([64, 64, 3]);
    const engineWeights = new Explainer(model).weights();
    const named = look?.namedWeights();
    for (const [layer, list] of engineWeights)
      for (const w of list) expect([...(named?.get(`${layer}/${w.name}`) ?? [])]).toEqual([...w.value.data]);
    model.dispose();
  });

  it('takes new weights by name as a copy, ignoring unknown names and wrong lengths', () => {
    const { json, weightData, weightSpecs } = pretrained();
    const look = FirstLook.fromModelFiles({ modelTopology: json.modelTopology, weightSpecs, weightData });
    if (!look) throw new Error('no first look');
    expect([...look.layersWithWeights()]).toEqual(['conv_1_1', 'conv_1_2', 'conv_2_1', 'conv_2_2', 'output']);
    const bias = new Float32Array(10).fill(0.5);
    const next = look.withWeights(
      new Map([
        ['output/bias', bias],
        ['output/kernel', new Float32Array(3)],
        ['nowhere/kernel', new Float32Array(10)],
      ]),
    );
    expect([...(next.namedWeights().get('output/bias') ?? [])]).toEqual([...bias]);
    expect(next.namedWeights().get('output/kernel')).toEqual(look.namedWeights().get('output/kernel'));
    expect(look.namedWeights().get('output/bias')).not.toEqual(bias);
    bias[0] = 9; // the copy does not follow the caller's array
    expect(next.namedWeights().get('output/bias')?.[0]).toBe(0.5);
    const image = new Float32Array(64 * 64 * 3).fill(0.5);
    expect(next.explain(image).activations.get('conv_2_2')).toEqual(
      look.explain(image).activations.get('conv_2_2'),
    );
    expect(next.explain(image).probabilities).not.toEqual(look.explain(image).probabilities);
  });

  it('is not offered for files it cannot run: quantized weights, a layer without a forward, no topology', () => {
    const { json, weightData, weightSpecs } = pretrained();
    const quantized = weightSpecs.map((w) => ({ ...w, quantization: { dtype: 'uint8' } }));
    expect(
      FirstLook.fromModelFiles({ modelTopology: json.modelTopology, weightSpecs: quantized, weightData }),
    ).toBeNull();
    const withNorm = structuredClone(json.modelTopology) as { config: { layers: { class_name: string }[] } };
    withNorm.config.layers[2]!.class_name = 'BatchNormalization';
    expect(FirstLook.fromModelFiles({ modelTopology: withNorm, weightSpecs, weightData })).toBeNull();
    expect(FirstLook.fromModelFiles({ weightSpecs, weightData })).toBeNull();
  });
});

describe('forward pass limits', () => {
  it('names the layers it cannot compute, and refuses such a net', () => {
    const spec: NetworkSpec = smallConvNet(8, 3);
    expect(layersWithoutForward(spec)).toEqual([]);
    const withNorm: NetworkSpec = {
      ...spec,
      layers: [
        ...spec.layers.slice(0, 2),
        { id: 'bn', type: 'BatchNormalization', params: {}, inputs: ['conv'] },
        { id: 'slopes', type: 'PReLU', params: {}, inputs: ['bn'] },
        { ...spec.layers[2]!, inputs: ['slopes'] },
        ...spec.layers.slice(3),
      ],
    };
    expect(layersWithoutForward(withNorm)).toEqual(['bn', 'slopes']);
    expect(() => forwardPass(withNorm, new Map(), new Float32Array(8 * 8 * 3))).toThrow(
      new ForwardUnsupported('no plain forward for bn, slopes'),
    );
  });

  it('computes layers listed out of order, and says which input an image does not fit', () => {
    const spec = smallConvNet(6, 2);
    const shuffled: NetworkSpec = { ...spec, layers: [...spec.layers].reverse() };
    const weights = new Map([
      [
        'conv',
        [
          { name: 'kernel', value: { data: new Float32Array(3 * 3 * 3 * 4).fill(0.1), shape: [3, 3, 3, 4] } },
          { name: 'bias', value: { data: new Float32Array(4), shape: [4] } },
        ],
      ],
      [
        'out',
        [
          { name: 'kernel', value: { data: new Float32Array(16 * 2).fill(0.01), shape: [16, 2] } },
          { name: 'bias', value: { data: Float32Array.of(0, 1), shape: [2] } },
        ],
      ],
    ]);
    const image = new Float32Array(6 * 6 * 3).fill(1);
    const result = forwardPass(shuffled, weights, image);
    // Every conv output is 27 · 1 · 0.1 = 2.7; pooling keeps it; each logit adds 16 · 2.7 · 0.01.
    expect(result.activations.get('pool')?.data.every((v) => Math.abs(v - 2.7) < 1e-5)).toBe(true);
    const e = Math.exp(1);
    expect(result.probabilities[1]).toBeCloseTo(e / (1 + e), 5);
    expect(() => forwardPass(spec, weights, new Float32Array(10))).toThrow(
      'input expects [6, 6, 3], the image has 10 values',
    );
  });
});

describe('weights from a tfjs manifest', () => {
  it('groups float32 weights by layer under the names the engine uses', () => {
    const data = Float32Array.of(1, 2, 3, 4, 5).buffer;
    const map = weightsFromManifest(
      [
        { name: 'c/kernel', shape: [2, 2], dtype: 'float32' },
        { name: 'c/bias', shape: [1], dtype: 'float32' },
      ],
      data,
    );
    expect([...map.keys()]).toEqual(['c']);
    expect(map.get('c')?.map((w) => [w.name, w.value.shape, [...w.value.data]])).toEqual([
      ['kernel', [2, 2], [1, 2, 3, 4]],
      ['bias', [1], [5]],
    ]);
  });

  it('says which weight the data runs out on, and refuses quantized or other types', () => {
    const spec = (dtype: string, extra = {}) => [{ name: 'c/kernel', shape: [2], dtype, ...extra }];
    expect(() => weightsFromManifest(spec('float32'), new ArrayBuffer(4))).toThrow(
      'c/kernel: the weight data ends before this weight (4 bytes)',
    );
    expect(() => weightsFromManifest(spec('int32'), new ArrayBuffer(8))).toThrow(ForwardUnsupported);
    expect(() =>
      weightsFromManifest(spec('float32', { quantization: { dtype: 'uint8' } }), new ArrayBuffer(8)),
    ).toThrow('c/kernel: float32 (quantized) weights');
  });
});
