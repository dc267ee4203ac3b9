/**
 * .caffemodel import: fixtures written by our own protobuf writer are imported (alone and with
 * their prototxt), run in the engine, and every layer's output is compared with a plain
 * TypeScript computation of Caffe's layers from the same Caffe-layout blobs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lib/engine/backend';
import { tf } from '../../../src/lib/engine/tf';
import { buildModel } from '../../../src/lib/engine/build';
import { parseCaffeModel } from '../../../src/lib/formats/caffe/caffeModelImport';
import type { Imported } from '../../../src/lib/formats/types';
import { bnNet, groupedNet, v1Net, type Fixture } from './caffeFixtures';
import { toChw } from './caffeReference';
import { readBlob } from '../../../src/lib/formats/caffe/caffeBlobs';
import { blob } from './caffeModelWriter';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

/** Every layer's output (ours, channels last) for the fixture's input. */
async function activations(imported: Imported, fixture: Fixture): Promise<Map<string, Float32Array>> {
  const model = await buildModel(imported.spec, imported.weights);
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const probe = tf.model({ inputs: model.inputs, outputs: layers.map((l) => l.output as tf.SymbolicTensor) });
  const { c, h, w, data } = fixture.input;
  const hwc = new Float32Array(data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let ch = 0; ch < c; ch++) hwc[(y * w + x) * c + ch] = data[(ch * h + y) * w + x] ?? 0;
  const before = tf.memory().numTensors;
  const out = tf.tidy(() => {
    const r = probe.predict(tf.tensor(hwc, [1, h, w, c])) as tf.Tensor | tf.Tensor[];
    return (Array.isArray(r) ? r : [r]).map((t) => t.dataSync() as Float32Array);
  });
  expect(tf.memory().numTensors).toBe(before);
  model.dispose();
  return new Map(layers.map((l, i) => [l.name, out[i] as Float32Array]));
}

async function expectEveryLayer(imported: Imported, fixture: Fixture): Promise<void> {
  const acts = await activations(imported, fixture);
  expect(fixture.expected.size).toBeGreaterThan(0);
  for (const [id, want] of fixture.expected) {
    const got = acts.get(id);
    expect(got, `layer ${id}`).toBeDefined();
    const chw = toChw(got ?? new Float32Array(0), want.c, want.h, want.w);
    expect(chw.length, id).toBe(want.data.length);
    let worst = 0;
    for (let i = 0; i < chw.length; i++)
      worst = Math.max(worst, Math.abs((chw[i] ?? 0) - (want.data[i] ?? 0)));
    expect(worst, `layer ${id}`).toBeLessThan(1e-4);
  }
}

describe('.caffemodel with new-style layers', () => {
  it('conv + BatchNorm (scale factor 2) + Scale + ReLU + pool + InnerProduct + Softmax match Caffe, layer by layer', async () => {
    const fx = bnNet();
    const im = parseCaffeModel(fx.bytes, undefined, 'bn.caffemodel');
    expect(im.spec.layers.map((l) => l.type)).toEqual([
      'Input',
      'Conv2D',
      'BatchNormalization',
      'Activation',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'Activation',
    ]);
    // Gamma and beta come from the Scale layer; the statistics are divided by the factor 2.
    expect(Array.from(im.weights?.get('bn1/gamma') ?? [])).toEqual([1.5, 0.5, -1, 2]);
    expect(im.weights?.get('bn1/moving_mean')?.[0]).toBeCloseTo(0.2, 6);
    expect(im.weights?.get('bn1/moving_variance')?.[2]).toBeCloseTo(1.0, 6);
    expect(im.spec.name).toBe('bn "net"');
    // float32 parameters read back as the text a person wrote (1e-5, not 9.99999974e-6).
    expect(im.spec.layers[2]?.params.epsilon).toBe(1e-5);
    await expectEveryLayer(im, fx);
  });

  it('reads blobs with legacy num/channels/height/width and unpacked float data the same way', async () => {
    for (const style of ['legacy', 'unpacked', 'double'] as const) {
      const fx = bnNet(style);
      await expectEveryLayer(parseCaffeModel(fx.bytes), fx);
    }
  });

  it('with its deploy prototxt gives the same layers and the same weights as the file alone', () => {
    const fx = bnNet();
    const alone = parseCaffeModel(fx.bytes);
    const paired = parseCaffeModel(fx.bytes, fx.prototxt);
    expect(paired.spec.layers.map((l) => [l.id, l.type])).toEqual(
      alone.spec.layers.map((l) => [l.id, l.type]),
    );
    expect([...(paired.weights?.keys() ?? [])].sort()).toEqual([...(alone.weights?.keys() ?? [])].sort());
    for (const [k, v] of alone.weights ?? [])
      expect(Array.from(paired.weights?.get(k) ?? []), k).toEqual(Array.from(v));
    expect(paired.layerPos.get('fc')?.line).toBe(9);
  });

  it('sets the Input to what Caffe fed the weights: BGR values in 0–255, as the note says', () => {
    const fx = bnNet();
    for (const im of [parseCaffeModel(fx.bytes), parseCaffeModel(fx.bytes, fx.prototxt)]) {
      const input = im.spec.layers.find((l) => l.type === 'Input');
      expect(input?.params).toMatchObject({ channelOrder: 'bgr', valueScale: '0-255' });
      expect(im.notes.map((n) => n.en).join(' ')).toMatch(/BGR order, values 0–255.*Input is set/);
    }
  });

  it('a zero scale factor gives zero statistics, as Caffe does', () => {
    const fx = bnNet();
    // The factor blob holds 2.0f; rewrite it to 0 in place (bytes 00 00 00 40 → 0).
    const bytes = fx.bytes.slice();
    const view = new DataView(bytes.buffer);
    let hits = 0;
    for (let i = 0; i + 4 <= bytes.length; i++)
      if (view.getFloat32(i, true) === 2 && bytes[i - 1] === 4 && bytes[i - 2] === 0x2a) {
        view.setFloat32(i, 0, true);
        hits++;
      }
    expect(hits).toBe(1);
    const im = parseCaffeModel(bytes);
    expect(Array.from(im.weights?.get('bn1/moving_mean') ?? [])).toEqual([0, 0, 0, 0]);
  });
});

/**
 * Our GroupedConv2D (valid padding, stride 1) on channels-last values with our kernel
 * [kh, kw, in/groups, out]: checks the layout the import wrote, independently of the engine
 * (tfjs has no grouped convolution to run).
 */
function groupedConvHwc(
  x: Float32Array,
  [h, w, c]: [number, number, number],
  kernel: Float32Array,
  bias: Float32Array,
  k: number,
  out: number,
  groups: number,
): Float32Array {
  const oh = h - k + 1;
  const ow = w - k + 1;
  const inPer = c / groups;
  const outPer = out / groups;
  const y = new Float32Array(oh * ow * out);
  for (let i = 0; i < oh; i++)
    for (let j = 0; j < ow; j++)
      for (let m = 0; m < out; m++) {
        const g = Math.floor(m / outPer);
        let s = bias[m] ?? 0;
        for (let a = 0; a < k; a++)
          for (let b = 0; b < k; b++)
            for (let ci = 0; ci < inPer; ci++)
              s +=
                (x[((i + a) * w + (j + b)) * c + g * inPer + ci] ?? 0) *
                (kernel[((a * k + b) * inPer + ci) * out + m] ?? 0);
        y[(i * ow + j) * out + m] = s;
      }
  return y;
}

describe('reading', () => {
  it('packed float data is viewed in the file buffer, not copied, when it is aligned', () => {
    const values = Float32Array.of(1.5, -2, 3.25, 4);
    for (let shift = 0; shift < 4; shift++) {
      const raw = blob([4], values);
      const padded = new Uint8Array(raw.length + shift + 8);
      padded.set(raw, shift);
      const b = readBlob(padded.subarray(shift, shift + raw.length));
      expect(Array.from(b.data)).toEqual(Array.from(values));
      const aligned = (padded.byteOffset + shift + raw.length - 16) % 4 === 0;
      expect(b.data.buffer === padded.buffer, `shift ${shift}`).toBe(aligned);
    }
  });
});

describe('grouped convolutions', () => {
  it('a depthwise (group = channels, 2 per channel) and a 2-group convolution match Caffe', async () => {
    for (const style of ['legacy', 'double', 'shape'] as const) {
      const fx = groupedNet(style);
      for (const im of [parseCaffeModel(fx.bytes), parseCaffeModel(fx.bytes, fx.prototxt)]) {
        expect(im.spec.layers.map((l) => l.type)).toEqual(['Input', 'DepthwiseConv2D', 'GroupedConv2D']);
        // The engine runs the depthwise layer; tfjs has no grouped convolution.
        const dwOnly = { ...im, spec: { ...im.spec, layers: im.spec.layers.slice(0, 2) } };
        const dwWant = fx.expected.get('dw') ?? { c: 0, h: 0, w: 0, data: new Float32Array(0) };
        await expectEveryLayer(dwOnly, { ...fx, expected: new Map([['dw', dwWant]]) });
        const dwHwc = new Float32Array(dwWant.data.length);
        const { c, h, w } = dwWant;
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++)
            for (let ch = 0; ch < c; ch++)
              dwHwc[(y * w + x) * c + ch] = dwWant.data[(ch * h + y) * w + x] ?? 0;
        const got = groupedConvHwc(
          dwHwc,
          [h, w, c],
          im.weights?.get('gconv/kernel') ?? new Float32Array(0),
          im.weights?.get('gconv/bias') ?? new Float32Array(0),
          3,
          6,
          2,
        );
        const want = fx.expected.get('gconv') ?? dwWant;
        const chw = toChw(got, 6, want.h, want.w);
        expect(chw.length).toBe(want.data.length);
        chw.forEach((v, i) => expect(Math.abs(v - (want.data[i] ?? 0)), `gconv[${i}]`).toBeLessThan(1e-4));
      }
    }
  });
});

describe('V1 layers (enum types)', () => {
  it('a training net: the TRAIN data layer becomes the input, its BGR means and scale are noted, outputs match', async () => {
    const fx = v1Net();
    const im = parseCaffeModel(fx.bytes);
    expect(im.spec.layers[0]).toMatchObject({ id: 'data', type: 'Input', params: { shape: [4, 4, 3] } });
    expect(im.preprocessing).toMatchObject({
      channelOrder: 'BGR',
      mean: [104, 117, 123],
      scale: 0.5,
      cropSize: 4,
    });
    const note = im.notes.map((n) => n.en).join('\n');
    expect(note).toContain('BGR');
    expect(note).toContain('104, 117, 123');
    expect(note).toContain('0.5');
    await expectEveryLayer(im, fx);
  });
});
