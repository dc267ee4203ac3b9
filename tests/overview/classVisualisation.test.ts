/** Gradient ascent on the input: the example images' generator, on a small random conv net. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tensorCount } from '../../src/lib/engine/backend';
import { buildModel } from '../../src/lib/engine/build';
import { Explainer } from '../../src/lib/engine/explain';
import { visualiseClass } from '../../src/lib/engine/classVisualisation';
import type { NetworkSpec } from '../../src/lib/spec/types';

const spec: NetworkSpec = {
  name: 'small',
  layers: [
    { id: 'input', type: 'Input', params: { shape: [16, 16, 3] }, inputs: [] },
    {
      id: 'conv',
      type: 'Conv2D',
      params: {
        filters: 4,
        kernelSize: [3, 3],
        strides: [1, 1],
        padding: 'valid',
        dilation: [1, 1],
        activation: 'relu',
        useBias: true,
      },
      inputs: ['input'],
    },
    {
      id: 'pool',
      type: 'MaxPooling2D',
      params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
      inputs: ['conv'],
    },
    { id: 'flatten', type: 'Flatten', params: {}, inputs: ['pool'] },
    {
      id: 'out',
      type: 'Dense',
      params: { units: 3, activation: 'softmax', useBias: true },
      inputs: ['flatten'],
    },
  ],
};

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('class visualisation', () => {
  it('raises the chosen class’s probability well above its start, keeps pixels in [0, 1] and leaks no tensor', async () => {
    const model = await buildModel(spec);
    const explainer = new Explainer(model);
    const before = tensorCount();
    const result = visualiseClass(model, {
      classIndex: 2,
      steps: 20,
      scales: [8, 16],
      seed: 3,
      tvWeight: 0.1,
      saturationWeight: 0.1,
      stepSize: 0.05,
      jitter: 1,
    });
    expect(tensorCount()).toBe(before);
    expect(result.image).toHaveLength(16 * 16 * 3);
    expect(result.image.every((v) => v >= 0 && v <= 1)).toBe(true);
    const grey = new Float32Array(16 * 16 * 3).fill(0.5);
    const start = explainer.predictBatch(grey, 1)[2] ?? 0;
    expect(result.probability).toBeGreaterThan(Math.min(0.9, start + 0.2));
    expect(explainer.predictBatch(result.image, 1)[2]).toBeCloseTo(result.probability, 5);
    // The same seed gives the same image: the examples are reproducible.
    const again = visualiseClass(model, {
      classIndex: 2,
      steps: 20,
      scales: [8, 16],
      seed: 3,
      tvWeight: 0.1,
      saturationWeight: 0.1,
      stepSize: 0.05,
      jitter: 1,
    });
    expect(again.image).toEqual(result.image);
    model.dispose();
  });
});
