/** The playground's example numbers: a hand-checked convolution with explicit zero padding. */
import { describe, expect, it } from 'vitest';
import { playground } from '../../src/lib/formula/playground';
import {
  exampleInput,
  exampleKernel,
  exampleOutput,
  paddedValue,
  positionsCovering,
  windowProducts,
} from '../../src/lib/formula/playgroundValues';

describe('playground example values', () => {
  it('fills the input with 0…9 and the kernel with a −1/0/1 edge detector', () => {
    expect(exampleInput(3)).toEqual([1, 3, 5, 4, 6, 8, 7, 9, 1]);
    expect(exampleKernel(3)).toEqual([-1, 0, 1, -1, 0, 1, -1, 0, 1]);
    expect(exampleKernel(2)).toEqual([-1, 1, -1, 1]);
    expect(exampleKernel(1)).toEqual([0]);
  });

  it('reads zeros in the padding and input values inside', () => {
    const s = { inputSize: 3, padding: 1, kernelSize: 3, stride: 1 };
    const input = exampleInput(3);
    expect(paddedValue(s, input, 0, 0)).toBe(0);
    expect(paddedValue(s, input, 1, 1)).toBe(1);
    expect(paddedValue(s, input, 3, 3)).toBe(1);
    expect(paddedValue(s, input, 4, 2)).toBe(0);
  });

  it('computes each output by hand over the padded input', () => {
    const s = { inputSize: 3, padding: 1, kernelSize: 3, stride: 2 };
    const r = playground(s);
    if (!r.ok) throw new Error('expected a valid setting');
    const input = exampleInput(3);
    const kernel = exampleKernel(3);
    // Top-left window: zeros on the top row and left column, then [1 3; 4 6]: the right column 3 + 6 = 9.
    const first = windowProducts(s, input, kernel, 0, 0);
    expect(first.window).toEqual([0, 0, 0, 0, 1, 3, 0, 4, 6]);
    expect(first.sum).toBe(9);
    expect(exampleOutput(s, input, kernel, r.positions)).toEqual([9, -9, 15, -15]);
  });

  it('lists the positions whose window covers a cell', () => {
    const s = { inputSize: 5, padding: 0, kernelSize: 3, stride: 1 };
    const r = playground(s);
    if (!r.ok) throw new Error('expected a valid setting');
    expect(positionsCovering(3, r.positions, 0, 0)).toEqual([0]);
    expect(positionsCovering(3, r.positions, 2, 2)).toHaveLength(9);
    expect(positionsCovering(3, r.positions, 4, 3)).toEqual([7, 8]);
  });
});
