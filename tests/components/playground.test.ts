/**
 * The hyperparameter playground rendered in Node: the output size formula with its numbers,
 * the padded input and output grids, the notes, and the products of one window, each equal
 * to the arithmetic written out here.
 */
import { describe, expect, it } from 'vitest';
import PlaygroundPanel from '../../src/views/playground/PlaygroundPanel.svelte';
import SizeFormula from '../../src/views/playground/SizeFormula.svelte';
import PlayGrid from '../../src/views/playground/PlayGrid.svelte';
import PlaygroundNotes from '../../src/views/playground/PlaygroundNotes.svelte';
import ProductsMath from '../../src/views/playground/ProductsMath.svelte';
import { playground, type PlaygroundSettings } from '../../src/lib/formula/playground';
import {
  exampleInput,
  exampleKernel,
  paddedValue,
  windowProducts,
} from '../../src/lib/formula/playgroundValues';
import { renderView } from './render';
import { allByAttr, attr, byTestId, mathLine, numAttr, numbersOf, textOf } from './markup';

/** ⌊(W − K + 2P) / S⌋ + 1, or null when the kernel does not fit. */
function outputSize(s: PlaygroundSettings): number | null {
  const span = s.inputSize - s.kernelSize + 2 * s.padding;
  return span < 0 ? null : Math.floor(span / s.stride) + 1;
}

/** How many cells of each kind (data-kind: input, pad, unvisited) a grid draws. */
function kinds(grid: string): Record<string, number> {
  const count: Record<string, number> = {};
  for (const kind of ['input', 'pad', 'unvisited']) {
    const n = allByAttr(grid, 'data-kind', kind).length;
    if (n > 0) count[kind] = n;
  }
  return count;
}

describe('PlaygroundPanel', () => {
  it('starts at W = 7, P = 1, K = 3, S = 2: a 9×9 padded input and a 4×4 output', () => {
    const html = renderView(PlaygroundPanel, {});
    const size = byTestId(html, 'size-formula');
    expect(attr(size, 'data-output')).toBe(
      String(outputSize({ inputSize: 7, padding: 1, kernelSize: 3, stride: 2 })),
    );
    expect(mathLine(size)).toMatchInlineSnapshot(`"= − + 2 + 1 | = 7 − 3 + 2 · 1 2 + 1 = 6 2 + 1 = 4"`);
    const input = byTestId(html, 'pg-input');
    expect(kinds(input)).toEqual({ input: 49, pad: 81 - 49 });
    expect(kinds(byTestId(html, 'pg-output'))).toEqual({ input: 16 });
    for (const param of ['inputSize', 'padding', 'kernelSize', 'stride'] as const)
      expect(attr(byTestId(html, `pg-${param}-number`), 'value')).toBe(
        String({ inputSize: 7, padding: 1, kernelSize: 3, stride: 2 }[param]),
      );
    expect(allByAttr(html, 'data-testid', 'playground-products')).toHaveLength(0);
  });
});

describe('SizeFormula', () => {
  it.each([
    [{ inputSize: 5, padding: 0, kernelSize: 2, stride: 2 }],
    [{ inputSize: 32, padding: 2, kernelSize: 5, stride: 3 }],
  ])('fills in the numbers of %j', (settings) => {
    const want = outputSize(settings);
    const html = renderView(SizeFormula, { settings, output: want });
    const span = settings.inputSize - settings.kernelSize + 2 * settings.padding;
    expect(numbersOf(html).filter((t) => /\d/.test(t))).toEqual(
      ['2', '1', settings.inputSize, settings.kernelSize, 2, settings.padding, settings.stride, 1]
        .concat([span, settings.stride, 1, want ?? Number.NaN])
        .map(String),
    );
  });

  it('shows ∅ when the kernel is larger than the padded input', () => {
    const html = renderView(SizeFormula, {
      settings: { inputSize: 3, padding: 0, kernelSize: 5, stride: 1 },
      output: null,
    });
    expect(attr(byTestId(html, 'size-formula'), 'data-output')).toBe('');
    expect(textOf(html)).toContain('∅');
  });
});

describe('PlayGrid and PlaygroundNotes', () => {
  it('hatches the input row and column a 2×2 kernel at stride 2 never covers, and says so', () => {
    const settings = { inputSize: 5, padding: 0, kernelSize: 2, stride: 2 };
    const result = playground(settings);
    if (!result.ok) throw new Error('expected a valid setting');
    const unvisited = result.issues.find((i) => i.kind === 'unvisited');
    expect(unvisited?.kind === 'unvisited' && unvisited.indices).toEqual([4]);
    const grid = renderView(PlayGrid, {
      size: 5,
      unvisited: [4],
      values: (r: number, c: number) => paddedValue(settings, exampleInput(5), r, c),
      label: 'input',
      testid: 'grid',
    });
    expect(kinds(grid)).toEqual({ input: 16, unvisited: 9 });
    const input = exampleInput(5);
    expect(numbersOf(grid)).toEqual(input.map(String));
    const notes = renderView(PlaygroundNotes, { result, refused: null });
    expect(allByAttr(notes, 'data-kind', 'unvisited')).toHaveLength(1);
  });
});

describe('ProductsMath', () => {
  it('multiplies the window at output (1, 1) by the edge kernel and sums it', () => {
    const settings = { inputSize: 7, padding: 1, kernelSize: 3, stride: 2 };
    const input = exampleInput(7);
    const kernel = exampleKernel(3);
    // Output (1, 1) reads padded rows and columns 2…4, input rows and columns 1…3.
    let sum = 0;
    for (let r = 1; r <= 3; r++) sum += (input[r * 7 + 3] ?? 0) - (input[r * 7 + 1] ?? 0);
    const html = renderView(ProductsMath, {
      k: 3,
      terms: windowProducts(settings, input, kernel, 2, 2),
      kernel,
      isPadding: () => false,
      outRow: 1,
      outCol: 1,
    });
    expect(numAttr(byTestId(html, 'playground-sum'), 'data-value')).toBe(sum);
    expect(mathLine(html)).toMatchInlineSnapshot(`"1 1 = 6 8 0 9 1 3 2 4 6 ⊙ −1 0 1 −1 0 1 −1 0 1 = −8"`);
  });
});
