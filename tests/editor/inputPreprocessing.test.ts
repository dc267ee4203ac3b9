import { describe, expect, it } from 'vitest';
import {
  channelParams,
  preprocessingFormula,
  presetParams,
  setParams,
} from '../../src/lib/editor/inputPreprocessing';
import { lenet5Spec } from '../../src/lib/zoo/lenet5';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { preprocessingOf } from '../../src/lib/preprocess/netInput';

describe('Input panel edits', () => {
  it('applies the ImageNet preset to a colour net and averages it for a greyscale one', () => {
    const spec = tinyVggSpec();
    const id = spec.layers[0]!.id;
    const r = setParams(spec, id, presetParams('imagenet', 3));
    expect(r.ok && preprocessingOf(r.spec)).toMatchObject({
      ok: true,
      value: { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], scale: '0-1' },
    });
    expect(presetParams('imagenet', 1)).toMatchObject({ mean: [0.449], std: [0.226] });
  });

  it('refuses a value the field would refuse, changing nothing', () => {
    const spec = tinyVggSpec();
    const r = setParams(spec, spec.layers[0]!.id, { valueScale: '0-1', std: [0] });
    expect(!r.ok && r.error.en).toMatch(/Std values must be numbers from 0.000001/);
  });

  it('switches an input to greyscale with its per-channel lists collapsed, so the shape stays valid', () => {
    const base = tinyVggSpec();
    const id = base.layers[0]!.id;
    const imagenet = setParams(base, id, presetParams('imagenet', 3));
    if (!imagenet.ok) throw new Error('preset refused');
    const values = channelParams(imagenet.spec, id, 1)!;
    expect(values).toMatchObject({ shape: [64, 64, 1], mean: [0.449], std: [0.226] });
    const r = setParams(imagenet.spec, id, values);
    expect(r.ok && inferShapes(r.spec).layers.get(id)?.status).toBe('ok');
  });

  it('writes what happens to a pixel value', () => {
    const lenet = lenet5Spec();
    const read = preprocessingOf(lenet);
    expect(read.ok && preprocessingFormula(read.value)).toBe('v');
    expect(
      preprocessingFormula({
        channels: 3,
        order: 'bgr',
        scale: '0-255',
        mean: [103.939, 116.779, 123.68],
        std: [1],
      }),
    ).toBe('255·v − [103.939, 116.779, 123.68]');
    expect(preprocessingFormula({ channels: 1, order: 'rgb', scale: '-1-1', mean: [0.5], std: [0.5] })).toBe(
      '((2·v − 1) − 0.5) ÷ 0.5',
    );
  });
});
