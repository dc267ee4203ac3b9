/**
 * Caffe's average pooling counts its pad in the divisor (the window clipped to the padded map),
 * unlike tfjs' 'same' padding, which leaves padding out; a last window hanging past the padded
 * map (Caffe rounds up) is clipped. Found by checking a BatchNorm + Scale ResNet block written
 * from Python against PyTorch computing Caffe's semantics (scripts/check/caffeModels.py): border
 * values were off by 4.5e-2. Compared here with a plain TypeScript computation of Caffe's layer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lib/engine/backend';
import { tf } from '../../../src/lib/engine/tf';
import { buildModel } from '../../../src/lib/engine/build';
import { parseCaffeModel } from '../../../src/lib/formats/caffe/caffeModelImport';
import { layer, net, sub, u } from './caffeModelWriter';
import { seeded, toChw } from './caffeReference';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

/** Caffe's PoolingLayer AVE forward on one C×H×W map (square kernel, stride and pad). */
function caffeAve(x: Float32Array, c: number, h: number, w: number, k: number, s: number, p: number) {
  const size = (n: number) => {
    let out = Math.ceil((n + 2 * p - k) / s) + 1;
    if (p > 0 && (out - 1) * s >= n + p) out--;
    return out;
  };
  const [oh, ow] = [size(h), size(w)];
  const out = new Float32Array(c * oh * ow);
  for (let ch = 0; ch < c; ch++)
    for (let y = 0; y < oh; y++)
      for (let xx = 0; xx < ow; xx++) {
        let hs = y * s - p;
        let ws = xx * s - p;
        const he = Math.min(hs + k, h + p);
        const we = Math.min(ws + k, w + p);
        const count = (he - hs) * (we - ws);
        hs = Math.max(hs, 0);
        ws = Math.max(ws, 0);
        let sum = 0;
        for (let i = hs; i < Math.min(he, h); i++)
          for (let j = ws; j < Math.min(we, w); j++) sum += x[(ch * h + i) * w + j] ?? 0;
        out[(ch * oh + y) * ow + xx] = sum / count;
      }
  return { data: out, oh, ow };
}

async function run(size: number, k: number, s: number, p: number) {
  const c = 2;
  const bytes = net(
    'ave',
    [
      layer({
        name: 'pool',
        type: 'Pooling',
        bottom: ['data'],
        top: ['pool'],
        // pooling_param 121: pool 1 (AVE = 1), kernel_size 2, stride 3, pad 4
        params: [sub(121, [u(1, 1), u(2, k), u(3, s), u(4, p)])],
      }),
    ],
    { name: 'data', dims: [1, c, size, size] },
  );
  const imported = parseCaffeModel(bytes);
  const x = seeded(c * size * size, 5);
  const want = caffeAve(x, c, size, size, k, s, p);
  const model = await buildModel(imported.spec, imported.weights);
  const hwc = new Float32Array(x.length);
  for (let y = 0; y < size; y++)
    for (let i = 0; i < size; i++)
      for (let ch = 0; ch < c; ch++) hwc[(y * size + i) * c + ch] = x[(ch * size + y) * size + i] ?? 0;
  const got = tf.tidy(() => (model.predict(tf.tensor(hwc, [1, size, size, c])) as tf.Tensor).dataSync());
  model.dispose();
  const chw = toChw(Float32Array.from(got), c, want.oh, want.ow);
  return { imported, want: want.data, got: chw };
}

describe('Caffe AVE pooling with pad', () => {
  it.each([
    [8, 3, 2, 1, 'pad 1 and a last window past the padded map (ResNet-style)'],
    [6, 3, 1, 1, "pad 1 at stride 1, where tfjs 'same' would leave the pad out of the divisor"],
    [8, 3, 2, 0, 'no pad, a last window past the map'],
    [7, 2, 2, 0, 'no pad, exact fit'],
  ])('a map of %i, kernel %i, stride %i, pad %i: %s', async (size, k, s, p) => {
    const { want, got } = await run(size, k, s, p);
    expect(got.length).toBe(want.length);
    want.forEach((v, i) => expect(Math.abs(v - (got[i] ?? NaN)), `value ${i}`).toBeLessThan(1e-5));
  });

  it('the pad becomes a ZeroPadding2D the learner sees before the pooling', async () => {
    const { imported } = await run(8, 3, 2, 1);
    expect(imported.spec.layers.map((l) => l.type)).toEqual(['Input', 'ZeroPadding2D', 'AveragePooling2D']);
  });
});
