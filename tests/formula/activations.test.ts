import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import {
  ACTIVATION_FORMULAS,
  ACTIVATION_FUNCTIONS,
  activationFunction,
  isActivationFunctionName,
  normalizeActivationName,
  sampleActivation,
  applyActivation,
  preluSlopePlane,
  type ActivationOptions,
} from '../../src/lib/tensor/activations';
import { expectClose, tensorCount } from './helpers';
import { LAYER_DEFS } from '../../src/lib/layers/registry';
import { defaultLayerParams } from '../../src/lib/layers/shared/params';

let baseline = 0;
beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
  baseline = tensorCount();
});
afterEach(() => expect(tensorCount()).toBe(baseline));

const grid = [...Array.from({ length: 321 }, (_, i) => -8 + i * 0.05), -100, -30, -3, 2.5, 3, 6, 30, 100];

/** tfjs' own definition of each function, as tfjs-layers applies it (tf.layers.activation) or as the tf op. */
function reference(name: string, options: ActivationOptions): (x: tf.Tensor) => tf.Tensor {
  switch (name) {
    case 'leaky_relu':
      return (x) => tf.leakyRelu(x, options.alpha);
    // The layers, as tfjs-layers defines them (ReLU's max_value, ThresholdedReLU's theta).
    case 'capped_relu':
      return (x) => tf.layers.reLU({ maxValue: options.maxValue }).apply(x) as tf.Tensor;
    case 'prelu':
      return (x) => tf.prelu(x, tf.scalar(options.alpha ?? 0));
    case 'thresholded_relu':
      return (x) => tf.layers.thresholdedReLU({ theta: options.theta }).apply(x) as tf.Tensor;
    case 'hard_swish':
      return (x) => tf.div(tf.mul(x, tf.relu6(tf.add(x, 3))), 6);
    case 'relu':
      return (x) => tf.relu(x);
    case 'elu':
      return (x) => tf.elu(x);
    case 'selu':
      return (x) => tf.selu(x);
    case 'sigmoid':
      return (x) => tf.sigmoid(x);
    case 'tanh':
      return (x) => tf.tanh(x);
    case 'softplus':
      return (x) => tf.softplus(x);
    default: {
      const layerName = name === 'hard_sigmoid' ? 'hardSigmoid' : name;
      return (x) => tf.layers.activation({ activation: layerName as 'linear' }).apply(x) as tf.Tensor;
    }
  }
}

describe('activation functions', () => {
  it.each([...ACTIVATION_FUNCTIONS])('%s matches tfjs on a grid', (name) => {
    // Parameterised functions at several settings, including a threshold that falls on a grid point.
    const settings: Record<string, ActivationOptions[]> = {
      leaky_relu: [{ alpha: 0.3 }, { alpha: 0.1 }],
      capped_relu: [{ maxValue: 6 }, { maxValue: 2.5 }, { maxValue: 0.5 }],
      thresholded_relu: [{ theta: 1 }, { theta: 2.5 }, { theta: 0 }],
      prelu: [{ alpha: 0.25 }, { alpha: -0.5 }, { alpha: 0 }],
    };
    for (const options of settings[name] ?? [{}]) {
      const expected = tf.tidy(() => reference(name, options)(tf.tensor1d(grid)).dataSync());
      const f = activationFunction(name, options);
      grid.forEach((x, i) =>
        expectClose(f(x), expected[i] ?? NaN, `${name}(${x}; ${JSON.stringify(options)})`, 1e-5),
      );
    }
    expect(ACTIVATION_FORMULAS[name]).toMatch(/^f\(x\) = /);
  });

  it('also runs tfjs-layers Activation for the Keras names it shares with tf ops', () => {
    for (const name of ['relu', 'elu', 'selu', 'sigmoid', 'tanh', 'softplus'] as const) {
      const expected = tf.tidy(() =>
        (tf.layers.activation({ activation: name }).apply(tf.tensor1d(grid)) as tf.Tensor).dataSync(),
      );
      const f = activationFunction(name);
      grid.forEach((x, i) => expectClose(f(x), expected[i] ?? NaN, `${name}(${x})`, 1e-5));
    }
  });

  it('uses the tfjs hard sigmoid clip(0.2x + 0.5, 0, 1) and leaky slope 0.3 by default', () => {
    const hard = activationFunction('hard_sigmoid');
    expect([hard(-3), hard(-2.5), hard(0), hard(1), hard(2.5), hard(4)]).toEqual([0, 0, 0.5, 0.7, 1, 1]);
    expectClose(activationFunction('leakyRelu')(-2), -0.6, 'leaky default', 1e-12);
    expect(activationFunction('relu6')(7)).toBe(6);
    expect(normalizeActivationName('hardSigmoid')).toBe('hard_sigmoid');
    expect(isActivationFunctionName('softmax')).toBe(false);
    expect(() => activationFunction('softmax')).toThrow(RangeError);
  });

  it("hard sigmoid takes any alpha and beta: PyTorch's relu6(x + 3) / 6 with corners at ±3", () => {
    const torch = activationFunction('hard_sigmoid', { alpha: 1 / 6, beta: 0.5 });
    const relu6Form = (x: number) => Math.min(Math.max(x + 3, 0), 6) / 6;
    for (const x of [-4, -3, -1.5, 0, 0.7, 2.9, 3, 5])
      expectClose(torch(x), relu6Form(x), `torch(${x})`, 1e-12);
    const odd = activationFunction('hardSigmoid', { alpha: -0.5, beta: 0.25 });
    expect([odd(-2), odd(0), odd(1)]).toEqual([1, 0.25, 0]);
    const samples = sampleActivation(
      'hard_sigmoid',
      { from: -5, to: 5, count: 4 },
      { alpha: 1 / 6, beta: 0.5 },
    );
    expect(samples.filter((p) => p.x === -3 || p.x === 3).map((p) => p.y)).toEqual([0, 1]);
    // The layer hands its params to the function, its defaults when a file predates them.
    const def = LAYER_DEFS.find((d) => d.type === 'HardSigmoid');
    expect(def?.activationOf?.({ alpha: 1 / 6, beta: 0.5 })).toEqual({
      name: 'hard_sigmoid',
      alpha: 1 / 6,
      beta: 0.5,
    });
    expect(def?.activationOf?.({})).toEqual({ name: 'hard_sigmoid', alpha: 0.2, beta: 0.5 });
  });

  it('samples a graph with exact ends and sharp kinks', () => {
    const relu = sampleActivation('relu', { from: -1, to: 1, count: 4 });
    [-1, -1 / 3, 0, 1 / 3, 1].forEach((x, i) => expectClose(relu[i]?.x ?? NaN, x, `x[${i}]`, 1e-12));
    expect([relu[0]?.x, relu[2]?.x, relu[4]?.x]).toEqual([-1, 0, 1]);
    relu.forEach((p) => expect(p.y).toBe(Math.max(0, p.x)));
    const hard = sampleActivation('hard_swish', { from: -5, to: 5, count: 11 });
    expect(hard.filter((p) => p.x === -3 || p.x === 3).map((p) => p.y)).toEqual([-0, 3]);
    const tanh = sampleActivation('tanh', { from: -2, to: 2, count: 101 });
    expect(tanh).toHaveLength(101);
    expect(tanh.every((p, i) => i === 0 || p.x > (tanh[i - 1]?.x ?? Infinity))).toBe(true);
    expect(() => sampleActivation('relu', { from: 1, to: 1, count: 10 })).toThrow(RangeError);
  });
});

describe('activation layers of the registry', () => {
  // Every element-wise activation layer opens the activation formula view, so its function must
  // be one the formula module can compute and draw (softmax has its own view).
  const elementwise = LAYER_DEFS.filter((d) => d.category === 'Activation' && d.type !== 'Softmax');

  it.each(elementwise.map((d) => d.type))('%s has a formula view with a drawable function', (type) => {
    const def = LAYER_DEFS.find((d) => d.type === type)!;
    expect(def.formula).toBe('activation');
    const fn = def.activationOf?.(defaultLayerParams(def));
    expect(fn, `${type}.activationOf`).toBeTruthy();
    expect(isActivationFunctionName(normalizeActivationName(fn!.name))).toBe(true);
  });

  it('maps ReLU caps and the ThresholdedReLU threshold to the functions tfjs applies', () => {
    const relu = LAYER_DEFS.find((d) => d.type === 'ReLU')!;
    expect(relu.activationOf?.({ ...defaultLayerParams(relu), maxValue: 0 })).toEqual({ name: 'relu' });
    expect(relu.activationOf?.({ ...defaultLayerParams(relu), maxValue: 6 })).toEqual({ name: 'relu6' });
    expect(relu.activationOf?.({ ...defaultLayerParams(relu), maxValue: 2 })).toEqual({
      name: 'capped_relu',
      maxValue: 2,
    });
    const thresholded = LAYER_DEFS.find((d) => d.type === 'ThresholdedReLU')!;
    const fn = thresholded.activationOf?.({ theta: 0.7 });
    expect(fn).toEqual({ name: 'thresholded_relu', theta: 0.7 });
    const f = activationFunction(fn!.name, fn!);
    expect([f(0.7), f(0.71), f(-3)]).toEqual([0, 0.71, 0]);
    // The graph keeps the jump at θ sharp.
    expect(
      sampleActivation('thresholded_relu', { from: -1, to: 3, count: 3 }, { theta: 0.7 }).map((p) => p.x),
    ).toContain(0.7);
  });
});

describe('PReLU slopes', () => {
  it.each([
    ['a slope per value', [5, 4, 3]],
    ['one slope per channel (shared axes 1, 2)', [1, 1, 3]],
    ['one slope per position (shared axis 3)', [5, 4, 1]],
  ])('gives every cell its own function, as tfjs-layers PReLU computes it: %s', (_, alphaShape) => {
    const [h, w, c] = [5, 4, 3];
    const rand = (n: number, seed: number) =>
      Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 12.9898 + i * 78.233) * 2);
    const input = rand(h * w * c, 1);
    const alpha = rand(
      alphaShape.reduce((a, b) => a * b, 1),
      2,
    ).map((v) => v * 0.3);
    const layer = tf.layers.prelu({
      sharedAxes: alphaShape.flatMap((n, i) => (n === 1 ? [i + 1] : [])),
      inputShape: [h, w, c],
    });
    const expected = tf.tidy(() => {
      layer.apply(tf.zeros([1, h, w, c])); // builds the layer, so its slopes can be set
      layer.setWeights([tf.tensor(alpha, alphaShape)]);
      return (layer.apply(tf.tensor(input, [1, h, w, c])) as tf.Tensor).dataSync();
    });
    layer.dispose();
    for (let ch = 0; ch < c; ch++) {
      const slopes = preluSlopePlane({ data: alpha, shape: alphaShape }, h, w, ch);
      for (let i = 0; i < h * w; i++) {
        const x = input[i * c + ch]!;
        expectClose(
          applyActivation('prelu', x, { alpha: slopes[i]! }),
          expected[i * c + ch] ?? NaN,
          `cell ${i} channel ${ch}`,
          1e-5,
        );
      }
    }
  });
});
