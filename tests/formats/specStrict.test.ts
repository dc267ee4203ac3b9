/**
 * CNN Studio JSON keeps only what it can write again: a number too large for a double
 * (1e999 reads as Infinity, which JSON writes as null) is refused at its path instead of
 * giving a spec whose own export cannot be reopened.
 */
import { describe, expect, it } from 'vitest';
import { parseSpecJson, serializeSpecJson, SpecJsonError } from '../../src/lib/formats/specJson';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';

describe('CNN Studio JSON numbers', () => {
  it.each([
    ['in a list', '"kernelSize": [3, 3]', '"kernelSize": [1e999, 3]', 'kernelSize'],
    ['alone', '"filters": 10', '"filters": -1e999', 'filters'],
  ])('a number out of double range %s is refused', (_what, from, to, key) => {
    const text = serializeSpecJson(tinyVggSpec()).replace(from, to);
    let error: unknown;
    try {
      parseSpecJson(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecJsonError);
    const e = error as SpecJsonError;
    expect(e.place.path).toBe(`$.layers[1].params.${key}`);
    expect(e.text.en).toBe(`${key} must be a finite number, string, true/false or a list of finite numbers`);
    expect(e.place.pos?.line).toBe(7);
  });

  it('what it reads it writes back the same', () => {
    const spec = parseSpecJson(serializeSpecJson(tinyVggSpec())).spec;
    expect(parseSpecJson(serializeSpecJson(spec)).spec).toEqual(spec);
  });
});
