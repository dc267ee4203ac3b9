/**
 * The sequence and rearranging layers' formulas (Reshape, Permute, RepeatVector, Masking, Dot,
 * LayerNormalization, Embedding) against tfjs: small nets with seeded random weights, run by
 * the engine on inputs made for each (steps equal to the mask value, whole and fractional ids),
 * compared at every output value.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/lib/engine/build';
import { Explainer } from '../../src/lib/engine/explain';
import { initBackend } from '../../src/lib/engine/backend';
import { createRng } from '../../src/lib/random';
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';
import type { Explanation, TensorData } from '../../src/lib/tensor/types';
import { rearrangeKindOf, rearrangeLayer, rearrangeSource, stridesOf } from '../../src/lib/formula/rearrange';
import { maskedSteps, maskingAt } from '../../src/lib/formula/masking';
import { dotAt } from '../../src/lib/formula/dotProduct';
import { layerNormAt, layerNormParams } from '../../src/lib/formula/layerNorm';
import { embeddingAt } from '../../src/lib/formula/embedding';
import { expectClose, setSeededWeights, tensorCount } from './helpers';
import type { tf } from '../../src/lib/engine/tf';

const layer = (id: string, type: string, params: LayerSpec['params'], ...inputs: string[]): LayerSpec => ({
  id,
  type,
  params,
  inputs,
});

/** A sequence of 6 steps × 4 features, two of whose steps are all 0.5 (the mask value). */
const sequenceNet: NetworkSpec = {
  name: 'sequence',
  layers: [
    layer('in', 'Input', { shape: [6, 4] }),
    layer('mask', 'Masking', { maskValue: 0.5 }, 'in'),
    layer('perm', 'Permute', { dims: [2, 1] }, 'mask'),
    layer('reshape', 'Reshape', { targetShape: [3, 2, 4] }, 'mask'),
    layer('ln', 'LayerNormalization', { axis: -1, epsilon: 0.01, center: true, scale: true }, 'mask'),
    layer('ln_noscale', 'LayerNormalization', { axis: -1, epsilon: 0.001, center: true, scale: false }, 'in'),
    layer('dot_steps', 'Dot', { axes: [2, 2], normalize: false }, 'ln', 'mask'),
    layer('dot_features', 'Dot', { axes: [1, 1], normalize: false }, 'ln', 'in'),
    layer('gap', 'GlobalAveragePooling1D', {}, 'ln'),
    layer('dense_a', 'Dense', { units: 5, activation: 'linear', useBias: true }, 'gap'),
    layer('dense_b', 'Dense', { units: 5, activation: 'tanh', useBias: true }, 'gap'),
    layer('cosine', 'Dot', { axes: [1, 1], normalize: true }, 'dense_a', 'dense_b'),
    layer('repeat', 'RepeatVector', { n: 3 }, 'dense_a'),
    layer('dense_c', 'Dense', { units: 4, activation: 'linear', useBias: true }, 'gap'),
    layer('dot_mixed', 'Dot', { axes: [2, 1], normalize: false }, 'mask', 'dense_c'),
  ],
};

/** An image-shaped input normalised per cell, reshaped and permuted. */
const mapNet: NetworkSpec = {
  name: 'maps',
  layers: [
    layer('in', 'Input', { shape: [5, 6, 3] }),
    layer('ln', 'LayerNormalization', { axis: -1, epsilon: 0.001, center: true, scale: true }, 'in'),
    layer('reshape', 'Reshape', { targetShape: [10, 9] }, 'ln'),
    layer('perm', 'Permute', { dims: [3, 1, 2] }, 'in'),
    layer('perm2', 'Permute', { dims: [2, 3, 1] }, 'ln'),
  ],
};

const embeddingNet: NetworkSpec = {
  name: 'embedding',
  layers: [
    layer('in', 'Input', { shape: [7] }),
    layer('emb', 'Embedding', { inputDim: 10, outputDim: 4, maskZero: false }, 'in'),
  ],
};

const models: tf.LayersModel[] = [];
const explained = new Map<string, Explanation>();
let baseline = 0;

async function run(spec: NetworkSpec, seed: number, input: Float32Array): Promise<void> {
  const model = await buildModel(spec);
  models.push(model);
  setSeededWeights(model, createRng(seed));
  explained.set(spec.name, new Explainer(model).explain(input));
}

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
  const rng = createRng(16);
  const steps = Float32Array.from({ length: 24 }, (_, i) =>
    [1, 4].includes(Math.floor(i / 4)) ? 0.5 : rng() * 2 - 1,
  );
  // One step with only some features equal to the mask value: it is not masked.
  steps.set([0.5, 0.5, 0.5, 0.25], 8);
  await run(sequenceNet, 161, steps);
  await run(
    mapNet,
    162,
    Float32Array.from({ length: 90 }, () => rng() * 4 - 2),
  );
  await run(embeddingNet, 163, Float32Array.from([3, 0, 9, 3.7, 7, 1, 9.99]));
  baseline = tensorCount();
});
afterEach(() => expect(tensorCount()).toBe(baseline));
afterAll(() => models.forEach((m) => m.dispose()));

function of(net: NetworkSpec, id: string): { spec: LayerSpec; out: TensorData; inputs: TensorData[] } {
  const e = explained.get(net.name)!;
  const spec = net.layers.find((l) => l.id === id)!;
  const get = (k: string) => {
    const t = e.activations.get(k);
    if (!t) throw new Error(`no activation ${k}`);
    return t;
  };
  return { spec, out: get(id), inputs: spec.inputs.map(get) };
}

describe('rearranging layers', () => {
  it.each([
    ['sequence.perm', sequenceNet, 'perm'],
    ['sequence.reshape', sequenceNet, 'reshape'],
    ['sequence.repeat', sequenceNet, 'repeat'],
    ['maps.reshape', mapNet, 'reshape'],
    ['maps.perm', mapNet, 'perm'],
    ['maps.perm2', mapNet, 'perm2'],
  ] as const)('%s copies the input element the formula names, at every output', (_name, net, id) => {
    const { spec, out, inputs } = of(net, id);
    const kind = rearrangeKindOf(spec.type)!;
    const input = inputs[0]!;
    const ours = rearrangeLayer(kind, spec.params, input, out.shape);
    for (let i = 0; i < out.data.length; i++) expect(ours.data[i], `${id}[${i}]`).toBe(out.data[i]);
    // The index arithmetic the view writes: Σ coordinate × stride on each side.
    const s = rearrangeSource(kind, spec.params, input.shape, out.shape, out.data.length - 2);
    const dot = (c: number[], st: number[]) => c.reduce((a, x, k) => a + x * (st[k] ?? 0), 0);
    expect(dot(s.outCoords, stridesOf(out.shape))).toBe(s.outIndex);
    expect(dot(s.inCoords, stridesOf(input.shape))).toBe(s.inIndex);
  });

  it('Permute reads the input axis dims names; bad dims are refused', () => {
    const { spec, inputs, out } = of(mapNet, 'perm');
    expect(out.shape).toEqual([3, 5, 6]);
    expect(rearrangeSource('permute', spec.params, inputs[0]!.shape, out.shape, 64).inCoords).toEqual([
      0, 4, 2,
    ]);
    expect(() => rearrangeSource('permute', { dims: [1, 1, 2] }, [5, 6, 3], out.shape, 0)).toThrow(/dims/);
    expect(() => rearrangeSource('reshape', {}, [2, 3], [6], 6)).toThrow(/outside/);
  });
});

describe('Masking', () => {
  it('masks exactly the steps whose features all equal the mask value, and tfjs zeroes them', () => {
    const { out, inputs } = of(sequenceNet, 'mask');
    const steps = maskedSteps(inputs[0]!, 0.5);
    expect(steps.masked).toEqual([false, true, false, false, true, false]);
    expect(steps.firstDifferent[2]).toBe(3);
    for (let i = 0; i < out.data.length; i++)
      expect(maskingAt(inputs[0]!, steps, i), `mask[${i}]`).toBe(out.data[i]);
    expect(out.data[4]).toBe(0);
  });
});

describe('Dot', () => {
  it.each(['dot_steps', 'dot_features', 'cosine', 'dot_mixed'])(
    '%s equals the engine at every output',
    (id) => {
      const { spec, out, inputs } = of(sequenceNet, id);
      for (let i = 0; i < out.data.length; i++) {
        const r = dotAt(spec.params, inputs[0]!, inputs[1]!, i);
        expectClose(r.value, out.data[i] ?? NaN, `${id}[${i}]`);
        expectClose(
          r.terms.reduce((s, t) => s + t.a * t.b, 0),
          r.value,
          'sum of products',
        );
      }
    },
  );

  it('normalised, it is the cosine: within −1…1, and the lengths are the vectors’', () => {
    const { spec, inputs } = of(sequenceNet, 'cosine');
    const r = dotAt(spec.params, inputs[0]!, inputs[1]!, 0);
    expect(Math.abs(r.value)).toBeLessThanOrEqual(1 + 1e-6);
    expectClose(r.normA, Math.hypot(...inputs[0]!.data), 'length of a');
  });
});

describe('LayerNormalization', () => {
  it.each([
    ['sequence.ln', sequenceNet, 'ln'],
    ['sequence.ln_noscale', sequenceNet, 'ln_noscale'],
    ['maps.ln', mapNet, 'ln'],
  ] as const)('%s equals the engine at every value', (_name, net, id) => {
    const { spec, out, inputs } = of(net, id);
    const e = explained.get(net.name)!;
    const p = layerNormParams(spec.params, e.weights.get(id) ?? [], inputs[0]!.shape);
    for (let i = 0; i < out.data.length; i++) {
      const t = layerNormAt(inputs[0]!, p, i);
      expectClose(t.value, out.data[i] ?? NaN, `${id}[${i}]`);
      expectClose(t.normalized, (t.x - t.mean) / Math.sqrt(t.variance + p.epsilon), 'normalised');
    }
    if (id === 'ln_noscale') expect(p.gamma).toBeNull();
    else expect(p.gamma && [...p.gamma].some((g) => Math.abs(g - 1) > 0.1)).toBe(true);
  });

  it('normalises each cell over its own channels: the group is the cell’s channels', () => {
    const { spec, inputs } = of(mapNet, 'ln');
    const p = layerNormParams(spec.params, explained.get('maps')!.weights.get('ln') ?? [], inputs[0]!.shape);
    expect(layerNormAt(inputs[0]!, p, 3 * 7 + 1).indices).toEqual([21, 22, 23]);
    expect(() => layerNormParams({ axis: 4 }, [], [5, 6, 3])).toThrow(/axis 4/);
  });
});

describe('Embedding', () => {
  it('each output is the row of its id, ids cut to whole numbers as tfjs does', () => {
    const { out, inputs } = of(embeddingNet, 'emb');
    const table = explained.get('embedding')!.weights.get('emb')?.[0]?.value;
    expect(table?.shape).toEqual([10, 4]);
    for (let i = 0; i < out.data.length; i++)
      expect(embeddingAt(inputs[0]!, table!, i).value, `emb[${i}]`).toBe(out.data[i]);
    const fractional = embeddingAt(inputs[0]!, table!, 3 * 4 + 2);
    expect([fractional.raw, fractional.id, fractional.inTable]).toEqual([expect.closeTo(3.7, 5), 3, true]);
    expect([...fractional.row]).toEqual([...table!.data.subarray(12, 16)]);
    expect(embeddingAt({ data: Float32Array.from([12]), shape: [1] }, table!, 1).inTable).toBe(false);
  });
});
