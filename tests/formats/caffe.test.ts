/**
 * Caffe prototxt: the classic nets import with Caffe's shapes and their published
 * parameter counts, both syntaxes read the same, export-then-import gives the same spec,
 * and every bad file fails with a message naming the line and column.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePrototxtNet, CaffeFormatError } from '../../src/lib/formats/caffe/caffeImport';
import { serializePrototxt } from '../../src/lib/formats/caffe/caffeExport';
import { inferShapes, totals } from '../../src/lib/spec/inferShapes';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { GENERATED } from '../fixtures/caffe/generate';
import { convLayer, inputLayer } from '../fixtures/layers';

const dir = 'tests/fixtures/caffe';
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const load = (file: string) => parsePrototxtNet(read(file)).spec;

function shapeOf(spec: NetworkSpec, id: string): number[] {
  const info = inferShapes(spec).layers.get(id);
  if (info?.status !== 'ok') throw new Error(`${id}: ${JSON.stringify(info)}`);
  return info.shape;
}

const paramsOf = (spec: NetworkSpec) => totals(inferShapes(spec)).params;

describe('Caffe fixtures: shapes and published parameter counts', () => {
  it.each([
    ['lenet.prototxt', 431_080, 'prob', [10]],
    ['alexnet.prototxt', 60_965_224, 'pool5', [6, 6, 256]],
    ['caffenet_train_val.prototxt', 60_965_224, 'pool5', [6, 6, 256]],
    ['vgg16.prototxt', 138_357_544, 'pool5', [7, 7, 512]],
    ['googlenet.prototxt', 6_998_552, 'inception_5b/output', [7, 7, 1024]],
    ['nin.prototxt', 7_595_176, 'pool4', [1, 1, 1000]],
    ['fcn32s.prototxt', 136_152_917, 'score', [500, 500, 21]],
  ] as const)('%s: %i parameters, %s is %j', (file, params, layer, shape) => {
    const spec = load(file);
    expect(totals(inferShapes(spec)).valid).toBe(true);
    expect(paramsOf(spec)).toBe(params);
    expect(shapeOf(spec, layer)).toEqual(shape);
  });

  it('AlexNet keeps its two groups: conv2, conv4 and conv5 see half the channels', () => {
    const spec = load('alexnet.prototxt');
    const grouped = spec.layers.filter((l) => l.type === 'GroupedConv2D').map((l) => [l.id, l.params.groups]);
    expect(grouped).toEqual([
      ['conv2', 2],
      ['conv4', 2],
      ['conv5', 2],
    ]);
    expect(shapeOf(spec, 'conv1')).toEqual([55, 55, 96]);
    // LRN: Caffe divides alpha by local_size, TensorFlow does not.
    expect(spec.layers.find((l) => l.id === 'norm1')?.params).toEqual({
      depthRadius: 2,
      bias: 1,
      alpha: 0.0001 / 5,
      beta: 0.75,
    });
  });

  it('pooling rounds up as Caffe does (GoogLeNet 112 → 56), convolution rounds down', () => {
    const spec = load('googlenet.prototxt');
    expect(shapeOf(spec, 'conv1/7x7_s2')).toEqual([112, 112, 64]);
    expect(shapeOf(spec, 'pool1/3x3_s2')).toEqual([56, 56, 64]);
    expect(shapeOf(spec, 'pool2/3x3_s2')).toEqual([28, 28, 192]);
    expect(shapeOf(spec, 'inception_3a/output')).toEqual([28, 28, 256]);
    // Conv pad 3 with stride 2 is not TensorFlow's `same`: explicit zeros keep Caffe's alignment.
    expect(spec.layers.find((l) => l.id === 'conv1/7x7_s2_pad')?.params).toEqual({ padding: [3, 3, 3, 3] });
  });

  it('FCN-32s: pad 100, 32× deconvolution and a Crop to the input size with offset 19', () => {
    const spec = load('fcn32s.prototxt');
    expect(shapeOf(spec, 'conv1_1')).toEqual([698, 698, 64]);
    expect(shapeOf(spec, 'fc6')).toEqual([16, 16, 4096]);
    expect(shapeOf(spec, 'upscore')).toEqual([544, 544, 21]);
    expect(spec.layers.find((l) => l.id === 'score')).toMatchObject({
      type: 'Cropping2D',
      params: { cropping: [19, 25, 19, 25] },
      inputs: ['upscore'],
    });
  });

  it('CaffeNet train_val: TRAIN-only data layer, Accuracy and the label blob are left out with notes', () => {
    const r = parsePrototxtNet(read('caffenet_train_val.prototxt'));
    expect(r.spec.layers[0]).toMatchObject({ id: 'data', type: 'Input', params: { shape: [227, 227, 3] } });
    expect(r.spec.layers.at(-1)).toMatchObject({ id: 'loss', type: 'SoftmaxCrossEntropy', inputs: ['fc8'] });
    expect(r.notes.map((n) => n.en).join(' ')).toMatch(/Accuracy layer "accuracy".*TRAIN phase/);
  });

  it('in-place layers (top == bottom) chain correctly and keep their own names', () => {
    const spec = load('lenet.prototxt');
    expect(spec.layers.map((l) => `${l.id}<${l.inputs.join(',')}`)).toEqual([
      'data<',
      'conv1<data',
      'pool1<conv1',
      'conv2<pool1',
      'pool2<conv2',
      'ip1_flatten<pool2',
      'ip1<ip1_flatten',
      'relu1<ip1',
      'ip2<relu1',
      'prob<ip2',
    ]);
  });

  it("the legacy V1 syntax (layers { type: CONVOLUTION }) reads the same as today's", () => {
    const v2 = read('lenet.prototxt');
    const v1 = v2
      .replace(/layer \{/g, 'layers {')
      .replace(/type: "Convolution"/g, 'type: CONVOLUTION')
      .replace(/type: "Pooling"/g, 'type: POOLING')
      .replace(/type: "InnerProduct"/g, 'type: INNER_PRODUCT')
      .replace(/type: "ReLU"/g, 'type: RELU')
      .replace(/type: "Softmax"/g, 'type: SOFTMAX')
      .replace(
        /layers \{\n {2}name: "data"\n {2}type: "Input"\n {2}top: "data"\n {2}input_param \{ shape: \{ dim: 64 dim: 1 dim: 28 dim: 28 \} \}\n\}\n/,
        'input: "data"\ninput_dim: 64\ninput_dim: 1\ninput_dim: 28\ninput_dim: 28\n',
      );
    expect(v1).toContain('type: CONVOLUTION');
    expect(v1).toContain('input_dim: 28');
    expect(parsePrototxtNet(v1).spec).toEqual(parsePrototxtNet(v2).spec);
  });

  it('the committed long fixtures are what the generator writes', () => {
    for (const [file, make] of Object.entries(GENERATED)) expect(read(file), file).toBe(make());
  });
});

describe('Caffe export', () => {
  it.each(['lenet', 'alexnet', 'caffenet_train_val', 'vgg16', 'googlenet', 'nin', 'fcn32s'])(
    '%s: export then import gives the same spec',
    (name) => {
      const spec = load(`${name}.prototxt`);
      const text = serializePrototxt(spec);
      expect(parsePrototxtNet(text).spec).toEqual(spec);
    },
  );

  it('writes TinyVGG as a deploy file: Input layer, in-place ReLU, softmax as its own layer', () => {
    const text = serializePrototxt(tinyVggSpec());
    expect(text).toContain('input_param {\n    shape { dim: 1 dim: 3 dim: 64 dim: 64 }\n  }');
    expect(text).toMatch(/name: "relu_1_1"\n {2}type: "ReLU"\n {2}bottom: "conv_1_1"\n {2}top: "conv_1_1"/);
    expect(text).toMatch(
      /name: "output_softmax"\n {2}type: "Softmax"\n {2}bottom: "output"\n {2}top: "output"/,
    );
    const back = parsePrototxtNet(text).spec;
    expect(paramsOf(back)).toBe(paramsOf(tinyVggSpec()));
    expect(shapeOf(back, 'output')).toEqual([10]);
  });

  it('refuses what Caffe cannot express, naming the layer', () => {
    const spec = tinyVggSpec();
    const uneven: NetworkSpec = {
      name: 'uneven',
      layers: [
        inputLayer([8, 8, 3], 'in'),
        convLayer('c', 'in', { filters: 2, kernelSize: [2, 2], padding: 'same' }),
      ],
    };
    expect(() => serializePrototxt(uneven)).toThrow(/layer c \(Conv2D\): its padding is uneven/);
    const gelu = {
      ...spec,
      layers: spec.layers.map((l) => (l.id === 'relu_1_1' ? { ...l, params: { activation: 'gelu' } } : l)),
    };
    expect(() => serializePrototxt(gelu)).toThrow(CaffeFormatError);
    expect(() => serializePrototxt(gelu)).toThrow(/Caffe has no gelu activation/);
  });
});

describe('Caffe errors name the line and column', () => {
  it.each([
    ['unclosed_block', 16, 1, 'the block opened at line 12 is never closed with "}"'],
    ['stray_brace', 10, 1, '"}" has no matching opening bracket'],
    ['unknown_type', 4, 1, 'layer "odd": the Caffe layer type "Mystery" is not supported'],
    ['missing_bottom', 4, 1, 'bottom "nowhere" is not the top of any earlier layer or input'],
    ['fractional_filters', 10, 5, 'num_output must be a whole number, not 12.5'],
    ['kernel_too_big', 4, 1, 'layer "conv1": a 9×9 kernel does not fit a 5×5 input'],
    ['data_without_size', 2, 1, 'layer "mnist" (Data) does not say how large its images are'],
    ['group_mismatch', 4, 1, '4 input channels and 6 filters must both divide into 3 groups'],
    [
      'pool_pad_too_big',
      4,
      1,
      'layer "pool1" (Pooling): the padding (2×2) must be smaller than the kernel (2×2)',
    ],
    ['empty_name', 5, 3, 'the layer name is empty; give it a name'],
    ['decimal_num_output', 9, 23, 'num_output must be a whole number, not 8.0'],
    ['top_twice', 11, 1, 'layer "conv2": top "out" is produced by multiple sources'],
  ])('bad/%s.prototxt → line %i, column %i: %s', (name, line, column, message) => {
    let error: unknown;
    try {
      parsePrototxtNet(read(`bad/${name}.prototxt`));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaffeFormatError);
    const e = error as CaffeFormatError;
    expect(e.place.pos).toEqual({ line, column });
    expect(e.message).toContain(message);
    expect(e.message.startsWith(`line ${line}, column ${column}: `)).toBe(true);
    expect(e.localized().zh).toMatch(new RegExp(`^第 ${line} 行第 ${column} 列：`));
  });
});
