/** The app's own spec JSON: round trips, defaults for missing params, and errors with their place. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseSpecJson, serializeSpecJson, SpecJsonError } from '../../src/lib/formats/specJson';
import { parsePrototxtNet } from '../../src/lib/formats/caffe/caffeImport';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { detectFormat, exportText, importText } from '../../src/lib/formats';
import { FormatError } from '../../src/lib/formats/formatError';

const caffeSpecs = readdirSync('tests/fixtures/caffe')
  .filter((f) => f.endsWith('.prototxt'))
  .map((f) => [f, parsePrototxtNet(readFileSync(`tests/fixtures/caffe/${f}`, 'utf8')).spec] as const);

describe('spec JSON', () => {
  it.each([['TinyVGG', tinyVggSpec()] as const, ...caffeSpecs])(
    '%s: export then import gives the same spec',
    (_name, spec) => {
      const text = serializeSpecJson(spec);
      expect(parseSpecJson(text).spec).toEqual(spec);
      expect(detectFormat(text)).toBe('spec');
    },
  );

  it('writes one layer per line and points each layer at its line', () => {
    const text = serializeSpecJson(tinyVggSpec());
    expect(text.split('\n')[6]).toBe(
      '    {"id": "conv_1_1", "type": "Conv2D", "params": {"filters": 10, "kernelSize": [3, 3], "strides": [1, 1], "padding": "valid", "dilation": [1, 1], "activation": "linear", "useBias": true}, "inputs": ["input"]},',
    );
    const r = parseSpecJson(text);
    expect(r.layerPos.get('conv_1_1')).toEqual({ line: 7, column: 5 });
  });

  it('fills missing params with their defaults', () => {
    const r = parseSpecJson(
      '{"layers": [{"id": "in", "type": "Input", "params": {"shape": [8, 8, 1]}}, {"id": "c", "type": "Conv2D", "params": {"filters": 3}, "inputs": ["in"]}]}',
    );
    expect(r.spec.layers[1]?.params).toEqual({
      filters: 3,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      dilation: [1, 1],
      activation: 'linear',
      useBias: true,
    });
    expect(r.spec.name).toBe('model');
  });

  it.each([
    ['misspelt_type', 6, 28, '$.layers[1].type', 'unknown layer type "conv2d" (did you mean "Conv2D"?)'],
    [
      'unknown_param',
      5,
      78,
      '$.layers[1].params.kernel_size',
      'Conv2D has no parameter "kernel_size"; it has filters, kernelSize',
    ],
    ['dangling_input', 5, 74, '$.layers[1].inputs[0]', 'input "flatten" is not the id of any layer'],
    ['duplicate_id', 5, 12, '$.layers[1].id', 'the id "input" is already used by layers[0]'],
    ['trailing_comma', 5, 3, undefined, 'expected a value, found "]"'],
  ])('bad/%s.json → line %i, column %i', (name, line, column, path, message) => {
    const text = readFileSync(`tests/fixtures/spec/bad/${name}.json`, 'utf8');
    let error: unknown;
    try {
      parseSpecJson(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecJsonError);
    const e = error as SpecJsonError;
    expect(e.place).toEqual(path ? { pos: { line, column }, path } : { pos: { line, column } });
    expect(e.message).toContain(message);
  });
});

describe('format registry', () => {
  it('detects each readable format from the content', () => {
    expect(detectFormat(readFileSync('tests/fixtures/caffe/vgg16.prototxt', 'utf8'))).toBe('caffe');
    expect(detectFormat(readFileSync('tests/fixtures/keras/keras3_functional_converted.json', 'utf8'))).toBe(
      'keras',
    );
    expect(detectFormat(exportText(tinyVggSpec(), 'keras'))).toBe('keras');
    expect(detectFormat('hello')).toBeNull();
  });

  it('refuses text that is no model, and PyTorch source, with a clear message', () => {
    expect(() => importText('')).toThrow(/the text is empty/);
    expect(() => importText('just some words')).toThrow(/not a model file CNN Studio reads/);
    expect(() => importText('import torch', 'pytorch')).toThrow(FormatError);
    expect(() => importText('import torch', 'pytorch')).toThrow(/exported but not read back/);
  });
});
