/**
 * The Keras exporter checks the spec before writing, as the Caffe and PyTorch exporters do:
 * a bad layer or weights that do not fit are a KerasFormatError naming the layer, in both
 * languages, never a plain Error from deep inside nor a model.json tfjs would refuse.
 */
import { describe, expect, it } from 'vitest';
import { KerasFormatError, parseKerasJson, serializeKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { exportText } from '../../src/lib/formats';
import type { LayerParams, NetworkSpec } from '../../src/lib/spec/types';
import { smallConvNet } from '../fixtures/smallConvNet';

function withConv(params: LayerParams): NetworkSpec {
  const spec = smallConvNet(8, 3);
  return {
    ...spec,
    layers: spec.layers.map((l) => (l.id === 'conv' ? { ...l, params: { ...l.params, ...params } } : l)),
  };
}

function refusal(write: () => unknown): KerasFormatError {
  try {
    write();
  } catch (e) {
    expect(e).toBeInstanceOf(KerasFormatError);
    return e as KerasFormatError;
  }
  throw new Error('expected the export to be refused');
}

/** Values for every weight of the small net: conv 3×3×3×4 + 4, out 36×3 + 3. */
function weightsFor(overrides: Record<string, Float32Array> = {}): Map<string, Float32Array> {
  const sizes: Record<string, number> = {
    'conv/kernel': 108,
    'conv/bias': 4,
    'out/kernel': 108,
    'out/bias': 3,
  };
  const m = new Map<string, Float32Array>(
    Object.entries(sizes).map(([k, n]) => [k, new Float32Array(n).fill(0.5)]),
  );
  for (const [k, v] of Object.entries(overrides)) m.set(k, v);
  return m;
}

describe('the Keras exporter validates first', () => {
  it.each([
    [
      'strides written as a string',
      { strides: '2' },
      /^layer conv has a problem \(conv: Strides must be a list of 2 whole numbers\)/,
    ],
    [
      'zero filters',
      { filters: 0 },
      /^layer conv has a problem \(conv: Filters must be between 1 and 4096, not 0\)/,
    ],
    [
      'an unknown activation',
      { activation: 'bogus' },
      /^layer conv has a problem \(conv: Activation must be one of/,
    ],
  ])('%s is refused naming the layer', (_what, params, message) => {
    const e = refusal(() => serializeKerasJson(withConv(params)));
    expect(e.text.en).toMatch(message);
    expect(e.text.zh).toMatch(/^层 conv 有问题（conv：/);
    expect(e.place.path).toBe('$.layers[1]');
    // The text export goes the same way.
    expect(() => exportText(withConv(params), 'keras')).toThrow(KerasFormatError);
  });

  it('a layer after a bad one is named with the reason it cannot be checked', () => {
    const spec = withConv({});
    spec.layers[1] = { ...spec.layers[1]!, inputs: ['nowhere'] };
    expect(refusal(() => serializeKerasJson(spec)).text.en).toMatch(/^layer conv has a problem/);
  });

  it('weights with a missing or wrongly sized tensor are refused before any file is made', () => {
    const spec = smallConvNet(8, 3);
    const short = refusal(() => serializeKerasJson(spec, weightsFor({ 'out/kernel': new Float32Array(5) })));
    expect(short.text.en).toBe('the weight out/kernel has 5 values; its shape 36×3 needs 108');
    const missing = weightsFor();
    missing.delete('conv/bias');
    expect(refusal(() => serializeKerasJson(spec, missing)).text.en).toBe(
      'the weight conv/bias has no values; its shape 4 needs 4',
    );
  });

  it('a valid net with its weights still writes a model.json that reads back', () => {
    const spec = smallConvNet(8, 3);
    const out = serializeKerasJson(spec, weightsFor());
    expect(out.shards.reduce((s, sh) => s + sh.data.byteLength, 0)).toBe(223 * 4);
    const back = parseKerasJson(out.json, { shards: new Map(out.shards.map((s) => [s.path, s.data])) });
    expect(back.spec.layers.map((l) => l.id)).toEqual(spec.layers.map((l) => l.id));
    expect(back.weights?.get('out/bias')).toEqual(new Float32Array(3).fill(0.5));
  });
});
