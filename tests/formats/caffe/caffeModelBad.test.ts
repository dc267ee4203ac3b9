/**
 * Broken .caffemodel files and weights that do not fit their prototxt: each import stops with
 * a CaffeModelError whose message names the layer and the field (or the byte) that is wrong.
 */
import { describe, expect, it } from 'vitest';
import { parseCaffeModel } from '../../../src/lib/formats/caffe/caffeModelImport';
import { FormatError } from '../../../src/lib/formats/formatError';
import { bnNet } from './caffeFixtures';
import { blob, layer, net, sub, u } from './caffeModelWriter';

function failure(run: () => unknown): FormatError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('the import did not fail');
}

describe('damaged files', () => {
  it('a file cut short inside its last layer names that layer and the one before it', () => {
    const { bytes } = bnNet();
    const e = failure(() => parseCaffeModel(bytes.slice(0, bytes.length - 7)));
    expect(e.message).toMatch(/cut short/);
    expect(e.message).toContain('layer[6]');
    expect(e.message).toContain('after layer "fc"');
  });

  it('a file cut short in the middle of a blob names the layer whose blob it is', () => {
    const { bytes } = bnNet();
    // The first layer (conv1) holds 108 weights: cut the file inside them.
    const e = failure(() => parseCaffeModel(bytes.slice(0, 200)));
    expect(e.message).toMatch(/cut short/);
    expect(e.message).toContain('layer[0]');
  });

  it('an invalid wire type inside a layer (damaged bytes) names the layer', () => {
    const bytes = bnNet().bytes.slice();
    // The name field of the second layer ("bn1"): its tag 0x0a becomes wire type 6.
    const at = bytes.findIndex(
      (b, i) => b === 0x0a && bytes[i + 1] === 3 && bytes[i + 2] === 0x62 && bytes[i + 3] === 0x6e,
    );
    expect(at).toBeGreaterThan(0);
    bytes[at] = 0x0e;
    const e = failure(() => parseCaffeModel(bytes));
    expect(e.message).toMatch(/damaged/);
    expect(e.message).toContain('layer[1] (after layer "conv1")');
  });

  it('text that is not a .caffemodel, and an empty file, say so', () => {
    expect(failure(() => parseCaffeModel(new Uint8Array(0))).message).toMatch(/empty/);
    const text = new TextEncoder().encode('name: "not binary"\nlayer { name: "x" }\n');
    expect(failure(() => parseCaffeModel(text)).message).toMatch(/damaged|no layers/);
  });

  it('a blob whose values do not fill its own shape names the layer and blobs[k]', () => {
    const bad = net(
      'n',
      [
        layer({
          name: 'conv1',
          type: 'Convolution',
          bottom: ['data'],
          top: ['conv1'],
          blobs: [blob([4, 3, 3, 3], new Float32Array(100)), blob([4], new Float32Array(4))],
          params: [sub(106, [u(1, 4), u(4, 3)])],
        }),
      ],
      { name: 'data', dims: [1, 3, 6, 6] },
    );
    const e = failure(() => parseCaffeModel(bad));
    expect(e.message).toContain('layer "conv1" (Convolution): blobs[0]');
    expect(e.message).toContain('needs 108 values but it holds 100');
    expect(e.localized().zh).toContain('需要 108 个值，但它有 100 个');
  });

  it('a blob whose shape does not fit the layer parameters names the layer, the blob and both shapes', () => {
    const bad = net(
      'n',
      [
        layer({
          name: 'conv1',
          type: 'Convolution',
          bottom: ['data'],
          top: ['conv1'],
          blobs: [blob([4, 3, 3, 3], new Float32Array(108)), blob([4], new Float32Array(4))],
          params: [sub(106, [u(1, 4), u(4, 5)])],
        }),
      ],
      { name: 'data', dims: [1, 3, 6, 6] },
    );
    const e = failure(() => parseCaffeModel(bad));
    expect(e.message).toContain(
      'layer "conv1" (Convolution): blobs[0] is 4×3×3×3, but its parameters need 4×3×5×5',
    );
  });

  it('a conv without its bias blob says how many blobs it has and needs', () => {
    const bad = net(
      'n',
      [
        layer({
          name: 'c',
          type: 'Convolution',
          bottom: ['data'],
          top: ['c'],
          blobs: [blob([2, 3, 1, 1], new Float32Array(6))],
          params: [sub(106, [u(1, 2), u(4, 1)])],
        }),
      ],
      { name: 'data', dims: [1, 3, 2, 2] },
    );
    expect(failure(() => parseCaffeModel(bad)).message).toContain(
      'has 1 blob(s) for it; its parameters need 2',
    );
  });

  it('a training net whose data layer does not say its image size asks for the deploy prototxt', () => {
    const bad = net('n', [
      layer({ name: 'data', type: 'Data', top: ['data', 'label'] }),
      layer({ name: 'c', type: 'ReLU', bottom: ['data'], top: ['c'] }),
    ]);
    const e = failure(() => parseCaffeModel(bad));
    expect(e.message).toContain('does not say how large its images are');
    expect(e.message).toContain('layer[0]');
  });
});

describe('weights that do not match the prototxt', () => {
  it('a prototxt layer with parameters the blobs do not fit', () => {
    const fx = bnNet();
    const e = failure(() => parseCaffeModel(fx.bytes, fx.prototxt.replace('num_output: 4', 'num_output: 6')));
    expect(e.message).toContain(
      'layer "conv1" (Convolution): blobs[0] is 4×3×3×3, but its parameters need 6×3×3×3',
    );
  });

  it('a prototxt layer the weights file does not have', () => {
    const fx = bnNet();
    const e = failure(() => parseCaffeModel(fx.bytes, fx.prototxt.replaceAll('"fc"', '"fc_new"')));
    expect(e.message).toContain(
      'layer "fc_new" (InnerProduct): the weights file has no learned blobs for it',
    );
  });

  it('a layer that is another type in the weights file', () => {
    const fx = bnNet();
    const swapped = fx.prototxt
      .replace('name: "relu1" type: "ReLU"', 'name: "prob" type: "ReLU"')
      .replace('name: "prob" type: "Softmax"', 'name: "relu1" type: "Softmax"');
    const e = failure(() => parseCaffeModel(fx.bytes, swapped));
    expect(e.message).toContain(
      'layer "prob" is a ReLU layer in the prototxt but a Softmax layer in the weights file',
    );
  });

  it('names from the file stay text in messages (quotes, newlines, markup)', () => {
    const fx = bnNet();
    const name = 'fc"<b>\\n';
    const e = failure(() => parseCaffeModel(fx.bytes, fx.prototxt.replaceAll('"fc"', JSON.stringify(name))));
    expect(e.message).toContain('the weights file has no learned blobs');
    expect(e.message).not.toContain('\n');
  });
});
