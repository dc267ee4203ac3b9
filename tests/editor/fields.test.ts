import { describe, expect, it } from 'vitest';
import { readInts, readNumber, showValue } from '../../src/lib/editor/parseField';
import { clip, wrapText } from '../../src/lib/editor/wrapText';
import { checkRunnable } from '../../src/lib/spec/runnable';
import { getLayerDef } from '../../src/lib/layers/registry';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import type { NetworkSpec } from '../../src/lib/spec/types';
import type { ParamDef } from '../../src/lib/layers/types';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { chain, conv, input } from './helpers';

function paramOf(type: string, name: string): ParamDef {
  const d = getLayerDef(type)?.params.find((p) => p.name === name);
  if (!d) throw new Error(`${type}.${name}`);
  return d;
}

describe('reading typed fields', () => {
  it('never turns an empty or junk field into a number', () => {
    const filters = paramOf('Conv2D', 'filters');
    expect(readNumber(filters, '')).toEqual({ error: { en: 'Filters is empty', zh: '卷积核数为空' } });
    expect(readNumber(filters, ' 12 ')).toEqual({ value: 12 });
    expect(readNumber(filters, '1e2')).toEqual({ value: 100 });
    expect('error' in readNumber(filters, '12px')).toBe(true);
    // A fraction is read as it is, so the registry's check can refuse it by name.
    expect(readNumber(filters, '2.5')).toEqual({ value: 2.5 });
  });

  it('reads every box of a list field', () => {
    const k = paramOf('Conv2D', 'kernelSize');
    expect(readInts(k, ['3', '5'])).toEqual({ value: [3, 5] });
    expect('error' in readInts(k, ['3', ''])).toBe(true);
    expect(showValue([3, 5])).toBe('3, 5');
  });
});

describe('wrapping node text', () => {
  it('wraps at spaces within the width and marks a cut-off end', () => {
    const lines = wrapText('conv: kernel 40×40 is larger than the 12×12 input it slides over', 20, 2);
    expect(lines.length).toBe(2);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(20);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(wrapText('short', 20, 3)).toEqual(['short']);
  });

  it('breaks Chinese text between characters, counting each as two', () => {
    const lines = wrapText('卷积核大小超过了输入的大小', 10, 3);
    expect(lines[0]).toBe('卷积核大小');
    expect(clip('max_pooling2d_12', 10)).toBe('max_pooli…');
  });
});

describe('can the explainer run it', () => {
  it('runs TinyVGG', () => {
    const spec = tinyVggSpec();
    expect(checkRunnable(spec, inferShapes(spec))).toEqual({ ok: true });
  });

  it('names the first broken layer', () => {
    const spec = chain();
    spec.layers[2] = conv('c2', 'c1', 4, 40);
    const r = checkRunnable(spec, inferShapes(spec));
    expect(!r.ok && r.reason.en).toMatch(/^c2: /);
  });

  it('refuses non-image inputs, several outputs and layers tfjs lacks', () => {
    const seq: NetworkSpec = {
      name: 's',
      layers: [input('i', [20, 8]), { id: 'f', type: 'Flatten', params: {}, inputs: ['i'] }],
    };
    const r1 = checkRunnable(seq, inferShapes(seq));
    expect(!r1.ok && r1.reason.en).toMatch(/square colour or greyscale images.*20 × 8/);
    const two = chain();
    two.layers.push({ id: 'side', type: 'Flatten', params: {}, inputs: ['c1'] });
    const r2 = checkRunnable(two, inferShapes(two));
    expect(!r2.ok && r2.reason.en).toMatch(/one output layer; this net has 2/);
    const headless = chain();
    headless.layers = headless.layers.slice(0, 3);
    const r4 = checkRunnable(headless, inferShapes(headless));
    expect(!r4.ok && r4.reason.en).toMatch(/ends in a list of class scores.*ends in 12 × 12 × 4/);
    const regularised = tinyVggSpec();
    regularised.layers = regularised.layers.map((l) =>
      l.id === 'relu_1_1' ? { ...l, type: 'ActivityRegularization', params: { l1: 0, l2: 0 } } : l,
    );
    const r3 = checkRunnable(regularised, inferShapes(regularised));
    expect(!r3.ok && r3.reason.en).toMatch(/^relu_1_1: ActivityRegularization is not in TensorFlow\.js/);
    expect(!r3.ok && r3.tooLarge).toBe(false);
  });

  it('refuses nets too large for the browser and says so, but as valid', () => {
    const big: NetworkSpec = {
      name: 'big',
      layers: [
        input('i', [64, 64, 3]),
        { id: 'f', type: 'Flatten', params: {}, inputs: ['i'] },
        {
          id: 'd',
          type: 'Dense',
          params: { units: 8000, activation: 'linear', useBias: true },
          inputs: ['f'],
        },
      ],
    };
    const r = checkRunnable(big, inferShapes(big));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.tooLarge).toBe(true);
    expect(!r.ok && r.reason.en).toMatch(/too large to run in the browser: 98\.3M parameters/);
  });
});
