/**
 * Grad-CAM against an independent computation: the layer's maps from the Explainer, the
 * gradient of the logit with respect to them by central differences through a plain-TypeScript
 * copy of the rest of the net, then αₖ = mean gradient of map k and ReLU(Σₖ αₖ Aᵏ).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tensorCount } from '../../src/lib/engine/backend';
import { Explainer } from '../../src/lib/engine/explain';
import { EngineAttributor } from '../../src/lib/engine/attribution/attributor';
import { camLayers, defaultCamLayer } from '../../src/lib/attribution/camLayers';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { resnet18Spec } from '../../src/lib/zoo/resnet18';
import { smallConvNet } from '../fixtures/smallConvNet';
import { finiteDifferences, netWithLogits, randomImage, residualNet } from './nets';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const SIZE = 8;
const CLASSES = 3;

/** z_c = b_c + Σᵢ xᵢ W[i, c], kernel [in, out]. */
function dense(x: ArrayLike<number>, kernel: Float32Array, bias: Float32Array, c: number): number {
  const out = bias.length;
  let z = bias[c]!;
  for (let i = 0; i < x.length; i++) z += x[i]! * kernel[i * out + c]!;
  return z;
}

/** 2×2 max pool, stride 2, valid, on an h×w×k map; HWC order is also the flatten order. */
function maxPool(a: ArrayLike<number>, h: number, w: number, k: number): Float64Array {
  const oh = Math.floor(h / 2);
  const ow = Math.floor(w / 2);
  const out = new Float64Array(oh * ow * k);
  for (let y = 0; y < oh; y++)
    for (let x = 0; x < ow; x++)
      for (let c = 0; c < k; c++) {
        let m = -Infinity;
        for (const [dy, dx] of [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ] as const)
          m = Math.max(m, a[((2 * y + dy) * w + 2 * x + dx) * k + c]!);
        out[(y * ow + x) * k + c] = m;
      }
  return out;
}

/** αₖ and the CAM from maps A (h×w×k) and ∂z/∂A, both flat HWC. */
function camFrom(a: ArrayLike<number>, grad: number[], h: number, w: number, k: number) {
  const alpha = Array.from({ length: k }, (_, c) => {
    let s = 0;
    for (let p = 0; p < h * w; p++) s += grad[p * k + c]!;
    return s / (h * w);
  });
  const cam = Array.from({ length: h * w }, (_, p) =>
    Math.max(
      0,
      alpha.reduce((s, al, c) => s + al * a[p * k + c]!, 0),
    ),
  );
  return { alpha, cam };
}

function expectClose(actual: ArrayLike<number>, expected: number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(1e-6, ...expected.map(Math.abs));
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(tol * scale);
}

describe('Grad-CAM', () => {
  it('at a conv layer of a conv → max pool → dense net equals the computation from finite differences', async () => {
    // A linear conv: after a ReLU, 2×2 windows of zeros tie, where a max has no derivative.
    const spec = smallConvNet(SIZE, CLASSES);
    spec.layers = spec.layers.map((l) =>
      l.id === 'conv' ? { ...l, params: { ...l.params, activation: 'linear' } } : l,
    );
    const { model, weights } = await netWithLogits(spec, 21);
    const explainer = new Explainer(model);
    const attributor = new EngineAttributor(model, (x) => explainer.explain(x));
    const image = randomImage(SIZE, 3);
    const maps = explainer.explain(image).activations.get('conv')!;
    const [h, w, k] = maps.shape as [number, number, number];
    const kernel = weights.get('out/kernel')!;
    const bias = weights.get('out/bias')!;
    for (let c = 0; c < CLASSES; c++) {
      const head = (a: ArrayLike<number>) => dense(maxPool(a, h, w, k), kernel, bias, c);
      const all = Array.from({ length: h * w * k }, (_, i) => i);
      const grad = finiteDifferences(head, maps.data, all, 1e-4);
      const { alpha, cam } = camFrom(maps.data, grad, h, w, k);
      const r = attributor.gradCam(image, { classIndex: c, layerId: 'conv' });
      expect(r.shape).toEqual([h, w, k]);
      expect(r.score).toBeCloseTo(head(maps.data), 4);
      expectClose(r.weights, alpha, 1e-3);
      expectClose(r.cam, cam, 1e-3);
      expect(cam.some((v) => v > 0)).toBe(true);
    }
    model.dispose();
  });

  it('at a layer inside a residual block: the skip path is held fixed, the gradient flows through the Add', async () => {
    const spec = residualNet(SIZE, CLASSES);
    const { model, weights } = await netWithLogits(spec, 4);
    const explainer = new Explainer(model);
    const attributor = new EngineAttributor(model, (x) => explainer.explain(x));
    const image = randomImage(SIZE, 5);
    const e = explainer.explain(image);
    const skip = e.activations.get('a')!.data;
    const b = e.activations.get('b')!;
    const [h, w, k] = b.shape as [number, number, number];
    const kernel = weights.get('out/kernel')!;
    const bias = weights.get('out/bias')!;
    const head = (x: ArrayLike<number>) => {
      const gap = new Float64Array(k);
      for (let p = 0; p < h * w; p++)
        for (let c = 0; c < k; c++) gap[c]! += Math.max(0, x[p * k + c]! + skip[p * k + c]!) / (h * w);
      return dense(gap, kernel, bias, 2);
    };
    const grad = finiteDifferences(
      head,
      b.data,
      Array.from({ length: h * w * k }, (_, i) => i),
      1e-4,
    );
    const { alpha, cam } = camFrom(b.data, grad, h, w, k);
    const r = attributor.gradCam(image, { classIndex: 2, layerId: 'b' });
    expectClose(r.weights, alpha, 1e-3);
    expectClose(r.cam, cam, 1e-3);
    model.dispose();
  });

  it('refuses a layer without spatial maps and one the net lacks, naming it; leaves no tensor behind', async () => {
    const { model } = await netWithLogits(smallConvNet(SIZE, CLASSES), 2);
    const explainer = new Explainer(model);
    const attributor = new EngineAttributor(model, (x) => explainer.explain(x));
    const image = randomImage(SIZE, 1);
    attributor.gradCam(image, { classIndex: 0, layerId: 'pool' }); // warm-up
    const before = tensorCount();
    attributor.gradCam(image, { classIndex: 1, layerId: 'conv' });
    attributor.gradCam(image, { classIndex: 2, layerId: 'pool' });
    expect(() => attributor.gradCam(image, { classIndex: 0, layerId: 'flatten' })).toThrow(
      /Grad-CAM needs a layer with spatial maps; flatten gives shape \[36\]/,
    );
    expect(() => attributor.gradCam(image, { classIndex: 0, layerId: 'nope"<b>' })).toThrow(
      'the net has no layer "nope"<b>"',
    );
    expect(tensorCount()).toBe(before);
    model.dispose();
  });
});

describe('Grad-CAM layers', () => {
  it('offers every spatial layer; defaults to the last conv taken after its ReLU (TinyVGG: relu_2_2)', () => {
    const spec = tinyVggSpec();
    const shapes = inferShapes(spec);
    expect(camLayers(spec, shapes)).toEqual([
      'conv_1_1',
      'relu_1_1',
      'conv_1_2',
      'relu_1_2',
      'max_pool_1',
      'conv_2_1',
      'relu_2_1',
      'conv_2_2',
      'relu_2_2',
      'max_pool_2',
    ]);
    expect(defaultCamLayer(spec, shapes)).toBe('relu_2_2');
  });

  it('walks through batch norm and the residual Add to the block’s last ReLU (ResNet-18), and to a fused conv in a small net', () => {
    const resnet = resnet18Spec();
    const shapes = inferShapes(resnet);
    const pick = defaultCamLayer(resnet, shapes)!;
    const layer = resnet.layers.find((l) => l.id === pick)!;
    expect(['Activation', 'ReLU']).toContain(layer.type);
    const input = resnet.layers.find((l) => l.id === layer.inputs[0])!;
    expect(input.type).toBe('Add');
    const small = smallConvNet(SIZE, CLASSES);
    expect(defaultCamLayer(small, inferShapes(small))).toBe('conv');
    const flat = { name: 'dense only', layers: small.layers.filter((l) => !['conv', 'pool'].includes(l.id)) };
    flat.layers = flat.layers.map((l) => (l.id === 'flatten' ? { ...l, inputs: ['input'] } : l));
    expect(defaultCamLayer(flat, inferShapes(flat))).toBeNull();
  });
});
