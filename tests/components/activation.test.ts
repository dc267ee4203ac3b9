/**
 * The activation view rendered in Node from the seeded net: it starts on the most negative
 * input, writes y = f(x) with the function's own numbers, and draws the output map as tfjs'
 * ReLU layer computed it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ActivationView from '../../src/views/detail/activation/ActivationView.svelte';
import { formatValue } from '../../src/lib/i18n/format';
import { channelPlane } from '../../src/lib/tensor/layout';
import type { TensorData } from '../../src/lib/tensor/types';
import { activationOf, VIEW_NET_SIZE, useViewNet } from '../fixtures/explainedNet';
import { renderView } from './render';
import { allByTestId, byTestId, gridCells, mathLine, numAttr, textOf } from './markup';

const net = useViewNet();

const N = VIEW_NET_SIZE;
let input: TensorData;
let output: TensorData;

beforeAll(() => {
  input = activationOf(net, 'conv');
  output = activationOf(net, 'relu');
});

/** The cell of channel c's most negative input, and its value. */
function mostNegative(c: number): { row: number; col: number; value: number } {
  let best = { row: 0, col: 0, value: Number.POSITIVE_INFINITY };
  for (let r = 0; r < N; r++)
    for (let col = 0; col < N; col++) {
      const v = input.data[(r * N + col) * 2 + c] ?? Number.NaN;
      if (v < best.value) best = { row: r, col, value: v };
    }
  return best;
}

describe('ActivationView', () => {
  it("maps the most negative input through ReLU to 0, tfjs' output there", () => {
    const html = renderView(ActivationView, { fn: { name: 'relu' }, input, output, channel: 1 });
    const cell = mostNegative(1);
    expect(cell.value).toBeLessThan(0);
    const x = byTestId(html, 'activation-x');
    expect(numAttr(x, 'data-value')).toBe(cell.value);
    expect(textOf(x)).toBe(formatValue(cell.value));
    const y = byTestId(html, 'activation-value');
    expect(numAttr(y, 'data-value')).toBe(0);
    expect(numAttr(y, 'data-engine-value')).toBe(output.data[(cell.row * N + cell.col) * 2 + 1]);
    expect(textOf(byTestId(html, 'activation-at'))).toContain(`(${cell.row}, ${cell.col})`);
    expect(mathLine(byTestId(html, 'activation-view'))).toMatchInlineSnapshot(`"= 0 | = −0.840 = 0.000"`);
  });

  it('draws the output map as tfjs computed it, the input map as it came in', () => {
    const html = renderView(ActivationView, { fn: { name: 'relu' }, input, output, channel: 0 });
    const outCells = gridCells(byTestId(html, 'activation-output'));
    expect(outCells.length).toBeGreaterThan(0);
    const engine = channelPlane(output, 0);
    for (const cell of outCells)
      expect(cell.value).toBeCloseTo(engine[cell.row * N + cell.col] ?? Number.NaN, 6);
    const inCells = gridCells(byTestId(html, 'activation-input'));
    const plane = channelPlane(input, 0);
    for (const cell of inCells) expect(cell.value).toBe(plane[cell.row * N + cell.col]);
    expect(outCells.some((c) => c.value === 0) && outCells.some((c) => (c.value ?? 0) > 0)).toBe(true);
  });

  it('writes a leaky ReLU with its slope: f(x) = αx below zero', () => {
    const html = renderView(ActivationView, {
      fn: { name: 'leaky_relu', alpha: 0.25 },
      input,
      output: undefined,
      channel: 0,
    });
    const cell = mostNegative(0);
    const y = byTestId(html, 'activation-value');
    expect(numAttr(y, 'data-value')).toBeCloseTo(0.25 * cell.value, 6);
    expect(textOf(y)).toBe(formatValue(0.25 * cell.value));
    expect(mathLine(html)).toMatchInlineSnapshot(`"= 0 0.250 0 | = −0.622 = −0.156"`);
  });

  it("writes PReLU with the chosen cell's own learned slope", () => {
    // One slope per cell and channel ([H, W, C], no shared axes), all different.
    const slopes = {
      data: Float32Array.from({ length: N * N * 2 }, (_, i) => 0.01 * (i + 1)),
      shape: [N, N, 2],
    };
    const html = renderView(ActivationView, {
      fn: { name: 'prelu' },
      input,
      output: undefined,
      channel: 1,
      slopes,
    });
    const cell = mostNegative(1);
    const alpha = slopes.data[(cell.row * N + cell.col) * 2 + 1] ?? Number.NaN;
    expect(numAttr(byTestId(html, 'activation-value'), 'data-value')).toBeCloseTo(alpha * cell.value, 6);
    expect(allByTestId(html, 'prelu-note')).toHaveLength(1);
    // The definition shows this cell's α: f(x) = x for x ≥ 0, αx below.
    expect(mathLine(html)).toContain(formatValue(alpha));
  });
});
