/**
 * Layers tfjs 4.22 lacks, run by the engine's own tfjs classes (src/lib/engine):
 * - grouped convolutions: every output equals our formula's, the net trains, nothing leaks, and
 *   a Keras file carries it as Keras 3 and tf.keras write it (`Conv2D` with `groups`), which the
 *   engine loads back through tfjs with the same outputs;
 * - LRN: every output equals the definition computed here and the formula view's numbers, it
 *   trains, and a Keras export is refused by name (Keras has no LRN).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel, getNamedWeights } from '../../src/lib/engine/build';
import { buildRunner, runnerFromArtifacts } from '../../src/lib/engine/runner';
import { saveModelToArtifacts } from '../../src/lib/engine/io';
import { Trainer } from '../../src/lib/engine/train';
import { tf } from '../../src/lib/engine/tf';
import { parseKerasJson, serializeKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { groupedConvLayer } from '../../src/lib/formula/groupedConv';
import { lrnAt, lrnChannel, lrnParams } from '../../src/lib/formula/lrn';
import { alexnetSpec } from '../../src/lib/zoo/alexnet';
import { zooCounts } from '../../src/lib/zoo/index';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { createRng } from '../../src/lib/random';
import { groupedConvCases, type GroupedConvCase } from '../fixtures/groupedConvCases';
import { expectClose } from '../formula/helpers';

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
});

const CASES = groupedConvCases('hard_swish');

function groupedNet(c: GroupedConvCase): NetworkSpec {
  return {
    name: 'grouped',
    layers: [
      { id: 'input', type: 'Input', params: { shape: c.input }, inputs: [] },
      {
        id: 'grouped',
        type: 'GroupedConv2D',
        params: {
          filters: c.filters,
          kernelSize: c.params.kernel,
          strides: c.params.strides,
          padding: c.params.padding,
          dilation: c.params.dilation,
          activation: c.params.activation,
          useBias: c.bias,
          groups: c.groups,
        },
        inputs: ['input'],
      },
      { id: 'pool', type: 'GlobalAveragePooling2D', params: {}, inputs: ['grouped'] },
      {
        id: 'output',
        type: 'Dense',
        params: { units: 3, activation: 'softmax', useBias: true },
        inputs: ['pool'],
      },
    ],
  };
}

const randomImage = (shape: number[], seed: number) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1);
};

describe('GroupedConv2D in the engine', () => {
  it.each(CASES)('$name: every output equals the formula’s', async (c) => {
    const { runner } = await buildRunner(groupedNet(c), []);
    try {
      const image = randomImage(c.input, c.groups);
      const before = tf.memory().numTensors;
      const e = runner.explain(image);
      expect(tf.memory().numTensors).toBe(before);
      const out = e.activations.get('grouped')!;
      const w = e.weights.get('grouped')!;
      const kernel = w.find((x) => x.name === 'kernel')!.value;
      expect(kernel.shape).toEqual([...c.params.kernel, c.input[2] / c.groups, c.filters]);
      const bias = w.find((x) => x.name === 'bias')?.value;
      expect(Boolean(bias)).toBe(c.bias);
      const expected = groupedConvLayer(
        { data: image, shape: c.input },
        bias ? { kernel, bias } : { kernel },
        c.params,
        c.groups,
      );
      expect(out.shape).toEqual(expected.shape);
      expect(out.data.some((v) => v !== 0)).toBe(true);
      out.data.forEach((v, i) => expectClose(v, expected.data[i] ?? NaN, `${c.name} [${i}]`));
    } finally {
      runner.dispose();
    }
  });

  it('trains: the loss falls and no tensor is left behind', async () => {
    const c = CASES[0]!;
    const model = await buildModel(groupedNet(c));
    const trainer = new Trainer(model, { optimizer: 'adam', learningRate: 1e-2, weightDecay: 0 });
    try {
      const images = new Float32Array(4 * 7 * 8 * 6);
      for (let n = 0; n < 4; n++) images.set(randomImage(c.input, 10 + n), n * 7 * 8 * 6);
      const kernelBefore = getNamedWeights(model).get('grouped/kernel')!;
      const first = await trainer.trainBatch(images, [0, 1, 2, 0]);
      const before = tf.memory().numTensors;
      let last = first;
      for (let i = 0; i < 8; i++) last = await trainer.trainBatch(images, [0, 1, 2, 0]);
      expect(tf.memory().numTensors).toBe(before);
      expect(last.loss).toBeLessThan(first.loss);
      // The grouped kernel itself learnt (its gradient reached it through split and concat).
      const kernelAfter = getNamedWeights(model).get('grouped/kernel')!;
      expect(kernelAfter.some((v, i) => Math.abs(v - kernelBefore[i]!) > 1e-4)).toBe(true);
    } finally {
      trainer.dispose();
      model.dispose();
    }
  });

  it('is written to Keras as Conv2D with groups, and tfjs loads that file back with the same outputs', async () => {
    const c = CASES[2]!;
    const spec = groupedNet(c);
    const { runner } = await buildRunner(spec, []);
    try {
      const out = serializeKerasJson(spec, runner.namedWeights());
      const json = JSON.parse(out.json) as {
        modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
        weightsManifest: { weights: unknown[] }[];
      };
      const layer = json.modelTopology.config.layers.find((l) => l.config.name === 'grouped')!;
      expect(layer.class_name).toBe('Conv2D');
      expect(layer.config.groups).toBe(4);
      // Our reader takes it back as a grouped convolution.
      const shards = new Map(out.shards.map((s) => [s.path, s.data]));
      const back = parseKerasJson(out.json, { shards });
      expect(back.spec.layers.find((l) => l.id === 'grouped')).toMatchObject({
        type: 'GroupedConv2D',
        params: { groups: 4, filters: 8, dilation: [2, 2], activation: 'hard_swish' },
      });
      // tfjs, through the engine's loader, builds it and computes what the original net did.
      const loaded = await runnerFromArtifacts(
        {
          modelTopology: json.modelTopology as never,
          weightSpecs: json.weightsManifest[0]!.weights as never,
          weightData: out.shards[0]!.data.slice().buffer,
        },
        'grouped.json',
      );
      try {
        expect(loaded.spec.layers.find((l) => l.id === 'grouped')?.type).toBe('GroupedConv2D');
        const image = randomImage(c.input, 3);
        const a = runner.explain(image).activations.get('grouped')!;
        const b = loaded.runner.explain(image).activations.get('grouped')!;
        b.data.forEach((v, i) => expectClose(v, a.data[i] ?? NaN, `reloaded [${i}]`));
        // tfjs' own save keeps the engine's class, and loads again.
        const saved = await saveModelToArtifacts(loaded.runner.model);
        const again = await runnerFromArtifacts(saved, 'saved.json');
        expect(again.spec.layers.find((l) => l.id === 'grouped')?.params).toMatchObject({ groups: 4 });
        again.runner.dispose();
      } finally {
        loaded.runner.dispose();
      }
    } finally {
      runner.dispose();
    }
  });

  it('with LRN, makes the zoo’s AlexNet runnable, with its published parameter count', () => {
    const counts = zooCounts(alexnetSpec());
    expect(counts.runnable).toBe(true);
    // Krizhevsky et al.'s two-GPU AlexNet, as Caffe's bvlc_alexnet counts it.
    expect(counts.params).toBe(60_965_224);
  });
});

/** LRN by its definition: a / (bias + alpha · Σ a² over channels c − r … c + r)^beta. */
function lrnByHand(x: Float32Array, channels: number, r: number, bias: number, alpha: number, beta: number) {
  const out = new Float32Array(x.length);
  for (let p = 0; p < x.length; p += channels)
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      for (let j = Math.max(0, c - r); j <= Math.min(channels - 1, c + r); j++) sum += x[p + j]! ** 2;
      out[p + c] = x[p + c]! / (bias + alpha * sum) ** beta;
    }
  return out;
}

function lrnNet(params: { depthRadius: number; bias: number; alpha: number; beta: number }): NetworkSpec {
  return {
    name: 'lrn',
    layers: [
      { id: 'input', type: 'Input', params: { shape: [5, 6, 7] }, inputs: [] },
      {
        id: 'conv',
        type: 'Conv2D',
        params: {
          filters: 7,
          kernelSize: [3, 3],
          strides: [1, 1],
          padding: 'same',
          dilation: [1, 1],
          activation: 'relu',
          useBias: true,
        },
        inputs: ['input'],
      },
      { id: 'norm', type: 'LRN', params, inputs: ['conv'] },
      { id: 'pool', type: 'GlobalAveragePooling2D', params: {}, inputs: ['norm'] },
      {
        id: 'output',
        type: 'Dense',
        params: { units: 3, activation: 'softmax', useBias: true },
        inputs: ['pool'],
      },
    ],
  };
}

describe('LRN in the engine', () => {
  it.each([
    { depthRadius: 2, bias: 2, alpha: 1e-4, beta: 0.75 },
    // Large alpha and radius, so the neighbours' squares matter and the edges are clipped.
    { depthRadius: 3, bias: 1, alpha: 0.5, beta: 0.5 },
    { depthRadius: 0, bias: 0.5, alpha: 0.9, beta: 1.5 },
  ])(
    'radius $depthRadius, bias $bias, alpha $alpha, beta $beta: every output equals the definition',
    async (p) => {
      const { runner } = await buildRunner(lrnNet(p), []);
      try {
        const before = tf.memory().numTensors;
        const e = runner.explain(randomImage([5, 6, 7], 5));
        expect(tf.memory().numTensors).toBe(before);
        const conv = e.activations.get('conv')!;
        const norm = e.activations.get('norm')!;
        expect(norm.shape).toEqual([5, 6, 7]);
        const want = lrnByHand(conv.data, 7, p.depthRadius, p.bias, p.alpha, p.beta);
        norm.data.forEach((v, i) => expectClose(v, want[i] ?? NaN, `[${i}]`));
        // The formula view's numbers (src/lib/formula/lrn.ts) are the engine's, at every value.
        for (let c = 0; c < 7; c++) {
          const plane = lrnChannel(conv, lrnParams(p), c);
          plane.forEach((v, i) => expectClose(v, norm.data[i * 7 + c] ?? NaN, `formula c${c} [${i}]`));
        }
        const at = lrnAt(conv, lrnParams(p), 2, 3, 3);
        expect(at.terms.map((t) => t.channel)).toEqual(
          Array.from({ length: 7 }, (_, j) => j).filter((j) => Math.abs(j - 3) <= p.depthRadius),
        );
        expectClose(
          at.sum,
          at.terms.reduce((s, t) => s + t.value ** 2, 0),
          'sum',
        );
      } finally {
        runner.dispose();
      }
    },
  );

  it('trains through it, and a Keras export is refused by name', async () => {
    const spec = lrnNet({ depthRadius: 2, bias: 1, alpha: 0.5, beta: 0.75 });
    const model = await buildModel(spec);
    const trainer = new Trainer(model, { optimizer: 'adam', learningRate: 1e-2, weightDecay: 0 });
    try {
      const images = new Float32Array(3 * 5 * 6 * 7);
      for (let n = 0; n < 3; n++) images.set(randomImage([5, 6, 7], 20 + n), n * 5 * 6 * 7);
      const first = await trainer.trainBatch(images, [0, 1, 2]);
      let last = first;
      for (let i = 0; i < 8; i++) last = await trainer.trainBatch(images, [0, 1, 2]);
      expect(last.loss).toBeLessThan(first.loss);
    } finally {
      trainer.dispose();
      model.dispose();
    }
    expect(() => serializeKerasJson(spec)).toThrow(
      /layer norm: LRN has no Keras \/ TensorFlow\.js equivalent/,
    );
  });
});
