/**
 * .caffemodel layers beyond the common ones: Deconvolution (blobs [in, out, kh, kw]) and
 * PReLU (one slope per channel), run in the engine and compared with Caffe's definitions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lib/engine/backend';
import { tf } from '../../../src/lib/engine/tf';
import { buildModel } from '../../../src/lib/engine/build';
import { parseCaffeModel } from '../../../src/lib/formats/caffe/caffeModelImport';
import { blob, layer, net, sub, u } from './caffeModelWriter';
import { seeded, toChw } from './caffeReference';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

/** Caffe's Deconvolution: each input value spreads its kernel over the output (no padding). */
function deconv(
  x: Float32Array,
  [c, h, w]: [number, number, number],
  wt: Float32Array,
  bias: Float32Array,
  out: number,
  k: number,
  s: number,
): Float32Array {
  const oh = (h - 1) * s + k;
  const ow = (w - 1) * s + k;
  const y = new Float32Array(out * oh * ow);
  for (let o = 0; o < out; o++) y.fill(bias[o] ?? 0, o * oh * ow, (o + 1) * oh * ow);
  for (let ci = 0; ci < c; ci++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++)
        for (let o = 0; o < out; o++)
          for (let a = 0; a < k; a++)
            for (let b = 0; b < k; b++) {
              const at = (o * oh + i * s + a) * ow + j * s + b;
              y[at] =
                (y[at] ?? 0) + (x[(ci * h + i) * w + j] ?? 0) * (wt[((ci * out + o) * k + a) * k + b] ?? 0);
            }
  return y;
}

describe('Deconvolution and PReLU', () => {
  it('match Caffe after import', async () => {
    const x = seeded(2 * 3 * 3, 41);
    const wt = seeded(2 * 3 * 2 * 2, 42, 0.7);
    const bias = Float32Array.of(0.1, -0.2, 0.3);
    const slopes = Float32Array.of(0.1, 0.25, -0.5);
    const bytes = net(
      'deconv',
      [
        layer({
          name: 'up',
          type: 'Deconvolution',
          bottom: ['data'],
          top: ['up'],
          blobs: [blob([2, 3, 2, 2], wt), blob([3], bias)],
          params: [sub(106, [u(1, 3), u(4, 2), u(6, 2)])],
        }),
        layer({ name: 'act', type: 'PReLU', bottom: ['up'], top: ['act'], blobs: [blob([3], slopes)] }),
      ],
      { name: 'data', dims: [1, 2, 3, 3] },
    );
    const im = parseCaffeModel(bytes);
    expect(im.spec.layers.map((l) => l.type)).toEqual(['Input', 'Conv2DTranspose', 'PReLU']);
    const up = deconv(x, [2, 3, 3], wt, bias, 3, 2, 2);
    const act = up.map((v, i) => (v > 0 ? v : v * (slopes[Math.floor(i / 36)] ?? 0)));
    const model = await buildModel(im.spec, im.weights);
    const hwc = new Float32Array(18);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        for (let c = 0; c < 2; c++) hwc[(i * 3 + j) * 2 + c] = x[(c * 3 + i) * 3 + j] ?? 0;
    const probe = tf.model({
      inputs: model.inputs,
      outputs: model.layers.slice(1).map((l) => l.output as tf.SymbolicTensor),
    });
    const [gotUp, gotAct] = tf.tidy(() =>
      (probe.predict(tf.tensor(hwc, [1, 3, 3, 2])) as tf.Tensor[]).map((t) => t.dataSync() as Float32Array),
    );
    model.dispose();
    for (const [got, want, name] of [
      [gotUp, up, 'up'],
      [gotAct, act, 'act'],
    ] as const) {
      const chw = toChw(got ?? new Float32Array(0), 3, 6, 6);
      expect(chw.length, name).toBe(want.length);
      chw.forEach((v, i) => expect(Math.abs(v - (want[i] ?? 0)), `${name}[${i}]`).toBeLessThan(1e-5));
    }
  });

  it('a PReLU with a slope count other than its channels is refused by name', () => {
    const bytes = net(
      'p',
      [
        layer({
          name: 'act',
          type: 'PReLU',
          bottom: ['data'],
          top: ['act'],
          blobs: [blob([2], Float32Array.of(1, 2))],
        }),
      ],
      { name: 'data', dims: [1, 3, 2, 2] },
    );
    expect(() => parseCaffeModel(bytes)).toThrow(
      'layer "act" (PReLU): blobs[0] is 2, but its parameters need 3',
    );
  });
});
