/**
 * Masking: a step (every position but the last axis) whose features all equal the mask value
 * is marked as padding. tfjs multiplies the values by the mask, so a masked step comes out as
 * zeros (the same values when the mask value is 0) and every other step unchanged.
 */
import type { TensorData } from '../tensor/types';

export interface MaskedSteps {
  /** Number of features per step (the last axis). */
  features: number;
  /** One entry per step: true when it is masked. */
  masked: boolean[];
  /** For each step, the first feature that differs from the mask value (−1 when masked). */
  firstDifferent: number[];
}

export function maskedSteps(input: TensorData, maskValue: number): MaskedSteps {
  const features = input.shape.at(-1) ?? 1;
  const steps = Math.floor(input.data.length / Math.max(1, features));
  const masked: boolean[] = [];
  const firstDifferent: number[] = [];
  for (let s = 0; s < steps; s++) {
    let differs = -1;
    for (let f = 0; f < features && differs < 0; f++)
      if (input.data[s * features + f] !== maskValue) differs = f;
    masked.push(differs < 0);
    firstDifferent.push(differs);
  }
  return { features, masked, firstDifferent };
}

/** The layer's output value at flat index `i`: the input, or 0 on a masked step. */
export function maskingAt(input: TensorData, steps: MaskedSteps, i: number): number {
  return steps.masked[Math.floor(i / steps.features)] ? 0 : (input.data[i] ?? NaN);
}
