import { describe, expect, it } from 'vitest';
import { createRng, randomInt } from '../../src/lib/random';
import {
  broadcastSourceIndex,
  concatAxis,
  concatSegments,
  concatSourceAt,
  coordsOf,
  indexOf,
  mergeAt,
  mergeLayer,
  mergeOpOf,
  type MergeOp,
} from '../../src/lib/formula/merge';
import { expectClose } from './helpers';
import { findLayer, useBranchNets } from './branchHelpers';

const nets = useBranchNets(40);

/** Every index when there are few, else 40 random ones plus the first and last. */
function sampleIndices(size: number, seed: number): number[] {
  if (size <= 64) return Array.from({ length: size }, (_, i) => i);
  const rng = createRng(seed);
  return [0, size - 1, ...Array.from({ length: 40 }, () => randomInt(rng, 0, size - 1))];
}

const cases: [string, MergeOp, number, number][] = [
  ['res_add', 'add', 2, 0],
  ['mean3', 'average', 3, 0],
  ['larger', 'maximum', 2, 0],
  ['product', 'multiply', 2, 0],
  ['se_scale', 'multiply', 2, 0],
  ['v3_scale', 'multiply', 2, 1],
  ['flat_scale', 'multiply', 2, 1],
];

describe('element-wise merges at one value', () => {
  it.each(cases)('%s (%s of %i inputs) matches the engine', (id, op, count, netIndex) => {
    const { layer, inputs, output } = findLayer(nets, id, netIndex);
    expect(mergeOpOf(layer.type)).toBe(op);
    expect(inputs).toHaveLength(count);
    let sawDifferentOperands = false;
    for (const i of sampleIndices(output.data.length, id.length * 7)) {
      const result = mergeAt(op, inputs, output.shape, i);
      expectClose(result.value, output.data[i] ?? NaN, `${id}[${i}]`);
      expect(result.terms).toHaveLength(count);
      result.terms.forEach((t, k) => expect(t.value).toBe(inputs[k]?.data[t.index]));
      if (new Set(result.terms.map((t) => t.value)).size > 1) sawDifferentOperands = true;
      if (op === 'maximum') expect(result.terms[result.picked ?? -1]?.value).toBe(result.value);
      else expect(result.picked).toBeNull();
    }
    expect(sawDifferentOperands).toBe(true);
  });

  it('a per-channel gate is read at channel c for every cell', () => {
    const { inputs, output } = findLayer(nets, 'se_scale', 0);
    const [map, gate] = inputs;
    expect(gate?.shape).toEqual([1, 1, 4]);
    // Cell (5, 7) of channel 3: the map at that cell, the gate at its channel 3.
    const index = indexOf(output.shape, [5, 7, 3]);
    const result = mergeAt('multiply', inputs, output.shape, index);
    expect(result.terms.map((t) => t.index)).toEqual([index, 3]);
    expect(result.terms[0]?.value).toBe(map?.data[index]);
    expect(broadcastSourceIndex([12, 12, 4], [4], index)).toBe(3);
    expect(() => broadcastSourceIndex([2, 3], [4], 1)).toThrow(/cannot stretch/);
  });

  it('whole layers equal the engine; Subtract is a − b and refuses three inputs', () => {
    const { inputs, output } = findLayer(nets, 'mean3', 0);
    const ours = mergeLayer('average', inputs, output.shape);
    ours.data.forEach((v, i) => expectClose(v, output.data[i] ?? NaN, `mean3[${i}]`));
    expect(() => mergeAt('subtract', inputs, output.shape, 0)).toThrow(/exactly two/);
    // tfjs has no Subtract layer to compare with; a − b by hand.
    const a = { data: Float32Array.from([1, 5, -2]), shape: [3] };
    const b = { data: Float32Array.from([4]), shape: [1] };
    expect([0, 1, 2].map((i) => mergeAt('subtract', [a, b], [3], i).value)).toEqual([-3, 1, -6]);
    expect(coordsOf([2, 3, 4], indexOf([2, 3, 4], [1, 2, 3]))).toEqual([1, 2, 3]);
  });
});

describe('concatenation', () => {
  it('channel join: each output channel is one input channel, in input order', () => {
    const { layer, inputs, output } = findLayer(nets, 'joined', 0);
    const axis = concatAxis(layer.params.axis, 3);
    expect(axis).toBe(2);
    expect(
      concatSegments(
        inputs.map((x) => x.shape),
        axis,
      ),
    ).toEqual([
      { input: 0, start: 0, size: 4 },
      { input: 1, start: 4, size: 2 },
    ]);
    for (const i of sampleIndices(output.data.length, 5)) {
      const source = concatSourceAt(inputs, axis, output.shape, i);
      expect(source.value).toBe(output.data[i]);
      const channel = coordsOf(output.shape, i)[2] ?? -1;
      expect(source.input).toBe(channel < 4 ? 0 : 1);
      expect(source.offset).toBe(channel < 4 ? channel : channel - 4);
    }
  });

  it('row join: three 7-row maps stack into 21 rows', () => {
    const { layer, inputs, output } = findLayer(nets, 'rows', 1);
    const axis = concatAxis(layer.params.axis, 3);
    expect(axis).toBe(0);
    const seen = new Set<number>();
    for (const i of sampleIndices(output.data.length, 9)) {
      const source = concatSourceAt(inputs, axis, output.shape, i);
      expect(source.value).toBe(output.data[i]);
      const [row = -1, col, channel] = coordsOf(output.shape, i);
      expect(source.input).toBe(Math.floor(row / 7));
      expect(coordsOf(inputs[source.input]?.shape ?? [], source.index)).toEqual([row % 7, col, channel]);
      seen.add(source.input);
    }
    expect([...seen].sort()).toEqual([0, 1, 2]);
    expect(() => concatAxis(4, 3)).toThrow(/does not fit/);
  });
});
