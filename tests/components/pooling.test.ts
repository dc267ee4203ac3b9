/**
 * The pooling view rendered in Node from the seeded net: max pooling's window, the value it
 * keeps and the whole output map, as tfjs computes them; average pooling over a window that
 * reaches into padding divides by the real cells only, as tfjs does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import PoolingView from '../../src/views/detail/pooling/PoolingView.svelte';
import PoolFormula from '../../src/views/detail/pooling/PoolFormula.svelte';
import { poolAt, poolParams } from '../../src/lib/formula/pooling';
import { formatValue } from '../../src/lib/i18n/format';
import { translate } from '../../src/lib/i18n';
import { tf } from '../../src/lib/engine/tf';
import type { TensorData } from '../../src/lib/tensor/types';
import { activationOf, VIEW_NET_SIZE, useViewNet } from '../fixtures/explainedNet';
import { renderView } from './render';
import { byTestId, gridCells, mathLine, numAttr, numbersOf, textOf } from './markup';

const net = useViewNet();

const N = VIEW_NET_SIZE;
let input: TensorData;
let output: TensorData;

/** The ReLU map that feeds the pool, at (row, col, c). */
function x(row: number, col: number, c: number): number {
  return input.data[(row * N + col) * 2 + c] ?? Number.NaN;
}

beforeAll(() => {
  input = activationOf(net, 'relu');
  output = activationOf(net, 'pool');
});

function renderMax(channel: number): string {
  return renderView(PoolingView, {
    params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
    kind: 'max',
    input,
    isNetworkInput: false,
    output,
    channel,
  });
}

describe('PoolingView (max)', () => {
  it("writes out the first 2×2 window and keeps its largest value, tfjs' output there", () => {
    const html = renderMax(1);
    const window = [x(0, 0, 1), x(0, 1, 1), x(1, 0, 1), x(1, 1, 1)];
    expect(numbersOf(byTestId(html, 'pool-window-matrix'))).toEqual(window.map(formatValue));
    const value = byTestId(html, 'pool-value');
    expect(numAttr(value, 'data-value')).toBe(Math.max(...window));
    expect(numAttr(value, 'data-engine-value')).toBe(output.data[1]);
    expect(numAttr(value, 'data-value')).toBeCloseTo(output.data[1] ?? Number.NaN, 6);
    expect(textOf(value)).toBe(formatValue(Math.max(...window)));
  });

  it('shows the output map as tfjs pooled it', () => {
    const cells = gridCells(byTestId(renderMax(0), 'pool-output-grid'));
    expect(cells).toHaveLength(9);
    for (const cell of cells) {
      const want = output.data[(cell.row * 3 + cell.col) * 2] ?? Number.NaN;
      const pooled = Math.max(
        x(2 * cell.row, 2 * cell.col, 0),
        x(2 * cell.row, 2 * cell.col + 1, 0),
        x(2 * cell.row + 1, 2 * cell.col, 0),
        x(2 * cell.row + 1, 2 * cell.col + 1, 0),
      );
      expect(cell.value).toBe(want);
      expect(want).toBeCloseTo(pooled, 6);
      expect(cell.shown).toBe(formatValue(want));
    }
  });

  it('keeps the numbers of its formula', () => {
    expect(mathLine(byTestId(renderMax(1), 'pool-formula'))).toMatchInlineSnapshot(
      `"= 0.210 0.000 0.000 0.000 = 0.210"`,
    );
  });
});

describe('PoolFormula (average)', () => {
  it('averages only the real cells of a window that reaches into same padding, as tfjs', () => {
    const params = poolParams({ poolSize: [3, 3], strides: [2, 2], padding: 'same' });
    // 6 rows, 3×3 windows at stride 2, same padding: one padding row and column at the far end.
    const result = poolAt(input, params, 'average', { row: 2, col: 2, channel: 0 });
    const engine = tf.tidy(() => tf.avgPool(tf.tensor4d(input.data, [1, N, N, 2]), 3, 2, 'same').dataSync());
    const engineValue = engine[(2 * 3 + 2) * 2] ?? Number.NaN;
    const html = renderView(PoolFormula, { result, rows: 3, cols: 3, engineValue });
    const real = [x(4, 4, 0), x(4, 5, 0), x(5, 4, 0), x(5, 5, 0)];
    const mean = real.reduce((a, b) => a + b, 0) / 4;
    // The window: 4 real cells and 5 skipped padding cells shown as dashes.
    expect(numbersOf(byTestId(html, 'pool-window-matrix'))).toEqual([
      formatValue(real[0] ?? 0),
      formatValue(real[1] ?? 0),
      formatValue(real[2] ?? 0),
      formatValue(real[3] ?? 0),
    ]);
    expect(textOf(byTestId(html, 'pool-window-matrix')).match(/–/g)).toHaveLength(5);
    const value = byTestId(html, 'pool-value');
    expect(numAttr(value, 'data-value')).toBeCloseTo(mean, 6);
    expect(numAttr(value, 'data-value')).toBeCloseTo(engineValue, 6);
    expect(textOf(html)).toContain(translate('en', 'formula.pool.skipped', { n: 5 }));
    expect(mathLine(html)).toMatchInlineSnapshot(`"= 1 4 0.514 0.353 0.438 0.285 = 1.590 4 = 0.397"`);
  });
});
