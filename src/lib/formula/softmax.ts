/**
 * Softmax with temperature, written out term by term for the softmax view. It normalises a
 * plain vector: the classifier's logits, or one NHWC position's channel vector when a conv
 * layer uses softmax (tfjs normalises along the last axis, the channels).
 * pᵢ = exp(zᵢ/T − m) / Σⱼ exp(zⱼ/T − m) with m = maxⱼ zⱼ/T: subtracting the maximum keeps every
 * exponent ≤ 0, so nothing overflows, and it cancels in the ratio.
 */

export interface SoftmaxTerms {
  temperature: number;
  logits: number[];
  /** zᵢ / T. */
  scaled: number[];
  /** max of `scaled`, the shift that keeps the exponentials ≤ 1. */
  max: number;
  /** exp(zᵢ/T − max). */
  exps: number[];
  /** Σ exps; at least 1 whenever some logit is finite, since the largest term is exp(0). */
  sum: number;
  probabilities: number[];
}

export function softmaxTerms(logits: ArrayLike<number>, temperature = 1): SoftmaxTerms {
  if (!(temperature > 0) || !Number.isFinite(temperature))
    throw new RangeError(`temperature must be > 0, got ${temperature}`);
  if (logits.length === 0) throw new RangeError('softmax needs at least one logit');
  const values = Array.from(logits);
  if (values.some((v) => Number.isNaN(v))) throw new RangeError('softmax got a NaN logit');
  const scaled = values.map((z) => z / temperature);
  const max = Math.max(...scaled);
  // Infinite logits: +∞ ones share all the mass; if all are −∞ there is no preference at all.
  const exps =
    max === Infinity
      ? scaled.map((s) => (s === Infinity ? 1 : 0))
      : max === -Infinity
        ? scaled.map(() => 1)
        : scaled.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return {
    temperature,
    logits: values,
    scaled,
    max,
    exps,
    sum,
    probabilities: exps.map((e) => e / sum),
  };
}

/** Just the probabilities, at temperature 1. */
export function softmax(logits: ArrayLike<number>): number[] {
  return softmaxTerms(logits).probabilities;
}
