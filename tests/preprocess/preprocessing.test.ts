import { describe, expect, it } from 'vitest';
import {
  applyPreprocessing,
  channelLights,
  displayRgb,
  readPreprocessing,
  type Preprocessing,
} from '../../src/lib/preprocess/preprocessing';
import { imageForNet, inputLightsOf, preprocessingOf } from '../../src/lib/preprocess/netInput';
import { preprocessImage, type RawImage } from '../../src/lib/preprocess/preprocess';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { lenet5Spec } from '../../src/lib/zoo/lenet5';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { checkRunnable } from '../../src/lib/spec/runnable';
import { parseSpecJson } from '../../src/lib/formats/specJson';
import { decodeShareLink, encodeShareHash } from '../../src/lib/formats/shareLink';
import type { NetworkSpec } from '../../src/lib/spec/types';

const plain: Preprocessing = { channels: 3, order: 'rgb', scale: '0-1', mean: [0], std: [1] };
// Two pixels: pure red-ish and a mixed colour.
const rgb = Float32Array.from([1, 0, 0, 0.2, 0.4, 0.6]);

function withInput(spec: NetworkSpec, params: Record<string, unknown>): NetworkSpec {
  return {
    ...spec,
    layers: spec.layers.map((l) =>
      l.type === 'Input' ? { ...l, params: { ...l.params, ...params } as never } : l,
    ),
  };
}

describe('applyPreprocessing', () => {
  it('returns the very same array for plain RGB, so older models see the same numbers', () => {
    expect(applyPreprocessing(rgb, plain)).toBe(rgb);
  });

  it('makes greyscale with the BT.601 luma weights', () => {
    const out = applyPreprocessing(rgb, { ...plain, channels: 1 });
    expect(out.length).toBe(2);
    expect(out[0]).toBeCloseTo(0.299, 6);
    expect(out[1]).toBeCloseTo(0.299 * 0.2 + 0.587 * 0.4 + 0.114 * 0.6, 6);
  });

  it('reverses the channels for BGR and scales to 0–255 and −1–1', () => {
    expect(Array.from(applyPreprocessing(rgb, { ...plain, order: 'bgr' }))).toEqual(
      Array.from(Float32Array.from([0, 0, 1, 0.6, 0.4, 0.2])),
    );
    const bytes = applyPreprocessing(rgb, { ...plain, scale: '0-255' });
    expect(Array.from(bytes).map((v) => Math.round(v * 1000) / 1000)).toEqual([255, 0, 0, 51, 102, 153]);
    const signed = applyPreprocessing(rgb, { ...plain, scale: '-1-1' });
    expect(Array.from(signed).map((v) => Math.round(v * 1000) / 1000)).toEqual([1, -1, -1, -0.6, -0.2, 0.2]);
  });

  it('subtracts the mean and divides by the std per channel, after scaling and in the net’s channel order', () => {
    const p: Preprocessing = {
      channels: 3,
      order: 'bgr',
      scale: '0-255',
      mean: [100, 110, 120],
      std: [2, 4, 5],
    };
    const out = applyPreprocessing(rgb, p);
    // Pixel 1 in BGR 0–255: [153, 102, 51].
    expect(out[3]).toBeCloseTo((153 - 100) / 2, 4);
    expect(out[4]).toBeCloseTo((102 - 110) / 4, 4);
    expect(out[5]).toBeCloseTo((51 - 120) / 5, 4);
  });

  it('displayRgb undoes it (greyscale shown as grey)', () => {
    const p: Preprocessing = {
      channels: 3,
      order: 'bgr',
      scale: '0-255',
      mean: [100, 110, 120],
      std: [2, 4, 5],
    };
    const back = displayRgb(applyPreprocessing(rgb, p), p);
    Array.from(rgb).forEach((v, i) => expect(back[i]).toBeCloseTo(v, 4));
    const grey = displayRgb(applyPreprocessing(rgb, { ...plain, channels: 1 }), { ...plain, channels: 1 });
    expect(grey[0]).toBeCloseTo(0.299, 5);
    expect(grey[1]).toBeCloseTo(0.299, 5);
  });

  it('gives each channel its light and range: ImageNet normalisation, BGR colours, grey', () => {
    const lights = channelLights({ channels: 3, order: 'bgr', scale: '0-1', mean: [0.5], std: [0.25] });
    expect(lights.map((l) => l.scheme)).toEqual(['blue', 'green', 'red']);
    expect(lights[0]).toMatchObject({ lo: -2, hi: 2 });
    expect(channelLights({ ...plain, channels: 1 })).toEqual([{ lo: 0, hi: 1, scheme: 'grey' }]);
  });
});

describe('readPreprocessing', () => {
  it('reads files that do not have the params as plain RGB', () => {
    expect(readPreprocessing({ shape: [64, 64, 3] }, [64, 64, 3])).toEqual({ ok: true, value: plain });
  });

  it.each([
    [{ channelOrder: 'BGR"<b>' }, /Channel order must be rgb or bgr, not "BGR\\"<b>"/],
    [{ valueScale: '0-100' }, /Value scale must be 0-1, 0-255 or -1-1/],
    [{ mean: [1, 2] }, /Mean must be 1 value or 3/],
    [{ std: [0] }, /Std values must be numbers above 0, not 0/],
    [{ std: [1, -1, 1] }, /Std values must be numbers above 0, not -1/],
    [{ mean: 'x' }, /Mean must be 1 value or 3 .*not "x"/],
  ])('refuses %j naming the field', (params, message) => {
    const r = readPreprocessing(params as never, [8, 8, 3]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.en).toMatch(message);
    expect(!r.ok && r.error.zh.length).toBeGreaterThan(0);
  });

  it('refuses a per-channel mean on a greyscale input, and a non-image shape', () => {
    const r = readPreprocessing({ mean: [0.4, 0.4, 0.4] }, [28, 28, 1]);
    expect(!r.ok && r.error.en).toMatch(/Mean must be 1 value or 1/);
    expect(readPreprocessing({}, [100]).ok).toBe(false);
  });
});

describe('preprocessing in the spec', () => {
  const image: RawImage = {
    width: 5,
    height: 4,
    channels: 3,
    data: Uint8Array.from({ length: 60 }, (_, i) => (i * 37) % 256),
  };

  it('gives TinyVGG exactly the numbers plain preprocessing gave', () => {
    const spec = tinyVggSpec();
    expect(imageForNet(image, spec, 64, 'crop')).toEqual(preprocessImage(image, { size: 64, fit: 'crop' }));
  });

  it('runs greyscale LeNet and gives it one value per pixel', () => {
    const spec = lenet5Spec();
    expect(checkRunnable(spec, inferShapes(spec))).toEqual({ ok: true });
    const input = imageForNet(image, spec, 32, 'crop');
    expect(input.length).toBe(32 * 32);
    expect(inputLightsOf(spec)).toEqual([{ lo: 0, hi: 1, scheme: 'grey' }]);
  });

  it('flags a mean that does not fit the input channels as a shape error of the input', () => {
    const spec = withInput(lenet5Spec(), { mean: [0.1, 0.2, 0.3] });
    const table = inferShapes(spec);
    const input = table.layers.get(spec.layers[0]!.id);
    expect(input?.status === 'error' && input.error.en).toMatch(/Mean must be 1 value or 1/);
    expect(checkRunnable(spec, table).ok).toBe(false);
    expect(() => imageForNet(image, spec, 32, 'crop')).toThrow(/Mean/);
    expect(preprocessingOf(spec)).toMatchObject({ ok: false });
  });

  it('travels in spec files and share links', () => {
    const spec = withInput(tinyVggSpec(), {
      channelOrder: 'bgr',
      valueScale: '0-255',
      mean: [103.939, 116.779, 123.68],
      std: [1],
    });
    const back = parseSpecJson(JSON.stringify(spec)).spec;
    expect(preprocessingOf(back)).toEqual(preprocessingOf(spec));
    const shared = decodeShareLink(encodeShareHash(spec)).spec;
    expect(preprocessingOf(shared)).toMatchObject({
      ok: true,
      value: { order: 'bgr', mean: [103.939, 116.779, 123.68] },
    });
  });

  it('keeps an unknown scale from a spec file and flags it on the input, never replacing it', () => {
    const spec = parseSpecJson(JSON.stringify(withInput(tinyVggSpec(), { valueScale: '0-9' }))).spec;
    const input = spec.layers.find((l) => l.type === 'Input')!;
    expect(input.params.valueScale).toBe('0-9');
    const info = inferShapes(spec).layers.get(input.id);
    expect(info?.status === 'error' && info.error.en).toMatch(
      /Value scale must be (one of )?0-1, 0-255,? (or )?-1-1/,
    );
  });
});
