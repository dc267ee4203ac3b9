/** Saliency, SmoothGrad and gradient × input against finite differences of the logit, on small real tfjs nets. */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend, tensorCount } from '../../src/lib/engine/backend';
import { Explainer } from '../../src/lib/engine/explain';
import { EngineAttributor } from '../../src/lib/engine/attribution/attributor';
import { smallConvNet } from '../fixtures/smallConvNet';
import { denseLayer, inputLayer } from '../fixtures/layers';
import { buildModel } from '../../src/lib/engine/build';
import { finiteDifferences, netWithLogits, outputOf, randomImage, smoothNet, softmaxLayerNet } from './nets';

const SIZE = 8;
const CLASSES = 3;

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

async function setUp(spec = smoothNet(SIZE, CLASSES), seed = 5) {
  const { model, logits } = await netWithLogits(spec, seed);
  const explainer = new Explainer(model);
  const attributor = new EngineAttributor(model, (x) => explainer.explain(x));
  const logit = (c: number) => (x: ArrayLike<number>) => outputOf(logits, Float32Array.from(x), SIZE, c);
  return { model, logits, attributor, logit };
}

/** Every index of an 8×8×3 image, in a fixed scattered order. */
const SAMPLE = Array.from({ length: 40 }, (_, k) => (k * 37 + 11) % (SIZE * SIZE * 3));

describe('saliency', () => {
  it('is the gradient of the class logit: matches central differences at 40 input values, for every class', async () => {
    const { attributor, logit, model, logits } = await setUp();
    const image = randomImage(SIZE, 1);
    for (let c = 0; c < CLASSES; c++) {
      const r = attributor.saliency(image, { classIndex: c, method: 'gradient' });
      expect(r.scoreKind).toBe('logit');
      expect(r.shape).toEqual([SIZE, SIZE, 3]);
      expect(r.score).toBeCloseTo(logit(c)(image), 5);
      const fd = finiteDifferences(logit(c), image, SAMPLE, 1e-2);
      const scale = Math.max(...SAMPLE.map((i) => Math.abs(r.attribution[i]!)));
      expect(scale).toBeGreaterThan(1e-3);
      SAMPLE.forEach((i, k) =>
        expect(Math.abs(r.attribution[i]! - fd[k]!)).toBeLessThan(2e-3 * scale + 1e-5),
      );
    }
    model.dispose();
    logits.dispose();
  });

  it('on a ReLU / max-pool net too (piecewise linear: small steps stay on one piece)', async () => {
    const { attributor, logit, model, logits } = await setUp(smallConvNet(SIZE, CLASSES), 9);
    const image = randomImage(SIZE, 2);
    const r = attributor.saliency(image, { classIndex: 1, method: 'gradient' });
    const fd = finiteDifferences(logit(1), image, SAMPLE, 1e-3);
    const scale = Math.max(...r.attribution.map(Math.abs));
    SAMPLE.forEach((i, k) => expect(Math.abs(r.attribution[i]! - fd[k]!)).toBeLessThan(5e-3 * scale));
    model.dispose();
    logits.dispose();
  });

  it('finds the logit behind a separate Softmax layer as well as a fused one', async () => {
    const { attributor, logit, model, logits } = await setUp(softmaxLayerNet(SIZE, CLASSES));
    const image = randomImage(SIZE, 3);
    const r = attributor.saliency(image, { classIndex: 2, method: 'gradient' });
    expect(r.scoreKind).toBe('logit');
    expect(r.score).toBeCloseTo(logit(2)(image), 5);
    const fd = finiteDifferences(logit(2), image, SAMPLE.slice(0, 10), 1e-2);
    const scale = Math.max(...r.attribution.map(Math.abs));
    SAMPLE.slice(0, 10).forEach((i, k) =>
      expect(Math.abs(r.attribution[i]! - fd[k]!)).toBeLessThan(2e-3 * scale),
    );
    model.dispose();
    logits.dispose();
  });

  it('explains the output itself when the net does not end in softmax', async () => {
    const spec = smoothNet(SIZE, CLASSES);
    const { logits: model } = await netWithLogits(spec, 5);
    const attributor = new EngineAttributor(model, (x) => new Explainer(model).explain(x));
    const r = attributor.saliency(randomImage(SIZE, 4), { classIndex: 0, method: 'gradient' });
    expect(r.scoreKind).toBe('output');
    expect(r.score).toBeCloseTo(outputOf(model, randomImage(SIZE, 4), SIZE, 0), 5);
    model.dispose();
  });

  it('gradient × input is the gradient times the image, value by value', async () => {
    const { attributor, model, logits } = await setUp();
    const image = randomImage(SIZE, 5);
    const g = attributor.saliency(image, { classIndex: 0, method: 'gradient' }).attribution;
    const gx = attributor.saliency(image, { classIndex: 0, method: 'gradientTimesInput' }).attribution;
    gx.forEach((v, i) => expect(v).toBeCloseTo(g[i]! * image[i]!, 6));
    model.dispose();
    logits.dispose();
  });

  it('SmoothGrad: no noise gives the gradient; noise gives the mean gradient, reproducible by seed and different by seed', async () => {
    const { attributor, model, logits } = await setUp();
    const image = randomImage(SIZE, 6);
    const g = attributor.saliency(image, { classIndex: 1, method: 'gradient' }).attribution;
    const quiet = attributor.saliency(image, { classIndex: 1, method: 'smoothGrad', samples: 4, noise: 0 });
    quiet.attribution.forEach((v, i) => expect(v).toBeCloseTo(g[i]!, 5));
    const a = attributor.saliency(image, {
      classIndex: 1,
      method: 'smoothGrad',
      samples: 8,
      noise: 0.2,
      seed: 3,
    });
    const b = attributor.saliency(image, {
      classIndex: 1,
      method: 'smoothGrad',
      samples: 8,
      noise: 0.2,
      seed: 3,
    });
    const other = attributor.saliency(image, {
      classIndex: 1,
      method: 'smoothGrad',
      samples: 8,
      noise: 0.2,
      seed: 4,
    });
    expect([...a.attribution]).toEqual([...b.attribution]);
    const gap = (x: Float32Array, y: Float32Array) => Math.max(...x.map((v, i) => Math.abs(v - y[i]!)));
    expect(gap(a.attribution, g)).toBeGreaterThan(1e-4);
    expect(gap(a.attribution, other.attribution)).toBeGreaterThan(1e-5);
    model.dispose();
    logits.dispose();
  });

  it('SmoothGrad of a linear net is its (constant) gradient, whatever the noise', async () => {
    // No non-linearity: conv (linear) → flatten → dense, read before softmax.
    const spec = smoothNet(SIZE, CLASSES);
    spec.layers = spec.layers.map((l) =>
      l.id === 'conv' ? { ...l, params: { ...l.params, activation: 'linear' } } : l,
    );
    const { attributor, model, logits } = await setUp(spec);
    const image = randomImage(SIZE, 7);
    const g = attributor.saliency(image, { classIndex: 2, method: 'gradient' }).attribution;
    const s = attributor.saliency(image, {
      classIndex: 2,
      method: 'smoothGrad',
      samples: 6,
      noise: 0.5,
    }).attribution;
    s.forEach((v, i) => expect(v).toBeCloseTo(g[i]!, 4));
    model.dispose();
    logits.dispose();
  });

  it('refuses a class the net does not have and an image of the wrong size, naming them', async () => {
    const { attributor, model, logits } = await setUp();
    expect(() => attributor.saliency(randomImage(SIZE, 1), { classIndex: 3, method: 'gradient' })).toThrow(
      /class 3 is not one of the net's 3 outputs/,
    );
    expect(() => attributor.saliency(new Float32Array(10), { classIndex: 0, method: 'gradient' })).toThrow(
      /the image has 10 values; the net takes 192 \(8×8×3\)/,
    );
    expect(() =>
      attributor.saliency(randomImage(SIZE, 1), { classIndex: 0, method: 'smoothGrad', samples: 0 }),
    ).toThrow(/at least one sample/);
    model.dispose();
    logits.dispose();
  });

  it('refuses a net that is not an image classifier, saying what it needs', async () => {
    const vector = await buildModel({
      name: 'vector',
      layers: [inputLayer([8]), denseLayer('out', 'input', 3, 'softmax')],
    });
    expect(
      () => new EngineAttributor(vector, () => new Explainer(vector).explain(new Float32Array(8))),
    ).toThrow('attribution needs an image input [H, W, C], not [8]');
    vector.dispose();
  });

  it('leaves no tensor behind, for each method', async () => {
    const { attributor, model, logits } = await setUp();
    const image = randomImage(SIZE, 8);
    attributor.saliency(image, { classIndex: 0, method: 'smoothGrad', samples: 2 }); // warm-up
    const before = tensorCount();
    for (const method of ['gradient', 'smoothGrad', 'gradientTimesInput'] as const)
      attributor.saliency(image, { classIndex: 0, method, samples: 3 });
    expect(() => attributor.saliency(image, { classIndex: 9, method: 'gradient' })).toThrow();
    expect(tensorCount()).toBe(before);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    logits.dispose();
  });
});
