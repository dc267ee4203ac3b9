/**
 * Writing Keras / TensorFlow.js model.json: export then import gives the same spec and
 * weights, tfjs loads what is written, weights split into the converter's shards, and layers
 * tfjs lacks are refused by name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseKerasJson, serializeKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { SHARD_BYTES, WEIGHTS_FILE } from '../../src/lib/formats/keras/weights';
import { inferShapes, totals } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel, getNamedWeights } from '../../src/lib/engine/build';
import { KERAS_FIXTURES, fixtureJsonText, fixtureShard } from '../fixtures/keras/generate';

const shardsOf = (name: string) => {
  const f = KERAS_FIXTURES[name]!();
  return new Map([['group1-shard1of1.bin', fixtureShard(f.weights)]]);
};
const textOf = (name: string) => fixtureJsonText(KERAS_FIXTURES[name]!());

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('Keras export', () => {
  it.each(Object.keys(KERAS_FIXTURES))('%s: export then import gives the same spec and weights', (name) => {
    const first = parseKerasJson(textOf(name), { shards: shardsOf(name) });
    const out = serializeKerasJson(first.spec, first.weights);
    const back = parseKerasJson(out.json, { shards: new Map(out.shards.map((s) => [s.path, s.data])) });
    expect(back.spec).toEqual(first.spec);
    expect(
      back.weights ? [...back.weights.entries()].map(([k, v]) => [k, Array.from(v)]) : undefined,
    ).toEqual(first.weights ? [...first.weights.entries()].map(([k, v]) => [k, Array.from(v)]) : undefined);
  });

  it('writes what tfjs loads: layers-model, Keras 2 topology, converter shard names', async () => {
    const spec = tinyVggSpec(10, 32);
    const model = await buildModel(spec);
    const out = serializeKerasJson(spec, getNamedWeights(model));
    const json = JSON.parse(out.json) as {
      format: string;
      modelTopology: { class_name: string };
      weightsManifest: { paths: string[]; weights: { name: string }[] }[];
    };
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0]?.paths).toEqual(['group1-shard1of1.bin']);
    expect(json.weightsManifest[0]?.weights[0]?.name).toBe('conv_1_1/kernel');
    const data = out.shards[0]?.data ?? new Uint8Array();
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology as never,
        weightSpecs: json.weightsManifest[0]?.weights as never,
        weightData: data.slice().buffer,
      }),
    );
    expect(loaded.countParams()).toBe(totals(inferShapes(spec)).params);
    model.dispose();
    loaded.dispose();
  });

  it('splits weights into 4 MiB shards as the converter does', () => {
    const spec = tinyVggSpec(10, 64);
    const weights = new Map<string, Float32Array>();
    const big = {
      ...spec,
      layers: spec.layers.map((l) =>
        l.id === 'output' ? { ...l, params: { ...l.params, units: 1000 } } : l,
      ),
    };
    const table = inferShapes(big);
    for (const l of big.layers) {
      const info = table.layers.get(l.id);
      if (info?.status !== 'ok') continue;
      const count = info.params;
      if (count > 0 && l.type === 'Dense') {
        weights.set(`${l.id}/kernel`, new Float32Array(count - 1000));
        weights.set(`${l.id}/bias`, new Float32Array(1000));
      } else if (count > 0) {
        weights.set(`${l.id}/kernel`, new Float32Array(count - 10));
        weights.set(`${l.id}/bias`, new Float32Array(10));
      }
    }
    const out = serializeKerasJson(big, weights);
    const bytes = totals(table).params * 4;
    expect(out.shards.map((s) => s.path)).toEqual(['group1-shard1of2.bin', 'group1-shard2of2.bin']);
    expect(out.shards[0]?.data.byteLength).toBe(SHARD_BYTES);
    expect(out.shards.reduce((s, x) => s + x.data.byteLength, 0)).toBe(bytes);
    const back = parseKerasJson(out.json, { shards: new Map(out.shards.map((s) => [s.path, s.data])) });
    expect(back.weights?.get('output/kernel')?.length).toBe(1690 * 1000);
    // The app's downloads put the same weights in one weights.bin, named so in the manifest.
    const single = serializeKerasJson(big, weights, { weightsFile: WEIGHTS_FILE });
    expect(single.shards.map((s) => [s.path, s.data.byteLength])).toEqual([['weights.bin', bytes]]);
    expect(
      (JSON.parse(single.json) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]?.paths,
    ).toEqual(['weights.bin']);
    const again = parseKerasJson(single.json, { shards: new Map([['weights.bin', single.shards[0]!.data]]) });
    expect(Array.from(again.weights?.get('output/bias') ?? [])).toEqual(
      Array.from(back.weights?.get('output/bias') ?? []),
    );
  });

  it('refuses layers tfjs lacks, naming them', () => {
    const spec = tinyVggSpec();
    const lrn = {
      ...spec,
      layers: [
        ...spec.layers.slice(0, 2),
        {
          id: 'norm',
          type: 'LRN',
          params: { depthRadius: 2, bias: 1, alpha: 1e-4, beta: 0.75 },
          inputs: ['conv_1_1'],
        },
      ],
    };
    expect(() => serializeKerasJson(lrn)).toThrow(/layer norm: LRN has no Keras \/ TensorFlow.js equivalent/);
  });
});
