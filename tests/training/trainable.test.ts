import { describe, expect, it } from 'vitest';
import { checkTrainable, outputUnits } from '../../src/lib/training/trainable';
import { readStudioMetadata } from '../../src/lib/training/modelFiles';
import { serializeKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import type { NetworkSpec } from '../../src/lib/spec/types';

describe('can this net be trained on this dataset', () => {
  const spec = tinyVggSpec(10, 32);
  const table = inferShapes(spec);

  it('accepts a softmax output with one unit per class', () => {
    expect(outputUnits(spec, table)).toBe(10);
    expect(checkTrainable(spec, table, 10)).toEqual({ ok: true });
  });

  it('names the output layer and the counts when they differ, and offers a fixed spec', () => {
    const r = checkTrainable(spec, table, 3);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason.en).toBe(
      'The last layer (output) has 10 outputs but the dataset has 3 classes. Change it to 3 units with softmax (its weights start afresh).',
    );
    expect(r.reason.zh).toMatch(/最后一层（output）有 10 个输出，但数据集有 3 个类别/);
    const fixed = r.fixed!;
    expect(fixed.layers.find((l) => l.id === 'output')?.params).toMatchObject({
      units: 3,
      activation: 'softmax',
    });
    expect(checkTrainable(fixed, inferShapes(fixed), 3)).toEqual({ ok: true });
    // The original is untouched.
    expect(spec.layers.find((l) => l.id === 'output')?.params.units).toBe(10);
  });

  it('asks for softmax when the output is linear', () => {
    const linear: NetworkSpec = {
      ...spec,
      layers: spec.layers.map((l) =>
        l.id === 'output' ? { ...l, params: { ...l.params, activation: 'linear' } } : l,
      ),
    };
    const r = checkTrainable(linear, inferShapes(linear), 10);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.en).toMatch(/does not end in softmax/);
  });

  it('explains what to add when the net ends in a feature map', () => {
    const headless: NetworkSpec = {
      ...spec,
      layers: spec.layers.filter((l) => l.id !== 'output' && l.id !== 'flatten'),
    };
    const r = checkTrainable(headless, inferShapes(headless), 10);
    expect(r).toMatchObject({ ok: false, fixed: null });
    if (!r.ok)
      expect(r.reason.en).toMatch(/max_pool_2\) outputs 5 × 5 × 10.*Flatten and a Dense layer of 10 units/);
  });
});

describe('model files', () => {
  it('writes the class names and dataset into model.json, read back as ours', () => {
    const out = serializeKerasJson(tinyVggSpec(), undefined, { labels: ['a', 'b'], dataset: 'Shapes' });
    const json = JSON.parse(out.json) as { format: string; userDefinedMetadata: unknown };
    expect(json.format).toBe('layers-model');
    expect(readStudioMetadata(json.userDefinedMetadata)).toEqual({ classes: ['a', 'b'], dataset: 'Shapes' });
  });

  it('ignores foreign metadata', () => {
    expect(readStudioMetadata({ other: 1 })).toBeNull();
    expect(readStudioMetadata({ cnnStudio: { classes: [1, 2] } })).toBeNull();
    expect(readStudioMetadata(undefined)).toBeNull();
  });
});
