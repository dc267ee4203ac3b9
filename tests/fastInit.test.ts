import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { buildModel, getNamedWeights } from '../src/lib/engine/build';
import { fillUniform, glorotLimit, zeroDefaultKernels } from '../src/lib/engine/fastInit';
import { tinyVggSpec } from '../src/lib/zoo/tinyvgg';
import { mobilenetCifarSpec } from '../src/lib/zoo/mobilenetCifar';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

function moments(v: Float32Array): { mean: number; variance: number; min: number; max: number } {
  let sum = 0;
  let sq = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of v) {
    sum += x;
    sq += x * x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const mean = sum / v.length;
  return { mean, variance: sq / v.length - mean * mean, min, max };
}

describe('fast Glorot-uniform kernels', () => {
  it('bounds them as tfjs does for dense, conv, depthwise and 1-D conv kernels', () => {
    for (const shape of [
      [120, 84],
      [3, 3, 16, 32],
      [3, 3, 96, 1],
      [5, 8, 4],
    ]) {
      // Seeded: unseeded, a 160-value kernel misses 0.97 × limit about once in 130 runs.
      const sample = tf.tidy(() =>
        (tf.initializers.glorotUniform({ seed: 11 }).apply(shape) as tf.Tensor).dataSync().slice(),
      );
      const { min, max } = moments(sample as Float32Array);
      const limit = glorotLimit(shape);
      // tfjs's values fill ±limit: its extremes sit just inside ours, never outside.
      expect(Math.max(-min, max), shape.join('×')).toBeLessThanOrEqual(limit * (1 + 1e-6));
      expect(Math.max(-min, max), shape.join('×')).toBeGreaterThan(limit * 0.97);
    }
  });

  it('draws uniform values in ±limit with the uniform mean and variance, seeded', () => {
    const limit = 0.3;
    const a = fillUniform(new Float32Array(200_000), limit, 7);
    const m = moments(a);
    expect(m.min).toBeGreaterThanOrEqual(-limit);
    expect(m.max).toBeLessThan(limit);
    expect(m.max).toBeGreaterThan(limit * 0.999);
    // σ of the mean is limit / sqrt(3n) ≈ 4e−4: five of them.
    expect(Math.abs(m.mean)).toBeLessThan(2e-3);
    expect(m.variance / ((limit * limit) / 3)).toBeCloseTo(1, 1);
    // Neighbours are not correlated (a broken shift would correlate them).
    let lag = 0;
    for (let i = 1; i < a.length; i++) lag += (a[i]! - m.mean) * (a[i - 1]! - m.mean);
    expect(Math.abs(lag / (a.length - 1) / m.variance)).toBeLessThan(0.01);
    expect(fillUniform(new Float32Array(8), limit, 7)).toEqual(a.slice(0, 8));
    expect(fillUniform(new Float32Array(8), limit, 8)).not.toEqual(a.slice(0, 8));
  });

  it('zeroes only the kernels that would get the unseeded default', () => {
    const topology = {
      config: {
        layers: [
          { class_name: 'Conv2D', config: { name: 'plain' } as Record<string, unknown> },
          {
            class_name: 'Dense',
            config: { name: 'named', kernel_initializer: { class_name: 'GlorotUniform', config: {} } },
          },
          {
            class_name: 'Dense',
            config: { name: 'he', kernel_initializer: { class_name: 'HeNormal', config: {} } },
          },
          {
            class_name: 'Conv2D',
            config: {
              name: 'seeded',
              kernel_initializer: { class_name: 'GlorotUniform', config: { seed: 3 } },
            },
          },
          { class_name: 'SeparableConv2D', config: { name: 'sep' } },
          { class_name: 'DepthwiseConv2D', config: { name: 'dw' } },
          { class_name: 'BatchNormalization', config: { name: 'bn' } },
        ],
      },
    };
    const draw = zeroDefaultKernels(topology);
    expect([...draw].map(([k, v]) => [k, [...v]])).toEqual([
      ['plain', ['kernel']],
      ['named', ['kernel']],
      ['sep', ['depthwise_kernel', 'pointwise_kernel']],
      ['dw', ['depthwise_kernel']],
    ]);
    const [plain, , he, seeded, sep, , bn] = topology.config.layers;
    expect(plain!.config.kernel_initializer).toEqual({ class_name: 'Zeros', config: {} });
    expect(sep!.config.pointwise_initializer).toEqual({ class_name: 'Zeros', config: {} });
    expect(he!.config.kernel_initializer).toEqual({ class_name: 'HeNormal', config: {} });
    expect(seeded!.config.kernel_initializer).toEqual({ class_name: 'GlorotUniform', config: { seed: 3 } });
    expect(bn!.config).toEqual({ name: 'bn' });
  });

  it('builds nets whose every kernel is drawn (conv, depthwise, dense), new ones each build, no tensor left', async () => {
    const before = tf.memory().numTensors;
    for (const spec of [tinyVggSpec(10, 32), mobilenetCifarSpec(10, 32)]) {
      const [a, b] = [await buildModel(spec), await buildModel(spec)];
      const [wa, wb] = [getNamedWeights(a), getNamedWeights(b)];
      const kernels = [...wa.keys()].filter((n) => /(^|\/)(depthwise_)?kernel$/.test(n));
      if (spec.name === 'MobileNet-CIFAR')
        expect(kernels.some((n) => n.endsWith('depthwise_kernel'))).toBe(true);
      expect(kernels.length).toBeGreaterThan(3);
      for (const layer of a.layers)
        for (const w of layer.weights) {
          const name = `${layer.name}/${w.originalName.split('/').at(-1)}`;
          if (!kernels.includes(name)) continue;
          const values = wa.get(name)!;
          const limit = glorotLimit(w.shape.map((d) => d ?? 1));
          const m = moments(values);
          expect(m.max, name).toBeLessThan(limit);
          expect(m.min, name).toBeGreaterThanOrEqual(-limit);
          if (values.length >= 2000) expect(m.variance / ((limit * limit) / 3), name).toBeCloseTo(1, 0);
          expect(
            values.some((v) => v !== 0),
            name,
          ).toBe(true);
          expect(wb.get(name), name).not.toEqual(values);
        }
      // Biases and batch-norm statistics keep their tfjs defaults.
      for (const [name, values] of wa)
        if (name.endsWith('/bias'))
          expect(
            values.every((v) => v === 0),
            name,
          ).toBe(true);
      a.dispose();
      b.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
