/**
 * ONNX export: a spec with weights written as .onnx, then read back both by onnxruntime and
 * by our importer. Every activation the re-import maps must equal onnxruntime's within
 * 1e-4 (so the written weights, pads and layouts are right), the re-imported weights must
 * reproduce the original engine's output, and class names travel in metadata_props.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lib/engine/backend';
import { buildModel, getNamedWeights } from '../../../src/lib/engine/build';
import { serializeOnnx } from '../../../src/lib/formats/onnx/onnxExport';
import { parseOnnx } from '../../../src/lib/formats/onnx/onnxImport';
import { ModelProtoType, type ModelProto } from '../../../src/lib/formats/onnx/onnxSchema';
import { toInt } from '../../../src/lib/formats/onnx/onnxDecode';
import { FormatError } from '../../../src/lib/formats/formatError';
import type { LayerSpec, NetworkSpec } from '../../../src/lib/spec/types';
import { tinyVggSpec } from '../../../src/lib/zoo/tinyvgg';
import { mobilenetV2Spec } from '../../../src/lib/zoo/mobilenetV2';
import { resnet18Spec } from '../../../src/lib/zoo/resnet18';
import { compareBytes, engineActivations, randomInput } from './onnxCompare';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

async function randomWeights(spec: NetworkSpec): Promise<Map<string, Float32Array>> {
  const model = await buildModel(spec);
  const weights = getNamedWeights(model);
  model.dispose();
  // Moving variances must be positive; fresh ones are 1, which hides a swapped mean/variance.
  for (const [name, v] of weights)
    if (name.endsWith('moving_variance')) v.forEach((_, i) => (v[i] = 0.5 + (i % 7) / 7));
  for (const [name, v] of weights)
    if (name.endsWith('moving_mean') || name.endsWith('/beta'))
      v.forEach((_, i) => (v[i] = ((i % 5) - 2) / 10));
  return weights;
}

const layer = (id: string, type: string, params: LayerSpec['params'], inputs: string[]): LayerSpec => ({
  id,
  type,
  params,
  inputs,
});

/** A small net with most of the layer types a CNN uses, at 12×12. */
function assortedSpec(): NetworkSpec {
  const conv = (filters: number, k: number, padding: string, strides = 1) => ({
    filters,
    kernelSize: [k, k],
    strides: [strides, strides],
    padding,
    dilation: [1, 1],
    activation: 'linear',
    useBias: true,
  });
  return {
    name: 'assorted "net"',
    layers: [
      layer('image', 'Input', { shape: [12, 12, 3] }, []),
      layer('pad', 'ZeroPadding2D', { padding: [1, 2, 0, 1] }, ['image']),
      layer('conv1', 'Conv2D', { ...conv(6, 3, 'same', 2), activation: 'relu' }, ['pad']),
      layer(
        'bn1',
        'BatchNormalization',
        { axis: -1, momentum: 0.9, epsilon: 0.001, center: true, scale: true },
        ['conv1'],
      ),
      layer(
        'dw',
        'DepthwiseConv2D',
        {
          kernelSize: [3, 3],
          strides: [1, 1],
          padding: 'same',
          depthMultiplier: 1,
          activation: 'linear',
          useBias: true,
        },
        ['bn1'],
      ),
      layer('relu6', 'ReLU6', {}, ['dw']),
      layer('pw', 'Conv2D', conv(6, 1, 'valid'), ['relu6']),
      layer('add', 'Add', {}, ['pw', 'bn1']),
      layer('pool', 'MaxPooling2D', { poolSize: [2, 2], strides: [2, 2], padding: 'same' }, ['add']),
      layer('avg', 'AveragePooling2D', { poolSize: [3, 3], strides: [1, 1], padding: 'same' }, ['pool']),
      layer('up', 'UpSampling2D', { size: [2, 2], interpolation: 'nearest' }, ['avg']),
      layer('leaky', 'LeakyReLU', { alpha: 0.2 }, ['up']),
      layer('deconv', 'Conv2DTranspose', { ...conv(4, 3, 'same', 2) }, ['leaky']),
      layer('gap', 'GlobalAveragePooling2D', {}, ['deconv']),
      layer('gate', 'Dense', { units: 4, activation: 'sigmoid', useBias: true }, ['gap']),
      layer('scaled', 'Multiply', {}, ['deconv', 'gate']),
      layer('cat', 'Concatenate', { axis: -1 }, ['scaled', 'deconv']),
      layer('crop', 'Cropping2D', { cropping: [1, 0, 0, 2] }, ['cat']),
      layer('flat', 'Flatten', {}, ['crop']),
      layer('drop', 'Dropout', { rate: 0.25 }, ['flat']),
      layer('fc', 'Dense', { units: 5, activation: 'linear', useBias: true }, ['drop']),
      layer('prelu', 'PReLU', { sharedAxes: [] }, ['fc']),
      layer('probs', 'Softmax', { axis: -1 }, ['prelu']),
    ],
  };
}

function decode(bytes: Uint8Array): ModelProto {
  return ModelProtoType.decode(bytes) as unknown as ModelProto;
}

describe('ONNX export', () => {
  it('a net of many layer types: onnxruntime and the re-imported net agree on every activation, and with the original', async () => {
    const spec = assortedSpec();
    const weights = await randomWeights(spec);
    const bytes = serializeOnnx(spec, weights, { labels: ['a', 'b', 'c', 'd', 'e'] });
    const model = decode(bytes);
    expect(model.opsetImport.map((o) => toInt(o.version))).toEqual([13]);
    expect(
      model.graph?.input[0]?.type?.tensorType?.shape?.dim.map((d) => d.dimParam || toInt(d.dimValue)),
    ).toEqual(['N', 3, 12, 12]);
    const { imported, diffs } = await compareBytes(bytes);
    expect(diffs.size).toBeGreaterThan(15);
    for (const [name, d] of diffs) expect(d, name).toBeLessThan(1e-4);
    expect(imported.classes).toEqual(['a', 'b', 'c', 'd', 'e']);
    // The re-imported weights compute what the original net computes.
    const image = randomInput([12, 12, 3], 3);
    const before = await engineActivations({ ...imported, spec, weights }, image);
    const after = await engineActivations(imported, image);
    const last = imported.spec.layers[imported.spec.layers.length - 1]?.id ?? '';
    const a = before.get('probs') ?? new Float32Array();
    const b = after.get(last) ?? new Float32Array();
    expect(b.length).toBe(5);
    a.forEach((v, i) => expect(Math.abs(v - (b[i] ?? 0))).toBeLessThan(1e-5));
  });

  it('TinyVGG reads back with its layers, names and weights (activations split off as their own layers)', async () => {
    const spec = tinyVggSpec(10, 32);
    const weights = await randomWeights(spec);
    const { imported, diffs } = await compareBytes(serializeOnnx(spec, weights));
    for (const [name, d] of diffs) expect(d, name).toBeLessThan(1e-4);
    const ids = imported.spec.layers.map((l) => l.id);
    for (const l of spec.layers) expect(ids).toContain(l.id);
    expect(imported.weights?.get('conv_1_1/kernel')).toEqual(weights.get('conv_1_1/kernel'));
  });

  it('MobileNetV2 and ResNet-18 write and read back layer for layer (structure only; the weights are not run here)', async () => {
    for (const make of [mobilenetV2Spec, resnet18Spec]) {
      const spec = make(10);
      const weights = await randomWeights(spec);
      const back = parseOnnx(serializeOnnx(spec, weights));
      const count = (s: NetworkSpec, t: string) => s.layers.filter((l) => l.type === t).length;
      for (const t of [
        'Conv2D',
        'DepthwiseConv2D',
        'BatchNormalization',
        'Add',
        'Dense',
        'GlobalAveragePooling2D',
      ])
        expect(count(back.spec, t), `${spec.name} ${t}`).toBe(count(spec, t));
      expect(back.weights?.size).toBe(weights.size);
    }
  }, 60_000);

  it('refuses a layer it cannot write, and missing weights, naming the layer', async () => {
    const spec = tinyVggSpec(10, 32);
    const weights = await randomWeights(spec);
    weights.delete('output/kernel');
    expect(() => serializeOnnx(spec, weights)).toThrow(FormatError);
    expect(() => serializeOnnx(spec, weights)).toThrow(/layer output: the weight kernel has no values/);
    const lstm: NetworkSpec = {
      name: 'x',
      layers: [layer('in', 'Input', { shape: [4, 3] }, []), layer('l', 'LSTM', {}, ['in'])],
    };
    expect(() => serializeOnnx(lstm, new Map())).toThrow(
      /layer in: an input of shape 4×3 is not an image or a vector/,
    );
  });
});
