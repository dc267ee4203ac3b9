/**
 * The convolution view rendered in Node from the seeded net: the numbers it writes out must be
 * the input window, the kernel and their products, summing to what the formula module and
 * tfjs compute; the snapshots keep the numbers (not the markup) of each formula.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ConvolutionView from '../../src/views/detail/conv/ConvolutionView.svelte';
import ConvFormula from '../../src/views/detail/conv/ConvFormula.svelte';
import { convAt, convParams, convWeights } from '../../src/lib/formula/convolution';
import { channelContributionMaps, strongestChannel } from '../../src/lib/formula/convolutionMaps';
import { formatValue } from '../../src/lib/i18n/format';
import type { LayerWeights, TensorData } from '../../src/lib/tensor/types';
import { activationOf, VIEW_NET_SIZE, useViewNet } from '../fixtures/explainedNet';
import { renderView } from './render';
import {
  byTestId,
  gridCells,
  mathLine,
  mathNumbers,
  numAttr,
  numbersOf,
  shownValue,
  signedTerm,
  textOf,
} from './markup';

const net = useViewNet();

const N = VIEW_NET_SIZE;
const OUT_CHANNELS = 2;
let input: TensorData;
let output: TensorData;
let weights: LayerWeights[];

/** K[ky, kx, c, o] read straight from the kernel array ([3, 3, 3, 2], row-major). */
function k(ky: number, kx: number, c: number, o: number): number {
  const kernel = weights.find((w) => w.name === 'kernel')?.value.data;
  return kernel?.[((ky * 3 + kx) * 3 + c) * OUT_CHANNELS + o] ?? Number.NaN;
}

/** The input at (row, col, c), 0 outside the image (same padding). */
function x(row: number, col: number, c: number): number {
  return row < 0 || col < 0 || row >= N || col >= N ? 0 : (input.data[(row * N + col) * 3 + c] ?? Number.NaN);
}

function engineAt(row: number, col: number, o: number): number {
  return output.data[(row * N + col) * OUT_CHANNELS + o] ?? Number.NaN;
}

function render(channel: number): string {
  const layer = net.spec.layers.find((l) => l.id === 'conv');
  return renderView(ConvolutionView, {
    params: layer?.params ?? {},
    input,
    isNetworkInput: true,
    weights,
    output,
    channel,
  });
}

/** The input channel the view opens on for output channel `o`: the one that adds the most. */
function firstShown(o: number): number {
  const maps = channelContributionMaps(input, convWeights(weights), convParams({ padding: 'same' }), o);
  return strongestChannel(maps.perInputChannel);
}

beforeAll(() => {
  input = activationOf(net, 'input');
  output = activationOf(net, 'conv');
  weights = net.explanation.weights.get('conv') ?? [];
});

describe('ConvolutionView', () => {
  it('writes out the channel that adds the most at the first position: the padded window, the kernel, their products and sum', () => {
    const html = render(1);
    const c = firstShown(1);
    const window = Array.from({ length: 9 }, (_, t) => x(Math.floor(t / 3) - 1, (t % 3) - 1, c));
    const kernel = Array.from({ length: 9 }, (_, t) => k(Math.floor(t / 3), t % 3, c, 1));
    const products = window.map((v, t) => v * (kernel[t] ?? 0));
    expect(numbersOf(byTestId(html, 'conv-window-matrix'))).toEqual(window.map(formatValue));
    // The window's top row and left column are padding: zeros.
    expect(window.filter((v, t) => (t < 3 || t % 3 === 0) && v === 0)).toHaveLength(5);
    expect(numbersOf(byTestId(html, 'conv-kernel-matrix'))).toEqual(kernel.map(formatValue));
    expect(numbersOf(byTestId(html, 'conv-products-matrix'))).toEqual(products.map(formatValue));
    const sum = byTestId(html, 'conv-channel-sum');
    expect(numAttr(sum, 'data-value')).toBeCloseTo(
      products.reduce((a, b) => a + b, 0),
      6,
    );
    expect(textOf(sum)).toBe(formatValue(numAttr(sum, 'data-value')));
  });

  it('adds every channel and the bias into the value tfjs computed, as the formula module does', () => {
    const html = render(1);
    const expected = convAt(input, convWeights(weights), convParams({ padding: 'same' }), {
      row: 0,
      col: 0,
      channel: 1,
    });
    const maths = mathNumbers(byTestId(html, 'conv-neuron-math'));
    // z = Σ s_c + b, then one term per input channel and the bias, then = z.
    const terms = maths.slice(1, -1).map(signedTerm);
    const bias = weights.find((w) => w.name === 'bias')?.value.data[1] ?? Number.NaN;
    expect(terms).toEqual([
      ...expected.channels.map((c) => shownValue(formatValue(c.sum))),
      shownValue(formatValue(bias)),
    ]);
    const pre = numAttr(byTestId(html, 'conv-pre'), 'data-value');
    expect(pre).toBe(expected.preActivation);
    expect(Math.abs(terms.reduce((a, b) => a + b, 0) - pre)).toBeLessThan(0.003);
    const value = byTestId(html, 'conv-value');
    expect(numAttr(value, 'data-value')).toBe(expected.value);
    expect(numAttr(value, 'data-engine-value')).toBe(engineAt(0, 0, 1));
    expect(numAttr(value, 'data-value')).toBeCloseTo(engineAt(0, 0, 1), 5);
    expect(textOf(value)).toBe(formatValue(engineAt(0, 0, 1)));
  });

  it("draws the output channel's whole map as tfjs computed it", () => {
    for (const channel of [0, 1]) {
      const cells = gridCells(byTestId(render(channel), 'conv-output-grid'));
      expect(cells).toHaveLength(N * N);
      for (const cell of cells) {
        const want = engineAt(cell.row, cell.col, channel);
        expect(cell.value).toBeCloseTo(want, 5);
        expect(cell.shown).toBe(formatValue(want));
      }
    }
  });

  it('shows the input channel around the window, padding as zeros', () => {
    const cells = gridCells(byTestId(render(0), 'conv-input-grid'));
    expect(cells.length).toBeGreaterThanOrEqual(9);
    const c = firstShown(0);
    for (const cell of cells) expect(cell.value).toBe(x(cell.row, cell.col, c));
  });

  it('keeps the numbers of its formula', () => {
    expect(mathLine(byTestId(render(1), 'conv-formula'))).toMatchInlineSnapshot(
      `"1 = 0.000 0.000 0.000 0.000 0.676 0.318 0.000 0.449 0.079 | ⊙ −0.401 0.050 0.358 0.313 0.254 −0.470 0.270 0.319 0.335 | = 0.000 0.000 0.000 0.000 0.172 −0.150 0.000 0.143 0.026 | = 0.192 | = = 0 2 + = | − 0.174 | + 0.192 | + 0.073 | + 0.120 | = 0.210 | = 0.210"`,
    );
  });
});

describe('ConvFormula', () => {
  it('writes out an inner position for the focused channel, equal to tfjs there', () => {
    const at = { row: 3, col: 2, channel: 0 };
    const result = convAt(input, convWeights(weights), convParams({ padding: 'same' }), at);
    const html = renderView(ConvFormula, {
      result,
      kernelRows: 3,
      kernelCols: 3,
      focus: 2,
      onfocus: () => {},
      engineValue: engineAt(3, 2, 0),
    });
    const window = Array.from({ length: 9 }, (_, t) =>
      x(at.row + Math.floor(t / 3) - 1, at.col + (t % 3) - 1, 2),
    );
    expect(numbersOf(byTestId(html, 'conv-window-matrix'))).toEqual(window.map(formatValue));
    const channelSum = window.reduce((a, v, t) => a + v * k(Math.floor(t / 3), t % 3, 2, 0), 0);
    expect(numAttr(byTestId(html, 'conv-channel-sum'), 'data-value')).toBeCloseTo(channelSum, 6);
    expect(numAttr(byTestId(html, 'conv-value'), 'data-value')).toBeCloseTo(engineAt(3, 2, 0), 5);
    expect(mathLine(html)).toMatchInlineSnapshot(
      `"2 = 0.960 0.291 0.204 0.984 0.014 0.867 0.199 0.211 0.177 | ⊙ 0.248 −0.288 −0.166 0.038 −0.075 −0.464 0.080 −0.082 0.155 | = 0.238 −0.084 −0.034 0.037 −0.001 −0.402 0.016 −0.017 0.028 | = −0.219 | = = 0 2 + = | 0.202 | + 0.368 | − 0.219 | + 0.113 | = 0.464 | = 0.464"`,
    );
  });
});
