import { describe, expect, it } from 'vitest';
import { computeSqueezeExcite, findSqueezeExcite } from '../../src/lib/formula/squeezeExcite';
import { indexOf, mergeAt } from '../../src/lib/formula/merge';
import { mobilenetV3SmallSpec } from '../../src/lib/zoo/mobilenetV3Small';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import type { NetworkSpec } from '../../src/lib/spec/types';
import type { ExplainedNet } from './helpers';
import { activationOf, expectClose } from './helpers';
import { findLayer, useBranchNets } from './branchHelpers';

const nets = useBranchNets(60);

const shapesOf = (net: ExplainedNet) => (id: string) => net.explanation.activations.get(id)?.shape;
const weightsOf = (net: ExplainedNet) => (id: string) => net.explanation.weights.get(id) ?? [];

function tableShapes(spec: NetworkSpec) {
  const table = inferShapes(spec);
  return (id: string) => {
    const info = table.layers.get(id);
    return info?.status === 'ok' ? info.shape : undefined;
  };
}

const cases: [string, number, string[], string][] = [
  ['se_scale', 0, ['pool', 'dense', 'dense', 'reshape'], 'res_add'],
  ['v3_scale', 1, ['pool', 'reshape', 'dense', 'activation', 'dense', 'activation'], 'c1'],
  ['flat_scale', 1, ['pool', 'dense'], 'c1'],
];

describe('squeeze-and-excitation', () => {
  it.each(cases)('%s: every stage and the scaled map match the engine', (id, netIndex, kinds, pooledFrom) => {
    const { net, layer, inputs, output } = findLayer(nets, id, netIndex);
    const plan = findSqueezeExcite(net.spec, id, shapesOf(net));
    if (!plan) throw new Error(`${id} is not recognised as SE`);
    expect(plan.steps.map((s) => s.kind)).toEqual(kinds);
    expect(plan.pooledFrom).toBe(pooledFrom);
    expect(layer.inputs[plan.mapInput]).toBe(pooledFrom);
    const result = computeSqueezeExcite(plan, activationOf(net, plan.pooledFrom), weightsOf(net));
    // Each stage against the engine's own activation of that layer.
    for (const stage of result.stages) {
      const engine = activationOf(net, stage.step.layer.id);
      expect(stage.values.length).toBe(engine.data.length);
      stage.values.forEach((v, i) => expectClose(v, engine.data[i] ?? NaN, `${stage.step.layer.id}[${i}]`));
      if (stage.step.kind === 'dense') expect(stage.units?.length).toBe(engine.data.length);
    }
    expect(result.gate.length).toBe(output.shape[2]);
    // The gate lies in (0, 1) here: sigmoid and hard sigmoid.
    result.gate.forEach((g) => expect(g >= 0 && g <= 1).toBe(true));
    // Scale: cell × gate of its channel, for several cells.
    const map = inputs[plan.mapInput];
    if (!map) throw new Error('no map');
    for (const [r, c, ch] of [
      [0, 0, 0],
      [3, 4, 1],
      [6, 8, 5 % (output.shape[2] ?? 1)],
      [2, 7, (output.shape[2] ?? 1) - 1],
    ] as const) {
      const i = indexOf(output.shape, [r, c, ch]);
      const scaled = (map.data[i] ?? NaN) * (result.gate[ch] ?? NaN);
      expectClose(scaled, output.data[i] ?? NaN, `${id} at (${r}, ${c}, ${ch})`);
      expectClose(mergeAt('multiply', inputs, output.shape, i).value, scaled, 'merge view agrees');
    }
  });

  it('the squeeze is the channel mean (or max) of the pooled map', () => {
    const { net } = findLayer(nets, 'se_scale', 0);
    const plan = findSqueezeExcite(net.spec, 'se_scale', shapesOf(net));
    if (!plan) throw new Error('not SE');
    const map = activationOf(net, 'res_add');
    const result = computeSqueezeExcite(plan, map, weightsOf(net));
    let sum = 0;
    for (let i = 0; i < 144; i++) sum += map.data[i * 4 + 2] ?? 0;
    expectClose(result.squeezed[2] ?? NaN, sum / 144, 'mean of channel 2');
  });

  it('other products are not SE blocks', () => {
    const main = nets[0];
    if (!main) throw new Error('net');
    // Map × map, and a missing layer.
    expect(findSqueezeExcite(main.spec, 'product', shapesOf(main))).toBeNull();
    expect(findSqueezeExcite(main.spec, 'nope', shapesOf(main))).toBeNull();
    expect(findSqueezeExcite(main.spec, 'res_add', shapesOf(main))).toBeNull();
    // A gate with no excitation step (pool straight into the product) is only a gate.
    const spec: NetworkSpec = {
      name: 'gate-only',
      layers: [
        ...main.spec.layers.slice(0, 5),
        { id: 'gate', type: 'Multiply', params: {}, inputs: ['res_add', 'se_pool'] },
      ],
    };
    expect(findSqueezeExcite(spec, 'gate', tableShapes(spec))).toBeNull();
  });

  it('finds every SE block of the zoo MobileNetV3-Small from shapes alone', () => {
    const spec = mobilenetV3SmallSpec();
    const shapeOf = tableShapes(spec);
    const multiplies = spec.layers.filter((l) => l.type === 'Multiply');
    expect(multiplies.length).toBe(9);
    for (const m of multiplies) {
      const plan = findSqueezeExcite(spec, m.id, shapeOf);
      expect(plan?.steps.map((s) => s.layer.type)).toEqual([
        'GlobalAveragePooling2D',
        'Reshape',
        'Conv2D',
        'ReLU',
        'Conv2D',
        'HardSigmoid',
      ]);
      expect(plan?.mapInput).toBe(0);
    }
  });
});
