/** FGSM and its iterated form: the perturbation is ε·sign(∇ loss) (the gradient taken here by another route), the loss rises. */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend, tensorCount } from '../../src/lib/engine/backend';
import { setNamedWeights } from '../../src/lib/engine/build';
import { Explainer } from '../../src/lib/engine/explain';
import { EngineAttributor } from '../../src/lib/engine/attribution/attributor';
import { onLevels } from '../../src/lib/engine/attribution/fgsm';
import { netWithLogits, randomImage, smoothNet } from './nets';
import {
  applyPreprocessing,
  displayRgb,
  pixelAffine,
  type Preprocessing,
} from '../../src/lib/preprocess/preprocessing';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const SIZE = 8;
const CLASSES = 3;

async function setUp() {
  const { model } = await netWithLogits(smoothNet(SIZE, CLASSES), 13);
  const explainer = new Explainer(model);
  return { model, explainer, attributor: new EngineAttributor(model, (x) => explainer.explain(x)) };
}

/** ∇ₓ −log p_c through model.predict (the softmax output), not through the attributor's logits. */
function lossGradient(
  model: tf.LayersModel,
  image: Float32Array,
  c: number,
): { loss: number; grad: Float32Array } {
  return tf.tidy(() => {
    const f = (x: tf.Tensor) => tf.neg(tf.log((model.predict(x) as tf.Tensor2D).slice([0, c], [1, 1]).sum()));
    const { value, grad } = tf.valueAndGrad(f)(tf.tensor4d(image, [1, SIZE, SIZE, 3]));
    return { loss: value.dataSync()[0]!, grad: (grad.dataSync() as Float32Array).slice() };
  });
}

describe('FGSM', () => {
  it('moves every value by exactly ε·sign(∇ₓ loss), and the loss rises', async () => {
    const { model, attributor } = await setUp();
    const image = randomImage(SIZE, 1, 0.2, 0.8); // away from 0 and 1: nothing is clipped
    const eps = 0.02;
    const { loss, grad } = lossGradient(model, image, 1);
    const r = attributor.fgsm(image, { classIndex: 1, epsilon: eps });
    expect(r.steps).toBe(1);
    expect(r.loss).toBe('crossEntropy');
    const scale = Math.max(...grad.map(Math.abs));
    let checked = 0;
    grad.forEach((g, i) => {
      if (Math.abs(g) < 1e-4 * scale) return; // a sign too close to call in float32
      checked++;
      expect(r.perturbation[i]).toBeCloseTo(eps * Math.sign(g), 6);
      expect(r.image[i]).toBeCloseTo(image[i]! + eps * Math.sign(g), 6);
    });
    expect(checked).toBeGreaterThan(150);
    expect(r.losses[0]).toBeCloseTo(loss, 4);
    expect(r.losses[1]).toBeGreaterThan(r.losses[0]! + 1e-3);
    expect(r.after[1]).toBeLessThan(r.before[1]!);
    model.dispose();
  });

  it('on a saturated softmax (cross-entropy flat in float32) follows the logit margin instead, and says so', async () => {
    const spec = smoothNet(SIZE, CLASSES);
    const { model, weights } = await netWithLogits(spec, 13);
    // Huge class weights: logit gaps of thousands, so every other probability underflows to 0.
    const kernel = weights.get('out/kernel')!.map((v) => v * 1e5);
    setNamedWeights(model, new Map([...weights, ['out/kernel', kernel]]));
    const explainer = new Explainer(model);
    const attributor = new EngineAttributor(model, (x) => explainer.explain(x));
    const image = randomImage(SIZE, 6, 0.2, 0.8);
    const c = explainer.explain(image).probabilities.indexOf(1);
    expect(c).toBeGreaterThanOrEqual(0);
    const r = attributor.fgsm(image, { classIndex: c, epsilon: 0.02 });
    expect(r.loss).toBe('margin');
    expect(r.perturbation.filter((d) => Math.abs(d) > 0.019).length).toBeGreaterThan(150);
    model.dispose();
  });

  it('toward a class lowers its loss instead', async () => {
    const { model, attributor } = await setUp();
    const image = randomImage(SIZE, 2, 0.2, 0.8);
    const r = attributor.fgsm(image, { classIndex: 0, epsilon: 0.02, direction: 'toward' });
    expect(r.losses[1]).toBeLessThan(r.losses[0]!);
    expect(r.after[0]).toBeGreaterThan(r.before[0]!);
    model.dispose();
  });

  it('iterated: stays within ε of the image and in [0, 1], and raises the loss more than one step', async () => {
    const { model, attributor } = await setUp();
    const image = randomImage(SIZE, 3); // values near 0 and 1: clipping matters
    const eps = 0.05;
    const one = attributor.fgsm(image, { classIndex: 2, epsilon: eps });
    const r = attributor.fgsm(image, { classIndex: 2, epsilon: eps, steps: 10 });
    expect(r.losses.length).toBe(11);
    r.perturbation.forEach((d, i) => {
      expect(Math.abs(d)).toBeLessThanOrEqual(eps + 1e-6);
      expect(r.image[i]).toBeGreaterThanOrEqual(0);
      expect(r.image[i]).toBeLessThanOrEqual(1);
      expect(r.image[i]).toBeCloseTo(image[i]! + d, 6);
    });
    expect(r.losses.at(-1)).toBeGreaterThan(one.losses.at(-1)!);
    model.dispose();
  });

  it('reports each layer’s change: the input’s is ‖δ‖/‖x‖, every layer after it moves, and the adversarial explanation', async () => {
    const { model, explainer, attributor } = await setUp();
    const image = randomImage(SIZE, 4, 0.2, 0.8);
    const r = attributor.fgsm(image, { classIndex: 0, epsilon: 0.03 });
    const norm = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));
    const input = r.change.layers.find((l) => l.layerId === 'input')!;
    expect(input.relative).toBeCloseTo(norm(r.perturbation) / norm(image), 4);
    expect(r.change.layers.map((l) => l.layerId)).toEqual(['input', 'conv', 'pool', 'flatten', 'out']);
    for (const l of r.change.layers) expect(l.relative).toBeGreaterThan(0);
    const conv = r.change.layers.find((l) => l.layerId === 'conv')!;
    expect(conv.channels.length).toBe(4);
    const direct = explainer.explain(r.image).activations.get('conv')!.data;
    const original = explainer.explain(image).activations.get('conv')!.data;
    conv.difference.data.forEach((d, i) => expect(d).toBeCloseTo(direct[i]! - original[i]!, 5));
    expect([...r.explanation.probabilities]).toEqual([...r.after]);
    // Handing over the image's explanation (as the panel does) changes nothing.
    const given = attributor.fgsm(image, { classIndex: 0, epsilon: 0.03 }, explainer.explain(image));
    expect(given.change.layers.map((l) => l.relative)).toEqual(r.change.layers.map((l) => l.relative));
    model.dispose();
  });

  it('refuses ε outside [0, 1] and a step count of 0; leaves no tensor behind', async () => {
    const { model, attributor } = await setUp();
    const image = randomImage(SIZE, 5);
    attributor.fgsm(image, { classIndex: 0, epsilon: 0.01, steps: 2 }); // warm-up
    const before = tensorCount();
    attributor.fgsm(image, { classIndex: 1, epsilon: 0.01 });
    attributor.fgsm(image, { classIndex: 2, epsilon: 0.01, steps: 5 });
    expect(() => attributor.fgsm(image, { classIndex: 0, epsilon: 2 })).toThrow(
      'ε must be between 0 and 1, not 2',
    );
    expect(() => attributor.fgsm(image, { classIndex: 0, epsilon: 0.1, steps: 0 })).toThrow(/not 0/);
    expect(tensorCount()).toBe(before);
    model.dispose();
  });

  it('takes ε and the range in the picture’s units for a preprocessed net (Caffe’s BGR, 0–255, mean)', async () => {
    const { model, attributor } = await setUp();
    const caffe: Preprocessing = {
      channels: 3,
      order: 'bgr',
      scale: '0-255',
      mean: [104, 117, 123],
      std: [1],
    };
    const picture = randomImage(SIZE, 6); // near 0 and 1 too: the picture's black and white bound it
    const image = applyPreprocessing(picture, caffe);
    const eps = 0.05;
    const pixels = pixelAffine(caffe);
    expect(pixels).toEqual({ gain: [255, 255, 255], offset: [-104, -117, -123] });
    const r = attributor.fgsm(image, { classIndex: 1, epsilon: eps, steps: 4, pixels });
    let moved = 0;
    r.perturbation.forEach((d, i) => {
      // ±ε of intensity is ±255·ε of the net's value; within the channel's black and white.
      expect(Math.abs(d)).toBeLessThanOrEqual(255 * eps + 1e-3);
      if (Math.abs(d) > 1) moved++;
      const k = i % 3;
      expect(r.image[i]).toBeGreaterThanOrEqual(pixels.offset[k]! - 1e-3);
      expect(r.image[i]).toBeLessThanOrEqual(pixels.offset[k]! + 255 + 1e-3);
    });
    expect(moved).toBeGreaterThan(100);
    // As a picture: every intensity within ε of the original, and a picture still.
    const after = displayRgb(r.image, caffe);
    const before = displayRgb(image, caffe);
    after.forEach((v, i) => expect(Math.abs(v - before[i]!)).toBeLessThanOrEqual(eps + 1e-5));
    // Without the range the mean-subtracted values would have been clipped into [0, 1].
    const plain = attributor.fgsm(image, { classIndex: 1, epsilon: eps });
    expect(Math.max(...plain.image)).toBeLessThanOrEqual(1);
    expect(Math.max(...r.image)).toBeGreaterThan(50);
    expect(() =>
      attributor.fgsm(image, { classIndex: 1, epsilon: eps, pixels: { gain: [1], offset: [0] } }),
    ).toThrow(/3 finite gains/);
    model.dispose();
  });

  it('ends on 8-bit levels when asked: within ε of an image between levels, and the prediction is that image’s', async () => {
    const { model, explainer, attributor } = await setUp();
    // A resized photo's values fall between levels; ε is 3 levels.
    const image = randomImage(SIZE, 7);
    const eps = 3 / 255;
    const r = attributor.fgsm(image, { classIndex: 1, epsilon: eps, steps: 3, levels: 255 });
    let between = 0;
    r.image.forEach((v, i) => {
      expect(Math.abs(v * 255 - Math.round(v * 255))).toBeLessThan(1e-4);
      expect(Math.abs(v - image[i]!)).toBeLessThanOrEqual(eps + 1e-5);
      expect(r.perturbation[i]).toBeCloseTo(v - image[i]!, 6);
      if (Math.abs(image[i]! * 255 - Math.round(image[i]! * 255)) > 0.01) between++;
    });
    expect(between).toBeGreaterThan(150);
    // The image handed on as 8-bit pixels gives the prediction shown: the same probabilities.
    const saved = Float32Array.from(r.image, (v) => Math.round(v * 255) / 255);
    const again = explainer.explain(saved).probabilities;
    r.after.forEach((p, i) => expect(again[i]).toBeCloseTo(p, 6));
    // Without levels the steps' values stay as they are (between levels).
    const free = attributor.fgsm(image, { classIndex: 1, epsilon: eps, steps: 3 });
    expect(free.image.some((v) => Math.abs(v * 255 - Math.round(v * 255)) > 0.01)).toBe(true);
    expect(() => attributor.fgsm(image, { classIndex: 1, epsilon: eps, levels: 0 })).toThrow(/levels/);
    model.dispose();
  });

  it('snaps a preprocessed net’s values to the picture’s levels, in its own units', () => {
    const caffe = { gain: [255, 255, 255], offset: [-104, -117, -123] };
    // Pixel levels 10, 200 and 0.4 of a level off 77, as the net's values.
    const x0 = Float32Array.from([10 - 104, 200 - 117, 77.4 - 123]);
    const moved = Float32Array.from([x0[0]! + 2.6, x0[1]! - 9, x0[2]! + 0.3]);
    // ε of 2 levels: 12.6 is out of the box (10 ± 2) and 191 too (200 ± 2).
    expect([...onLevels(moved, x0, caffe, 2 / 255, 255)].map((v) => Math.round(v * 1000) / 1000)).toEqual([
      12 - 104,
      198 - 117,
      78 - 123,
    ]);
    // An ε box with no level in it leaves the value alone.
    expect(onLevels(moved, x0, caffe, 0.1 / 255, 255)[2]).toBeCloseTo(moved[2]!, 4);
  });
});
