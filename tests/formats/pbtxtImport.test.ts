/**
 * GraphDef text → spec on graphs in the styles tf.layers, slim, Keras on TF1, a frozen TF1
 * tutorial and a TF2-era MetaGraphDef write: nodes grouped back into layers, parameter
 * totals equal to the variables' element counts, a frozen graph's constants as weights,
 * the loss and training parts left out with notes, and every bad file refused at its line.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat, importText } from '../../src/lib/formats';
import { parsePbtxt, TfFormatError } from '../../src/lib/formats/tensorflow/pbtxtImport';
import { readGraphDef } from '../../src/lib/formats/tensorflow/graphDef';
import { inferShapes, totals } from '../../src/lib/spec/inferShapes';
import type { NetworkSpec } from '../../src/lib/spec/types';

const dir = 'tests/fixtures/pbtxt';
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const FIXTURES = [
  'tf_layers_mnist',
  'slim_bn',
  'keras_tf1',
  'keras_learning_phase',
  'frozen_tf1_tutorial',
  'tf2_metagraph',
];

/** Layers as `id<type<inputs`, to compare a whole net at a glance. */
const outline = (spec: NetworkSpec) => spec.layers.map((l) => `${l.id}<${l.type}<${l.inputs.join(',')}`);
const paramsOf = (spec: NetworkSpec) => totals(inferShapes(spec)).params;

/** Element count of every variable (or, frozen, every weight constant) the fixture declares. */
function declaredElements(text: string, isWeight: (name: string, op: string) => boolean): number {
  let sum = 0;
  for (const n of readGraphDef(text).nodes) {
    if (!isWeight(n.name, n.op)) continue;
    const shape = n.attrs.get('shape')?.value;
    const tensor = n.attrs.get('value')?.value;
    const dims =
      shape?.kind === 'shape'
        ? (shape.value.dims ?? [])
        : tensor?.kind === 'tensor'
          ? tensor.value.fields
              .filter((f) => f.name === 'tensor_shape')
              .flatMap((f) => (f.value.kind === 'message' ? f.value.value.fields : []))
              .map((d) =>
                d.value.kind === 'message' && d.value.value.fields[0]?.value.kind === 'number'
                  ? d.value.value.fields[0].value.value
                  : 0,
              )
          : [];
    sum += dims.reduce((a, b) => a * b, 1);
  }
  return sum;
}

const isVariable = (_name: string, op: string) => op === 'VariableV2' || op === 'VarHandleOp';

describe('GraphDef fixtures: layers, parameters and notes', () => {
  it('tf.layers training graph: the network without loss, gradients, step counter and saver', () => {
    const r = parsePbtxt(read('tf_layers_mnist.pbtxt'));
    expect(outline(r.spec)).toEqual([
      'x<Input<',
      'Reshape<Reshape<x',
      'conv2d<Conv2D<Reshape',
      'max_pooling2d<MaxPooling2D<conv2d',
      'conv2d_1<Conv2D<max_pooling2d',
      'max_pooling2d_1<MaxPooling2D<conv2d_1',
      'Reshape_1<Flatten<max_pooling2d_1',
      'dense<Dense<Reshape_1',
      'dense_1<Dense<dense',
      'softmax_tensor<Activation<dense_1',
    ]);
    expect(r.spec.layers[2]?.params).toEqual({
      filters: 32,
      kernelSize: [5, 5],
      strides: [1, 1],
      padding: 'same',
      dilation: [1, 1],
      activation: 'relu',
      useBias: true,
    });
    expect(r.spec.layers[8]?.params).toEqual({ units: 10, activation: 'linear', useBias: true });
    const text = read('tf_layers_mnist.pbtxt');
    const declared = declaredElements(text, (name, op) => isVariable(name, op) && name !== 'global_step');
    expect(paramsOf(r.spec)).toBe(declared);
    expect(declared).toBe(3_274_634);
    expect(r.weights).toBeUndefined();
    const notes = r.notes.map((n) => n.en);
    expect(notes).toContain(
      'Left out 8 nodes that read the label placeholder "y" (loss, accuracy, training).',
    );
    expect(
      notes.some(
        (n) => n.startsWith('1 variable(s) are not read by any layer') && n.includes('"global_step"'),
      ),
    ).toBe(true);
    expect(notes.some((n) => n.includes('live in a TensorFlow checkpoint'))).toBe(true);
  });

  it('slim: fused batch norm without gamma is scale false, SpatialSqueeze is a Reshape named after itself', () => {
    const r = parsePbtxt(read('slim_bn.pbtxt'));
    expect(outline(r.spec)).toEqual([
      'input<Input<',
      'MyNet/conv1<Conv2D<input',
      'MyNet/conv1/BatchNorm<BatchNormalization<MyNet/conv1',
      'MyNet/conv1/Relu<Activation<MyNet/conv1/BatchNorm',
      'MyNet/conv2<Conv2D<MyNet/conv1/Relu',
      'MyNet/conv2/BatchNorm<BatchNormalization<MyNet/conv2',
      'MyNet/conv2/Relu<Activation<MyNet/conv2/BatchNorm',
      'MyNet/pool<AveragePooling2D<MyNet/conv2/Relu',
      'MyNet/logits<Conv2D<MyNet/pool',
      'MyNet/SpatialSqueeze<Reshape<MyNet/logits',
      'MyNet/Predictions<Activation<MyNet/SpatialSqueeze',
    ]);
    const bn = (id: string) => r.spec.layers.find((l) => l.id === id)?.params;
    expect(bn('MyNet/conv1/BatchNorm')).toMatchObject({ scale: false, center: true, epsilon: 0.001 });
    expect(bn('MyNet/conv2/BatchNorm')).toMatchObject({ scale: true, center: true });
    expect(bn('MyNet/SpatialSqueeze')).toEqual({ targetShape: [10] });
    expect(paramsOf(r.spec)).toBe(declaredElements(read('slim_bn.pbtxt'), isVariable));
  });

  it('Keras on TF1: batchnorm arithmetic is one BatchNormalization, shape arithmetic one Flatten', () => {
    const r = parsePbtxt(read('keras_tf1.pbtxt'));
    expect(r.spec.layers).toEqual([
      { id: 'conv2d_1_input', type: 'Input', params: { shape: [28, 28, 1] }, inputs: [] },
      {
        id: 'conv2d_1',
        type: 'Conv2D',
        params: {
          filters: 8,
          kernelSize: [3, 3],
          strides: [1, 1],
          padding: 'valid',
          dilation: [1, 1],
          activation: 'relu',
          useBias: true,
        },
        inputs: ['conv2d_1_input'],
      },
      {
        id: 'batch_normalization_1',
        type: 'BatchNormalization',
        params: { axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true },
        inputs: ['conv2d_1'],
      },
      {
        id: 'max_pooling2d_1',
        type: 'MaxPooling2D',
        params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
        inputs: ['batch_normalization_1'],
      },
      { id: 'flatten_1', type: 'Flatten', params: {}, inputs: ['max_pooling2d_1'] },
      {
        id: 'dense_1',
        type: 'Dense',
        params: { units: 10, activation: 'softmax', useBias: true },
        inputs: ['flatten_1'],
      },
    ]);
    expect(paramsOf(r.spec)).toBe(declaredElements(read('keras_tf1.pbtxt'), isVariable));
    expect(paramsOf(r.spec)).toBe(13_642);
  });

  it('Keras on TF1 with its learning phase left free: the inference branch of each tf.cond is the network', () => {
    const r = parsePbtxt(read('keras_learning_phase.pbtxt'));
    expect(outline(r.spec)).toEqual([
      'input_1<Input<',
      'conv2d_1<Conv2D<input_1',
      'batch_normalization_1<BatchNormalization<conv2d_1',
      'activation_1<Activation<batch_normalization_1',
      'max_pooling2d_1<MaxPooling2D<activation_1',
      'flatten_1<Flatten<max_pooling2d_1',
      'dense_1<Dense<flatten_1',
    ]);
    // The training branch's FusedBatchNorm (is_training) and dropout mask are left out, not noted.
    expect(r.notes.map((n) => n.en).join(' ')).not.toMatch(/training mode|dropout rate/);
    expect(paramsOf(r.spec)).toBe(declaredElements(read('keras_learning_phase.pbtxt'), isVariable));
  });

  it("frozen TF1 tutorial: top-level ops, the constants' values as weights, keep_prob dropout", () => {
    const r = parsePbtxt(read('frozen_tf1_tutorial.pbtxt'));
    expect(outline(r.spec)).toEqual([
      'Placeholder<Input<',
      'Conv2D<Conv2D<Placeholder',
      'Relu<Activation<Conv2D',
      'MaxPool<MaxPooling2D<Relu',
      'Reshape<Flatten<MaxPool',
      'MatMul<Dense<Reshape',
      'Relu_1<Activation<MatMul',
      'dropout<Dropout<Relu_1',
      'MatMul_1<Dense<dropout',
      'Softmax<Activation<MatMul_1',
    ]);
    expect(r.spec.layers.find((l) => l.id === 'dropout')?.params).toEqual({ rate: 0.5 });
    expect(r.notes.map((n) => n.en)).toContain(
      "dropout/mul: the dropout rate is fed when the graph runs (keep_prob); the Dropout layer shows 0.5, change it in the layer's parameters if you trained with another.",
    );
    const w = (name: string) => Array.from(r.weights?.get(name) ?? []);
    expect(w('Conv2D/kernel')).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map(Math.fround));
    expect(w('Conv2D/bias')).toEqual([0.5, -1]);
    expect(w('MatMul/kernel')).toEqual(new Array<number>(24).fill(0.25));
    expect(w('MatMul/bias')).toEqual([1, 2, 3]);
    // [[1, 2, 3], [4, 5, 6]] read with transpose_b is the [3, 2] kernel [[1, 4], [2, 5], [3, 6]].
    expect(w('MatMul_1/kernel')).toEqual([1, 4, 2, 5, 3, 6]);
    expect(w('MatMul_1/bias')).toEqual([0, 0]);
    expect(r.weights?.size).toBe(6);
    const declared = declaredElements(
      read('frozen_tf1_tutorial.pbtxt'),
      (name, op) => op === 'Const' && /^Variable(_\d+)?$/.test(name),
    );
    expect(paramsOf(r.spec)).toBe(declared);
    expect(r.notes.some((n) => n.en.includes('checkpoint'))).toBe(false);
  });

  it('TF2-era MetaGraphDef: resource variables, residual add, concat, pad, keep_dims pooling', () => {
    const r = parsePbtxt(read('tf2_metagraph.pbtxt'));
    expect(outline(r.spec)).toEqual([
      'images<Input<',
      'stem<Conv2D<images',
      'stem/bn<BatchNormalization<stem',
      'stem/Relu6<ReLU6<stem/bn',
      'block/dw<DepthwiseConv2D<stem/Relu6',
      'block/dw/LeakyRelu<LeakyReLU<block/dw',
      'block/pw<Conv2D<block/dw/LeakyRelu',
      'block<Add<stem/Relu6,block/pw',
      'block/concat<Concatenate<block,stem/Relu6',
      'pad<ZeroPadding2D<block/concat',
      'pool<MaxPooling2D<pad',
      'head_pool<GlobalAveragePooling2D<pool',
      'head<Reshape<head_pool',
      'head/logits<Conv2D<head',
      'head/Squeeze<Reshape<head/logits',
      'head/Softmax<Activation<head/Squeeze',
    ]);
    const params = (id: string) => r.spec.layers.find((l) => l.id === id)?.params;
    expect(params('block/dw/LeakyRelu')).toEqual({ alpha: 0.1 });
    expect(params('pad')).toEqual({ padding: [1, 1] });
    expect(params('head')).toEqual({ targetShape: [1, 1, 16] });
    expect(paramsOf(r.spec)).toBe(declaredElements(read('tf2_metagraph.pbtxt'), isVariable));
  });

  it.each(FIXTURES)('%s is recognised by its content and opens through importText', (name) => {
    const text = read(`${name}.pbtxt`);
    expect(detectFormat(text)).toBe('pbtxt');
    expect(importText(text).spec.layers.length).toBeGreaterThan(4);
  });

  it('a Caffe prototxt stays Caffe, and a .pbtxt name picks this reader when the content says nothing', () => {
    expect(detectFormat(readFileSync('tests/fixtures/caffe/lenet.prototxt', 'utf8'))).toBe('caffe');
    expect(detectFormat('versions { producer: 1 }', 'empty.pbtxt')).toBe('pbtxt');
    expect(() => importText('versions { producer: 1 }', 'pbtxt')).toThrow('the file holds no nodes');
  });
});

describe('bad GraphDefs name the line and column', () => {
  it.each([
    ['bad_escape', 8, 13, 'unknown escape \\q in a string (write \\\\ for a backslash)'],
    ['bias_size', 9, 1, 'layer "conv" (Conv2D): "b" is 5, but its bias must be 4'],
    ['cycle', 14, 1, 'the graph has a cycle: "c" → "b" → "c"'],
    ['deep', 1, 707, 'messages nested more than 100 deep'],
    ['duplicate_name', 7, 1, 'two nodes are named "x"; node names must be unique'],
    ['data_cond', 9, 1, 'node "cond/Switch" (Switch): switches on a value the input decides'],
    [
      'lone_scale',
      8,
      1,
      'node "scaled" (Mul) scales by a constant, which has a layer only as part of batch normalisation',
    ],
    ['missing_input', 7, 1, 'node "r" (Relu): input "missing:0" is not a node of the graph'],
    ['nchw', 13, 3, 'node "conv" (Conv2D): data_format "NCHW" (channels first) is not supported'],
    ['no_placeholder', 1, 1, 'the graph has no Placeholder to feed images into'],
    [
      'strides_length',
      8,
      100,
      'node "conv" (Conv2D): strides must list 4 numbers with 1 for the batch and the channels, as [1, n, n, 1]; it is [1, 2, 1]',
    ],
    ['tensor_size', 13, 71, 'constant "w": tensor_content has 4 bytes, but 3 of DT_FLOAT needs 12'],
    ['unclosed_string', 8, 9, 'this string is never closed'],
    ['unknown_field', 9, 3, 'NodeDef has no field "opp"'],
    ['unknown_op', 16, 1, 'node "odd" (Erf): CNN Studio has no layer for the TensorFlow op "Erf"'],
  ])('bad/%s.pbtxt → line %i, column %i: %s', (name, line, column, message) => {
    let error: unknown;
    try {
      parsePbtxt(read(`bad/${name}.pbtxt`));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TfFormatError);
    const e = error as TfFormatError;
    expect(e.place.pos).toEqual({ line, column });
    expect(e.text.en.startsWith(message)).toBe(true);
    expect(e.text.zh.length).toBeGreaterThan(5);
  });
});
