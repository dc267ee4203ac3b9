/**
 * The Caffe reader refuses what Caffe refuses (protobuf's integer literals and unsigned
 * fields, the CHECKs of the layers' setup, blobs written by two layers) and names that would
 * collide as ids, each with its line and column; it never renames a layer the file named.
 */
import { describe, expect, it } from 'vitest';
import { parsePrototxtNet, CaffeFormatError } from '../../src/lib/formats/caffe/caffeImport';
import { serializePrototxt } from '../../src/lib/formats/caffe/caffeExport';
import type { NetworkSpec } from '../../src/lib/spec/types';

/** A net on a 1×3×6×6 input with the given layer blocks after it (line 4 onwards). */
function net(...layers: string[]): string {
  return ['name: "probe"', 'input: "data"', 'input_shape { dim: 1 dim: 3 dim: 6 dim: 6 }', ...layers].join(
    '\n',
  );
}

function conv(param: string, name = 'conv'): string {
  return `layer {\n  name: "${name}"\n  type: "Convolution"\n  bottom: "data"\n  top: "${name}"\n  convolution_param { ${param} }\n}`;
}

function pool(param: string, name = 'pool', bottom = 'data'): string {
  return `layer {\n  name: "${name}"\n  type: "Pooling"\n  bottom: "${bottom}"\n  top: "${name}"\n  pooling_param { ${param} }\n}`;
}

function relu(name: string, bottom: string, top = bottom): string {
  return `layer { name: "${name}" type: "ReLU" bottom: "${bottom}" top: "${top}" }`;
}

function refusal(text: string): CaffeFormatError {
  try {
    parsePrototxtNet(text);
  } catch (e) {
    if (e instanceof CaffeFormatError) return e;
    throw e;
  }
  throw new Error('expected the prototxt to be refused');
}

describe('Caffe values Caffe itself refuses', () => {
  it.each([
    ['group: 0', conv('num_output: 6 kernel_size: 3 group: 0'), 4, 'group must be at least 1'],
    [
      'group: -1 (a uint32)',
      conv('num_output: 6 kernel_size: 3 group: -1'),
      9,
      'group must be 0 or more (an unsigned integer), not -1',
    ],
    [
      'num_output: 8.0 (an integer field)',
      conv('num_output: 8.0 kernel_size: 3'),
      9,
      'num_output must be a whole number, not 8.0',
    ],
    [
      'num_output: 8e0',
      conv('num_output: 8e0 kernel_size: 3'),
      9,
      'num_output must be a whole number, not 8e0',
    ],
    [
      'kernel_size: 3.0',
      conv('num_output: 8 kernel_size: 3.0'),
      9,
      'kernel_size must be a whole number, not 3.0',
    ],
    ['a negative pad', conv('num_output: 8 kernel_size: 3 pad: -1'), 9, 'pad must be 0 or more'],
    ['kernel_size: 0', conv('num_output: 8 kernel_size: 0'), 4, 'the kernel size must be at least 1'],
    ['stride: 0', conv('num_output: 8 kernel_size: 3 stride: 0'), 4, 'the stride must be at least 1'],
    [
      'kernel_h without kernel_w',
      conv('num_output: 8 kernel_h: 3'),
      4,
      'give both kernel_h and kernel_w, or kernel_size',
    ],
    [
      'kernel_size and kernel_h, kernel_w',
      conv('num_output: 8 kernel_size: 3 kernel_h: 3 kernel_w: 3'),
      4,
      'give either kernel_size or kernel_h and kernel_w, not both',
    ],
    [
      'pooling pad equal to the kernel',
      pool('pool: MAX kernel_size: 2 pad: 2'),
      4,
      'the padding (2×2) must be smaller than the kernel (2×2)',
    ],
    [
      'pooling pad above the kernel',
      pool('pool: AVE kernel_h: 2 kernel_w: 3 pad_h: 3 pad_w: 0'),
      4,
      'must be smaller than the kernel',
    ],
    [
      'global pooling with a kernel size',
      pool('pool: AVE global_pooling: true kernel_size: 2'),
      4,
      'a kernel size cannot be given as well',
    ],
    [
      'global pooling with a stride',
      pool('pool: AVE global_pooling: true stride: 2'),
      4,
      'global_pooling needs stride 1 and pad 0',
    ],
  ])('%s', (_what, layer, line, message) => {
    const e = refusal(net(layer));
    expect(e.message).toContain(message);
    expect(e.place.pos?.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^line ${line}, column \\d+: `));
    expect(e.localized().zh).toMatch(new RegExp(`^第 ${line} 行第 \\d+ 列：`));
  });

  it('hex and signed integer literals still read as integers', () => {
    const spec = parsePrototxtNet(net(conv('num_output: 0x8 kernel_size: +3'))).spec;
    expect(spec.layers[1]?.params).toMatchObject({ filters: 8, kernelSize: [3, 3] });
  });
});

describe('Caffe names and blobs', () => {
  it('a layer named "" is refused at its name', () => {
    const e = refusal(net(conv('num_output: 4 kernel_size: 3', '')));
    expect(e.message).toBe('line 5, column 3: the layer name is empty; give it a name');
  });

  it('two layers with one name are refused, naming it', () => {
    const e = refusal(net(conv('num_output: 4 kernel_size: 3', 'c'), pool('kernel_size: 2', 'c', 'data')));
    expect(e.message).toContain('two layers or inputs are named "c"');
    expect(e.place.pos?.line).toBe(11);
  });

  it('a top written by a second layer that is not in place is refused, as Caffe does', () => {
    const twice = net(conv('num_output: 4 kernel_size: 3', 'c'), relu('r', 'data', 'c'));
    const e = refusal(twice);
    expect(e.message).toContain('layer "r": top "c" is produced by multiple sources');
    expect(e.place.pos?.line).toBe(11);
    expect(refusal(net(relu('r', 'data', 'data2'), relu('s', 'data', 'data2'))).message).toContain(
      'top "data2" is produced by multiple sources',
    );
    // In place (top = bottom) is how Caffe writes ReLU after a convolution.
    const inPlace = parsePrototxtNet(net(conv('num_output: 4 kernel_size: 3', 'c'), relu('r', 'c')));
    expect(inPlace.spec.layers.map((l) => l.id)).toEqual(['data', 'c', 'r']);
  });

  it("the layers an import adds never take a name the file gives; the file's names are kept", () => {
    // Caffe's ceil rounding needs explicit zero padding here, which adds a layer named pool_pad…
    const text = net(pool('pool: MAX kernel_size: 3 stride: 2 pad: 1'), relu('pool_pad', 'pool'));
    const ids = parsePrototxtNet(text).spec.layers.map((l) => `${l.id}:${l.type}`);
    // …unless the file has a pool_pad of its own.
    expect(ids).toEqual([
      'data:Input',
      'pool_pad_2:ZeroPadding2D',
      'pool:MaxPooling2D',
      'pool_pad:Activation',
    ]);
  });

  it("an unnamed layer's made-up name avoids the names the file gives", () => {
    const unnamed = 'layer { type: "ReLU" bottom: "data" top: "data" }';
    const ids = parsePrototxtNet(net(unnamed, relu('relu1', 'data'))).spec.layers.map((l) => l.id);
    expect(ids).toEqual(['data', 'relu1_', 'relu1']);
  });

  it("an exported layer's extra Caffe layers never take the name of another layer, so the file reads back", () => {
    const conv = {
      filters: 4,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      dilation: [1, 1],
      useBias: true,
    };
    const spec: NetworkSpec = {
      name: 'clash',
      layers: [
        { id: 'data', type: 'Input', params: { shape: [8, 8, 3] }, inputs: [] },
        { id: 'c', type: 'Conv2D', params: { ...conv, activation: 'relu' }, inputs: ['data'] },
        // The name the exporter gives c's fused ReLU.
        {
          id: 'c_relu',
          type: 'MaxPooling2D',
          params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
          inputs: ['c'],
        },
      ],
    };
    const text = serializePrototxt(spec);
    const names = [...text.matchAll(/^ {2}name: "([^"]*)"/gm)].map((m) => m[1]);
    expect(names).toEqual(['data', 'c', 'c_relu_2', 'c_relu']);
    const back = parsePrototxtNet(text).spec.layers.map((l) => `${l.id}:${l.type}`);
    expect(back).toEqual(['data:Input', 'c:Conv2D', 'c_relu_2:Activation', 'c_relu:MaxPooling2D']);
  });
});
