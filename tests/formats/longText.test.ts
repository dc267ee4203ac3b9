/**
 * Error messages stay short whatever the file holds: a 1 MB name, type
 * or key is quoted by its start and end, never repeated whole (issue 14: no output blow-up).
 */
import { describe, expect, it } from 'vitest';
import { importText, FormatError } from '../../src/lib/formats';
import { decodeShareHash, encodeShareHash, ShareLinkError } from '../../src/lib/formats/shareLink';
import { clipText } from '../../src/lib/formats/formatError';

const huge = 'x'.repeat(1_000_000);

function refusal(read: () => unknown): { en: string; zh: string } {
  try {
    read();
  } catch (e) {
    if (e instanceof FormatError) return { en: e.message, zh: e.localized().zh };
    if (e instanceof ShareLinkError) return e.text;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('messages about huge values stay short', () => {
  it.each([
    [
      'a spec JSON layer type',
      `{"format": "cnn-studio-spec", "name": "n", "layers": [{"id": "a", "type": "${huge}"}]}`,
      'spec',
    ],
    [
      'a Keras layer class',
      `{"class_name": "Sequential", "config": {"layers": [{"class_name": "${huge}", "config": {}}]}}`,
      'keras',
    ],
    [
      'a Caffe layer name',
      `input: "data"\ninput_shape { dim: 1 dim: 1 dim: 4 dim: 4 }\nlayer { name: "${huge}" type: "Mystery" bottom: "data" top: "t" }`,
      'caffe',
    ],
    [
      'a param name, which is also in the JSON path',
      `{"format": "cnn-studio-spec", "name": "n", "layers": [{"id": "a", "type": "Input", "params": {"${huge}": 1}}]}`,
      'spec',
    ],
  ] as const)('%s', (_what, text, format) => {
    const m = refusal(() => importText(text, format));
    expect(m.en.length).toBeLessThan(1000);
    expect(m.zh.length).toBeLessThan(1000);
    // The name is shown clipped, or (a JSON key) refused by its length without repeating it.
    if (text.includes(huge)) expect(m.en).toMatch(/x{20,}…x+|keys may be at most 1,000 characters/);
  });

  it('a share link whose net has a 1 MB layer type', () => {
    const link = encodeShareHash({
      name: 'n',
      layers: [{ id: 'a', type: huge, params: {}, inputs: [] }],
    });
    const m = refusal(() => decodeShareHash(link));
    expect(m.en).toMatch(/^The shared net cannot be opened: /);
    expect(m.en.length).toBeLessThan(700);
  });

  it('keeps short text as it is and never splits a surrogate pair', () => {
    expect(clipText('layer conv1: filters must be a whole number')).toBe(
      'layer conv1: filters must be a whole number',
    );
    const emoji = '😀'.repeat(100);
    const clipped = clipText(`name ${emoji}`);
    expect(clipped.length).toBeLessThan(100);
    expect(() => encodeURIComponent(clipped)).not.toThrow();
  });
});
