import { describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { createRng } from '../../src/lib/random';
import {
  largestDifference,
  noiseKindOf,
  noiseSettings,
  trainingDraw,
  type NoiseKind,
} from '../../src/lib/formula/noiseLayers';
import { findLayer, useBranchNets } from './branchHelpers';

const nets = useBranchNets(120);

const cases: [string, NoiseKind][] = [
  ['drop', 'dropout'],
  ['alpha_drop', 'alphaDropout'],
  ['gauss_drop', 'gaussianDropout'],
  ['noise', 'gaussianNoise'],
];

function stats(values: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] ?? 0;
    sq += (values[i] ?? 0) ** 2;
  }
  const mean = sum / values.length;
  return { mean, variance: sq / values.length - mean ** 2 };
}

/** Standard normal values, so AlphaDropout's promise (mean 0, variance 1 kept) can be checked. */
function normals(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => {
    const u = 1 - rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  });
}

describe('layers that only act while training', () => {
  it.each(cases)('%s passes every value on unchanged when the net is used', (id, kind) => {
    const { layer, inputs, output } = findLayer(nets, id, 0);
    expect(noiseKindOf(layer.type)).toBe(kind);
    const [input] = inputs;
    if (!input) throw new Error('no input');
    expect(output.shape).toEqual(input.shape);
    expect(largestDifference(input.data, output.data)).toBe(0);
  });

  it.each(cases)('%s: one drawn training step has the statistics tfjs gives while training', (id, kind) => {
    const { net, layer } = findLayer(nets, id, 0);
    const settings = noiseSettings(kind, layer.params);
    const x = normals(40_000, 3);
    const ours = trainingDraw(settings, x, createRng(11));
    const tfLayer = net.model.getLayer(id);
    const theirs = tf.tidy(() => {
      const out = tfLayer.apply(tf.tensor(x, [1, 40_000]), { training: true }) as tf.Tensor;
      return out.dataSync() as Float32Array;
    });
    const a = stats(ours.values);
    const b = stats(theirs);
    expect(Math.abs(a.mean - b.mean)).toBeLessThan(0.05);
    expect(Math.abs(a.variance - b.variance)).toBeLessThan(0.08);
    // Training really changes values, and the dropout kinds drop about `rate` of them.
    expect(largestDifference(ours.values, x)).toBeGreaterThan(0.01);
    const dropped = ours.dropped.reduce((s, d) => s + d, 0) / x.length;
    if (kind === 'dropout' || kind === 'alphaDropout')
      expect(Math.abs(dropped - settings.rate)).toBeLessThan(0.01);
    else expect(dropped).toBe(0);
  });

  it('AlphaDropout as tfjs runs it shifts the mean by 2·a·λα·p (Keras would keep it); Dropout keeps the mean', () => {
    const x = normals(60_000, 5);
    const settings = noiseSettings('alphaDropout', { rate: 0.2 });
    expect(settings.droppedTo).toBeCloseTo(1.7580993408473766, 9);
    const alpha = trainingDraw(settings, x, createRng(2));
    const s = stats(alpha.values);
    expect(Math.abs(s.mean - 2 * settings.a * settings.droppedTo * 0.2)).toBeLessThan(0.03);
    expect(
      alpha.values.filter(
        (v, i) => alpha.dropped[i] === 1 && Math.abs(v - (settings.a * 1.7580993 + settings.b)) > 1e-4,
      ),
    ).toHaveLength(0);
    const positive = Float32Array.from(x, (v) => Math.abs(v));
    const kept = trainingDraw(noiseSettings('dropout', { rate: 0.5 }), positive, createRng(4));
    expect(Math.abs(stats(kept.values).mean - stats(positive).mean)).toBeLessThan(0.02);
    expect(noiseSettings('gaussianDropout', { rate: 0.2 }).spread).toBeCloseTo(0.5, 6);
    expect(noiseKindOf('Conv2D')).toBeNull();
  });
});
