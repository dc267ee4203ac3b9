/**
 * meta.json's `preprocessing` block reaches the Input: the shipped models' files are read as
 * values 0–1 RGB, a block with its own mean/std changes what the net is fed, and a block that
 * is malformed or contradicts the model ends in a message naming the key (never a default).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MetaError, parseModelMeta, specWithMetaPreprocessing } from '../../src/lib/model/meta';
import { imageForNet, preprocessingOf } from '../../src/lib/preprocess/netInput';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import type { LayerParams, NetworkSpec } from '../../src/lib/spec/types';

const CLASSES = ['cat', 'dog'];
const meta = (preprocessing: unknown, inputSize = [64, 64, 3]) =>
  parseModelMeta({ classes: CLASSES, inputSize, preprocessing }, 'models/x/meta.json');

function problem(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(MetaError);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

const withInput = (spec: NetworkSpec, params: LayerParams): NetworkSpec => ({
  ...spec,
  layers: spec.layers.map((l) => (l.type === 'Input' ? { ...l, params: { ...l.params, ...params } } : l)),
});

/** A 2×2 white image. */
const white = { width: 2, height: 2, channels: 3 as const, data: new Uint8Array(12).fill(255) };

describe("a meta.json's preprocessing", () => {
  it('the shipped models say values 1/255 (0–1): their Input states it', () => {
    const dir = 'models';
    const folders = readdirSync(dir).filter((f) => !f.includes('.'));
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      const m = parseModelMeta(JSON.parse(readFileSync(join(dir, folder, 'meta.json'), 'utf8')), folder);
      expect(m.preprocessing.input, folder).toEqual({ valueScale: '0-1' });
    }
  });

  it('reaches the Input, and so what the net is fed', () => {
    const m = meta({ fit: 'crop', size: 64, scale: '1/255', mean: [0.5], std: [0.25] });
    const spec = specWithMetaPreprocessing(tinyVggSpec(), m, 'models/x/meta.json');
    const input = spec.layers.find((l) => l.type === 'Input');
    expect(input?.params).toMatchObject({ valueScale: '0-1', mean: [0.5], std: [0.25] });
    // White (1.0) becomes (1 − 0.5) / 0.25 = 2, where the spec without the meta gives 1.
    expect(imageForNet(white, spec, 4, 'crop')[0]).toBeCloseTo(2, 5);
    expect(imageForNet(white, tinyVggSpec(), 4, 'crop')[0]).toBeCloseTo(1, 5);
    const bgr = specWithMetaPreprocessing(
      tinyVggSpec(),
      meta({ scale: '1', channelOrder: 'bgr', mean: [104, 117, 123] }),
      'm',
    );
    expect(preprocessingOf(bgr)).toEqual({
      ok: true,
      value: { channels: 3, order: 'bgr', scale: '0-255', mean: [104, 117, 123], std: [1] },
    });
  });

  it('agreeing with what the model itself states is fine; contradicting it is refused naming both', () => {
    const stated = withInput(tinyVggSpec(), { valueScale: '0-1' });
    expect(() => specWithMetaPreprocessing(stated, meta({ scale: '1/255' }), 'm')).not.toThrow();
    const other = withInput(tinyVggSpec(), { valueScale: '0-255' });
    expect(
      problem(() => specWithMetaPreprocessing(other, meta({ scale: '1/255' }), 'models/x/meta.json')),
    ).toBe(
      'models/x/meta.json: "preprocessing" gives valueScale "0-1" but the model\'s input "input" says "0-255"',
    );
    expect(problem(() => specWithMetaPreprocessing(tinyVggSpec(), meta({}, [32, 32, 3]), 'm'))).toMatch(
      /"inputSize" is \[32, 32, 3\] but the model's input "input" takes \[64, 64, 3\]/,
    );
    // Three means for a greyscale input.
    const grey = withInput(tinyVggSpec(), { shape: [64, 64, 1] });
    expect(
      problem(() => specWithMetaPreprocessing(grey, meta({ mean: [0.4, 0.5, 0.6] }, [64, 64, 1]), 'm')),
    ).toMatch(/^m "preprocessing": .*1 value or 1/);
  });

  it('a malformed block is refused naming the key', () => {
    expect(problem(() => meta({ scale: '1/256' }))).toBe(
      'models/x/meta.json: "preprocessing.scale" must be one of "1/255", "1", "1/127.5-1", not "1/256"',
    );
    expect(problem(() => meta({ fit: 'stretch' }))).toMatch(
      /"preprocessing\.fit" must be "crop" or "letterbox", not "stretch"/,
    );
    expect(problem(() => meta({ size: 32 }))).toMatch(
      /"preprocessing\.size" is 32 but "inputSize" is \[64,64,3\]/,
    );
    expect(problem(() => meta('1/255'))).toMatch(/"preprocessing" must be an object/);
    expect(problem(() => meta({ channelOrder: '"><img src=x onerror=alert(1)>' }))).toMatch(
      /^models\/x\/meta\.json: preprocessing\.channelOrder: /,
    );
    expect(problem(() => meta({ std: [0] }))).toMatch(/preprocessing\.std/);
    // A key of every object is not a scale.
    expect(problem(() => meta({ scale: 'constructor' }))).toMatch(/not "constructor"$/);
    expect(problem(() => meta({ scale: '1/255', valueScale: '0-255' }))).toMatch(
      /"preprocessing\.scale" "1\/255" means values 0-1, but "preprocessing\.valueScale" says "0-255"/,
    );
  });

  it('a block without preprocessing keys leaves the spec as it is', () => {
    const spec = tinyVggSpec();
    expect(specWithMetaPreprocessing(spec, meta({ fit: 'letterbox' }), 'm')).toBe(spec);
    expect(meta(undefined).preprocessing).toEqual({ fit: 'crop', size: 64, input: {} });
  });
});
