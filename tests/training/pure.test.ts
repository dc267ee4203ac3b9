import { describe, expect, it } from 'vitest';
import { DivergenceDetector, EXPLODING_PATIENCE, suggestedRate } from '../../src/lib/training/divergence';
import { CSV_HEADER, logToCsv } from '../../src/lib/training/csv';
import { learningRateAt, type Schedule } from '../../src/lib/training/schedule';
import { curveSeries, smooth, thin } from '../../src/lib/training/curves';
import { estimateRemaining } from '../../src/lib/training/eta';
import { DEFAULT_CONFIG, validateConfig } from '../../src/lib/training/config';
import { fans, initialiseWeights } from '../../src/lib/training/init';
import { specWeights } from '../../src/lib/training/specWeights';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import type { TrainingLog } from '../../src/lib/training/log';

describe('divergence', () => {
  it('stops at the first NaN or infinite loss and blames the learning rate', () => {
    const d = new DivergenceDetector();
    expect(d.check({ loss: 2.3, step: 1, learningRate: 5, classes: 10 })).toBeNull();
    const r = d.check({ loss: NaN, step: 2, learningRate: 5, classes: 10 });
    expect(r?.kind).toBe('nan');
    expect(r?.message.en).toMatch(
      /step 2: the loss became NaN.*learning rate \(5\) is probably too high\. Try 0\.5/,
    );
    expect(r?.message.zh).toMatch(/第 2 步.*NaN/);
    expect(
      new DivergenceDetector().check({ loss: Infinity, step: 1, learningRate: 1, classes: 2 })?.message.en,
    ).toMatch(/infinite/);
  });

  it('calls a loss stuck far above chance level exploding, but not a single spike', () => {
    const d = new DivergenceDetector();
    const high = 3 * Math.log(10) + 1;
    for (let i = 1; i < EXPLODING_PATIENCE; i++)
      expect(d.check({ loss: high, step: i, learningRate: 0.3, classes: 10 })).toBeNull();
    expect(d.check({ loss: 1, step: 50, learningRate: 0.3, classes: 10 })).toBeNull();
    let r = null;
    for (let i = 0; i < EXPLODING_PATIENCE; i++)
      r = d.check({ loss: high, step: 100 + i, learningRate: 0.3, classes: 10 });
    expect(r?.kind).toBe('exploding');
    expect(r?.message.en).toMatch(/diverging.*\(0\.3\).*Try 0\.03/);
  });

  it('suggests ten times lower, rounded', () => {
    expect(suggestedRate(0.003)).toBe('0.0003');
    expect(suggestedRate(7)).toBe('0.7');
    expect(suggestedRate(12345)).toBe('1000');
  });
});

describe('CSV export', () => {
  it('writes one row per step with validation columns where validation ran', () => {
    const log: TrainingLog = {
      steps: [
        { step: 1, epoch: 1, seconds: 0.123456789, learningRate: 0.001, loss: 2.3, accuracy: 0.1 },
        { step: 2, epoch: 1, seconds: 0.25, learningRate: 0.001, loss: NaN, accuracy: 0.125 },
      ],
      validation: [{ step: 2, epoch: 1, seconds: 0.3, loss: 2.1, accuracy: 0.2 }],
    };
    expect(logToCsv(log)).toBe(
      `${CSV_HEADER}\n1,1,0.123457,0.001,2.3,0.1,,\n2,1,0.25,0.001,NaN,0.125,2.1,0.2\n`,
    );
    expect(CSV_HEADER.split(',')).toHaveLength(8);
  });
});

describe('learning-rate schedules', () => {
  const base: Schedule = {
    kind: 'constant',
    base: 0.1,
    warmupSteps: 0,
    gamma: 0.1,
    everySteps: 10,
    floor: 0.05,
  };
  it('keeps a constant rate, steps down by gamma, and decays a cosine to the floor', () => {
    expect(learningRateAt(base, 57, 100)).toBe(0.1);
    const step = { ...base, kind: 'step' as const };
    expect(learningRateAt(step, 9, 100)).toBeCloseTo(0.1);
    expect(learningRateAt(step, 10, 100)).toBeCloseTo(0.01);
    expect(learningRateAt(step, 25, 100)).toBeCloseTo(0.001);
    const cos = { ...base, kind: 'cosine' as const };
    expect(learningRateAt(cos, 0, 100)).toBeCloseTo(0.1);
    expect(learningRateAt(cos, 50, 100)).toBeCloseTo(0.1 * (0.05 + 0.95 * 0.5));
    expect(learningRateAt(cos, 100, 100)).toBeCloseTo(0.005);
  });
  it('warms up linearly from a tenth of the rate', () => {
    const w = { ...base, warmupSteps: 10 };
    expect(learningRateAt(w, 0, 100)).toBeCloseTo(0.01);
    expect(learningRateAt(w, 5, 100)).toBeCloseTo(0.055);
    expect(learningRateAt(w, 10, 100)).toBe(0.1);
  });
});

describe('curves', () => {
  it('smooths with a debiased moving average and thins long series keeping the last point', () => {
    for (const v of smooth([1, 1, 1], 0.9)) expect(v).toBeCloseTo(1, 10);
    const s = smooth([0, 10], 0.5);
    expect(s[0]).toBe(0);
    expect(s[1]).toBeCloseTo((0.5 * 0 * 0.5 + 0.5 * 10) / 0.75);
    const t = thin(
      Array.from({ length: 1001 }, (_, i) => i),
      100,
    );
    expect(t.length).toBeLessThanOrEqual(101);
    expect(t[t.length - 1]).toBe(1000);
  });
  it('gives series against steps or seconds, leaving out non-finite values', () => {
    const log: TrainingLog = {
      steps: [
        { step: 1, epoch: 1, seconds: 0.5, learningRate: 0.01, loss: 2, accuracy: 0.1 },
        { step: 2, epoch: 1, seconds: 1.5, learningRate: 0.01, loss: Infinity, accuracy: 0.2 },
      ],
      validation: [{ step: 2, epoch: 1, seconds: 1.6, loss: 1.9, accuracy: 0.3 }],
    };
    const bySeconds = curveSeries(log, 'accuracy', 'seconds');
    expect(bySeconds.train).toEqual([
      { x: 0.5, y: 0.1 },
      { x: 1.5, y: 0.2 },
    ]);
    expect(bySeconds.validation).toEqual([{ x: 1.6, y: 0.3 }]);
    const loss = curveSeries(log, 'loss', 'step');
    expect(loss.train).toEqual([{ x: 1, y: 2 }]);
    expect(loss.learningRate).toHaveLength(2);
  });
});

describe('ETA', () => {
  it('extrapolates from the recent speed', () => {
    const pts = Array.from({ length: 30 }, (_, i) => ({ step: i * 10, seconds: i }));
    expect(estimateRemaining(pts, 1000)).toBeCloseTo((1000 - 290) / 10);
    expect(estimateRemaining(pts.slice(0, 2), 1000)).toBeNull();
  });
});

describe('config checks', () => {
  it('accepts the defaults and names the field and range of a bad value', () => {
    expect(validateConfig(DEFAULT_CONFIG)).toEqual([]);
    const issues = validateConfig({ ...DEFAULT_CONFIG, learningRate: -1, batchSize: 2.5, epochs: NaN });
    expect(issues.map((i) => i.field)).toEqual(['learningRate', 'batchSize', 'epochs']);
    expect(issues[0]!.message.en).toBe('Learning rate must be a number from 1e-7 to 1000, not -1.');
    expect(issues[1]!.message.en).toMatch(/Batch size must be a whole number from 1 to 512/);
    expect(issues[2]!.message.en).toBe('Epochs must be a whole number from 1 to 1000.');
  });
});

describe('seeded initialisation', () => {
  it('computes Keras fans: receptive field times channels', () => {
    expect(fans([3, 3, 4, 8])).toEqual({ fanIn: 36, fanOut: 72 });
    expect(fans([100, 10])).toEqual({ fanIn: 100, fanOut: 10 });
  });
  it('draws kernels by the scheme, zeroes biases, is reproducible, and lists every TinyVGG weight', () => {
    const weights = specWeights(tinyVggSpec(10, 64));
    expect(weights.map((w) => w.name)).toContain('conv_1_1/kernel');
    expect(weights.find((w) => w.name === 'output/kernel')?.shape).toEqual([13 * 13 * 10, 10]);
    const he = initialiseWeights(weights, 'he', 4);
    expect(initialiseWeights(weights, 'he', 4).get('conv_1_1/kernel')).toEqual(he.get('conv_1_1/kernel'));
    expect(initialiseWeights(weights, 'he', 5).get('conv_1_1/kernel')).not.toEqual(he.get('conv_1_1/kernel'));
    expect([...he.get('conv_1_1/bias')!]).toEqual(new Array(10).fill(0));
    const sd = (a: Float32Array): number => Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);
    expect(sd(he.get('conv_2_2/kernel')!)).toBeCloseTo(Math.sqrt(2 / 90), 2);
    const glorot = initialiseWeights(weights, 'glorot', 4).get('output/kernel')!;
    const limit = Math.sqrt(6 / (1690 + 10));
    expect(Math.max(...glorot.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(sd(initialiseWeights(weights, 'normal', 4).get('output/kernel')!)).toBeCloseTo(0.05, 2);
  });
});

describe('kernel pictures', () => {
  it('draws RGB kernels with one scale for the layer: zero is mid-grey, the strongest weight is 0 or 1', async () => {
    const { kernelImages, firstKernel, weightChange } = await import('../../src/lib/training/kernelImages');
    // [kh=1, kw=2, in=3, out=2]: filter 0 is +red at x=0 and −blue at x=1; filter 1 is zero.
    const data = new Float32Array(1 * 2 * 3 * 2);
    data[(0 * 3 + 0) * 2 + 0] = 2; // x=0, c=R, out 0
    data[(1 * 3 + 2) * 2 + 0] = -1; // x=1, c=B, out 0
    const [k0, k1] = kernelImages(data, [1, 2, 3, 2]);
    expect(Array.from(k0!.data)).toEqual([1, 0.5, 0.5, 0.5, 0.5, 0.25]);
    expect(Array.from(k1!.data)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(kernelImages(new Float32Array(3 * 3 * 8 * 20), [3, 3, 8, 20], 16)).toHaveLength(16);
    const weights = [
      { name: 'dense/kernel', shape: [4, 2] },
      { name: 'conv/bias', shape: [4] },
      { name: 'conv/kernel', shape: [3, 3, 3, 4] },
    ];
    expect(firstKernel(weights)?.name).toBe('conv/kernel');
    expect(firstKernel(weights.slice(0, 2))).toBeNull();
    expect(Array.from(weightChange(new Float32Array([1, 2]), new Float32Array([0.5, 3])))).toEqual([0.5, -1]);
  });
});
