/**
 * Spec → GraphDef text → spec: zoo nets come back the same (TinyVGG, LeNet, MobileNet,
 * AlexNet with LRN and its two groups, …), weights come back bit for bit as constants,
 * hostile names come back exactly while every node name stays one TensorFlow accepts, and
 * every op and attr written is one TensorFlow's op registry has (checked against the facts
 * of its op definitions, in tfOpFacts.ts). What TensorFlow cannot express is refused by name.
 */
import { describe, expect, it } from 'vitest';
import { exportText, importText } from '../../src/lib/formats';
import { parsePbtxt } from '../../src/lib/formats/tensorflow/pbtxtImport';
import { serializePbtxt } from '../../src/lib/formats/tensorflow/pbtxtExport';
import { TfFormatError } from '../../src/lib/formats/tensorflow/graphDef';
import { tensorflowProblems } from './tfOpFacts';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { getLayerDef } from '../../src/lib/layers/registry';
import { createRng } from '../../src/lib/random';
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { lenet5Spec } from '../../src/lib/zoo/lenet5';
import { mobilenetSpec } from '../../src/lib/zoo/mobilenet';
import { mobilenetV2Spec } from '../../src/lib/zoo/mobilenetV2';
import { alexnetSpec } from '../../src/lib/zoo/alexnet';
import { vgg16Spec } from '../../src/lib/zoo/vgg16';
import { resnet18Spec } from '../../src/lib/zoo/resnet18';
import { SpecBuilder, convParams, poolParams } from '../../src/lib/zoo/specBuilder';
import { HOSTILE_NAMES, nameLabel } from '../fixtures/hostile/names';

const ZOO: [string, () => NetworkSpec][] = [
  ['TinyVGG', () => tinyVggSpec()],
  ['LeNet-5', () => lenet5Spec()],
  ['MobileNet', () => mobilenetSpec()],
  ['MobileNet v2', () => mobilenetV2Spec()],
  ['AlexNet (LRN, two groups)', () => alexnetSpec()],
  ['VGG-16', () => vgg16Spec()],
];

/** AlexNet's pattern at a size whose weights fit in a test: conv, LRN, pool, a two-group conv, dense. */
function smallAlexNet(): NetworkSpec {
  const b = new SpecBuilder('small AlexNet');
  let x = b.input([32, 32, 3]);
  x = b.add('Conv2D', 'conv1', convParams({ filters: 8, kernel: 5, strides: 2, activation: 'relu' }), x);
  x = b.add('LRN', 'norm1', { depthRadius: 2, bias: 2, alpha: 1e-4, beta: 0.75 }, x);
  x = b.add('MaxPooling2D', 'pool1', poolParams(3, 2), x);
  x = b.add(
    'GroupedConv2D',
    'conv2',
    { ...convParams({ filters: 12, kernel: 3, padding: 'same', activation: 'relu' }), groups: 2 },
    x,
  );
  x = b.add('Flatten', 'flatten', {}, x);
  b.add('Dense', 'fc', { units: 10, activation: 'softmax' }, x);
  return b.spec();
}

/** Seeded weights for every weight of the net, named as the engine names them. */
function randomWeights(spec: NetworkSpec, seed: number): Map<string, Float32Array> {
  const rng = createRng(seed);
  const table = inferShapes(spec);
  const out = new Map<string, Float32Array>();
  for (const l of spec.layers) {
    const info = table.layers.get(l.id);
    if (info?.status !== 'ok') continue;
    for (const w of getLayerDef(l.type)?.weights(l.params, info.inputShapes) ?? [])
      out.set(
        `${l.id}/${w.name}`,
        Float32Array.from({ length: w.shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1),
      );
  }
  return out;
}

describe('GraphDef export', () => {
  it.each(ZOO)('%s: export then import gives the same spec, in ops TensorFlow has', (_name, make) => {
    const spec = make();
    const text = serializePbtxt(spec);
    expect(parsePbtxt(text).spec).toEqual(spec);
    expect(tensorflowProblems(text)).toEqual([]);
  });

  it('ResNet-18 comes back the same but for ReLU layers, read back as Activation relu (one op, Relu, for both)', () => {
    const spec = resnet18Spec();
    const relu = (l: LayerSpec): LayerSpec =>
      l.type === 'ReLU' ? { ...l, type: 'Activation', params: { activation: 'relu' } } : l;
    expect(parsePbtxt(serializePbtxt(spec)).spec).toEqual({ ...spec, layers: spec.layers.map(relu) });
  });

  it('writes variables as tf.layers does, and with weights a frozen graph of constants', () => {
    const spec = tinyVggSpec();
    const plain = serializePbtxt(spec);
    expect(
      plain.startsWith('# CNN Studio network: "TinyVGG"\nnode {\n  name: "input"\n  op: "Placeholder"'),
    ).toBe(true);
    for (const suffix of ['', '/Initializer/random_uniform', '/Assign', '/read'])
      expect(plain).toContain(`name: "conv_1_1/kernel${suffix}"`);
    expect(plain).toMatch(/name: "conv_1_1\/kernel"\n {2}op: "VariableV2"/);
    expect(plain).toMatch(/name: "conv_1_1\/bias\/Initializer\/zeros"\n {2}op: "Const"/);
    expect(plain).toContain('attr { key: "strides" value { list { i: 1 i: 1 i: 1 i: 1 } } }');
    const frozen = serializePbtxt(spec, randomWeights(spec, 3));
    expect(frozen).not.toContain('VariableV2');
    expect(frozen).toMatch(/name: "conv_1_1\/kernel"\n {2}op: "Const"/);
    expect(frozen).toContain('tensor_content: "');
    expect(tensorflowProblems(frozen)).toEqual([]);
  });

  it.each([
    ['TinyVGG', tinyVggSpec()],
    ['a small AlexNet (LRN, two groups)', smallAlexNet()],
  ])('%s: weights written as constants read back bit for bit', (_name, spec) => {
    const weights = randomWeights(spec, 11);
    const back = parsePbtxt(serializePbtxt(spec, weights));
    expect(back.spec).toEqual(spec);
    expect(back.weights?.size).toBe(weights.size);
    for (const [name, values] of weights) expect(back.weights?.get(name), name).toEqual(values);
  });

  it('goes through exportText and importText like the other formats', () => {
    const spec = lenet5Spec();
    expect(importText(exportText(spec, 'pbtxt'), 'pbtxt').spec).toEqual(spec);
    const weights = randomWeights(spec, 5);
    expect(importText(exportText(spec, 'pbtxt', weights)).weights?.get('c1/kernel')).toEqual(
      weights.get('c1/kernel'),
    );
  });
});

/** A net with each layer type the exporter knows that the zoo nets above leave out. */
function everyLayerSpec(): NetworkSpec {
  const b = new SpecBuilder('every layer');
  const x = b.input([16, 16, 3]);
  const c = b.add(
    'Conv2D',
    'dilated',
    { ...convParams({ filters: 4, kernel: 3, padding: 'same' }), dilation: [2, 2] },
    x,
  );
  const d = b.add(
    'DepthwiseConv2D',
    'dw',
    {
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'same',
      depthMultiplier: 2,
      activation: 'relu6',
      useBias: true,
    },
    c,
  );
  const p = b.add('ZeroPadding2D', 'pad', { padding: [0, 1, 2, 3] }, d);
  const l = b.add('LeakyReLU', 'leaky', { alpha: 0.25 }, p);
  const r = b.add('ReLU6', 'relu6', {}, l);
  const s = b.add('Subtract', 'sub', {}, [l, r]);
  const m = b.add('Multiply', 'mul', {}, [s, r]);
  const mx = b.add('Maximum', 'max', {}, [m, l]);
  const a3 = b.add('Add', 'add3', {}, [mx, m, s]);
  const cat = b.add('Concatenate', 'cat', { axis: 3 }, [a3, l]);
  const n = b.add('LRN', 'lrn', { depthRadius: 1, bias: 1, alpha: 0.5, beta: 0.75 }, cat);
  const ap = b.add('AveragePooling2D', 'avg', poolParams(2, 2, 'same'), n);
  const gm = b.add('GlobalMaxPooling2D', 'gmax', {}, ap);
  const dn = b.add('Dense', 'fc', { units: 6, activation: 'tanh' }, gm);
  const bn = b.add(
    'BatchNormalization',
    'bn1d',
    { axis: -1, momentum: 0.99, epsilon: 0.01, center: false, scale: true },
    dn,
  );
  const dr = b.add('Dropout', 'drop', { rate: 0.25 }, bn);
  const rs = b.add('Reshape', 'unflat', { targetShape: [2, 3] }, dr);
  b.add('Activation', 'out', { activation: 'sigmoid' }, rs);
  const v = b.input([4, 8, 8, 2], 'volume');
  const c3 = b.add(
    'Conv3D',
    'c3',
    {
      ...convParams({ filters: 3, kernel: 3, padding: 'same' }),
      kernelSize: [3, 3, 3],
      strides: [1, 1, 1],
      dilation: [1, 1, 1],
    },
    v,
  );
  const mp3 = b.add('MaxPooling3D', 'mp3', { poolSize: [2, 2, 2], strides: [2, 2, 2], padding: 'valid' }, c3);
  b.add('GlobalAveragePooling3D', 'gap3', {}, mp3);
  return b.spec();
}

describe('GraphDef export of every layer type it writes', () => {
  it('reads back the same spec, in ops and attrs TensorFlow has', () => {
    const spec = everyLayerSpec();
    const text = serializePbtxt(spec);
    expect(tensorflowProblems(text)).toEqual([]);
    expect(parsePbtxt(text).spec).toEqual(spec);
    // Batch norm on a vector is tf.nn.batch_normalization's arithmetic; without beta, Neg.
    expect(text).toContain('name: "bn1d/batchnorm/Rsqrt"');
    expect(text).toContain('name: "bn1d/batchnorm/Neg"');
    expect(text).toMatch(/name: "drop\/Mul_1"\n {2}op: "Mul"/);
  });

  it.each([
    [
      'HardSwish',
      'act',
      { type: 'HardSwish', params: {} },
      'layer act (HardSwish): TensorFlow graphs have no such layer here',
    ],
    [
      'gelu',
      'act',
      { type: 'Activation', params: { activation: 'gelu' } },
      'layer act (Activation): TensorFlow has no single op for the gelu activation',
    ],
    [
      'a capped ReLU',
      'act',
      { type: 'ReLU', params: { maxValue: 3 } },
      'layer act (ReLU): TensorFlow has Relu and Relu6 but no ReLU capped at 3',
    ],
  ])('refuses %s, naming the layer', (_label, id, layer, message) => {
    const spec: NetworkSpec = {
      name: 'n',
      layers: [
        { id: 'x', type: 'Input', params: { shape: [4, 4, 2] }, inputs: [] },
        { id, ...layer, inputs: ['x'] },
      ],
    };
    expect(() => serializePbtxt(spec)).toThrow(TfFormatError);
    expect(() => serializePbtxt(spec)).toThrow(message);
  });

  it('refuses a Dense layer on an image, and weights of the wrong size, before writing anything', () => {
    const dense: NetworkSpec = {
      name: 'n',
      layers: [
        { id: 'x', type: 'Input', params: { shape: [4, 4, 2] }, inputs: [] },
        { id: 'fc', type: 'Dense', params: { units: 3, activation: 'linear', useBias: true }, inputs: ['x'] },
      ],
    };
    expect(() => serializePbtxt(dense)).toThrow(
      "layer fc (Dense): TensorFlow's MatMul needs a flat input, and this one is 4×4×2",
    );
    const spec = lenet5Spec();
    const weights = randomWeights(spec, 1);
    weights.set('c3/bias', new Float32Array(3));
    expect(() => serializePbtxt(spec, weights)).toThrow('layer c3: bias has 3 values, its shape 16 needs 16');
  });
});

const utf8 = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s));

describe('hostile names', () => {
  const renamed = (name: string): NetworkSpec => {
    const spec = tinyVggSpec();
    const id = (old: string) => (old === 'conv_1_1' ? name : old === 'input' ? `${name} in` : old);
    return { name, layers: spec.layers.map((l) => ({ ...l, id: id(l.id), inputs: l.inputs.map(id) })) };
  };

  it.each(HOSTILE_NAMES.map((n) => [nameLabel(n), n] as const))(
    'a net and layers named %s: valid TensorFlow node names, the same names back',
    (_label, name) => {
      const spec = renamed(name);
      const text = serializePbtxt(spec);
      expect(tensorflowProblems(text)).toEqual([]);
      const back = parsePbtxt(text).spec;
      expect(back.name).toBe(utf8(name));
      expect(back.layers.map((l) => l.id)).toEqual(spec.layers.map((l) => utf8(l.id)));
    },
  );

  it('a name that is a valid TensorFlow name needs no id attr; one that is not keeps it in _cnn_studio_layer', () => {
    expect(serializePbtxt(tinyVggSpec())).not.toContain('_cnn_studio_layer');
    const text = serializePbtxt(renamed('a "b"\n</c>'));
    expect(text).toContain('name: "a__b___/c_/Conv2D"');
    expect(text).toContain('attr { key: "_cnn_studio_layer" value { s: "a \\"b\\"\\n</c>" } }');
  });
});
