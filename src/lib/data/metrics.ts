/** Accuracy and confusion matrix from predicted probabilities (rows = true class). */

export function argmax(values: ArrayLike<number>, offset = 0, length = values.length - offset): number {
  let best = 0;
  for (let i = 1; i < length; i++) if (values[offset + i]! > values[offset + best]!) best = i;
  return best;
}

/**
 * The indices of the `k` largest values, largest first, equal values in index order: what
 * sorting every index by value (a stable sort) and taking the first `k` gives, in one pass
 * (a thousand classes sorted with a comparator are some milliseconds on the page).
 */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const top: number[] = [];
  if (k < 1) return top;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (top.length === k) {
      if (!(v > values[top[k - 1]!]!)) continue;
      top.pop();
    }
    let at = top.length;
    while (at > 0 && v > values[top[at - 1]!]!) at--;
    top.splice(at, 0, i);
  }
  return top;
}

export interface Evaluation {
  accuracy: number;
  confusion: number[][];
  perClass: number[];
}

export function evaluatePredictions(
  probabilities: Float32Array,
  labels: ArrayLike<number>,
  classes: number,
): Evaluation {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const truth = labels[i]!;
    const guess = argmax(probabilities, i * classes, classes);
    confusion[truth]![guess]!++;
    if (guess === truth) correct++;
  }
  const perClass = confusion.map((row, i) => {
    const n = row.reduce((a, b) => a + b, 0);
    return n > 0 ? row[i]! / n : 0;
  });
  return { accuracy: labels.length > 0 ? correct / labels.length : 0, confusion, perClass };
}

/** Mean cross-entropy of the true classes, as training reports it. */
export function crossEntropy(
  probabilities: Float32Array,
  labels: ArrayLike<number>,
  classes: number,
): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++)
    sum -= Math.log(Math.max(probabilities[i * classes + labels[i]!]!, 1e-7));
  return labels.length > 0 ? sum / labels.length : 0;
}
