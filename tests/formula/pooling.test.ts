import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/random';
import {
  poolAt,
  poolKindOf,
  poolOutputPositions,
  poolParams,
  type PoolKind,
} from '../../src/lib/formula/pooling';
import { readHwc } from '../../src/lib/tensor/layout';
import { activationFunction } from '../../src/lib/tensor/activations';
import { activationOf, expectClose, samplePositions, useFormulaNets } from './helpers';

const nets = useFormulaNets(20);

function poolLayer(id: string) {
  for (const net of nets) {
    const layer = net.spec.layers.find((l) => l.id === id);
    if (!layer) continue;
    const kind = poolKindOf(layer.type);
    if (!kind) throw new Error(`${id} is not a pooling layer`);
    return {
      kind,
      params: poolParams(layer.params),
      input: activationOf(net, layer.inputs[0] ?? ''),
      output: activationOf(net, id),
    };
  }
  throw new Error(id);
}

const cases: [string, PoolKind, 'valid' | 'same'][] = [
  ['max_pool_1', 'max', 'valid'],
  ['max_pool_2', 'max', 'valid'],
  ['max_overlap', 'max', 'valid'],
  ['max_same', 'max', 'same'],
  ['avg_valid', 'average', 'valid'],
  ['avg_same', 'average', 'same'],
];

describe('pooling at one position', () => {
  it.each(cases)('%s (%s, %s) matches the engine', (id, kind, padding) => {
    const layer = poolLayer(id);
    expect([layer.kind, layer.params.padding]).toEqual([kind, padding]);
    const [ph, pw] = layer.params.poolSize;
    const positions = samplePositions(layer.output.shape, createRng(id.length * 17 + 3));
    expect(positions.length).toBeGreaterThanOrEqual(20);
    let sawPadding = false;
    let provedRealCount = false;
    for (const at of positions) {
      const result = poolAt(layer.input, layer.params, kind, at);
      const expected = readHwc(layer.output, at.row, at.col, at.channel);
      expectClose(result.value, expected, `${id} at ${JSON.stringify(at)}`);
      expect(result.cells).toHaveLength(ph * pw);
      const real = result.cells.filter((cell) => cell.source === 'input');
      expect(result.count).toBe(real.length);
      real.forEach((cell) => expect(cell.value).toBe(readHwc(layer.input, cell.row, cell.col, at.channel)));
      result.cells
        .filter((cell) => cell.source === 'padding')
        .forEach((cell) => expect(cell.value).toBeNull());
      if (kind === 'max') {
        const picked = result.cells[result.pickedIndex ?? -1];
        expect(picked?.value).toBe(result.value);
        // The first of equal maxima, in kernel row order.
        expect(result.cells.findIndex((cell) => cell.value === result.value)).toBe(result.pickedIndex);
      } else {
        expect(result.pickedIndex).toBeNull();
        expectClose(result.value, result.sum / result.count, 'mean of real cells');
      }
      if (real.length < ph * pw) {
        sawPadding = true;
        // tfjs divides by the real cells only; dividing by the window size would differ here.
        if (kind === 'average' && Math.abs(result.sum) > 1e-3) {
          expect(Math.abs(result.sum / (ph * pw) - expected)).toBeGreaterThan(1e-5);
          provedRealCount = true;
        }
      }
    }
    expect(sawPadding).toBe(padding === 'same');
    expect(provedRealCount).toBe(kind === 'average' && padding === 'same');
  });

  it('max ignores padding even when every real value is negative', () => {
    const input = { data: Float32Array.from([-5, -2, -3, -4]), shape: [2, 2, 1] };
    const params = {
      poolSize: [3, 3] as [number, number],
      strides: [2, 2] as [number, number],
      padding: 'same' as const,
    };
    const result = poolAt(input, params, 'max', { row: 0, col: 0, channel: 0 });
    // 2×2 input, 3×3 window, stride 2: total pad 1 goes after, so the window is rows/cols 0–2.
    expect(result.value).toBe(-2);
    expect(result.cells[result.pickedIndex ?? -1]).toMatchObject({ row: 0, col: 1 });
    const average = poolAt(input, params, 'average', { row: 0, col: 0, channel: 0 });
    expect([average.count, average.sum, average.value]).toEqual([4, -14, -3.5]);
  });

  it('lists cursor positions row by row and reads layer types', () => {
    const steps = poolOutputPositions([6, 5, 2], { poolSize: [2, 2], strides: [2, 2], padding: 'same' });
    expect(steps.map((s) => [s.outRow, s.outCol, s.top, s.left])).toEqual([
      [0, 0, 0, 0],
      [0, 1, 0, 2],
      [0, 2, 0, 4],
      [1, 0, 2, 0],
      [1, 1, 2, 2],
      [1, 2, 2, 4],
      [2, 0, 4, 0],
      [2, 1, 4, 2],
      [2, 2, 4, 4],
    ]);
    expect([poolKindOf('MaxPooling2D'), poolKindOf('AveragePooling2D'), poolKindOf('Conv2D')]).toEqual([
      'max',
      'average',
      null,
    ]);
    expect(poolParams({ poolSize: [3, 3], padding: 'valid' }).strides).toEqual([3, 3]);
  });

  it('Activation layers of TinyVGG are the element-wise function of their input', () => {
    const net = nets[0];
    if (!net) throw new Error('TinyVGG');
    const relu = activationFunction('relu');
    for (const layer of net.spec.layers.filter((l) => l.type === 'Activation')) {
      const input = activationOf(net, layer.inputs[0] ?? '');
      const output = activationOf(net, layer.id);
      input.data.forEach((v, i) => expectClose(relu(v), output.data[i] ?? NaN, layer.id));
    }
  });
});
