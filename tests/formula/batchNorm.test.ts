/**
 * Batch normalisation's formula against tfjs on the modern-blocks net (random weights and
 * random moving statistics): over maps, with scale or shift switched off, along the rows
 * (axis 1), and over a vector.
 */
import { describe, expect, it } from 'vitest';
import { createRng, randomInt } from '../../src/lib/random';
import {
  batchNormAffine,
  batchNormAt,
  batchNormLayer,
  batchNormStats,
  featureAt,
  normalizesLastAxis,
  sampleStats,
} from '../../src/lib/formula/batchNorm';
import { findWeight } from '../../src/lib/tensor/layout';
import { activationOf, expectClose, useExplainedNet } from './helpers';
import { modernNetSpec } from '../fixtures/modernNet';

const net = useExplainedNet(modernNetSpec(), 41);

function context(id: string) {
  const layer = net.spec.layers.find((l) => l.id === id);
  if (!layer) throw new Error(id);
  const input = activationOf(net, layer.inputs[0] ?? '');
  const weights = net.explanation.weights.get(id);
  return {
    layer,
    input,
    weights,
    stats: batchNormStats(layer.params, weights, input.shape),
    output: activationOf(net, id),
  };
}

const IDS = ['bn', 'bn_noscale', 'bn_nocenter', 'bn_vec'];

describe('batch normalisation', () => {
  it.each(IDS)('%s equals the engine at every value', (id) => {
    const { input, stats, output } = context(id);
    expect(output.data.length).toBe(input.data.length);
    for (let i = 0; i < input.data.length; i++)
      expectClose(batchNormAt(input, stats, i).value, output.data[i] ?? NaN, `${id}[${i}]`);
    const whole = batchNormLayer(input, stats);
    expect(whole.shape).toEqual(output.shape);
  });

  it('uses the layer’s own moving statistics, which are not the defaults', () => {
    for (const id of IDS) {
      const { stats, weights } = context(id);
      expect(stats.mean).toBe(findWeight(weights, 'moving_mean')?.data);
      expect(stats.variance).toBe(findWeight(weights, 'moving_variance')?.data);
      // Random statistics: a test with mean 0 and variance 1 would not see them used.
      expect(stats.mean.some((m) => Math.abs(m) > 0.1)).toBe(true);
      expect(stats.variance.some((v) => Math.abs(v - 1) > 0.1)).toBe(true);
    }
  });

  it('leaves γ out without scale and β out without shift', () => {
    const noScale = context('bn_noscale').stats;
    expect(noScale.gamma).toBeNull();
    expect(noScale.beta).not.toBeNull();
    const noCenter = context('bn_nocenter').stats;
    expect(noCenter.beta).toBeNull();
    expect(noCenter.gamma).not.toBeNull();
    const t = batchNormAt(context('bn_noscale').input, noScale, 5);
    expect([t.gamma, t.hasGamma, t.hasBeta]).toEqual([1, false, true]);
  });

  it('tfjs reads statistics along the last axis even for axis 1, so the view explains only the last axis', () => {
    const { layer, input, stats, output } = context('bn_rows');
    expect(normalizesLastAxis(layer.params, input.shape)).toBe(false);
    expect(IDS.every((id) => normalizesLastAxis(context(id).layer.params, context(id).input.shape))).toBe(
      true,
    );
    // What tfjs' cpu kernel computes: feature i % features for flat index i, whatever the axis.
    const cycled = { ...stats, axis: 1 };
    const flat = { data: input.data, shape: [input.data.length / stats.features, stats.features] };
    let differs = 0;
    for (let i = 0; i < input.data.length; i++) {
      expectClose(batchNormAt(flat, cycled, i).value, output.data[i] ?? NaN, `tfjs bn_rows[${i}]`);
      if (Math.abs(batchNormAt(input, stats, i).value - (output.data[i] ?? NaN)) > 1e-3) differs++;
    }
    // If tfjs ever broadcasts the statistics properly, this fails and the view can explain any axis.
    expect(differs).toBeGreaterThan(10);
  });

  it('picks the feature along the layer’s axis: channels for −1, rows for 1', () => {
    const rng = createRng(3);
    const { input, stats } = context('bn_rows');
    expect(stats.axis).toBe(0);
    const [h = 0, w = 0, c = 0] = input.shape;
    for (let k = 0; k < 20; k++) {
      const row = randomInt(rng, 0, h - 1);
      const i = (row * w + randomInt(rng, 0, w - 1)) * c + randomInt(rng, 0, c - 1);
      expect(featureAt(input.shape, 0, i)).toBe(row);
      expect(featureAt(input.shape, 2, i)).toBe(i % c);
    }
  });

  it('writes each step of the formula consistently', () => {
    const { input, stats } = context('bn');
    const t = batchNormAt(input, stats, 17);
    expectClose(t.std, Math.sqrt(t.variance + t.epsilon), 'std');
    expectClose(t.normalized, (t.x - t.mean) / t.std, 'normalized');
    expectClose(t.value, t.normalized * t.gamma + t.beta, 'value');
    const line = batchNormAffine(stats, t.feature);
    expectClose(line.slope * t.x + line.intercept, t.value, 'as a line');
  });

  it('measures one image’s channel statistics', () => {
    expect(sampleStats([1, 2, 3, 4])).toEqual({ mean: 2.5, variance: 1.25 });
    expect(sampleStats([])).toEqual({ mean: 0, variance: 0 });
  });

  it('refuses weights that do not fit and axes that do not exist', () => {
    const { layer, input, weights } = context('bn');
    expect(() => batchNormStats({ ...layer.params, axis: 4 }, weights, input.shape)).toThrow(/axis 4/);
    expect(() => batchNormStats(layer.params, [], input.shape)).toThrow(/moving_mean/);
    expect(() => batchNormStats(layer.params, weights, [9, 10, 5])).toThrow(/6 values for 5 features/);
  });
});
